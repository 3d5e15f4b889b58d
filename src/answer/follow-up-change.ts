/**
 * A follow-up that changes the earlier figure instead of replacing it (「再加4家呢？」「又多做了2笔」
 * 「要是少3家呢」): the figure it states is the change, added to or taken from the one the conversation
 * stated for the same fact. 「那要是22家呢？」 states the figure itself.
 */

/** Adding to what was said: 再加, 再多, 又来了, 多了, 加上, 增加, 扩了 (not 新增, a count of new ones). */
const MORE = /再(?:加|多|来|添|招|引进|进|做|办|赢|扩)|又(?:多|来|添|招|进|引进|做|办|赢|扩)|多了|加上|添了|增加|扩(?:大|建)?了/u;
/** Taking away: 少了, 减少, 减掉, 走了, 搬走, 撤了. */
const FEWER = /少了|再少|减少|减掉|减去|走了|搬走|撤了|退了/u;

export type FigureChange = "more" | "fewer";

export function figureChangeIn(followUp: string): FigureChange | undefined {
  if (MORE.test(followUp)) return "more";
  if (FEWER.test(followUp)) return "fewer";
  return undefined;
}

/** The earlier figure changed by the stated one (never below 0). */
export function changedFigure(earlier: number, change: number, how: FigureChange): number {
  return how === "more" ? earlier + change : Math.max(0, earlier - change);
}

/** The changed figure, and how it was worked out (「按 18 家加上 4 家，共 22 家计」). */
export function applyChange(earlier: number, change: number, how: FigureChange, unit: string): { value: number; reading: string } {
  const value = changedFigure(earlier, change, how);
  return { value, reading: `按 ${earlier} ${unit}${how === "more" ? "加上" : "减去"} ${change} ${unit}，共 ${value} ${unit}计` };
}
