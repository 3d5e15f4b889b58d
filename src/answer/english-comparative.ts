/**
 * 「Which has stricter requirements on the number of agencies, Zhejiang or Zibo?」「Does Zibo require
 * more agencies than Zhejiang?」: a comparison of a measure, asked in English. Neither side's clause
 * answers it yes or no on its own; the reply opens with the side whose clause states the larger (or
 * smaller) figure (which-side-more.ts), and a 「than」 question is answered of the side named first.
 * Only a closed class of comparative adjectives is read, never the topics of the texts.
 */
const LARGER = /\b(more|higher|larger|bigger|greater|longer|stricter|tougher)\b/i;
const SMALLER = /\b(fewer|less|lower|smaller|shorter|looser|laxer|easier)\b/i;
const WHICH = /\b(which|who)\b/i;

export interface EnglishComparative {
  /** whether the side with the larger figure is the one asked for */
  larger: boolean;
  /** 「more often」「less frequent」: the figure is a period */
  periodic: boolean;
  /** the adjective as asked (more, stricter …) */
  word: string;
  /** 「… than …?」 asked yes or no of the side named first, not which side */
  yesNo: boolean;
}

export function englishComparative(question: string, yesNoQuestion: boolean): EnglishComparative | undefined {
  const larger = LARGER.exec(question);
  const smaller = SMALLER.exec(question);
  const found = larger ?? smaller;
  if (!found || (larger && smaller)) return undefined;
  const than = /\bthan\b/i.test(question);
  if (!than && !WHICH.test(question)) return undefined;
  // 「more often」 is the shorter period (once a year is more often than once every two years).
  const often = new RegExp(`\\b${found[1]}\\s+(often|frequent|frequently)\\b`, "i").test(question);
  return { larger: (found === larger) !== often, periodic: often, word: found[1]!.toLowerCase(), yesNo: than && yesNoQuestion };
}

/**
 * The comparative as the Chinese reading of an English question ends (「谁多？」「谁短？」), so that each
 * side is asked for its own figure (compare-sides.ts, which-side-more.ts).
 */
export function chineseComparative(ask: EnglishComparative): string {
  if (ask.periodic) return ask.larger ? "谁长？" : "谁短？";
  return ask.larger ? "谁多？" : "谁少？";
}
