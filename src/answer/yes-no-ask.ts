/**
 * A yes/no question (「…吗」「能不能」「有没有」「是不是」「是否」) is answered
 * yes or no first, in the question's own verb (能/不能, 有/没有, 会/不会,
 * 是/不是, 需要/不需要), read off the sentence of the texts the reply rests on:
 *
 * - it states something the question contradicts → no: a figure or period
 *   other than the one asked (「是不是每年一次」 ↔ 「每两年考核一次」), or a
 *   word the question affirms and the sentence negates, or the reverse
 *   (「能重复享受吗」 ↔ 「不重复支持」, 「有非正常申请」 ↔ 「无恶意非正常申请的」);
 * - it names the thing asked about (the ask focus, else the question's words)
 *   and contradicts nothing → yes: it grants, requires or states it;
 * - otherwise no word is put in the texts' mouth: the sentence is given alone.
 *
 * When the texts say nothing at all, the refusal says so; when one side of a
 * comparison says nothing, its line says 没有 (answerer.ts). Only grammar is
 * read here — modal verbs, negators and A-not-A forms are closed classes of
 * Chinese — never the topics of the two texts.
 */
import { periodsIn, quantitiesIn, questionKindTerms } from "../retrieval/answer-kinds.ts";
import { checkedClaim, doubtSpans } from "../retrieval/hearsay.ts";
import { sameOrDifferentAsk } from "./same-or-different.ts";
import { focusCarried, type Cue } from "./compose-conclusion.ts";
import { toldBefore } from "./event-order.ts";

export interface YesNoAsk {
  /** the word that says yes: 能, 有, 会, 是, 需要 … */
  yes: string;
  /** the word that says no: 不能, 没有, 不会, 不是, 不需要 … */
  no: string;
}

/** Two-character modal verbs, which an A-not-A form splits (可不可以, 需不需要). */
const MODALS_2 = ["可以", "需要", "应该", "应当", "能够", "允许"];
/**
 * The predicate of a 「…吗」 question: its first modal verb (「有非正常申请还能拿吗」 asks 能),
 * else its first 是 or 有 (longest first within each).
 */
const MODALS = ["能够", "可以", "需要", "应该", "应当", "允许", "能", "会", "要", "可"];
const COPULAS = ["是", "有"];
/** Verbs of what a text states (写了, 规定, 提到, 明确): asked with 吗, they ask whether it has a provision. */
const STATING = /写了|写明|写有|规定|提到|提及|明确/u;
/** A-not-A: 能不能, 有没有, 是不是, 给不给, 算不算 (X 不/没 X). */
const A_NOT_A = /([\u4e00-\u9fff])([不没])\1/u;
/** 是否, 能否, 可否, 有无: a yes/no question in writing. */
const WRITTEN = /(是否|能否|可否|有无)/u;
/** The clause ends in a yes/no particle: 吗, 么, 嘛, or a bare 不/没 (「还管用不」); 么 of 什么/怎么 is none. */
const PARTICLE = /(吗|(?<![什怎这那多要])么|嘛|不|没)[？?！!。\s]*$/u;
/** A question word makes a question for a thing (「能落着啥好处不」, 「是想干嘛」), not for yes or no. */
const WH_WORD = /什么|啥|哪|多少|几|谁|怎|干嘛/u;
/** Adverbs between 是不是/是否 and the verb it asks about (「是不是都有」). */
const ADVERBS = /^(都|就|也|还|已经|又|才|只|真的|确实)+/u;

/** Words that begin with a modal's or 有's character but are no modal or 有 (「对面积的要求」 asks 有, not 要; 「还有效吗」 asks whether it is valid; 「那会儿」 is a time). */
const NOT_A_MODAL = /^(要求|要点|要素|要件|会议|会同|会儿|能力|可能|可行|有效|有关|有利|有限|有些|有点)/u;

/** The first place `word` stands as a modal verb in `body`, or -1. */
function modalAt(body: string, word: string): number {
  for (let at = body.indexOf(word); at >= 0; at = body.indexOf(word, at + 1)) {
    if (!NOT_A_MODAL.test(body.slice(at))) return at;
  }
  return -1;
}

/** The yes and no to a claim the asker heard and checks. */
const CLAIM_CHECK: YesNoAsk = { yes: "没错", no: "不对" };

const negate = (yes: string): string => (yes === "有" ? "没有" : yes === "可" ? "不可以" : `不${yes}`);
const ask = (yes: string): YesNoAsk => ({ yes: yes === "可" ? "可以" : yes, no: negate(yes) });

/** The clause of the question that asks yes or no (the last one ending in a particle, or the one with an A-not-A form). */
function askingClause(question: string): string | undefined {
  const clauses = question.split(/(?<=[，,。？?！!；;])/u).map((c) => c.trim()).filter(Boolean);
  return clauses.find((c) => A_NOT_A.test(c) || WRITTEN.test(c)) ?? [...clauses].reverse().find((c) => PARTICLE.test(c));
}

/** The yes and no words of a yes/no question, or undefined when it asks something else (or its verb cannot be read). */
export function yesNoAsk(question: string): YesNoAsk | undefined {
  // 「有区别吗」「一样吗」 ask whether two sides agree (same-or-different.ts), not whether each has a thing.
  if (sameOrDifferentAsk(question)) return undefined;
  const clause = askingClause(question);
  if (!clause) return undefined;
  // 「…是真的吗」「是不是听岔了」: what was heard is confirmed or corrected (hearsay.ts), whatever verb doubts it.
  if (doubtSpans(clause).length > 0 && checkedClaim(question)) return CLAIM_CHECK;
  const anotA = A_NOT_A.exec(clause);
  // 「是不是都有」「是否需要」: 是 only marks the question; the verb after it is what is asked.
  const askedAfter = (rest: string): string | undefined => {
    const verb = rest.replace(ADVERBS, "");
    // 「是不是都要求…」: 要求 is no modal 要 (NOT_A_MODAL); 是 is what is asked.
    if (NOT_A_MODAL.test(verb)) return undefined;
    return [...MODALS, "有"].find((p) => verb.startsWith(p));
  };
  if (anotA) {
    const x = anotA[1]!;
    const rest = clause.slice(anotA.index + anotA[0].length);
    const modal = MODALS_2.find((m) => m === `${x}${rest[0] ?? ""}`);
    // 「写没写」「给没给」 ask whether it was done: 写了 / 没写, not 不写.
    if (!modal && anotA[2] === "没" && x !== "有") return { yes: `${x}了`, no: `没${x}` };
    return ask(modal ?? (x === "是" ? askedAfter(rest) : undefined) ?? x);
  }
  const written = WRITTEN.exec(clause);
  if (written) {
    const rest = clause.slice(written.index + 2);
    const modal = askedAfter(rest);
    if (modal && (written[1] === "是否" || modal.length > 1)) return ask(modal);
    return ask({ 是否: "是", 能否: "能", 可否: "可", 有无: "有" }[written[1]!]!);
  }
  if (!PARTICLE.test(clause) || WH_WORD.test(clause)) return undefined;
  // 「只能是国企吗」「必须是…吗」 ask whether it is so (是/不是), not whether one can.
  const body = clause.replace(PARTICLE, "").replace(MUST_BE, "是");
  for (const words of [MODALS, COPULAS]) {
    let found: { at: number; word: string } | undefined;
    for (const p of words) {
      const at = modalAt(body, p);
      if (at >= 0 && (!found || at < found.at)) found = { at, word: p };
    }
    if (found) return ask(found.word);
  }
  // 「浙江的办法写了有效期吗」「规定了上限吗」: whether a text states something is whether it has it.
  if (STATING.test(body)) return ask("有");
  // 「考砸了直接摘牌吗」: whether it happens at once asks how it happens — 是直接…吗.
  if (AT_ONCE.test(body)) return ask("是");
  return undefined;
}

/** Gradable adjectives (a closed class of evaluation: hard, many, high, strict, worth it). */
const GRADABLE = /^(难|容易|简单|复杂|麻烦|多|少|高|低|大|小|贵|便宜|快|慢|严|严格|宽松|靠谱|划算|值)$/u;

/** A negator within this many characters before a word negates it (「无恶意非正常申请」, 「不重复支持」). */
const NEGATION_REACH = 3;
const NEGATOR = /[不无没未非]/u;
const CLAUSE_BREAK = /[，,。；;：:？?！!、]/u;
/** A negated comparative before a figure: a bound, not a negation (不少于, 不超过, 不低于 …). */
const BOUND = /[不没未](?:超过|少于|低于|高于|多于|大于|小于)/gu;
const BOUND_BEFORE = new RegExp(`${BOUND.source}$`, "u");

/** Whether an occurrence of `word` at `at` in `text` is negated (a negator shortly before it, in the same clause). */
function negatedAt(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - NEGATION_REACH), at);
  // A bound (「不少于1000平方米」「不超过5万元」) states the figure as a floor or a cap; it negates nothing.
  const inClause = (before.split(CLAUSE_BREAK).at(-1) ?? "").replace(BOUND_BEFORE, "");
  return NEGATOR.test(inClause);
}

function occurrences(text: string, word: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) out.push(at);
  return out;
}

/** The question without its A-not-A and written yes/no forms, whose 不 negates nothing (「能不能重复享受」 → 「能重复享受」). */
function affirmativeReading(question: string): string {
  return question.replace(new RegExp(A_NOT_A.source, "gu"), "$1").replace(/是否|能否|可否|有无/gu, "").replace(PARTICLE, "");
}

/**
 * A consequence in stages (「评为不合格的，限期整改；整改仍不合格的，取消资格」):
 * the first step is not the last, so 「是不是就没了」 is answered by neither yes nor no
 * and the sentence is given alone; a stage the question names may be (stagedVerdict).
 */
const STAGED_CONSEQUENCE = /的，[^。；]+；[^。；]*仍[^。；]*的，/u;

/** Must be this (「必须是国企吗」「只能是…」): asks whether it is so. */
const MUST_BE = /(只能|必须|一定得|一定要|非得)是/u;
/** Only this, no other (「必须是国企吗」「只认国企」「非得是孵化器吗」). */
const ONLY = new RegExp(`${MUST_BE.source}|只能|只认|只限|非得`, "u");

/** Straight away, with no step before (「考砸了直接摘牌吗」「马上就取消资格吗」). */
const AT_ONCE = /直接|马上|立刻|立即|立马|当场|一下子/u;

/**
 * A staged consequence settles a question about one of its stages: the first step asked
 * (「是不是给整改机会」 ← 限期整改) happens — yes; a later step asked to come at once (「直接摘牌吗」
 * ← 整改仍不合格的，…摘牌) does not — no. Anything else (「是不是就没了」) is left to the sentence.
 */
function stagedVerdict(asked: string, sentence: string, words: readonly string[]): "yes" | "no" | undefined {
  const m = STAGED_CONSEQUENCE.exec(sentence)!;
  const first = sentence.slice(m.index, m.index + m[0].length).replace(/^的，/u, "").split("；")[0]!;
  const later = sentence.slice(m.index + m[0].length);
  const named = (part: string): boolean => words.some((w) => w.length >= 2 && asked.includes(w) && part.includes(w));
  if (named(later) && AT_ONCE.test(asked)) return "no";
  if (named(first) && !named(later)) return "yes";
  return undefined;
}

/**
 * Whether what the question names most specifically (its longest word the sentence shares: 省知识产权局, not 申报;
 * else the level it goes to: 市) stands in the sentence only after a step done first (「…审核合格后，」「先…再」).
 */
function stepFirst(asked: string, sentence: string, words: readonly string[]): boolean {
  const step = /后[，,]|先[^，,。；]+[，,]?再/u.exec(sentence);
  if (!step) return false;
  // …or the level it would go to straight away (「直接报市里」 ← 「区县…审核合格后，向市…推荐申报」).
  const target =
    words.filter((w) => w.length >= 2 && asked.includes(w) && sentence.includes(w)).sort((a, b) => b.length - a.length)[0] ?? LEVEL_AFTER_AT_ONCE.exec(asked)?.[1];
  return target !== undefined && sentence.indexOf(target) >= step.index + step[0].length;
}

/** Where a sentence says an application goes (「向辖区内区县知识产权管理部门提出申报申请」). */
const DESTINATION = /向([^。；，,]{2,30})(提出|提交|推荐|报)/u;
/** The level of government a question sends it to straight away (「直接找市里交」「直接交省局」). */
const LEVEL_AFTER_AT_ONCE = new RegExp(`(?:${AT_ONCE.source})[^，,。？?]{0,6}?(区县|省|市|县)`, "u");

/**
 * 「直接找市里交材料行不行」 against 「向辖区内区县知识产权管理部门提出申报申请」: the level the asker would go to
 * straight away is not where the sentence sends the application.
 */
function otherDestination(asked: string, sentence: string): boolean {
  const to = DESTINATION.exec(sentence)?.[1];
  const level = LEVEL_AFTER_AT_ONCE.exec(asked)?.[1];
  return to !== undefined && level !== undefined && !to.includes(level);
}

/** Whether the question names a measure (figure in a unit, a period) the sentence states otherwise. */
function measureDiffers(question: string, sentence: string): boolean {
  for (const q of quantitiesIn(question)) {
    const stated = quantitiesIn(sentence, { chineseNumerals: false }).filter((s) => s.unit === q.unit);
    if (stated.length > 0 && !stated.some((s) => s.value === q.value)) return true;
  }
  const asked = periodsIn(question);
  const stated = periodsIn(sentence);
  return asked.length > 0 && stated.length > 0 && !asked.some((p) => stated.includes(p));
}

/** Where a sentence makes what it grants follow an event: 「进驻示范区后，」 (the 后 of each). */
const AFTER_EVENT = /(?:之后|以后|后)[，,]/gu;
/** How far before that 后 the event's verb may stand (进驻 of 「进驻示范区后」). */
const EVENT_REACH = 8;

/**
 * Whether the sentence grants only what follows an event (「进驻示范区后，创…示范品牌的」) and the question
 * tells that it came before it (「进驻之前就已经是国家级示范品牌」「先创牌子后进驻」, event-order.ts); the event is
 * any two characters the two share right before the sentence's 后.
 */
function happenedBefore(question: string, sentence: string): boolean {
  for (const m of sentence.matchAll(AFTER_EVENT)) {
    const span = sentence.slice(Math.max(0, m.index! - EVENT_REACH), m.index!);
    for (let i = 0; i + 2 <= span.length; i++) {
      const event = span.slice(i, i + 2);
      if (/^[\u4e00-\u9fff]{2}$/u.test(event) && question.includes(event) && toldBefore(question, event)) return true;
    }
  }
  return false;
}

/** Whether the question asks for a figure in a unit (金额 → 万元) the sentence states none of. */
function amountMissing(question: string, sentence: string): boolean {
  const units = questionKindTerms(question).filter((k) => k.startsWith("#qty:")).map((k) => k.slice(5));
  // A figure the question states itself (「给30万吗」) is compared by measureDiffers, not asked for.
  const stated = new Set(quantitiesIn(question).map((q) => q.unit));
  const asked = units.filter((u) => !stated.has(u));
  return asked.length > 0 && !asked.some((u) => quantitiesIn(sentence, { chineseNumerals: false }).some((q) => q.unit === u));
}

/**
 * Yes, no, or undefined (the sentence does not settle it), for a yes/no
 * question answered by `sentence`.
 * @param cues the question's words the texts use, weighted, to compare their polarity
 * @param focus per word naming the thing asked about, its strings (QueryProfile.focusCues)
 */
export function yesNoVerdict(question: string, sentence: string, cues: readonly Cue[], focus: readonly (readonly string[])[]): "yes" | "no" | undefined {
  const words = cues.map((c) => c.text);
  // A claim the asker heard and checks (「领导说…每两年考核一次，我寻思是不是听岔了，其实是一年一次？」) is what is
  // compared, not the guesses around it.
  const claim = checkedClaim(question);
  const asked = affirmativeReading(claim ?? question);
  if (measureDiffers(asked, sentence) || happenedBefore(asked, sentence)) return "no";
  // 「依托单位必须是国企吗」 against 「国有或民营的…」: one of alternatives is no must.
  if (ONLY.test(asked) && !/或/u.test(asked) && words.some((w) => w.length >= 2 && (sentence.includes(`${w}或`) || sentence.includes(`或${w}`)))) return "no";
  if (STAGED_CONSEQUENCE.test(sentence)) return stagedVerdict(asked, sentence, words);
  // 「直接向省知识产权局申报吗」: at once is denied by a step the sentence puts first (「…审核合格后，…向省知识产权局提交」);
  // naming what is asked is no yes to it.
  if (AT_ONCE.test(asked)) return stepFirst(asked, sentence, words) || otherDestination(asked, sentence) ? "no" : undefined;
  // 「有写明金额的补贴吗」 asks for an amount: a sentence that grants support without one
  // (「在…考核奖励等方面给予支持」) does not say yes to it.
  if (amountMissing(asked, sentence)) return undefined;
  // 「还有效吗」: whether a text still applies is not settled by the clause saying when it took effect
  // (a trial period may have run out); the reply's note says what to confirm.
  if (questionKindTerms(question).includes("#validity")) return undefined;
  // Each word once, the longest form (服务机构, not also 服务 inside it).
  const shared = words.filter((w) => w.length >= 2 && asked.includes(w) && sentence.includes(w));
  const compared = shared.filter((w) => !shared.some((o) => o.length > w.length && o.includes(w)));
  for (const w of compared) {
    const inQuestion = occurrences(asked, w).map((at) => negatedAt(asked, at));
    const inSentence = occurrences(sentence, w).map((at) => negatedAt(sentence, at));
    // The sentence contradicts the question only when none of its mentions has the question's polarity.
    if (inQuestion.every((n) => !inSentence.includes(n))) return "no";
  }
  // A word the question names by its everyday synonym (「能叠加吗」 → 重复支持): an affirmative question
  // against a sentence that only ever negates the synonym (「不重复支持」) is answered no — before, 「能。」
  // opened a reply quoting 「不重复支持」.
  const bySynonym = words.filter((w) => w.length >= 2 && !asked.includes(w) && sentence.includes(w) && !compared.some((c) => c.includes(w) || w.includes(c)));
  // A bound in the question (「不超过5万吗」) negates no claim: only another negator makes it a negative question.
  const affirmative = !NEGATOR.test(asked.replace(/[不没]?(?:超过|少于|低于)/gu, ""));
  if (affirmative && bySynonym.some((w) => occurrences(sentence, w).every((at) => negatedAt(sentence, at)))) return "no";
  // Yes when the sentence names most of what is asked about (by weight): 「有资金支持吗」 ← 「落实配套资金」.
  // What is asked about is read in the clause that asks it, not in 「浙江和淄博比一比」 after it.
  // (or in the whole question when that clause names nothing: 「新取得证书的奖励，浙江和淄博是不是都有？」).
  const clause = claim ? asked : affirmativeReading(askingClause(question) ?? question);
  const inClause = words.filter((w) => w.length >= 2 && clause.includes(w));
  const inQuestion = inClause.length > 0 ? inClause : words.filter((w) => w.length >= 2 && asked.includes(w));
  const questionWords = inQuestion.filter((w) => !inQuestion.some((o) => o.length > w.length && o.includes(w)));
  const about = focus.length > 0 ? focus : questionWords.map((w) => [w]);
  // What 是 asks of one member of an enumeration, the sentence may say of a neighbour only (「全部」 of 完全式,
  // asked of 顾问式): then it does not say yes.
  const member = memberSaidOf(question, sentence, words);
  if (member !== undefined && about.some((g) => g.some((c) => sentence.includes(c)) && !g.some((c) => member.includes(c)))) return undefined;
  const { carried, total } = focusCarried(member ?? sentence, about, cues);
  // 「评个优秀难不难」「门槛高不高」: a gradable adjective asks for a judgement the sentence must make itself;
  // naming what is asked about is no yes to it (「看不看」「算不算」 are: the sentence names what is counted).
  const yes = yesNoAsk(question)?.yes;
  const judged = yes === undefined || !GRADABLE.test(yes) || sentence.includes(yes);
  return judged && total > 0 && carried >= total / 2 ? "yes" : undefined;
}

/** Where an enumeration's member ends: the next 、 ； or 。 outside brackets. */
function memberEnd(sentence: string, from: number): number {
  let depth = 0;
  for (let i = from; i < sentence.length; i++) {
    const c = sentence[i]!;
    if (c === "（" || c === "(") depth++;
    else if ((c === "）" || c === ")") && depth > 0) depth--;
    else if (depth === 0 && /[、；;。]/u.test(c)) return i;
  }
  return sentence.length;
}

/**
 * 「顾问式是不是将全部专利事务整包给机构？」 against 「采取完全式（将其全部专利事务整包…）、顾问式（将其咨询性
 * 专利事务委托…）…」: what 是 asks is said of its subject, so it is looked for in the member of the
 * enumeration that subject stands in — not in a neighbour's. The subject is a word of the texts the question
 * names before its 是; undefined when the question asks no 是 or the sentence lists no such member.
 */
function memberSaidOf(question: string, sentence: string, words: readonly string[]): string | undefined {
  if (yesNoAsk(question)?.yes !== "是" || !sentence.includes("、")) return undefined;
  const clause = askingClause(question) ?? question;
  const copula = clause.search(/是不是|是否|是/u);
  if (copula <= 0) return undefined;
  const subject = words
    .filter((w) => w.length >= 2 && clause.slice(0, copula).includes(w) && !clause.slice(copula).includes(w) && occurrences(sentence, w).length === 1)
    .sort((a, b) => b.length - a.length)[0];
  if (!subject) return undefined;
  const from = sentence.indexOf(subject);
  const before = sentence.slice(0, from);
  // Only a member of an enumeration: after 、 or before one.
  const end = memberEnd(sentence, from);
  if (!/、$/u.test(before) && sentence[end] !== "、") return undefined;
  return sentence.slice(from, end);
}

/** A negator before what a claim says is there (没有, 不要求, 无): 「淄博没有面积要求」 claims an absence. */
const ABSENCE = /没有|没|无|不(?:要求|需要|要|用|设|限)/u;

/**
 * Whether the claim a question checks (「淄博没有面积要求，对不对？」, checkedClaim) says something is absent,
 * so that a text without such a provision confirms it. Bounds (不少于, 不超过) state a figure, not an absence.
 */
export function claimsAbsence(question: string): boolean {
  const claim = checkedClaim(question);
  return claim !== undefined && ABSENCE.test(claim.replace(BOUND, ""));
}
