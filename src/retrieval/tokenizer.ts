/**
 * Chinese segmentation for keyword search and the local embedding:
 * `@node-rs/jieba` with the default dictionary plus DOMAIN_TERMS, so policy
 * terms (示范区, 专利代理师 …) stay whole. Each long word also yields its
 * dictionary sub-words (知识产权服务机构 → 知识产权, 服务机构 …) so a question
 * phrased with the shorter word still matches.
 */
import { DOMAIN_TERMS, JURISDICTION_WORDS, STOPWORDS } from "./domain-terms.ts";
import { recentMemo } from "./recent-memo.ts";
import { createGeneralIdf, UNKNOWN_IDF } from "./general-idf.ts";
import { createOnDemandJieba, parsePreload, type LoadedKey } from "./jieba-on-demand.ts";
import { jiebaDict, jiebaPreloadText } from "./jieba-files.ts";

export interface TaggedWord {
  word: string;
  /** jieba's part-of-speech tag: n, vn, v, d, m … (DOMAIN_TERMS are n) */
  tag: string;
}

export interface Tokenizer {
  /** Segmented words in order, normalised, punctuation dropped (stopwords kept). */
  words(text: string): string[];
  /** `topicWords` with their part-of-speech tags. */
  taggedTopicWords(text: string): TaggedWord[];
  /** Every word of the text in order with its tag, stopwords and punctuation (tag x) included. */
  tagged(text: string): TaggedWord[];
  /** The tag of a word on its own (its dictionary tag; a word jieba would cut gets its last part's). */
  tagOf(word: string): string;
  /** Index terms: topic words and their sub-words, without stopwords. */
  terms(text: string): string[];
  /** Topic words of a question (no stopwords, no jurisdiction words, no sub-words). */
  topicWords(text: string): string[];
  /**
   * Every dictionary word of two or more characters found anywhere in the
   * text, also across the segmentation's word boundaries (知识产权服务点 is cut
   * 知识产权服务/点, yet it speaks of a 服务点).
   */
  containedWords(text: string): string[];
  /** Dictionary sub-words of a word (知识产权服务机构 → 知识产权, 服务机构, …), not the word itself. */
  subWords(word: string): string[];
  /** How informative a word is in general Chinese (jieba's IDF table); unknown words count as rare. */
  generalIdf(word: string): number;
  /** Offsets where jieba's segmentation of the (unnormalised) text starts a word. */
  wordStarts(text: string): Set<number>;
  /** Whether general Chinese knows the word (it is in jieba's IDF table). */
  isGeneralWord(word: string): boolean;
  /** jieba's dictionary keys loaded so far (jieba-on-demand.ts), which the build records for the next starts. */
  loadedDictionaryKeys(): readonly LoadedKey[];
}

const PUNCTUATION = /^[\p{P}\p{S}\s]+$/u;

/**
 * Question scaffolding: words built on an interrogative (几家, 多大, 哪些地方,
 * 什么样), a colloquial one (咋办, 干嘛), a bare bound (至少, 最多) or an
 * A-not-A question (够不够, 看不看).
 * They say what kind of answer is wanted, not what it is about, so they are no
 * topic words.
 */
const SCAFFOLD = /^(.*(几|多少|多大|多久|多长|多高|哪|什么|怎|啥|咋|干嘛|谁|吗|呢).*|至少|最少|最多|最高|最低|起码|一共|总共|(.{1,2})[不没]\3)$/;

/**
 * A demonstrative with a count (这两项, 那几家, 这三个): it points back at what the question named
 * before it, which carries the topic.
 */
const POINTER = /^[这那该此][一两二三四五六七八九十几]+[项个家件条种类笔位名档]$/u;

/**
 * The second half of an A-not-A question the segmenter cut apart (管/不管,
 * 给/不给): it asks yes or no, the first half carries the verb.
 */
function negatedRepeat(word: string, previous: string | undefined): boolean {
  return previous !== undefined && word.length > 1 && /^[不没]/.test(word) && word.slice(1) === previous;
}

/** Full-width digits/letters → ASCII, so １．and 1. read alike. */
export function normalizeText(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ")
    .toLowerCase();
}

/**
 * 「往省里交还是先给市里」: 还是 of a choice question (A 还是 B) is cut apart from the
 * verb before it, which the segmenter would otherwise join to 还 (交还 "give back",
 * 退还, 归还) and leave a bare 是. A space ends a word for jieba and is dropped after.
 */
function separateChoice(text: string): string {
  return separateFigureUnit(text.replace(/(?<=[\u4e00-\u9fff])还是/gu, " 还是"));
}

/**
 * 「那20万能拿吗」「5万一年」: the unit of a figure (万, 千) is cut apart from what follows it, which the segmenter
 * would otherwise join to it (万能 "almighty", 万一 "in case"); 万元 stays one word, as the texts write it, and so
 * does a numeral going on (一千二百).
 */
function separateFigureUnit(text: string): string {
  return text.replace(/(?<=[\d零〇一二两三四五六七八九十百][万千])(?=[\u4e00-\u9fff])(?![元块零〇一二两三四五六七八九十百千万])/gu, " ");
}

let shared: Tokenizer | undefined;

/** The process-wide tokenizer (its caches and the dictionary words loaded so far are shared). */
export function getTokenizer(): Tokenizer {
  shared ??= createTokenizer();
  return shared;
}

export function createTokenizer(): Tokenizer {
  // jieba's dictionary, loaded as texts need it (jieba-on-demand.ts). A high
  // frequency makes jieba prefer a domain term over its parts.
  // The keys the policy texts need are loaded at once when the build recorded them.
  const dict = jiebaDict();
  const jieba = createOnDemandJieba(
    DOMAIN_TERMS.map((word) => ({ word, freq: 200_000, tag: "n" })),
    dict,
    parsePreload(jiebaPreloadText(), dict.byteLength),
  );

  const idfTable = createGeneralIdf();

  const subWordCache = new Map<string, string[]>();
  function subWords(word: string): string[] {
    if (word.length < 3) return [];
    let cached = subWordCache.get(word);
    if (!cached) {
      cached = [...new Set(jieba.cutAll(word).filter((w) => w.length >= 2 && w !== word && !STOPWORDS.has(w)))];
      subWordCache.set(word, cached);
    }
    return cached;
  }

  const isTopic = (w: string): boolean => !STOPWORDS.has(w) && !JURISDICTION_WORDS.has(w) && !SCAFFOLD.test(w) && !POINTER.test(w);

  // One answer segments the same question four or five times (query terms,
  // topic words, coverage, excerpts); a small memo of recent texts saves the
  // repeats. Segmentation is a pure function of the text, so this is safe.
  const MEMO_SIZE = 512;
  const cutMemo = recentMemo<readonly string[]>(MEMO_SIZE);

  function words(text: string): string[] {
    const cut = cutMemo(text, () =>
      jieba
        .cut(separateChoice(normalizeText(text)))
        .map((w) => w.trim())
        .filter((w) => w.length > 0 && !PUNCTUATION.test(w)),
    );
    return [...cut];
  }

  const tagMemo = recentMemo<readonly TaggedWord[]>(MEMO_SIZE);
  const tagOfMemo = recentMemo<string>(MEMO_SIZE);
  const topicTagMemo = recentMemo<readonly TaggedWord[]>(MEMO_SIZE);
  // tag() segments exactly as cut() does (same dictionary, same HMM setting).
  function tagAll(text: string): readonly TaggedWord[] {
    return tagMemo(text, () =>
      jieba
        .tag(separateChoice(normalizeText(text)))
        .map(({ word, tag }) => ({ word: word.trim(), tag }))
        .filter(({ word }) => word.length > 0),
    );
  }

  return {
    words,
    terms(text) {
      const out: string[] = [];
      for (const w of words(text)) {
        if (STOPWORDS.has(w) || SCAFFOLD.test(w)) continue;
        out.push(w);
        for (const s of subWords(w)) out.push(s);
      }
      return out;
    },
    topicWords(text) {
      return words(text).filter((w, i, all) => isTopic(w) && !negatedRepeat(w, all[i - 1]));
    },
    taggedTopicWords(text) {
      const topic = topicTagMemo(text, () =>
        tagAll(text).filter(({ word }, i, all) => !PUNCTUATION.test(word) && isTopic(word) && !negatedRepeat(word, all[i - 1]?.word)),
      );
      return topic.map((t) => ({ ...t }));
    },
    tagged(text) {
      return tagAll(text).map((t) => ({ ...t }));
    },
    tagOf(word) {
      return tagOfMemo(word, () => jieba.tag(word).at(-1)?.tag ?? "x");
    },
    subWords,
    containedWords(text) {
      return [...new Set(jieba.cutAll(normalizeText(text)).filter((w) => w.length >= 2 && !STOPWORDS.has(w)))];
    },
    generalIdf(word) {
      return idfTable.get(word) ?? UNKNOWN_IDF;
    },
    wordStarts(text) {
      const starts = new Set<number>();
      let at = 0;
      for (const w of jieba.cut(text)) {
        starts.add(at);
        at += w.length;
      }
      return starts;
    },
    isGeneralWord(word) {
      return idfTable.get(word) !== undefined;
    },
    loadedDictionaryKeys: () => jieba.loadedKeys(),
  };
}
