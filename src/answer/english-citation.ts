/**
 * Citations and dated notes in English: 「Zibo Construction Plan (2020, trial),
 * Article 9 (1)」 for `zb2020:9.1`, and the English trial note derived from the
 * rule parameters in force (as answer-texts.ts derives the Chinese one).
 */
import { parseCitation } from "../knowledge/citation.ts";
import { isPolicyId, policyNames } from "../knowledge/jurisdictions.ts";
import { trialYears } from "../rules/policy-dates.ts";
import { todayInChina } from "../rules/today.ts";
import { citedTrials } from "./answer-texts.ts";

const DOC_NAME: Record<string, string> = {
  zj2018: "Zhejiang Measures (2018)",
  zb2020: "Zibo Construction Plan (2020, trial)",
};
const ROMAN_ITEM = (n: number): string => `(${n})`;

/** 「Article 17」, 「Article 9 (1)」, 「Preamble」: the clause of a citation id, without its document. */
export function englishClause(id: string): string | undefined {
  const c = parseCitation(id);
  if (!c) return undefined;
  const article = c.article === 0 || id.endsWith(":preamble") ? "Preamble" : `Article ${c.article}`;
  return `${article}${c.item !== undefined ? ` ${ROMAN_ITEM(c.item)}` : ""}`;
}

/** A registered policy without an English name is named by its Chinese short name. */
const englishDocName = (doc: string): string => DOC_NAME[doc] ?? (isPolicyId(doc) ? policyNames(doc).shortName : doc);

export function englishCitation(id: string): string {
  const clause = englishClause(id);
  return clause ? `${englishDocName(parseCitation(id)!.doc)}, ${clause}` : id;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const YEAR_WORDS = ["", "one", "two", "three", "four", "five"];

/** 2020-08-25 → 「25 August 2020」. */
function englishDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/**
 * The English counterpart of the Chinese trial note (answer-texts.ts
 * `trialNotes`): for each cited policy with a trial end, its dates and clause
 * as the rule parameters in force on `today` give them, never written by hand.
 */
export function englishTrialNotes(citations: readonly string[], today: string = todayInChina()): string[] {
  return citedTrials(citations, today).map((v) => {
    const years = trialYears(v.effective, v.trialEnds);
    const trial = years ? `a ${YEAR_WORDS[years] ?? years}-year trial` : "a trial";
    return `Note: the ${englishDocName(v.policyId)} took effect on ${englishDate(v.effective)} for ${trial} ending on ${englishDate(v.trialEnds)} (${englishClause(v.trialClause)}); ask the issuing office (${policyNames(v.policyId).issuer}) whether it still applies.`;
  });
}

