/**
 * 「浙江和淄博示范区，对园区里企业的条件是不是差不多？」: a comparison of a list (条件, 要求) narrowed to what it says
 * of one thing (企业) compares the item of each side's list that speaks of it — Zhejiang 第六条（二） against Zibo
 * 第五条（二） — not the whole lists, which differ in everything else. The thing is the last noun before 的条件;
 * an item speaks of it when the segmented item has it as a word of its own (科技企业孵化器 is no 企业). Only when
 * every side has exactly one such item is the comparison narrowed; else the lists stand.
 */
import type { TaggedWord } from "../retrieval/tokenizer.ts";
import type { PolicyPiece } from "../knowledge/policy-piece.types.ts";
import { itemsOfArticle } from "../knowledge/article-items.ts";

const QUALIFIED = /对([^，,。？?]{1,12}?)的(条件|要求)/u;

/** The noun a list asked for is narrowed to (「对园区里企业的条件」 → 企业), or undefined. */
export function qualifierOf(question: string, tag: (text: string) => readonly TaggedWord[]): string | undefined {
  const phrase = QUALIFIED.exec(question)?.[1];
  if (!phrase) return undefined;
  const nouns = tag(phrase).filter((t) => /^n/.test(t.tag) && t.word.length >= 2);
  return nouns.at(-1)?.word;
}

/** The one item of the list of the article `cited` belongs to that has `noun` as a word of its own, or undefined (none, or several). */
export function itemAbout(pieces: readonly PolicyPiece[], cited: string, noun: string, tag: (text: string) => readonly TaggedWord[]): PolicyPiece | undefined {
  const about = itemsOfArticle(pieces, cited).filter((p) => tag(p.text).some((t) => t.word === noun));
  return about.length === 1 ? about[0] : undefined;
}
