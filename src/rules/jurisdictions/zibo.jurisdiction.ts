/**
 * 《淄博市知识产权服务业集聚发展示范区建设方案（试行）》 (zb2020):
 * 第五条（一）–（三） as conditions, 第三条 as the area warning, and the
 * 第九条 amounts that `estimate` reads. Numbers: knowledge/rules/zb2020.params.json.
 */
import { jurisdictionNames } from "../../knowledge/jurisdictions.ts";
import { atLeast, coversAll, mustBeTrue } from "../condition-tests.ts";
import { evaluateSupport } from "../estimate/evaluate-support.ts";
import { defineJurisdiction } from "../jurisdiction.types.ts";
import { areaNotPreferred } from "../warning-rules.ts";
import { serviceSchema } from "../zone-profile.schema.ts";
import { ziboDocuments } from "./zibo.documents.ts";
import { ziboIntakeWording } from "./zibo.intake.ts";
import { zb2020ParamsSchema, type Zb2020Params } from "./zibo.params.ts";

export { brandBothLevelsReadingSchema, oncePerYearReadingSchema, securitizationReadingSchema, zb2020ParamsSchema, type Zb2020Params } from "./zibo.params.ts";

export const ziboJurisdiction = defineJurisdiction<Zb2020Params>({
  jurisdiction: "zibo",
  policyId: "zb2020",
  names: jurisdictionNames("zibo"),
  paramsFile: "zb2020.params.json",
  paramsSchema: zb2020ParamsSchema,
  estimate: {
    clause: "zb2020:9",
    intro: "好的，我们按《淄博市知识产权服务业集聚发展示范区建设方案（试行）》第九条，测算贵机构可申请的支持上限。",
    evaluate: evaluateSupport,
  },
  intake: ziboIntakeWording,
  documents: ziboDocuments,
  conditions: [
    {
      id: "zb2020:5.1",
      label: "所在区县重视知识产权服务业，机制、规划、政策齐备",
      tests: [
        mustBeTrue("county.managementMechanism", "zb2020:5.1", {
          yes: "所在区县具备比较健全的知识产权管理机制",
          no: "所在区县知识产权管理机制尚不健全",
          gap: "需所在区县具备比较健全的知识产权管理机制",
        }),
        mustBeTrue("county.developmentPlan", "zb2020:5.1", {
          yes: "有明确的知识产权服务业发展规划",
          no: "尚无明确的知识产权服务业发展规划",
          gap: "需所在区县制定明确的知识产权服务业发展规划",
        }),
        mustBeTrue("county.supportPolicies", "zb2020:5.1", {
          yes: "有保障知识产权服务业发展的扶持政策",
          no: "尚无保障知识产权服务业发展的扶持政策",
          gap: "需所在区县出台保障知识产权服务业发展的扶持政策",
        }),
      ],
    },
    {
      id: "zb2020:5.2",
      label: "示范区内产业优势明显，创新主体对知识产权服务需求较强",
      tests: [
        mustBeTrue("zone.industryAdvantage", "zb2020:5.2", {
          yes: "示范区内产业优势明显，聚集一批创新型企业和骨干龙头企业",
          no: "示范区内产业优势不明显",
          gap: "需说明区内产业优势及聚集的创新型企业、骨干龙头企业",
        }),
      ],
    },
    {
      id: "zb2020:5.3",
      label: "知识产权服务机构初具规模，能保障各类知识产权服务需求",
      tests: [
        atLeast("zone.serviceInstitutions", "count", (p) => p.minServiceInstitutions, {
          noun: "已有知识产权服务点（机构）",
          unit: "家",
          gap: (n) => `还差 ${n}服务机构`,
        }),
        coversAll("zone.services", serviceSchema.options, [(p) => p.requiredServices], { noun: "区内服务" }),
      ],
    },
  ],
  warnings: [areaNotPreferred((p) => p.preferredAreaTypes, "zb2020:3")],
});
