/**
 * China's date without time-zone data: China has kept UTC+8, without daylight
 * saving, since 1991 (Asia/Shanghai in the tz database), so the date there is
 * the UTC date eight hours on. An Intl.DateTimeFormat gave the same, but the
 * first Intl object of a process loads ICU's data (30–100 ms of a start), and
 * `cli ask` needed ICU for nothing else. Pure arithmetic, a fraction of a
 * microsecond a call (intake texts ask for today several times per message).
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Today's date (YYYY-MM-DD) in China, the default `asOf` of check and estimate. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
