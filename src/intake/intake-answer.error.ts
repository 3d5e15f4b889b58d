/**
 * A user's answer that could not be understood. Carries the question/fact it
 * was meant for, the raw text, and a Chinese message with an example, so one
 * boundary can reply politely without knowing which parser failed.
 *
 * @example
 * throw new IntakeAnswerError("zone.coreAreaSqm", "很大", "请填写核心区面积（平方米）", "1200平方米");
 */
export class IntakeAnswerError extends Error {
  override readonly name = "IntakeAnswerError";

  constructor(
    readonly field: string,
    readonly raw: string,
    message: string,
    readonly example: string,
  ) {
    super(message);
  }

  /** The sentence to show the user: what is expected and an example. */
  get userMessage(): string {
    return `${this.message}，例如：${this.example}`;
  }
}
