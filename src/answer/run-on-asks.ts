/**
 * Several asks typed as one run with no punctuation between them (「浙江示范区要多少家服务机构核心区
 * 面积要多大谁负责审查确认」「淄博托管服务券最多给多少新拿到专利代理师证书奖多少」). Where one ask
 * ends is read off the parts of speech after its question word (askEnds): a classifier and the noun it
 * counts (多少家服务机构), or — for a question word before its verb — that verb and its object (谁来组织
 * 专家评估); the next word (a place, another question word, 新拿到…) begins the next ask. A cut is made
 * only when each half has a word of its own and a predicate (「哪一档能拿多少钱」「淄博哪些机构能拿多少补
 * 贴」 are one ask each), nothing joins them (和, the parts of a date), and the texts answer the halves
 * from different clauses, or each at least as well as the whole run. Only grammar and the index are
 * read, never the topics of the texts.
 */
import { splitAsks } from "./split-asks.ts";

/** A word that asks (jieba cuts 多少钱, 几档, 啥时候 as one word; 哪 stands alone before 一档). */
const ASKING_WORD = /^(什么|啥|多少|多久|多长|多大|多高|何时|几|哪|谁|怎么|怎样|如何|吗|呢)/u;
/** The characters that begin a question word, to see cheaply whether a run may hold two. */
const QUESTION_CHARS = /什么|啥|多[少久长大高]|何时|哪[一几些个里儿天年家类种]?|几|谁|怎|如何|吗|呢/gu;
/** Nouns and their kin (jieba tags); a place (ns) begins a new ask rather than ending one. */
const NOUN = /^(n(?!s|r)|vn|j|b|s)/;
/**
 * Verbs; a verbal noun right after the question word is its predicate too (多久考核一次), later it may
 * begin the next ask (「由谁推荐｜考核不合格…」).
 */
const VERB = /^v(?!n)/;
const PREDICATE = /^v/;
/** A numeral or classifier right after a question word is part of it (多少家, 哪一档). */
const MEASURE = /^(m|q)/;
/** A word of an ask's own topic: two characters or more, a noun or verb that is no question word. */
const TOPIC = /^(n(?!s|r)|v|j|b)/;

export interface AskReader {
  /** how well the texts answer a question: its best retrieved clause and that clause's coverage (0 … 1) */
  bestClause(question: string): Promise<{ id: string; coverage: number } | undefined>;
  /** the coverage an answered question needs (the refusal gate's minCoverage) */
  line: number;
  /** a text's words with their parts of speech (jieba tags) */
  taggedWords(text: string): readonly { word: string; tag: string }[];
}

/** Coverages closer than this are equal. */
const TIE = 0.02;

/** The message with a comma at each cut between run-on asks (unchanged when nothing is cut). */
export async function punctuateRunOnAsks(message: string, reader: AskReader): Promise<string> {
  let done = "";
  for (const piece of message.split(/([\p{P}\s]+)/u)) done += /^[\p{P}\s]+$/u.test(piece) ? piece : await cutRun(done, piece, reader);
  return done;
}

type Word = { word: string; tag: string };

/**
 * Where the ask of the question word at `i` may end: after its measure and the noun it counts
 * (多少家服务机构), or after the verbs it stands before (谁来组织) — and, when a noun follows, before or
 * after that noun: it may be the verb's object (组织专家评估) or the subject of the next ask
 * (「哪天开始实施｜试用期多久」).
 */
function askEnds(words: readonly Word[], i: number): number[] {
  const measure = (k: number): boolean => k < words.length && MEASURE.test(words[k]!.tag) && !ASKING_WORD.test(words[k]!.word);
  let j = i + (splitHowMuch(words, i) || splitWhen(words, i) ? 2 : 1);
  // jieba may keep the classifier in the question word (几件, 几家).
  const counted = measure(j) || /^(几|多少)[个家件项笔次位名档]$/u.test(words[i]!.word);
  while (measure(j)) j++;
  const isNoun = (k: number): boolean => k < words.length && (NOUN.test(words[k]!.tag) || words[k]!.tag === "l") && !ASKING_WORD.test(words[k]!.word);
  // A noun right after the question word's classifier is what it counts (多少家服务机构, 几件发明专利).
  if (counted && isNoun(j)) return [j + 1];
  // A question word after its verb (交什么, 认定几次, 给多少) ends its ask there; a verb after it begins the
  // next (「每年认定几次｜认定结果分几档」). Before its verb (谁来组织, 多久考核, 啥时候实施) the verbs are its own.
  // jieba tags 给 of 「给多少」 a preposition: before an amount it is the verb (由谁, 向谁 stay prepositions).
  const before = words[i - 1];
  const afterItsVerb = before !== undefined && (PREDICATE.test(before.tag) || (before.tag === "p" && /^(多少|几)/.test(words[i]!.word)));
  if (!afterItsVerb) {
    if (j < words.length && PREDICATE.test(words[j]!.tag)) j++;
    while (j < words.length && VERB.test(words[j]!.tag)) j++;
    // 「多久考核一次」: a count after the verb is still the same ask.
    while (measure(j)) j++;
  }
  // A word said twice in a row marks the seam (「什么时候开始考核｜考核什么内容」): the next ask restates it.
  if (isNoun(j) && words[j + 1]?.word === words[j]!.word) return [j + 1];
  return isNoun(j) ? [j, j + 1] : [j];
}

/** jieba may cut 什么时候 into 什么 and 时候: together they ask when. */
const splitWhen = (words: readonly Word[], i: number): boolean => /^(什么|啥)$/.test(words[i]!.word) && words[i + 1]?.word === "时候";

/** 「要多大」: jieba cuts 多 and 大 apart; together they ask how big (long, high, far). */
const splitHowMuch = (words: readonly Word[], i: number): boolean => words[i]!.word === "多" && /^[大高长久远]/.test(words[i + 1]?.word ?? "");

const hasOwnTopic = (words: readonly Word[]): boolean => words.some((w) => w.word.length >= 2 && TOPIC.test(w.tag) && !ASKING_WORD.test(w.word));
/**
 * An ask says something of its subject: a verb (要交什么, 认定几次), or a question word that is the
 * predicate itself (试用期多久). 「淄博哪些机构」「淄博的示范区哪些」 are only the subject of 「…能拿多少补贴」.
 */
const hasPredicate = (words: readonly Word[]): boolean => words.some((w) => VERB.test(w.tag)) || ASKS_AS_PREDICATE.test(words.at(-1)?.word ?? "");
/** Question words that can be a predicate (试用期多久, 服务机构几家); 哪些/什么 only determine a noun after them. */
const ASKS_AS_PREDICATE = /^(多少|多久|多长|多大|多高|几|何时|时候|谁|哪里|哪儿|怎么样|怎样|如何)/u;
/**
 * Words that hold together across a cut: a conjunction or particle joins what follows to what came
 * before (「专利清零｜和倍增的服务券」), and the parts of a date are one ask (「2018年几月｜几号」).
 */
const joined = (left: readonly Word[], right: readonly Word[]): boolean =>
  /^(c|u)/.test(right[0]?.tag ?? "") || (DATE_PART.test(left.at(-1)?.word ?? "") && DATE_PART.test(right[0]?.word ?? ""));
const DATE_PART = /^(几|哪|\d+)?[年月日号天]$|^(几|哪)[年月日号天点]/u;
const lengthOf = (words: readonly Word[]): number => words.reduce((n, w) => n + w.word.length, 0);

/**
 * Cuts one unpunctuated run before its last ask, then what comes before that again: the last ask
 * stands alone, the part before it may still hold several.
 * @param before the message up to the run (a place it names carries on to the asks after it)
 */
async function cutRun(before: string, run: string, reader: AskReader): Promise<string> {
  // Most runs hold one question word or none; they are not segmented at all.
  if ((run.match(QUESTION_CHARS) ?? []).length < 2) return run;
  const words = reader.taggedWords(run);
  const asking = words.flatMap((w, i) => (ASKING_WORD.test(w.word) || splitHowMuch(words, i) ? [i] : []));
  const best = (text: string) => reader.bestClause(splitAsks(text).at(-1)!.text);
  const whole = (await best(`${before}${run}`))?.coverage ?? 0;
  for (const i of asking.slice(0, -1).reverse()) {
    let cut: { at: number; score: number; apart: boolean } | undefined;
    for (const end of askEnds(words, i)) {
      const [left, right] = [words.slice(0, end), words.slice(end)];
      if (!right.some((w) => ASKING_WORD.test(w.word)) || !hasOwnTopic(left) || !hasOwnTopic(right) || !hasPredicate(left) || joined(left, right)) continue;
      const at = lengthOf(left);
      // Each half as split-asks reads it, with the place named before carried on.
      const [l, r] = await Promise.all([best(`${before}${run.slice(0, at)}`), best(`${before}${run.slice(0, at)}，${run.slice(at)}`)]);
      const score = Math.min(l?.coverage ?? 0, r?.coverage ?? 0);
      // Equally good: the noun begins the next ask (「哪天开始实施｜试用期多久」).
      if (!cut || score > cut.score) cut = { at, score, apart: l?.id !== r?.id };
    }
    // Halves answered by different clauses are two asks (「要交什么｜谁来组织专家评估」, though 第八条's
    // second item covers the whole run well); halves answered by one clause are, only when that clause
    // answers each at least as well as the whole.
    if (!cut || cut.score < reader.line || (!cut.apart && cut.score < whole - TIE)) continue;
    const left = await cutRun(before, run.slice(0, cut.at), reader);
    return `${left}，${run.slice(cut.at)}`;
  }
  return run;
}
