/**
 * The two policies this assistant knows, with the metadata every answer and
 * rule result needs (README.md, the policy table). The restored texts live in
 * knowledge/*.json; this is the small, always-loaded part.
 */
import { JURISDICTION_OF, POLICY_OF, type Jurisdiction, type PolicyId } from "./jurisdictions.ts";

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

export const POLICIES: Record<PolicyId, PolicyMeta> = {
  zj2018: {
    id: "zj2018",
    jurisdiction: JURISDICTION_OF.zj2018,
    title: "浙江省知识产权服务业集聚发展示范区管理办法（试行）",
    shortName: "浙江省管理办法",
    issuer: "浙江省知识产权局",
  },
  zb2020: {
    id: "zb2020",
    jurisdiction: JURISDICTION_OF.zb2020,
    title: "淄博市知识产权服务业集聚发展示范区建设方案（试行）",
    shortName: "淄博市建设方案",
    issuer: "淄博市知识产权事业发展中心",
    // the issuing notice is signed 2020年8月25日
    issued: "2020-08-25",
  },
};

export function policyForJurisdiction(jurisdiction: Jurisdiction): PolicyMeta {
  return POLICIES[POLICY_OF[jurisdiction]];
}
