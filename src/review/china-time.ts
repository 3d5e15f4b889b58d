/** Timestamps as a bureau reads them: Beijing time, minutes, whatever the server's zone. */
// Made on first use: the first Intl object of a process loads ICU data (~10 ms at start, more on a busy
// machine), and a start that formats no timestamp (a chat answering questions) should not pay it.
let format: Intl.DateTimeFormat | undefined;
const makeFormat = (): Intl.DateTimeFormat => new Intl.DateTimeFormat("sv-SE", {
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
  return (format ??= makeFormat()).format(at);
}
