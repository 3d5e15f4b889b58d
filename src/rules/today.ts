/** Today's date (YYYY-MM-DD) in China, the default `asOf` of check and estimate. */
export function todayInChina(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(now);
}
