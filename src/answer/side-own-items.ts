/**
 * 「地方上（设区市、区县）要在哪些方面加大支持，两地有区别吗」: a comparison that lists each side's own word
 * for the same thing (Zhejiang's 设区市, Zibo's 区县) side by side. Asked of one side, the other side's word
 * is no part of the question — it is not something this side lacks — so it is taken out of the side's
 * question. Only words joined as items (、, 和, 及, 或) are read, and only when this side's text uses the
 * other item: a word neither text shares with its neighbour stays, and a side without such a provision
 * still says so.
 */
import type { TaggedWord } from "../retrieval/tokenizer.ts";

/** What joins two items of a list. */
const JOINS = /^(、|和|及|或|与)$/u;

/**
 * The side's question with the other side's items taken out (with what joined them), or the question
 * unchanged.
 * @param question the side's question
 * @param tagged it as tagged words, punctuation included
 * @param ownText whether this side's text uses a word
 * @param otherText whether another side's text uses it
 */
export function withoutOtherSideItems(question: string, tagged: readonly TaggedWord[], ownText: (word: string) => boolean, otherText: (word: string) => boolean): string {
  const drop = new Set<number>();
  const isItem = (t: TaggedWord | undefined): boolean => t !== undefined && t.word.length >= 2 && /^[\u4e00-\u9fff]+$/u.test(t.word);
  for (let i = 1; i + 1 < tagged.length; i++) {
    if (!JOINS.test(tagged[i]!.word)) continue;
    const [a, b] = [tagged[i - 1], tagged[i + 1]];
    if (!isItem(a) || !isItem(b)) continue;
    const othersOnly = (t: TaggedWord): boolean => !ownText(t.word) && otherText(t.word);
    // Keep this side's item, drop the other's with its join.
    if (othersOnly(a!) && ownText(b!.word)) drop.add(i - 1).add(i);
    else if (othersOnly(b!) && ownText(a!.word)) drop.add(i).add(i + 1);
  }
  return drop.size === 0 ? question : tagged.filter((_, i) => !drop.has(i)).map((t) => t.word).join("");
}
