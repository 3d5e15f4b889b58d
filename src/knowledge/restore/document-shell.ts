/**
 * The metadata half of a PolicyDocument, taken from policy-catalog.ts so the
 * restored texts and the always-loaded catalog never disagree.
 */
import { policyValidityOn } from "../../rules/policy-dates.ts";
import { todayInChina } from "../../rules/today.ts";
import type { PolicyMeta } from "../policy-catalog.ts";
import type { PolicyArticle, PolicyDocument } from "../policy-document.schema.ts";

export function documentFromMeta(
  meta: PolicyMeta,
  source: string,
  articles: PolicyArticle[],
  placementNotes: PolicyDocument["placementNotes"],
): PolicyDocument {
  // The dates as the params file has them now (a rebuild after a correction picks it up).
  const validity = policyValidityOn(meta.id, todayInChina());
  return {
    id: meta.id,
    jurisdiction: meta.jurisdiction,
    title: meta.title,
    shortTitle: meta.shortName,
    issuer: meta.issuer,
    ...(meta.issued !== undefined && { issued: meta.issued }),
    effective: validity.effective,
    // Both texts call themselves 试行; zj2018 names no end date, zb2020 a one-year trial (第十七条).
    trial: true,
    ...(validity.trialEnds !== null && { trialEnds: validity.trialEnds }),
    source,
    articles,
    placementNotes,
  };
}

/** Title lines of the raw text must spell the catalog title, or the wrong file was read. */
export function assertTitle(meta: PolicyMeta, titleLines: string[]): void {
  const joined = titleLines.join("").replace(/\s+/g, "");
  if (joined !== meta.title) {
    throw new Error(`${meta.id}: title lines read "${joined}", expected "${meta.title}"`);
  }
}
