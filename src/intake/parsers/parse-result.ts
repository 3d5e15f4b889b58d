/**
 * What every intake parser returns: the value, or a Chinese message saying
 * what is expected plus an example the user can copy. Parsers never throw on
 * user input: the intake engine turns a failure into its 「invalid」 event.
 */

export type ParseResult<T> =
  | {
      ok: true;
      value: T;
      /** how the answer was read, e.g. 「二十来家」按约数记为 18–22 家 */
      note?: string;
      /** a question to ask before recording the value: 「您填写的是 25 平方米，确认吗？」 */
      confirm?: string;
    }
  | { ok: false; message: string; example: string };

export function ok<T>(value: T, note?: string, confirm?: string): ParseResult<T> {
  return { ok: true, value, ...(note === undefined ? {} : { note }), ...(confirm === undefined ? {} : { confirm }) };
}

export function fail<T = never>(message: string, example: string): ParseResult<T> {
  return { ok: false, message, example };
}
