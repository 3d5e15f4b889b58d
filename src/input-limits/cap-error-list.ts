/**
 * A broken input can have thousands of problems (500,000 bad entries once
 * made 286 MB of error text). Lists of problems show the first 20 and count
 * the rest; fixing those and running again shows the next ones.
 */
export const SHOWN_ERRORS = 20;

/** `lines` as list items (「  - …」), at most SHOWN_ERRORS, then 「  … 另有 N 处未列出」. */
export function cappedList(lines: readonly string[]): string[] {
  const shown = lines.slice(0, SHOWN_ERRORS).map((l) => `  - ${l}`);
  const more = lines.length - shown.length;
  return more > 0 ? [...shown, `  … 另有 ${more} 处未列出（先改正以上 ${SHOWN_ERRORS} 处再运行，会列出其余的）`] : shown;
}
