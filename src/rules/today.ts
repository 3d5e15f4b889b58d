/**
 * One formatter for the process: building an Intl.DateTimeFormat costs tens of
 * microseconds (time-zone data is looked up each time), and intake texts ask
 * for today's date several times per message. en-CA formats as YYYY-MM-DD.
 */
const CHINA_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" });

/** Today's date (YYYY-MM-DD) in China, the default `asOf` of check and estimate. */
export function todayInChina(now: Date = new Date()): string {
  return CHINA_DATE.format(now);
}
