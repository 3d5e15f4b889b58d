/**
 * What every intake parser returns: the value, or a Chinese message saying
 * what is expected plus an example the user can copy. Parsers never throw on
 * user input: the intake engine turns a failure into its 「invalid」 event.
 */

export type ParseResult<T> =
  | { ok: true; value: T; /** e.g. "按下限 20 计" when the user said 「20多家」 */ note?: string }
  | { ok: false; message: string; example: string };

export function ok<T>(value: T, note?: string): ParseResult<T> {
  return note === undefined ? { ok: true, value } : { ok: true, value, note };
}

export function fail<T = never>(message: string, example: string): ParseResult<T> {
  return { ok: false, message, example };
}
