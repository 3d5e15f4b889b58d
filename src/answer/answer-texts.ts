/**
 * The fixed sentences of replies, in one place so that the chat, the CLI and
 * the tests read the same words.
 */
import { POLICIES } from "../knowledge/policy-catalog.ts";
import type { RefusalReason } from "./answer.types.ts";
import { JURISDICTIONS, jurisdictionWithLevel, POLICY_IDS, POLICY_OF, type Jurisdiction, type PolicyId } from "../knowledge/jurisdictions.ts";
import { chineseNumber, formatCitation, formatClause, parseCitation } from "../knowledge/citation.ts";
import { inForceText, policyValidityOn, trialClauseText } from "../rules/policy-dates.ts";
import type { PolicyValidity } from "../rules/policy-validity.ts";
import { todayInChina } from "../rules/today.ts";

/** The cited policies that have a trial end, in catalogue order, with their dates as the params file in force on `today` has them. */
export function citedTrials(citations: readonly string[], today: string): (PolicyValidity & { trialEnds: string })[] {
  const cited = new Set(citations.map((id) => parseCitation(id)?.doc).filter((d): d is PolicyId => d !== undefined));
  return POLICY_IDS.filter((id) => cited.has(id))
    .map((id) => policyValidityOn(id, today))
    .filter((v): v is PolicyValidity & { trialEnds: string } => v.trialEnds !== null);
}

/**
 * Every reply citing a policy on trial carries its dates (zb2020 第十七条:
 * a one-year trial), as the params file in force on `today` has them.
 */
export function trialNotes(citations: readonly string[], today: string = todayInChina()): string[] {
  return citedTrials(citations, today).map((v) => {
    const { title, issuer } = POLICIES[v.policyId];
    return `注：《${title}》${inForceText(v)}（${trialClauseText(v)}）；试用期届满后是否延续，请向${issuer}确认。`;
  });
}

export const SCOPE_HELP =
  "我能回答的是这两份政策里的内容：\n" +
  `· 《${POLICIES.zj2018.title}》：示范区的布局、依托单位的条件和主要工作、申报程序和材料、考核评价；\n` +
  `· 《${POLICIES.zb2020.title}》：示范区的条件、申报程序和材料、年度认定，以及第九条对区内服务机构的资金和服务券支持。\n` +
  "例如可以问：「申报浙江省示范区需要什么条件？」「淄博对专利质押融资服务有什么支持？」";

const REFUSAL_LEAD: Record<RefusalReason, string> = {
  empty: "请输入您想了解的问题。",
  injection: "我只依据两份政策的原文回答问题，不会执行消息中要求改变规则、扮演其他角色或透露内部设置的指令。",
  "other-place":
    "您问的地区不在我掌握的政策范围内：我只掌握浙江省（省级）和淄博市（市级）两份知识产权服务业集聚发展示范区政策，不能凭空回答其他地区的规定。",
  "off-topic":
    "抱歉，这个问题不在我掌握的两份政策范围内。为避免给出不准确的信息（尤其是金额、期限等数字），我不作推测。",
};

export function refusalText(reason: RefusalReason): string {
  return `${REFUSAL_LEAD[reason]}\n\n${SCOPE_HELP}`;
}

/**
 * Kinds of answer (answer-kinds.ts) the texts may state nowhere, named in a
 * refusal when the question has no noun the texts miss (「证书在哪里考」: a place).
 */
export const ASKED_KIND_LABEL: Readonly<Record<string, string>> = {
  "#location": "地点或地址",
  "#date": "具体日期",
  "#wait": "办理时限（要等多久）",
  "#tally": "已认定示范区的数量或名单",
  "#named": "具体是哪家银行或机构",
  "#fee": "收费或费用",
};

/** The same kinds, named in an English refusal (「Neither policy states a processing time …」). */
export const ASKED_KIND_LABEL_EN: Readonly<Record<string, string>> = {
  "#location": "a place or address",
  "#date": "a specific date",
  "#wait": "a processing time (how long it takes)",
  "#tally": "how many zones have been designated, or which",
  "#named": "which bank or firm by name",
  "#fee": "any fee or charge",
};

/** What a text that states no amount of money anywhere lacks, when an amount is asked of it. */
export const UNSTATED_AMOUNT = "具体金额";

/** A clause near an uncovered question: shown as what the texts do say, never as the answer. */
export interface NearbyClause {
  citation: string;
  text: string;
}

/**
 * The refusal of a question that shares the texts' words but asks what they
 * do not cover: first what is not in them (「两份政策都没有写到“局长”」),
 * then, when a clause is close, what they say nearby — marked as not an answer.
 */
export function notCoveredText(missing: readonly string[], scope: string, nearby: NearbyClause | undefined): string {
  const what = missing.length > 0 ? `没有写到${missing.map((w) => `“${w}”`).join("、")}` : "没有写到这方面的内容";
  const lead = `${scope}${scope === "两份政策" ? "都" : ""}${what}，这个问题不在我掌握的两份政策范围内，我不作推测。`;
  const near = nearby ? `\n\n条文里相近的内容是（仅供参考，不是对这个问题的回答）：${nearby.citation}：「${nearby.text}」` : "";
  return `${lead}${near}\n\n${SCOPE_HELP}`;
}

/**
 * The text of a clause asked for by its number (「第九条（五）是什么」): the clause
 * quoted whole under its citation — an article with its items one per line —
 * under each text's label when both texts have it.
 * @param byPolicy per text, the referenced pieces (article first, then its items)
 */
export function clauseText(byPolicy: readonly { jurisdiction: Jurisdiction; pieces: readonly { id: string; text: string; item?: number }[] }[]): string {
  const quote = ({ pieces }: (typeof byPolicy)[number]): string => {
    const [first, ...items] = pieces;
    const head = `${formatCitation(first!.id)}：「${first!.text.replace(/\n/g, "")}」`;
    return [head, ...items.map((p) => `${formatClause(p.id)}：「${p.text.replace(/\n/g, "")}」`)].join("\n");
  };
  if (byPolicy.length === 1) return quote(byPolicy[0]!);
  return byPolicy.map((b) => `【${jurisdictionWithLevel(b.jurisdiction)}】\n${quote(b)}`).join("\n\n");
}

/** A clause number neither text (or the named one) has: say so, and how far its articles go. */
export function noSuchClauseText(label: string, scopes: readonly { name: string; lastArticle: number }[]): string {
  const ranges = scopes.length > 1 ? scopes.map((s) => `${s.name}共${chineseNumber(s.lastArticle)}条`).join("，") : `共${chineseNumber(scopes[0]!.lastArticle)}条`;
  return `${scopes.length > 1 ? "两份政策都" : scopes[0]!.name}没有${label}（${ranges}）。\n\n${SCOPE_HELP}`;
}

/**
 * A question about one text's zones on what only the other text provides
 * (「淄博示范区对面积有要求吗」): this text has none, said first (with 「没有。」
 * for a yes/no question), then the other text's provision, marked as that
 * text's and not applying here.
 * @param no the question's own no-word with its full stop, or ""
 * @param otherReply the other side's whole answer (conclusion, evidence, notes)
 */
export function otherSideText(no: string, asked: Jurisdiction, other: Jurisdiction, otherReply: string, notAmong?: string): string {
  const policy = (j: Jurisdiction): string => POLICIES[POLICY_OF[j]].shortName;
  // 「…没有这方面的规定（淄博市建设方案第五条列出的示范区条件中没有这一项）。」
  const lead = `${no}${policy(asked)}没有这方面的规定${notAmong ? `（${notAmong}）` : ""}。`;
  return `${lead}\n\n供参考，${policy(other)}的相应规定如下（它不适用于${jurisdictionWithLevel(asked)}示范区）：\n${otherReply}`;
}

/**
 * A question about a zone of another level (the national scheme): neither text
 * governs it; what they do say about it (the recommendation) follows, marked
 * as not the answer.
 */
export function otherLevelText(zone: string, nearby: readonly NearbyClause[]): string {
  const levels = JURISDICTIONS.map((j) => jurisdictionWithLevel(j)).join("和");
  const lead = `两份政策都没有写到${zone}怎样申报、要什么条件：它们规定的是${levels}的示范区，${zone}另有其规定，我不作推测。`;
  const near = nearby.map((n) => `${n.citation}：「${n.text}」`).join("\n");
  return `${lead}${near ? `\n\n两份政策里与此相关的只有（仅供参考，不是对这个问题的回答）：\n${near}` : ""}\n\n${SCOPE_HELP}`;
}

/** After a figure of the question was compared with a condition (「20家以上」): the guided self-check. */
export const SELF_CHECK_HINT = "如需逐项核对全部申报条件，可回复「我想申报示范区」进行资格自检。";

/** After a figure was compared with a support tier (「超过70件、120件、200件以上」): the estimate. */
export const ESTIMATE_HINT = "如需按您的全部情况测算可获支持的上限，可回复「测算一下我们能拿多少资助」。";

export const JURISDICTION_LABEL = Object.fromEntries(JURISDICTIONS.map((j) => [j, jurisdictionWithLevel(j)])) as Record<Jurisdiction, string>;

/** How a same-sound typo was read: 「（按“淄博”理解了“淄搏”。）」 */
export function readingNote(corrections: readonly { from: string; to: string }[]): string {
  return `（按${corrections.map((c) => `“${c.to}”理解了“${c.from}”`).join("，")}。）`;
}
