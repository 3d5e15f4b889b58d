/** Timestamps as a bureau reads them: Beijing time, minutes, whatever the server's zone. */
const FORMAT = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** 2026-11-22 10:05 */
export function chinaDateTime(at: Date): string {
  return FORMAT.format(at);
}
