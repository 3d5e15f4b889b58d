/**
 * Questions about both jurisdictions, or moving from one to the other: a
 * comparison asked side by side (each side on its own first, labelled
 * lines, the comparison's verdict opening them), and a follow-up whose
 * carried words the other text does not use, answered by the clause that
 * corresponds to the earlier answer's (analogous-clause.ts).
 */
import { formatCitation, formatClause } from "../knowledge/citation.ts";
import { JURISDICTION_LABELS, JURISDICTIONS } from "../knowledge/jurisdictions.ts";
import { POLICIES } from "../knowledge/policy-catalog.ts";
import type { CorrectedText } from "../retrieval/correct-typos.ts";
import { NAMES_PROGRAMME } from "../retrieval/message-clauses.ts";
import type { PolicyIndex, QueryProfile } from "../retrieval/passage.types.ts";
import type { AnswerOptions, AnswerResult, PreviousTurn } from "./answer.types.ts";
import { JURISDICTION_LABEL, trialNotes } from "./answer-texts.ts";
import { createAnalogyFinder, type Analogy } from "./analogous-clause.ts";
import { sideQuestions } from "./compare-sides.ts";
import { sideClaims } from "./side-claims.ts";
import { composeExtractiveAnswer, isListQuestion, type Cue } from "./compose-extractive-answer.ts";
import { detectJurisdiction, POLICY_OF, type Jurisdiction } from "./detect-jurisdiction.ts";
import { interleave } from "./interleave-retrieved.ts";
import { applyOwnNumbers } from "./apply-own-numbers.ts";
import { todayInChina } from "../rules/index.ts";
import { notAmongConditions } from "./listed-conditions.ts";
import { openWithAgreement, openWithBoth, sameOrDifferentAsk } from "./same-or-different.ts";
import { itemAbout, qualifierOf } from "./qualified-items.ts";
import { itemsOfArticle } from "../knowledge/article-items.ts";
import { sidesLackingFocus } from "./sides-lacking-focus.ts";
import { withoutOtherSideItems } from "./side-own-items.ts";
import { figureUnstated } from "./unstated-figure.ts";
import { openWithLarger } from "./which-side-more.ts";
import { claimsAbsence, yesNoAsk } from "./yes-no-ask.ts";

/** A yes/no question about a side whose text has no such provision hears no first (「没有。」「不能。」). */
export function noFirst(question: string): string {
  const yesNo = yesNoAsk(question);
  if (!yesNo) return "";
  // 「淄博没有面积要求，对不对？」: a claim that something is absent is confirmed by its absence.
  return `${claimsAbsence(question) ? yesNo.yes : yesNo.no}。`;
}

/** A comparison's verdict over its two lines first: 「不一样。」, 「都要。」 (same-or-different.ts) or 「浙江省（省级）的多」 (which-side-more.ts). */
export const openAnswered = (question: string, reply: string, labels: readonly string[]): string => {
  for (const open of [openWithAgreement, openWithBoth, openWithLarger]) {
    const opened = open(question, reply, labels);
    if (opened !== reply) return opened;
  }
  return reply;
};

/** The openings of the labelled lines of a comparison. */
export const SIDE_LABELS = JURISDICTIONS.map((j) => `${JURISDICTION_LABEL[j]}：`);

export interface SideAnswererDeps {
  index: PolicyIndex;
  /** pieces retrieved for a question (the answerer's own number), here for a side's corresponding clause */
  k: number;
  /** the question's cues with their weights (answerer.ts: rarer cues weigh more) */
  weighCues(cues: readonly string[]): Cue[];
  /** one question answered in Chinese, as one side (`side`) when given */
  answerChinese(question: string, options: AnswerOptions, typos?: CorrectedText, side?: Jurisdiction): Promise<AnswerResult>;
}

export interface SideAnswerer {
  answerFromCounterpart(previous: PreviousTurn, now: Jurisdiction, text: string, profile: QueryProfile, retrieved: string[]): Promise<AnswerResult | undefined>;
  answerSides(question: string, options: AnswerOptions): Promise<{ reply: AnswerResult; everySide: boolean } | undefined>;
}

export function createSideAnswerer({ index, k, weighCues, answerChinese }: SideAnswererDeps): SideAnswerer {
  const analogous = createAnalogyFinder(index.pieces);

  /**
   * A follow-up that moves to the other jurisdiction (「那淄博的是谁定的」) whose
   * carried words that text does not use: the clause the earlier answer rested
   * on is matched to its counterpart in this text (analogous-clause.ts), which
   * is quoted as the answer, saying it is the corresponding provision.
   * Undefined when the earlier question was about this jurisdiction too, or
   * when this text has no counterpart (a Zibo-only subsidy asked of Zhejiang).
   */
  async function answerFromCounterpart(
    previous: PreviousTurn,
    now: Jurisdiction,
    text: string,
    profile: QueryProfile,
    retrieved: string[],
  ): Promise<AnswerResult | undefined> {
    const before = previous.jurisdictions?.length ? previous.jurisdictions : detectJurisdiction(previous.question).named;
    if (before.length !== 1 || before[0] === now) return undefined;
    const earlier = await answerChinese(previous.question, { useLlm: false }, undefined, before[0]);
    if (earlier.refused || !earlier.citations[0]) return undefined;
    // An earlier list whose head has no counterpart (「依托单位需要满足什么条件」 → 第六条, worded in
    // Zhejiang's terms) is matched by its items.
    const wasList = earlier.citations.slice(1).some((id) => id.startsWith(`${earlier.citations[0]}.`));
    const found =
      (await counterpartAnswer(earlier.citations[0], now, text, profile, retrieved, { wantsList: false, namesFocus: false })) ??
      (wasList ? await counterpartAnswer(earlier.citations[0], now, text, profile, retrieved, { wantsList: true, namesFocus: false }) : undefined);
    if (!found) return undefined;
    const lead = `${POLICIES[POLICY_OF[now]].shortName}的写法与上一问的${formatClause(found.sourceId)}不同，相应的规定是：`;
    return { ...found.result, text: `${lead}\n${found.result.text}` };
  }

  /**
   * The answer from the clause of `now`'s text that corresponds to clause `sourceId` of the other
   * text (analogous-clause.ts), or undefined when it has none or it does not state the measure asked.
   */
  async function counterpartAnswer(
    sourceId: string,
    now: Jurisdiction,
    text: string,
    profile: QueryProfile,
    retrieved: string[],
    { wantsList, namesFocus }: { wantsList: boolean; namesFocus: boolean },
  ): Promise<{ result: AnswerResult; sourceId: string } | undefined> {
    const source = index.pieces.find((p) => p.id === sourceId);
    if (!source) return undefined;
    const doc = POLICY_OF[now];
    const candidates = index.pieces.filter((p) => p.doc === doc);
    // A list's head (「依托单位一般应具备以下条件：」) is worded in its own text's terms; its items
    // (「20家以上」↔「2家以上」) find their counterparts, and the list they belong to is the answer.
    const sourceItems = wantsList && source.item === undefined ? itemsOfArticle(index.pieces, source.id) : [];
    const match = [source, ...sourceItems]
      .map((s) => analogous(s, candidates))
      .reduce<Analogy | undefined>((best, m) => (m && (!best || m.similarity > best.similarity) ? m : best), undefined);
    if (!match) return undefined;
    const found = await index.search(match.piece.text, k, { docs: [doc] });
    const passage = found.find((p) => p.id === match.piece.id);
    if (!passage) return undefined;
    const sameArticle = wantsList ? found.filter((p) => p.article === passage.article && p.id !== passage.id) : [];
    // A figure asked for in a unit (核心区面积 in 平方米) that the corresponding clause does not state
    // (淄博 counts 服务机构 in 家): this text has no such provision, and the caller says so.
    // So is a period asked (「试行多长时间」) of a clause that states none (浙江第十八条: only the date it took effect),
    // unless a date is asked with it (「哪天开始实施、试用期多长」), which that clause states.
    const measures = profile.kinds.filter((k) => k.startsWith("#qty:") || k === "#period" || k === "#date");
    if (measures.length > 0 && !measures.some((k) => passage.kinds.includes(k))) return undefined;
    // Asked of both sides, the thing asked about (试用期) must be in the corresponding clause:
    // 浙江第十八条 corresponds to 淄博第十七条 but sets no trial period, so Zhejiang has none.
    const article = [passage, ...sameArticle].map((p) => p.text).join("");
    if (namesFocus && profile.focusCues.length > 0 && !profile.focusCues.some((group) => group.some((cue) => article.includes(cue)))) return undefined;
    const answer = composeExtractiveAnswer({
      passagesByDoc: new Map([[doc, [passage, ...sameArticle]]]),
      pieces: index.pieces,
      cues: weighCues(profile.cues),
      wantsList,
      kinds: profile.kinds,
      question: text,
      // The asker's own figures are worked out with this side's rules (「五年之内要考核或认定几次」 → 2 次).
      ownNumbers: applyOwnNumbers(text, [now], todayInChina()),
    });
    // A clause that yields no conclusion (only 「依据：」) answers nothing.
    if (answer.text.startsWith("依据：")) return undefined;
    const result: AnswerResult = { text: answer.text, citations: answer.citations, refused: false, jurisdictions: [now], retrieved: [match.piece.id, ...retrieved.filter((id) => id !== match.piece.id)], resolvedQuestion: text, mode: "offline" };
    return { result, sourceId: source.id };
  }

  /**
   * A question about both jurisdictions (「……？浙江和淄博比一比」) is asked of
   * each side on its own: every side gets its labelled line, the side whose
   * text has no such provision saying so plainly; undefined when no side is
   * answered. `everySide` says whether each side was answered (else the
   * question is tried as a whole first, and this reply is the fallback).
   */
  async function answerSides(question: string, options: AnswerOptions): Promise<{ reply: AnswerResult; everySide: boolean } | undefined> {
    const sides = sideQuestions(question);
    if (!sides) return undefined;
    // Sides that are claims of their own (side-claims.ts) say 没错/不对 of a text without such a provision.
    const claims = sideClaims(question) !== undefined;
    const parts: { jurisdiction: Jurisdiction; result: AnswerResult }[] = [];
    // 「（设区市、区县）」: each side is asked with its own item of a list naming both sides' words (side-own-items.ts).
    const usedBy = (j: Jurisdiction) => (word: string) => index.pieces.some((p) => p.doc === POLICY_OF[j] && p.text.includes(word));
    for (const side of sides) {
      const others = sides.filter((s) => s.jurisdiction !== side.jurisdiction).map((s) => usedBy(s.jurisdiction));
      side.text = withoutOtherSideItems(side.text, index.taggedWords(side.text), usedBy(side.jurisdiction), (w) => others.some((used) => used(w)));
    }
    for (const side of sides) parts.push({ jurisdiction: side.jurisdiction, result: await answerChinese(side.text, { ...options, history: undefined }, undefined, side.jurisdiction) });
    // A side refused because the question uses the other text's words (依托单位 is Zhejiang's; Zibo says
    // 建设单位): the clause corresponding to the answered side's answers it, saying so.
    const source = parts.find((p) => !p.result.refused && p.result.citations.length > 0);
    for (const [i, part] of parts.entries()) {
      if (!source || !part.result.refused || part.result.refusalReason !== "off-topic") continue;
      const asked = sides[i]!.text;
      const profile = index.profile(asked);
      const wantsList = isListQuestion(asked) || profile.kinds.includes("#condition");
      const found = await counterpartAnswer(source.result.citations[0]!, part.jurisdiction, asked, profile, part.result.retrieved, { wantsList, namesFocus: true });
      const lead = `${POLICIES[POLICY_OF[part.jurisdiction]].shortName}的说法不同，相应的规定是：`;
      if (found) part.result = { ...found.result, text: `${lead}${found.result.text.startsWith("共 ") ? "\n" : ""}${found.result.text}` };
    }
    // A 有-question's side whose clauses lack what is asked, while another side's have it, is settled
    // as 没有 (sides-lacking-focus.ts): the reply stands without trying the question whole.
    const cited = (r: AnswerResult): string => r.citations.map((id) => index.pieces.find((p) => p.id === id)?.text ?? "").join("");
    const settled = sidesLackingFocus(
      question,
      parts.map((p, i) => ({ asked: sides[i]!.text, refused: p.result.refused, cited: cited(p.result) })),
      (asked) => index.profile(asked).focusCues,
    );
    // So is a side whose text states nowhere a figure asked of both (unstated-figure.ts).
    const kinds = index.profile(question).kinds;
    const jurisdictions = parts.map((p) => p.jurisdiction);
    for (const [i, p] of parts.entries()) if (figureUnstated(kinds, p.jurisdiction, jurisdictions, (j) => index.statedKinds(POLICY_OF[j]))) settled.add(i);
    for (const i of settled) if (!parts[i]!.result.refused) parts[i]!.result = { ...parts[i]!.result, refused: true, refusalReason: "off-topic" };
    const answered = parts.filter((p) => !p.result.refused);
    if (answered.length === 0) return undefined;
    const answeredCitations = answered.flatMap((p) => p.result.citations);
    // A side without the requirement the other lists (核心区面积) has its own list of conditions quoted.
    // Only of the zone itself, asked in the texts' own words (not 「高新技术企业认定对知识产权有什么要求」).
    const asked = index.profile(question);
    const ofTheZone = NAMES_PROGRAMME.test(question) && asked.missingNouns.length === 0 && asked.missingFocus.length === 0;
    const notAmong = new Map(parts.filter((p) => p.result.refused && ofTheZone).map((p) => [p.jurisdiction, notAmongConditions(index.pieces, POLICY_OF[p.jurisdiction], answeredCitations)]));
    // 「对园区里企业的条件是不是差不多」: each side's list narrowed to its one item on what is asked about (qualified-items.ts).
    const qualifier = sameOrDifferentAsk(question) ? qualifierOf(question, (t) => index.taggedWords(t)) : undefined;
    const narrowed = qualifier
      ? answered.map((p) => {
          const first = p.result.citations[0];
          return first ? itemAbout(index.pieces, first, qualifier, (t) => index.taggedWords(t)) : undefined;
        })
      : [];
    if (qualifier && narrowed.length > 1 && narrowed.every((item) => item !== undefined)) {
      for (const [i, p] of answered.entries()) {
        const item = narrowed[i]!;
        const text = item.text.replace(/[；;。]$/u, "");
        p.result = { ...p.result, citations: [item.id], text: `${text}（${formatClause(item.id)}）。\n\n依据：\n原文：\n${formatCitation(item.id)}：「${text}。」` };
      }
    }
    const citations = [...new Set([...answered.flatMap((p) => p.result.citations), ...[...notAmong.values()].flatMap((n) => (n ? [n.citation] : []))])];
    const lines: string[] = [];
    const evidence: string[] = [];
    for (const [i, { jurisdiction, result }] of parts.entries()) {
      const policy = POLICIES[POLICY_OF[jurisdiction]];
      if (result.refused) {
        const listed = notAmong.get(jurisdiction);
        // Each side's claim of its own (side-claims.ts) is answered as asked of that side.
        const askedOfSide = claims ? sides[i]!.text : question;
        lines.push(`${JURISDICTION_LABEL[jurisdiction]}：${noFirst(askedOfSide)}${policy.shortName}没有这方面的规定${listed ? `（${listed.note}）` : ""}。`);
        if (listed) evidence.push(`【${JURISDICTION_LABEL[jurisdiction]}】${policy.shortName}：\n${listed.quote}`);
        continue;
      }
      // An answer is its conclusion, then 「依据：」 with the quotes under the policy's name, then notes.
      const paragraphs = result.text.split("\n\n");
      const at = paragraphs.findIndex((p) => p.startsWith("依据："));
      // A worked-out line names its side already (「浙江省：按第六条（三），…」): the side's label stands for it.
      const own = `${JURISDICTION_LABELS[jurisdiction]}：`;
      const conclusion = (at < 0 ? paragraphs.slice(0, 1) : paragraphs.slice(0, at)).join("\n").split("\n").map((l) => (l.startsWith(own) ? l.slice(own.length) : l)).join("\n");
      lines.push(`${JURISDICTION_LABEL[jurisdiction]}：${conclusion}`);
      if (at >= 0) evidence.push(paragraphs[at]!.replace(/^依据：\n[^\n]*\n/, `【${JURISDICTION_LABEL[jurisdiction]}】${policy.shortName}：\n`));
    }
    const reply: AnswerResult = {
      text: openAnswered(
        question,
        [lines.join("\n"), evidence.length > 0 ? `依据：\n${evidence.join("\n\n")}` : "", ...trialNotes(citations)].filter(Boolean).join("\n\n"),
        SIDE_LABELS,
      ),
      citations,
      refused: false,
      jurisdictions: answered.map((p) => p.jurisdiction),
      // What the reply rests on first: an answered side's clauses before a side without such a provision.
      retrieved: interleave([...answered, ...parts.filter((p) => p.result.refused)].map((p) => p.result.retrieved)),
      resolvedQuestion: question,
      mode: "offline",
    };
    return { reply, everySide: answered.length + settled.size === parts.length };
  }

  return { answerFromCounterpart, answerSides };
}
