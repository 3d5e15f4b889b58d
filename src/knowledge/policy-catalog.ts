/**
 * The policies this assistant knows, with the metadata every answer and rule
 * result needs (README.md, the policy table). Read from the jurisdictions'
 * names (jurisdictions.ts), so a registered jurisdiction's policy is here too.
 * The restored texts live in knowledge/*.json; this is the small, always-loaded part.
 */
import { isPolicyId, JURISDICTION_OF, POLICY_IDS, POLICY_OF, policyNames, type Jurisdiction, type PolicyId } from "./jurisdictions.ts";

export interface PolicyMeta {
  id: PolicyId;
  jurisdiction: Jurisdiction;
  title: string;
  /** how people say it in chat */
  shortName: string;
  issuer: string;
  /** date of the issuing notice, where the text carries one */
  issued?: string;
  // The effective date and the trial's end are rule parameters (knowledge/rules/*.params.json, `validity`):
  // src/rules/policy-dates.ts reads them for the date in question.
}

function metaOf(id: PolicyId): PolicyMeta {
  const n = policyNames(id);
  return { id, jurisdiction: JURISDICTION_OF[id], title: n.title, shortName: n.shortName, issuer: n.issuer, ...(n.issued ? { issued: n.issued } : {}) };
}

/** Every policy's metadata by id; a live view, so a policy registered later is listed too. */
export const POLICIES: Record<PolicyId, PolicyMeta> = new Proxy({} as Record<PolicyId, PolicyMeta>, {
  get: (_, id) => (isPolicyId(id) ? metaOf(id) : undefined),
  has: (_, id) => isPolicyId(id),
  ownKeys: () => [...POLICY_IDS],
  getOwnPropertyDescriptor: (_, id) => (isPolicyId(id) ? { enumerable: true, configurable: true, value: metaOf(id) } : undefined),
});

export function policyForJurisdiction(jurisdiction: Jurisdiction): PolicyMeta {
  return metaOf(POLICY_OF[jurisdiction]);
}
