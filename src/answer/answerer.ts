/**
 * Answers one question about the two policies.
 *
 *   question ─ normalise (full-width, traditional) ─ several asks? ─ per ask:
 *     follow-up? ─ injection? ─ jurisdiction ─ retrieve ─ on topic? ─ extractive offline answer
 *
 * Offline, a message with several asks (split-asks.ts) is answered ask by
 * ask under numbered headings, each with its own citations.
 *
 * With a chat model configured (config.llm) the question goes to
 * answer-with-model.ts instead: the model judges relevance over the retrieved
 * passages and its answer is verified; this offline answer is its fallback.
 */
import type { Logger } from "pino";
import type { PolicyId } from "../knowledge/policy-document.schema.ts";
import { quantitiesIn, vagueCountUnits } from "../retrieval/answer-kinds.ts";
import { NAMES_PROGRAMME, situationSpans, withoutSpans } from "../retrieval/message-clauses.ts";
import type { CorrectedText } from "../retrieval/correct-typos.ts";
import type { Passage, PolicyIndex, QueryProfile } from "../retrieval/passage.types.ts";
import type { AnswerOptions, AnswerResult, Answerer, PreviousTurn, RefusalReason } from "./answer.types.ts";
import { ASKED_KIND_LABEL, ASKED_KIND_LABEL_EN, JURISDICTION_LABEL, UNSTATED_AMOUNT, notCoveredText, otherLevelText, otherSideText, readingNote, refusalText, SCOPE_HELP, trialNotes, type NearbyClause } from "./answer-texts.ts";
import { NATIONAL_MENTION, otherLevelZone } from "./detect-other-level.ts";
import { articleOf, formatCitation, formatClause, parseCitation } from "../knowledge/citation.ts";
import { POLICIES } from "../knowledge/policy-catalog.ts";
import { JURISDICTIONS } from "../knowledge/jurisdictions.ts";
import { composeExtractiveAnswer, isListQuestion, type Cue } from "./compose-extractive-answer.ts";
import { detectJurisdiction, JURISDICTION_OF, POLICY_OF, withoutPlaceNames, type Jurisdiction } from "./detect-jurisdiction.ts";
import { looksLikeInjection } from "./detect-injection.ts";
import type { LlmClient } from "./llm-client.ts";
import { createModelAnswerer } from "./answer-with-model.ts";
import { DEFAULT_THRESHOLDS, judgeTopic, type RefusalThresholds } from "./refusal-gate.ts";
import { asPreviousTurn, readAsFollowUp, resolveFollowUp, type ResolvedQuestion } from "./resolve-follow-up.ts";
import { ENGLISH_REFUSAL, ENGLISH_REFUSAL_LEAD, ENGLISH_SCOPE_HELP, englishUnknownShare, isEnglishQuestion, isEnglishTurn, namedInEnglish, readEnglishQuestion } from "./english-question.ts";
import { composeEnglishAnswer, englishNoProvision, englishOtherSideLead, isYesNoQuestion } from "./compose-english-answer.ts";
import { joinEnglishAnswers, splitEnglishAsks } from "./english-asks.ts";
import { englishClause } from "./english-citation.ts";
import { chineseComparative, englishComparative } from "./english-comparative.ts";
import { applyEnglishOwnNumbers } from "./english-own-numbers.ts";
import { applyOwnNumbers } from "./apply-own-numbers.ts";
import { todayInChina } from "../rules/index.ts";
import { createQuestionNormalizer } from "./normalize-question.ts";
import { correctEnglishTypos, englishReadingNote } from "./english-typos.ts";
import { readOrdinalOfList } from "./ordinal-of-list.ts";
import { punctuateRunOnAsks, type AskReader } from "./run-on-asks.ts";
import { splitAsks, type Ask } from "./split-asks.ts";
import { countsWithoutNoun } from "./bare-count.ts";
import { stackingLines } from "./stacking-readings.ts";
import { askedOf } from "./compare-sides.ts";
import { figureUnstated } from "./unstated-figure.ts";
import { otherDocument, otherGoal, otherRecognition } from "./other-recognition.ts";
import { createSideAnswerer, noFirst, openAnswered, SIDE_LABELS } from "./answer-sides.ts";
import { answerClauseByNumber, asksForClauseOnly, readArticleReference } from "./article-reference.ts";
import { interleave } from "./interleave-retrieved.ts";
import { yesNoAsk } from "./yes-no-ask.ts";
import { notAmongConditions, type NotAmongConditions } from "./listed-conditions.ts";

export interface AnswererDeps {
  index: PolicyIndex;
  llm?: LlmClient;
  logger?: Logger;
  thresholds?: RefusalThresholds;
}

const DEFAULT_K = 8;
/** Side-by-side lines follow registration order (src/knowledge/jurisdictions.ts): Zhejiang (provincial) first, then Zibo. */
const JURISDICTION_ORDER: readonly Jurisdiction[] = JURISDICTIONS;
const MAX_QUESTION_LENGTH = 500;
/**
 * With no jurisdiction named, the other document is answered too when its
 * best piece covers the question nearly as well as the best overall.
 */
const SECOND_DOC_RATIO = 0.85;
/** Above this share of English content words the texts never use, an English question is off-topic. */
const MAX_UNKNOWN_ENGLISH = 0.34;
/** 第九条's closing sentence 「当年度优惠政策只享受一次，不重复支持」, whose two readings stacking-readings.ts gives. */
const ONCE_A_YEAR_CLAUSE = "zb2020:9";
/** The kind of a question asking an amount of money (「多少钱」「补贴金额」), as answer-kinds.ts writes it. */
const MONEY_KIND = "#qty:万元";
/** The asker's own zone, named as theirs or as the kind of place it is (not 「新设立一家代理机构」, someone else's). */
const OWN_ZONE = /我|俺|咱|园区|孵化器|科技园|众创空间|小镇|科技城/u;
/** How many uncovered words a refusal names. */
const MAX_MISSING_SHOWN = 3;
/** A refused question's best clause is shown as nearby when it covers at least this much of the question. */
const NEARBY_MIN_COVERAGE = 0.6;
const FIGURE = /\d+\s*(万元|元|件|家|平方米)/;
const NEARBY_MAX_CHARS = 80;

function firstSentence(text: string): string {
  const s = text.replace(/\n/g, "").split(/(?<=[。；])/)[0] ?? "";
  return s.length > NEARBY_MAX_CHARS ? `${s.slice(0, NEARBY_MAX_CHARS)}……` : s;
}

/** Under the heading of an ask the texts do not answer. */
const sentenceStart = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const NOT_IN_TEXTS_SHORT = "两份政策都没有写到这一点。";

/** What an answer's conclusion says, without its yes/no word (「不是。」) and its closing citation (「（第六条（三））。」). */
function conclusionCore(text: string): string {
  return text.split("\n\n")[0]!.replace(/^[^。\n]{1,3}。/u, "").replace(/（第[^（）]*(?:（[^（）]*）)?[^（）]*）。?$/u, "");
}

export function createAnswerer(deps: AnswererDeps): Answerer {
  const { index, llm, logger } = deps;
  const thresholds = deps.thresholds ?? DEFAULT_THRESHOLDS;

  function refuse(reason: RefusalReason, resolvedQuestion: string, retrieved: string[] = []): AnswerResult {
    return {
      text: refusalText(reason),
      citations: [],
      refused: true,
      refusalReason: reason,
      jurisdictions: [],
      retrieved,
      resolvedQuestion,
      mode: "offline",
    };
  }

  // How many pieces contain a cue: 示范区 is everywhere and tells little, 顾问式 a lot.
  const cueDf = new Map<string, number>();
  const cueWeight = (cue: string): number => {
    let df = cueDf.get(cue);
    if (df === undefined) {
      df = index.pieces.filter((p) => p.text.includes(cue)).length;
      cueDf.set(cue, df);
    }
    return Math.log((index.pieces.length + 1) / (df + 1));
  };

  const weighCues = (cues: readonly string[]): Cue[] => cues.map((text) => ({ text, weight: cueWeight(text) }));

  const { answerSides, answerFromCounterpart } = createSideAnswerer({ index, k: DEFAULT_K, weighCues, answerChinese });


  const normalize = createQuestionNormalizer(new Set(index.pieces.flatMap((p) => [...p.text])));

  /** The kinds of answer asked (a date, a place: ASKED_KIND_LABEL) that none of the best clauses states. */
  function unstatedKinds(profile: QueryProfile, passages: readonly Passage[]): string[] {
    const top = passages.slice(0, thresholds.window);
    return profile.kinds.filter((k) => ASKED_KIND_LABEL[k] && !top.some((p) => p.kinds.includes(k)));
  }

  /**
   * What the texts do not cover (the nouns of the question they never use),
   * and the closest clause when it speaks to the rest of the question.
   *
   * @param lacking what the texts lack, when the caller knows it (an amount of money no clause states)
   */
  function notCovered(profile: QueryProfile, passages: readonly Passage[], named: readonly Jurisdiction[], lacking: readonly string[] = []): string {
    const nouns = [...new Set([...lacking, ...profile.missingFocus, ...profile.missingNouns])];
    // With no noun missing, the kind of answer asked for may be what no clause states (a place, a date).
    const kinds = unstatedKinds(profile, passages).map((k) => ASKED_KIND_LABEL[k]!);
    const missing = (nouns.length > 0 ? nouns : kinds.length > 0 ? kinds : profile.unknownWords.filter((w) => w.length > 1)).slice(0, MAX_MISSING_SHOWN);
    const scope = named.length === 1 ? POLICIES[POLICY_OF[named[0]!]].shortName : "两份政策";
    const best = passages[0];
    if (missing.length === 0 && profile.knownWords.length === 0) return refusalText("off-topic");
    // A refusal never shows an amount or count: one would read as the answer.
    const nearby = best && best.coverage >= NEARBY_MIN_COVERAGE && !FIGURE.test(best.text) ? { citation: formatCitation(best.id), text: firstSentence(best.text) } : undefined;
    return notCoveredText(missing, scope, nearby);
  }

  /**
   * 「淄博那边呢？」 after Zhejiang's core-area requirement: this text has none, and its list of conditions,
   * quoted, is the ground of that 「没有」 — an answer, not a refusal.
   */
  function notAmongReply(lead: string, listed: NotAmongConditions, jurisdiction: Jurisdiction, resolvedQuestion: string, retrieved: string[], rest = ""): AnswerResult {
    return {
      text: [lead, `依据：\n${listed.quote}`, rest, ...trialNotes([listed.citation])].filter(Boolean).join("\n\n"),
      citations: [listed.citation],
      refused: false,
      notAmongConditions: listed.citation,
      jurisdictions: [jurisdiction],
      retrieved: [listed.citation, ...retrieved.filter((id) => id !== listed.citation)],
      resolvedQuestion,
      mode: "offline",
    };
  }

  /** Asked of the zone itself, in the texts' own words (not 「高新技术企业认定对知识产权有什么要求」): its conditions may answer. */
  function ofTheZone(question: string, profile: QueryProfile): boolean {
    return NAMES_PROGRAMME.test(question) && profile.missingNouns.length === 0 && profile.missingFocus.length === 0;
  }

  /** The sentences of the retrieved articles that speak of the national scheme, one per article. */
  function nationalMentions(passages: readonly Passage[]): NearbyClause[] {
    const out: NearbyClause[] = [];
    const seen = new Set<string>();
    for (const p of passages) {
      const sentences = p.text.replace(/\n/g, "").split(/(?<=[。；])/);
      const at = sentences.findIndex((s) => NATIONAL_MENTION.test(s));
      const sentence = at < 0 ? undefined : `${at > 0 ? "……" : ""}${sentences[at]}`;
      const article = `${p.doc}:${p.article}`;
      if (!sentence || seen.has(article)) continue;
      seen.add(article);
      out.push({ citation: formatCitation(p.id), text: sentence });
    }
    return out;
  }

  /** Which documents the reply speaks for, best first. */
  function chooseDocs(passages: readonly Passage[], named: readonly Jurisdiction[]): PolicyId[] {
    const ranked = [...new Set(passages.map((p) => p.doc))];
    // Named jurisdictions are answered whenever they have a retrieved piece (浙江和淄博 … → both).
    if (named.length > 0) return ranked.filter((d) => named.includes(JURISDICTION_OF[d]));
    const docs: PolicyId[] = [];
    const window = passages.slice(0, 5);
    const bestCoverage = Math.max(0, ...window.map((p) => p.coverage));
    for (const p of window) {
      if (docs.includes(p.doc)) continue;
      if (docs.length === 0 || p.coverage >= Math.max(thresholds.minCoverage, SECOND_DOC_RATIO * bestCoverage)) docs.push(p.doc);
    }
    return docs;
  }

  /**
   * An English question is read into Chinese search words (glossary), answered
   * offline from the same retrieval, and replied to in English; unknown
   * English words or another place make it the English refusal. Its misspelt
   * words are read as the words meant first (「zhejaing」), the reply saying so.
   */
  async function answerEnglish(typed: string, options: AnswerOptions): Promise<AnswerResult> {
    const { text, corrections } = correctEnglishTypos(typed);
    const result = { ...(await answerEnglishAsRead(text, options)), asked: text };
    return corrections.length === 0 ? result : { ...result, text: `${englishReadingNote(corrections)}\n\n${result.text}` };
  }

  async function answerEnglishAsRead(asked: string, options: AnswerOptions): Promise<AnswerResult> {
    const reading = readEnglishQuestion(asked);
    const refuseEnglish = (reason: RefusalReason, retrieved: string[] = []): AnswerResult => ({
      ...refuse(reason, reading.chinese, retrieved),
      text: ENGLISH_REFUSAL_LEAD[reason] ? `${ENGLISH_REFUSAL_LEAD[reason]}\n\n${reason === "injection" ? ENGLISH_SCOPE_HELP : ENGLISH_REFUSAL}` : ENGLISH_REFUSAL,
    });
    // Asked in English, refused in English — an instruction to change the rules too.
    if (looksLikeInjection(asked)) return refuseEnglish("injection");
    // 「…, and how many agencies are needed?」: each ask answered in order, when each is answered.
    const asks = splitEnglishAsks(asked);
    if (asks.length > 1) {
      const parts: AnswerResult[] = [];
      for (const ask of asks) parts.push(await answerEnglish(ask, options));
      if (parts.every((p) => !p.refused)) return joinEnglishAnswers(parts);
    }
    if (reading.otherPlace) return refuseEnglish("other-place");
    // The thing asked for is a word the texts never use (「What is the phone number of …」): say so first.
    if (reading.unknownFocus.length > 0) {
      return { ...refuseEnglish("off-topic"), text: `Neither policy says anything about "${reading.unknownFocus.join(" ")}".\n\n${ENGLISH_REFUSAL}` };
    }
    // As with unknown Chinese words: a question whose content words the texts never use is not about them.
    // What the texts lack is said first, as in Chinese: the words of the question no text uses.
    // A term of the glossary whose Chinese no text contains (「application fee」 → 申请费) is as missing as an unknown word.
    const refuseNaming = (retrieved: string[] = []): AnswerResult => {
      const absent = reading.terms.filter((t) => !index.pieces.some((p) => p.text.includes(t.zh))).map((t) => t.en);
      const missing = (reading.unknownWords.length > 0 ? reading.unknownWords : [...new Set(absent)]).slice(0, MAX_MISSING_SHOWN);
      const refusal = refuseEnglish("off-topic", retrieved);
      return missing.length === 0 ? refusal : { ...refusal, text: `Neither policy says anything about ${missing.map((w) => `"${w}"`).join(", ")}.\n\n${ENGLISH_REFUSAL}` };
    };
    if (!reading.chinese || englishUnknownShare(reading) > MAX_UNKNOWN_ENGLISH) return refuseNaming();
    const named = namedInEnglish(asked).filter((j) => (JURISDICTIONS as readonly string[]).includes(j)) as Jurisdiction[];
    // 「Does Zibo require more agencies than Zhejiang?」: each side is asked for its figure, as 「谁多」 is in Chinese.
    const comparative = named.length > 1 ? englishComparative(asked, isYesNoQuestion(asked)) : undefined;
    // The conversation is read in Chinese too: an earlier English question as its Chinese reading, so a
    // follow-up (「And in Zhejiang?」) carries its topic and finds the other text's corresponding clause.
    const history = options.history?.map((t) => (isEnglishQuestion(t.question) ? { ...t, question: readEnglishQuestion(correctEnglishTypos(t.question).text).chinese } : t));
    const zh = await answerChinese(comparative ? `${reading.chinese}${chineseComparative(comparative)}` : reading.chinese, { ...options, history, useLlm: false });
    // 「Does the Zibo plan set a minimum core area?」: no, and its list of conditions (Article 5) is quoted as the ground.
    const listedIn = named.length === 1 ? zh.notAmongConditions : undefined;
    const amongConditions = (reply: AnswerResult): AnswerResult => {
      if (!listedIn) return reply;
      const items = index.pieces.filter((p) => articleOf(p.id) === articleOf(listedIn)).map((p) => p.id);
      const quoted = composeEnglishAnswer({ question: asked, citations: items, answered: [named[0]!], named, retrieved: items, pieces: index.pieces, synonyms: reading.synonyms });
      const evidence = quoted.slice(quoted.indexOf("\n\n") + 2);
      const lead = `${isYesNoQuestion(asked) ? "No — " : ""}${englishNoProvision(named[0]!)}: its conditions (${englishClause(listedIn)}) include no such requirement.`;
      const rest = reply.refused ? reply.text.replace(/^[^\n]*\n?/u, "").replace(ENGLISH_REFUSAL, "").trim() : "";
      return { ...reply, refused: false, refusalReason: undefined, notAmongConditions: listedIn, citations: [...new Set([...items, ...reply.citations])], text: [sentenceStart(lead), evidence, rest].filter(Boolean).join("\n\n") };
    };
    if (zh.refused || listedIn) {
      // 「What about Zhejiang?」 after a Zibo-only subsidy: that text has no such provision, said plainly (as in Chinese).
      const followUp = named.length === 1 && resolveFollowUp(reading.chinese, history).isFollowUp;
      if (listedIn && followUp) return amongConditions({ ...zh, citations: [] });
      if (followUp && zh.refusalReason === "off-topic") {
        return { ...refuseEnglish("off-topic", zh.retrieved), text: `${sentenceStart(englishNoProvision(named[0]!))} (the previous question's topic has no counterpart there).\n\n${ENGLISH_REFUSAL}` };
      }
      // 「Is there an area requirement in Zibo?」: this text has none; the other text's provision, labelled, for reference.
      const other = named.length === 1 && (zh.refusalReason === "off-topic" || listedIn) ? JURISDICTION_ORDER.find((j) => j !== named[0]) : undefined;
      const there = other ? await answerChinese(reading.chinese, { ...options, useLlm: false, history: undefined }, undefined, other) : undefined;
      if (other && there && !there.refused) {
        const text = composeEnglishAnswer({ question: asked, citations: there.citations, answered: there.jurisdictions, named: [other], retrieved: there.retrieved, pieces: index.pieces, synonyms: reading.synonyms });
        // The other side's own 「Yes — 」 would read as this side's after 「No — 」.
        const reply = text.replace(/^Yes — (.)/u, (_, c: string) => c.toUpperCase());
        const refused = { ...refuseEnglish("off-topic", zh.retrieved), text: `${englishOtherSideLead(named[0]!, other, isYesNoQuestion(asked))}\n${reply}` };
        return listedIn ? { ...amongConditions(refused), citations: [listedIn, ...there.citations] } : refused;
      }
      if (listedIn) return amongConditions({ ...zh, citations: [] });
      // The Chinese refusal named a kind of answer no clause states (「没有写到“办理时限（要等多久）”」): so does the English one.
      const kind = Object.keys(ASKED_KIND_LABEL).find((k) => ASKED_KIND_LABEL_EN[k] && zh.text.includes(`“${ASKED_KIND_LABEL[k]}”`));
      if (kind && reading.unknownWords.length === 0) return { ...refuseEnglish("off-topic", zh.retrieved), text: `Neither policy states ${ASKED_KIND_LABEL_EN[kind]}.\n\n${ENGLISH_REFUSAL}` };
      return zh.refusalReason === "off-topic" ? refuseNaming(zh.retrieved) : refuseEnglish(zh.refusalReason ?? "off-topic", zh.retrieved);
    }
    // The asker's own numbers go through the rules in English (the Chinese reading keeps only the figures).
    // A follow-up (「And if we had 22?」) is read against the earlier English question as typed.
    const earlier = options.history?.at(-1)?.asked;
    const ownNumbers = applyEnglishOwnNumbers(asked, zh.jurisdictions, todayInChina(), isYesNoQuestion(asked), earlier);
    // 「What does Article 16 … say」: the conclusion is read from that clause, not a better-worded neighbour.
    const { clause } = reading;
    const inClause = (id: string): boolean => {
      const c = parseCitation(id);
      return clause !== undefined && c?.article === clause.article && (clause.item === undefined || c.item === clause.item);
    };
    const cited = clause && zh.citations.some(inClause) ? zh.citations.filter(inClause) : zh.citations;
    const citations = [...new Set([...(ownNumbers?.clauses ?? []), ...cited])];
    const text = composeEnglishAnswer({ question: asked, citations, answered: zh.jurisdictions, named, retrieved: zh.retrieved, pieces: index.pieces, ownNumbers, synonyms: reading.synonyms });
    return { ...zh, citations, text };
  }

  /**
   * Several asks in one message, answered one by one in order. An ask too
   * short to stand alone (「交给谁」「第一步做什么」) is read with the topic
   * words of the ask before it. When every answered ask rests on the same
   * clause the message was one question after all (「分几档，分别是多少」) and
   * is answered as one.
   */
  async function answerAsks(message: string, asks: readonly Ask[], options: AnswerOptions): Promise<AnswerResult | undefined> {
    const parts: { ask: Ask; result: AnswerResult }[] = [];
    // The topic words (those the texts use) of the latest ask that had its own.
    let topic: string[] = [];
    for (const ask of asks) {
      const own = index.profile(ask.text).knownWords;
      // 「浙江要求多少家？淄博呢？」: an ask with no topic of its own that follows up the one before it in the same
      // message is read with it (「核心区要多大？」 after 「淄博呢？」 has its own, and is asked as it stands).
      const before = parts.at(-1)?.result;
      const previous = before && !before.refused ? asPreviousTurn(before) : undefined;
      // So is one that counts without naming what (「超过120件呢」 after 「授权超过70件能给多少」).
      const followsUp = previous !== undefined && (own.length === 0 || countsWithoutNoun(ask.text)) && resolveFollowUp(ask.text, [previous], own).isFollowUp;
      let result = await answerChinese(ask.text, followsUp ? { ...options, history: [...(options.history ?? []), previous] } : options);
      // 「交什么材料？交给谁？」: an ask with no topic of its own, or none the texts answer
      // alone, is about the topic of the ask before it (申报材料 交给谁), not its whole question.
      // Failing that, an ask with a topic of its own (「另外建设主体是谁？」 after 「…有哪几条原则？」)
      // shares at least the programme the asks are about (示范区), if not what the ask before asked for (原则).
      const inherited = topic.filter((w) => !ask.text.includes(w));
      const programme = own.length > 0 ? inherited.filter((w) => NAMES_PROGRAMME.test(w)) : [];
      const place = ask.text.slice(0, ask.text.length - ask.asked.length);
      for (const words of [inherited, programme]) {
        if (followsUp || !(result.refused || own.length === 0) || words.length === 0 || (words === programme && words.length === inherited.length)) continue;
        const withTopic = await answerChinese(`${place}${words.join("")}${ask.asked}`, options);
        if (!withTopic.refused) result = withTopic;
      }
      if (own.length > 0) topic = own;
      parts.push({ ask, result });
    }
    const answered = parts.filter((p) => !p.result.refused);
    if (answered.length === 0) return undefined;
    // Every ask answered from the same clause (an answer cites the clause its conclusion rests on first)
    // may be one question after all (「服务机构要几家？核心区要多大？」「那浙江呢？两边是同一个部门吗」):
    // the whole message's answer is given when its conclusion says what each ask's does. When it does not
    // (「淄博认定结果分几档，不合格会怎样？」 answered only 不合格; 服务券的上限 and 新证书的支持, both
    // 第九条（二）), each ask is answered under its number.
    if (answered.every((p) => p.result.citations[0] === answered[0]!.result.citations[0])) {
      const whole = await answerChinese(message, options);
      const opening = whole.text.split("\n\n")[0]!;
      // The asker's own numbers (「发明专利授权80件，能拿哪一档，离下一档还差多少」) are worked out whole, once —
      // unless several asks state figures of their own (「超过70件能给多少 超过120件呢」): each is worked out.
      const figuresAsked = parts.filter((p) => quantitiesIn(p.ask.asked).length > 0).length;
      const ownNumbers = figuresAsked < 2 && applyOwnNumbers(message, whole.jurisdictions, todayInChina()) !== undefined;
      // A whole message the texts do not cover stays refused, whatever one of its asks alone matched; when
      // every ask is answered, the refusal is the story's (「园区在淄川…这俩够不够格」) and each ask is answered.
      const storyRefused = whole.refused && answered.length === parts.length;
      if (!storyRefused && (whole.refused || ownNumbers || answered.every((p) => opening.includes(conclusionCore(p.result.text))))) return whole;
    }

    // 「…核心区要多大？」 asked of 淄博: not in its text, and the other text's provision, labelled, is still worth showing.
    const informs = (r: AnswerResult): boolean => !r.refused || (r.reference?.length ?? 0) > 0;
    const citations = [...new Set(parts.flatMap((p) => [...p.result.citations, ...(p.result.reference ?? [])]))];
    const notes = trialNotes(citations);
    const strip = (text: string) => notes.reduce((t, n) => t.replace(`\n\n${n}`, "").replace(n, ""), text).trim();
    const sections = parts.map(({ ask, result }, i) => {
      const body = !informs(result) ? NOT_IN_TEXTS_SHORT : strip(result.text.replace(SCOPE_HELP, ""));
      return `${i + 1}. ${ask.asked}\n${body}`;
    });
    const retrieved = interleave(parts.map((p) => p.result.retrieved));
    return {
      text: [`您的问题有 ${parts.length} 问，逐一回答：`, ...sections, ...notes].join("\n\n"),
      citations,
      refused: false,
      jurisdictions: [...new Set(answered.flatMap((p) => p.result.jurisdictions))],
      retrieved,
      resolvedQuestion: message,
      mode: "offline",
    };
  }

  /** Reads where run-on asks end: how well the texts answer each alone (its best clause among the gate's window). */
  const runOnReader: AskReader = {
    bestClause: async (question) =>
      (await index.search(question, thresholds.window)).reduce<Passage | undefined>((a, p) => (a && a.coverage >= p.coverage ? a : p), undefined),
    line: thresholds.minCoverage,
    taggedWords: (text) => index.taggedWords(text),
  };

  const viaModel = llm ? createModelAnswerer({ index, llm, logger }) : undefined;
  /** The offline answer to a question `answer` has already trimmed, cut and normalised (also the chat model's fallback). */
  const offline = async (asked: string, options: AnswerOptions): Promise<AnswerResult> => {
    if (asked && isEnglishTurn(asked, options.history?.at(-1)?.asked)) return answerEnglish(asked, options);
    if (!asked || looksLikeInjection(asked)) return answerChinese(asked, options);
    // Typos are read once for the whole message, so the note is given once.
    const typos = index.correctTypos(asked);
    const asks = splitAsks(await punctuateRunOnAsks(typos.text, runOnReader));
    if (asks.length > 1) {
      const multi = await answerAsks(typos.text, asks, options);
      if (multi) return typos.corrections.length > 0 ? { ...multi, text: `${readingNote(typos.corrections)}\n\n${multi.text}` } : multi;
    }
    return answerChinese(asked, options, typos);
  };

  return {
    async answer(rawQuestion, options: AnswerOptions = {}) {
      // The chat model reads the question in the same normalised form (simplified, half-width).
      const question = normalize(rawQuestion.trim().slice(0, MAX_QUESTION_LENGTH));
      if (viaModel && options.useLlm !== false) return viaModel.answer(question, options, offline);
      return offline(question, options);
    },
  };

  /**
   * `typos`: the question's typo reading when the caller has already made it (the offline path, for splitting asks);
   * `side`: the one jurisdiction a side of a comparison is asked of (answerSides);
   * `carried`: the question read as a follow-up of the turn before, when read alone it was not covered (readAsFollowUp).
   */
  async function answerChinese(rawQuestion: string, options: AnswerOptions, typos?: CorrectedText, side?: Jurisdiction, carried?: ResolvedQuestion): Promise<AnswerResult> {
    {
      const asked = rawQuestion.trim().slice(0, MAX_QUESTION_LENGTH);
      if (!asked) return refuse("empty", asked);
      // Same-sound typos of domain words (淄搏, 托官) are read as the word meant, and the reply says so.
      const { text: corrected, corrections } = typos ?? index.correctTypos(asked);
      // 「第二项说的是啥意思」 after a list: that item of the list, by its own number (ordinal-of-list.ts).
      const question = readOrdinalOfList(corrected, options.history?.at(-1)) ?? corrected;

      // The question's own words, read once: whether it has a topic of its own, and what a follow-up adds.
      const ownWords = options.history?.length ? index.profile(question) : undefined;
      const resolved = carried ?? resolveFollowUp(question, options.history, ownWords?.knownWords);
      const text = resolved.text;
      if (looksLikeInjection(question)) return refuse("injection", text);
      // Another place alone (「那安徽的呢？」 after a Zhejiang question: the follow-up's own words), or
      // compared with ours (「浙江和江苏哪边补得多」): the texts cannot speak for it.
      const typed = detectJurisdiction(question);
      // So is an ask of another place after a clause telling of ours (「淄博的方案提到对标学习深圳，那深圳…补多少钱」).
      const told = situationSpans(text);
      const asksOfOther = told.length > 0 && detectJurisdiction(withoutSpans(text, told)).otherPlaceOnly;
      const otherPlace =
        (resolved.jurisdictions.length === 0 || resolved.isFollowUp ? detectJurisdiction(resolved.isFollowUp ? question : text).otherPlaceOnly : false) || typed.comparedWithOther || asksOfOther;
      if (otherPlace) return refuse("other-place", text);

      let named = side ? [side] : resolved.jurisdictions;
      // 「第九条（五）是什么」: the clause named by its number, quoted; with more asked
      // (「第十六条的不合格怎么处理」), the number only says where to look first.
      const reference = readArticleReference(text);
      if (reference && asksForClauseOnly(withoutPlaceNames(reference.rest))) return answerClauseByNumber(reference, named.length > 0 ? named : JURISDICTION_ORDER, index.pieces, text);
      const searched = reference ? reference.rest : text;
      // A numbered clause is looked up among all pieces, however little of the rest of the question it shares.
      const found = await index.search(searched, reference ? index.pieces.length : (options.k ?? DEFAULT_K), {
        docs: named.map((j) => POLICY_OF[j]),
      });
      const inReference = (p: Passage): boolean => reference !== undefined && p.article === reference.article && (reference.item === undefined || p.item === reference.item);
      // With no place named, the text whose clause of that number speaks to the question is the one meant
      // (「第十六条里不合格怎么处理」 → 浙江第十六条, not 淄博's article on the same topic under another number).
      const meant = [...new Set(found.filter((p) => inReference(p) && p.coverage >= thresholds.minCoverage).map((p) => JURISDICTION_OF[p.doc]))];
      if (named.length === 0 && meant.length === 1) named = meant;
      const passages = [...found.filter(inReference), ...found.filter((p) => !inReference(p) && (named.length === 0 || named.includes(JURISDICTION_OF[p.doc])))].slice(
        0,
        options.k ?? DEFAULT_K,
      );
      const retrieved = passages.map((p) => p.id);
      const profile = index.profile(searched);
      // A zone of a level neither text governs (the national scheme): say so, with what they do say of it.
      const zone = otherLevelZone(text);
      if (zone) return { ...refuse("off-topic", text, retrieved), text: otherLevelText(zone, nationalMentions(passages)) };
      // Each side asked on its own finds its own best clause (「往哪儿交，浙江和淄博有啥区别」 → 区县 for Zibo,
      // not its materials list ranked by the Zhejiang words): taken when every side is answered, else the
      // fallback of a question that finds no answer as a whole.
      // A follow-up is asked of each side when it names both itself (「那浙江呢？两边是同一个部门吗」).
      const bothNamedNow = !resolved.isFollowUp || typed.named.length > 1;
      const sides = !side && bothNamedNow && named.length > 1 ? await answerSides(text, options) : undefined;
      const withReadingNote = (r: AnswerResult): AnswerResult => (corrections.length > 0 ? { ...r, text: `${readingNote(corrections)}\n\n${r.text}` } : r);
      if (sides?.everySide) return withReadingNote(sides.reply);
      // A comparison (both texts named) is covered by one article of each, together.
      const bestOfEach =
        named.length > 1
          ? named.flatMap((j) => {
              const own = passages.filter((p) => p.doc === POLICY_OF[j]);
              return own.length === 0 ? [] : [own.reduce((a, b) => (b.coverage > a.coverage ? b : a)).id];
            })
          : [];
      // A question telling a fact of the texts before it asks (「浙江示范区挂牌后两年一考，考砸了直接摘牌吗」) is
      // covered by the article it tells of and the one it asks of, together.
      // Only a fact the texts word throughout: a story of the asker's own (「企业通过…贯标认证」) is no clause of theirs.
      const toldFacts = told.map(([from, to]) => text.slice(from, to));
      const restatesTexts =
        named.length === 1 && !side && !resolved.isFollowUp && toldFacts.length > 0 &&
        toldFacts.every((clause) => profile.topicWords.filter((w) => clause.includes(w)).every((w) => profile.knownWords.includes(w)));
      const toldAndAsked = restatesTexts ? distinctArticles(passages.slice(0, thresholds.window)).slice(0, 2) : [];
      const joint = bestOfEach.length > 1 ? index.jointCoverage(text, bestOfEach) : toldAndAsked.length > 1 ? index.jointCoverage(text, toldAndAsked) : 0;
      const statedUnits = [...new Set([...quantitiesIn(text).map((q) => q.unit), ...vagueCountUnits(text)])];
      const signal = judgeTopic(passages, profile, thresholds, joint, statedUnits);
      logger?.debug({ question: text, named, ...signal, top: retrieved.slice(0, 3) }, "retrieval");
      // 「浙江给每个新认定的示范区发多少钱」: an amount asked of a text that states none anywhere is not
      // answered by any of its clauses, however well they match — not covered, as a missing noun is.
      const amountUnstated = named.length === 1 && profile.kinds.includes(MONEY_KIND) && !index.statedKinds(POLICY_OF[named[0]!]).has(MONEY_KIND);
      // 「今年的申报截止日期是哪天」: a date or a place asked that none of the best clauses states is not
      // answered by them (the application form of 第九条 is no deadline).
      const kindUnstated = unstatedKinds(profile, passages).length > 0;
      // 「申请高新技术企业认定需要多少件发明专利」: a recognition the texts never write is not the zone (other-recognition.ts).
      // 「淄博市专利资助办法规定…」: another policy document the texts never name (other-recognition.ts).
      // 「老板非要拿下专精特新小巨人，要满足啥」: a title to win that the texts never write (other-recognition.ts).
      const tagged = index.taggedWords(text);
      const written = (phrase: string): boolean => index.pieces.some((p) => p.text.includes(phrase));
      const recognition = otherRecognition(tagged, written) ?? otherDocument(tagged, written) ?? otherGoal(tagged, written);
      if (recognition) return { ...refuse("off-topic", text, retrieved), text: notCovered(profile, passages, named, [recognition]) };
      // 「评上优秀有啥用？」 after 「淄博示范区的认定结果分几档？」: a question of its own that the texts do not
      // answer alone, with nothing the texts lack in it, is asked once more about the conversation's topic.
      if (signal.offTopic && !carried && !side && !resolved.isFollowUp && profile.missingNouns.length === 0 && profile.missingFocus.length === 0) {
        const asFollowUp = readAsFollowUp(question, options.history);
        const again = asFollowUp ? await answerChinese(rawQuestion, options, typos, side, asFollowUp) : undefined;
        if (again && !again.refused) return again;
      }
      // 「今天天气怎么样」 after a question on 认定: what a follow-up adds is what it asks about now; a noun of
      // its own the texts never use is not covered, however well the carried topic matches.
      const followUpLacks = resolved.isFollowUp && question !== text ? (ownWords?.missingNouns ?? []) : [];
      if (followUpLacks.length > 0) return { ...refuse("off-topic", text, retrieved), text: notCovered(profile, passages, named, followUpLacks) };
      // 「核心区2000平方米、30家机构，淄博的要求够吗」: the asker's own zone facts, checked by the rules against this
      // text's conditions, answer it, though the text never words the area (apply-own-numbers.ts says so).
      const checksOwnFacts =
        signal.offTopic && named.length === 1 && profile.missingNouns.length === 0 && profile.missingFocus.length === 0 && OWN_ZONE.test(text) &&
        applyOwnNumbers(text, named, todayInChina(), resolved.isFollowUp ? question : undefined)?.estimated === false;
      if ((signal.offTopic && !checksOwnFacts) || amountUnstated || kindUnstated) {
        // 「那淄博的是谁定的」 after a Zhejiang question the other text words differently: its corresponding clause answers.
        if (resolved.isFollowUp && named.length === 1 && !side) {
          const counterpart = await answerFromCounterpart(options.history!.at(-1)!, named[0]!, text, profile, retrieved);
          if (counterpart) return counterpart;
        }
        // What the other text answers, when only one is asked about: 「淄博示范区对面积有要求吗」 is answered by
        // Zhejiang's 第六条（三）, and Zibo's own list of conditions, which has no such item, is where the answer stands.
        // A follow-up only needs it when its own list of conditions may answer (ofTheZone).
        const zone = ofTheZone(text, profile);
        const other = named.length === 1 && !side && (zone || !resolved.isFollowUp) ? JURISDICTION_ORDER.find((j) => j !== named[0]) : undefined;
        const there = other ? await answerChinese(askedOf(text, named[0]!, other), { ...options, history: undefined }, undefined, other) : undefined;
        const listed = zone && other && there && !there.refused ? notAmongConditions(index.pieces, POLICY_OF[named[0]!], there.citations) : undefined;
        // 「浙江呢？」 after a Zibo-only subsidy: say plainly that this policy has no such provision.
        if (resolved.isFollowUp && named.length === 1) {
          const policy = POLICIES[POLICY_OF[named[0]!]];
          const lead = `${JURISDICTION_LABEL[named[0]!]}的${policy.shortName}没有`;
          if (listed) return notAmongReply(`${noFirst(text)}${lead}这方面的要求：${listed.note}。`, listed, named[0]!, text, retrieved);
          return { ...refuse("off-topic", text, retrieved), text: `${lead}写到这方面的规定（上一问的内容在这份政策里没有对应条款）。\n\n${SCOPE_HELP}` };
        }
        // 「淄博示范区对面积有要求吗」: what only the other text provides — this one has none, then the other's, labelled.
        if (!resolved.isFollowUp && other && there && !there.refused) {
          // The other side's own yes (「有。」) would read as this side's after 「没有。」.
          const yes = yesNoAsk(text)?.yes;
          const otherReply = yes && there.text.startsWith(`${yes}。`) ? there.text.slice(yes.length + 1) : there.text;
          // 「没有。」 only for 有 (no provision is no such thing); no provision for 「能不能」 is no prohibition.
          const no = yes === "有" ? noFirst(text) : "";
          const reply = otherSideText(no, named[0]!, other, otherReply, listed?.note);
          if (listed) {
            // This text's list, quoted under the 「没有」 it grounds, before the other text's reference.
            const cut = reply.indexOf("\n\n");
            const answered = notAmongReply(reply.slice(0, cut), listed, named[0]!, text, retrieved, reply.slice(cut + 2));
            return { ...answered, citations: [listed.citation, ...there.citations] };
          }
          return { ...refuse("off-topic", text, retrieved), text: reply, reference: there.citations };
        }
        if (sides) return withReadingNote(sides.reply);
        return { ...refuse("off-topic", text, retrieved), text: notCovered(profile, passages, named, amountUnstated ? [UNSTATED_AMOUNT] : []) };
      }

      // A named jurisdiction whose own best pieces do not cover the question has no such provision: say so.
      // So has one that states nowhere a figure asked of both (unstated-figure.ts).
      const missing = named.filter((j) => {
        const own = passages.filter((p) => p.doc === POLICY_OF[j]).slice(0, thresholds.window);
        return Math.max(0, ...own.map((p) => p.coverage)) < thresholds.minCoverage || figureUnstated(profile.kinds, j, named, (n) => index.statedKinds(POLICY_OF[n]));
      });
      const answeredNamed = named.filter((j) => !missing.includes(j));
      const docs = chooseDocs(passages, answeredNamed.length > 0 ? answeredNamed : named);
      // Side by side: every named jurisdiction gets its labelled line, the one without such a provision saying so.
      const sideBySide = (reply: string): string => {
        if (answeredNamed.length === 0 || missing.length === 0) return reply;
        const cut = reply.indexOf("\n\n");
        const [conclusion, rest] = cut < 0 ? [reply, ""] : [reply.slice(0, cut), reply.slice(cut)];
        const first = JURISDICTION_OF[docs[0]!];
        const lineOf = (j: Jurisdiction): string[] => {
          const listed = notAmong.get(j);
          if (missing.includes(j)) return [`${JURISDICTION_LABEL[j]}：${noFirst(text)}${POLICIES[POLICY_OF[j]].shortName}没有这方面的规定${listed ? `（${listed.note}）` : ""}。`];
          if (!answeredNamed.includes(j) || j !== first) return [];
          return [docs.length === 1 ? `${JURISDICTION_LABEL[j]}：${conclusion}` : conclusion];
        };
        // The side without it has its own list of conditions quoted with the evidence, before the notes.
        const lists = missing.flatMap((j) => { const l = notAmong.get(j); return l ? [`${POLICIES[POLICY_OF[j]].shortName}原文：\n${l.quote}`] : []; });
        const notesAt = rest.indexOf("\n\n注：");
        const evidence = lists.length === 0 ? rest : notesAt < 0 ? `${rest}\n\n${lists.join("\n\n")}` : `${rest.slice(0, notesAt)}\n\n${lists.join("\n\n")}${rest.slice(notesAt)}`;
        return JURISDICTION_ORDER.flatMap(lineOf).join("\n") + evidence;
      };
      // 「那证券化呢？」 after 质押融资: the follow-up's own words are what it asks about now, the carried ones the setting.
      const followUpFocus = resolved.isFollowUp ? index.profile(question).knownWords.map((w) => [w]) : [];
      const byDoc = new Map<PolicyId, Passage[]>(docs.map((d) => [d, passages.filter((p) => p.doc === d)]));
      const jurisdictions = docs.map((d) => JURISDICTION_OF[d]);
      const offline = (): { text: string; citations: string[] } =>
        composeExtractiveAnswer({
          passagesByDoc: byDoc,
          pieces: index.pieces,
          cues: weighCues(profile.cues),
          // A question for the conditions (「门槛高吗」) wants all of them, not the one item ranked first.
          wantsList: isListQuestion(text) || profile.kinds.includes("#condition"),
          kinds: profile.kinds,
          question: text,
          focus: [...profile.focusCues, ...followUpFocus],
          // A follow-up's own figures (「那要是22家呢？」) take the place of those its carried words still state.
          ownNumbers: applyOwnNumbers(text, jurisdictions, todayInChina(), resolved.isFollowUp ? question : undefined),
        });
      const base = { refused: false, jurisdictions, retrieved, resolvedQuestion: text };
      const readAs = corrections.length > 0 ? `${readingNote(corrections)}\n\n` : "";

      const answer = offline();
      // 「几项补贴能不能叠加」 answered by 第九条's closing sentence: both readings, not a yes or no (stacking-readings.ts).
      const stacking = answer.citations.includes(ONCE_A_YEAR_CLAUSE) ? stackingLines(text, jurisdictions, todayInChina()) : undefined;
      const cut = answer.text.indexOf("\n\n");
      const composed = stacking && cut > 0 ? `${stacking}${answer.text.slice(cut)}` : answer.text;
      const notAmong = new Map(
        answeredNamed.length > 0 && ofTheZone(text, profile) ? missing.flatMap((j) => { const l = notAmongConditions(index.pieces, POLICY_OF[j], answer.citations); return l ? [[j, l] as const] : []; }) : [],
      );
      const citations = [...answer.citations, ...[...notAmong.values()].map((l) => l.citation)];
      return { ...base, text: readAs + openAnswered(text, sideBySide(composed), SIDE_LABELS), citations, mode: "offline" };
    }
  }
}

/** The first piece of each article among passages, in their order. */
function distinctArticles(passages: readonly Passage[]): string[] {
  const seen = new Set<string>();
  return passages.filter((p) => !seen.has(`${p.doc}:${p.article}`) && seen.add(`${p.doc}:${p.article}`)).map((p) => p.id);
}
