/** Dates as Chinese documents print them: 2026年11月22日. */

/** A Date in China Standard Time (UTC+8), the time zone of both policies. */
export function formatChineseDate(date: Date): string {
  const cst = new Date(date.getTime() + 8 * 3600_000);
  return `${cst.getUTCFullYear()}年${cst.getUTCMonth() + 1}月${cst.getUTCDate()}日`;
}

/** "2026-11-22" → 2026年11月22日 (no time zone shift: it is already a calendar date). */
export function formatIsoDateChinese(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** The calendar date of `date` in China Standard Time, as YYYY-MM-DD. */
export function isoDateInChina(date: Date): string {
  return new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
