/**
 * The object of the ask: the words of a question that name the thing asked
 * for, read off the segmented question by where the interrogative stands.
 *
 *   X 的 联系电话 是 多少 / 办公地址 在 哪里   → the noun phrase before the question word
 *   能享受 什么 税收优惠 / 有 哪几种 托管方式   → the noun phrase after it
 *   可以申请 贷款 贴息 吗 / 还 管用 不         → the last content word(s) before a yes-no particle
 *   有没有 专家 评审 这一步 / 是否 要求 核心区面积 → the noun phrase after an A-not-A or written yes-no verb
 *
 * The rest of a question says who asks and in what situation (「我们员工」
 * 「批下来以后」); the focus says what must be in the texts for an answer.
 * Words of the two texts or not, this only reads grammar: interrogatives,
 * copulas, particles and parts of speech are closed classes of Chinese.
 */
import type { TaggedWord } from "./tokenizer.ts";

/** Question words that ask for a thing, an amount, a place or a person (not 怎么/为什么: a way or a reason). */
const INTERROGATIVE = /^(什么|啥|哪.*|多少.*|几.*|谁)$/;
/** Between a noun phrase and its question word: 「地址在哪里」「电话是多少」「依据为何」. */
const COPULA = /^(是|在|为|叫|有)$/;
/** Between a question word and its noun phrase: 「什么样的条件」「哪些方面的」. */
const LINK = /^(的|样|样的|类|种|类的|种的)$/;
/** A yes-no question ends in one of these (「…吗」「…不」「…没」「…没有」「…否」). */
const YES_NO = /^(吗|么|嘛|不|没|没有|否)$/;
/** A yes-no verb that stands before what it asks about: A-not-A (有没有, 需不需要) or written (是否, 有无). */
const YES_NO_VERB = /^((.)[不没]\2.*|是否|有无|能否|可否)$/;
/** Verbs and prepositions that may stand between a yes-no verb and its object (「是否要求…」「能不能给…」). */
const BRIDGE = /^(v|p|d)/;
/** Words that make the noun before them name a kind of the noun after (「植物新品种方面的服务」「商标类的机构」). */
const KIND_OF = /^(方面|类|之类|相关|领域|类型|性质)$/;
/** Aspect and structural particles that may stand between the content word and the yes-no particle. */
const ASPECT = /^(了|过|的|呀|啊)$/;

/**
 * Noun-like tags (jieba): nouns and their kin, verbal and adjectival nouns,
 * abbreviations, distinguishing words, and set phrases whose head is a noun
 * (the caller passes the head's tag for those).
 */
export const NOUN_LIKE = /^(n|vn|an|j|eng|b|s)/;

function isPunctuation(t: TaggedWord): boolean {
  return t.tag === "x" || /^[\p{P}\p{S}\s]+$/u.test(t.word);
}

/**
 * @param words the question as tagged words in order, punctuation included
 * @param nounLike whether a word is noun-like (its tag, or its head's for a set phrase)
 * @returns indices into `words` of the asked-for words (empty when the question has no recognisable focus)
 */
export function askFocus(words: readonly TaggedWord[], nounLike: (w: TaggedWord) => boolean): number[] {
  const focus = new Set<number>();
  const nounRunBefore = (end: number): number[] => {
    const run: number[] = [];
    for (let i = end; i >= 0 && nounLike(words[i]!); i--) run.unshift(i);
    return run;
  };
  const nounRunAfter = (start: number): number[] => {
    const run: number[] = [];
    for (let i = start; i < words.length && nounLike(words[i]!); i++) run.push(i);
    return run;
  };

  // The punctuation before a closing tag question (对不对, 是不是, 对吧, 是吧; the tagger may split 对/不/对).
  const tagStart = (() => {
    const rest = words.map((w) => w.word).join("");
    const m = /[，,]\s*(对不对|是不是|对吧|是吧|对吗|是吗|没错吧)[？?！!。\s]*$/u.exec(rest);
    if (!m) return -1;
    let chars = 0;
    for (const [i, w] of words.entries()) {
      if (chars === m.index) return i;
      chars += w.word.length;
    }
    return -1;
  })();
  const tagAfter = (i: number): boolean => i === tagStart;

  words.forEach((w, i) => {
    if (INTERROGATIVE.test(w.word)) {
      let after = i + 1;
      // …and past a numeral with its classifier the segmenter cut off 哪 (哪/几条 原则: which few principles); a
      // count's classifier (多少/家) measures the noun before it.
      const determiner = w.word.startsWith("哪");
      while (after < words.length && (LINK.test(words[after]!.word) || (determiner && /^(m|q)/.test(words[after]!.tag)))) after++;
      const following = nounRunAfter(after);
      if (following.length > 0) {
        for (const j of following) focus.add(j);
        return;
      }
      let before = i - 1;
      if (before >= 0 && COPULA.test(words[before]!.word)) before--;
      for (const j of nounRunBefore(before)) focus.add(j);
      return;
    }
    // 「有没有专家评审这一步」「是否要求核心区面积」: the nouns after the yes-no verb (past a verb or
    // preposition of its own: 要求, 给) are what it asks about; a demonstrative (这一步) ends them.
    if (YES_NO_VERB.test(w.word)) {
      let after = i + 1;
      // 「是不是当场就给摘牌了」: a word of place or time before an adverb or a verb says when, not what.
      while (after + 1 < words.length && /^(s|t)/.test(words[after]!.tag) && /^(d|p|v)/.test(words[after + 1]!.tag)) after++;
      for (let bridged = 0; bridged < 2 && after < words.length && !nounLike(words[after]!) && BRIDGE.test(words[after]!.tag); bridged++) after++;
      for (const j of nounRunAfter(after)) focus.add(j);
      return;
    }
    // A yes-no particle closing its clause: the last content word before it, with the nouns it heads. A tag
    // after a clause (「浙江有试用期，对不对？」「…，是吧」) closes that clause as such a particle does.
    const closes = i === words.length - 1 || isPunctuation(words[i + 1]!);
    if (((YES_NO.test(w.word) && closes) || tagAfter(i)) && i > 0) {
      let last = i - 1;
      while (last >= 0 && ASPECT.test(words[last]!.word)) last--;
      if (last < 0 || isPunctuation(words[last]!)) return;
      focus.add(last);
      // A noun heads the nouns before it (贷款 贴息); a verb right after a noun makes a noun phrase
      // with it (资金 支持, 专利 托管: the support of funds), so that noun is asked about too.
      if (nounLike(words[last]!)) {
        const run = [last, ...nounRunBefore(last - 1)];
        for (const j of run) focus.add(j);
        // 「有植物新品种方面的服务吗」: a noun naming a kind of the head (X方面的, X类的, X相关的) is what sets it apart.
        const start = Math.min(...run);
        if (words[start - 1]?.word === "的" && KIND_OF.test(words[start - 2]?.word ?? "")) for (const j of nounRunBefore(start - 3)) focus.add(j);
      } else if (last > 0 && words[last]!.tag.startsWith("v") && nounLike(words[last - 1]!)) focus.add(last - 1);
    }
  });
  return [...focus].sort((a, b) => a - b);
}
