/**
 * Whether the asker tells that something came before an event (「进驻之前就已经是国家级品牌」「先创牌子后进驻」).
 * Only the order words of Chinese are read — 之前/以前/前 after the event, 先…后/再 before it — never the
 * topics; the event is whatever verb the caller names (进驻 of 「进驻示范区后，创…的」).
 */

/** A clause's stretch: order words are read within one clause. */
const IN_CLAUSE = "[^，,。？?！!；;]";

export function toldBefore(question: string, event: string): boolean {
  const before = new RegExp(`${event}${IN_CLAUSE}{0,8}?(?:之前|以前|前[已就便，,])|先${IN_CLAUSE}{1,12}?[后再]${event}`, "u");
  return before.test(question);
}
