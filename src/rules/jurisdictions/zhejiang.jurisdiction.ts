/**
 * 《浙江省知识产权服务业集聚发展示范区管理办法（试行）》 (zj2018):
 * 第六条（一）–（四） as conditions, 第五条 as the area warning.
 * Numbers and lists: knowledge/rules/zj2018.params.json.
 */
import { z } from "zod";
import { atLeast, coversAll, mustBeTrue, oneOf } from "../condition-tests.ts";
import { jurisdictionNames } from "../../knowledge/jurisdictions.ts";
import { defineJurisdiction } from "../jurisdiction.types.ts";
import { zhejiangDocuments } from "./zhejiang.documents.ts";
import { zhejiangIntakeWording } from "./zhejiang.intake.ts";
import { paramSchema, ruleParamsFileSchema } from "../rule-param.schema.ts";
import { areaNotPreferred } from "../warning-rules.ts";
import { areaTypeSchema, carrierTypeSchema, ownershipSchema, serviceSchema } from "../zone-profile.schema.ts";

const count = z.number().int().nonnegative();

export const zj2018ParamsSchema = ruleParamsFileSchema("zj2018", {
  preferredAreaTypes: paramSchema(z.array(areaTypeSchema).min(1)),
  eligibleCarrierTypes: paramSchema(z.array(carrierTypeSchema).min(1)),
  eligibleOwnership: paramSchema(z.array(ownershipSchema).min(1)),
  minServiceInstitutions: paramSchema(count),
  minCoreAreaSqm: paramSchema(z.number().nonnegative()),
  requiredIpFields: paramSchema(z.array(serviceSchema).min(1)),
  requiredServiceTypes: paramSchema(z.array(serviceSchema).min(1)),
});

export type Zj2018Params = z.output<typeof zj2018ParamsSchema>["parameters"];

export const zhejiangJurisdiction = defineJurisdiction<Zj2018Params>({
  jurisdiction: "zhejiang",
  policyId: "zj2018",
  names: jurisdictionNames("zhejiang"),
  paramsFile: "zj2018.params.json",
  paramsSchema: zj2018ParamsSchema,
  conditions: [
    {
      id: "zj2018:6.1",
      label: "依托单位是国有或民营的创新创业载体",
      tests: [
        oneOf("carrier.type", carrierTypeSchema.options, (p) => p.eligibleCarrierTypes, { noun: "载体类型" }),
        oneOf("carrier.ownership", ownershipSchema.options, (p) => p.eligibleOwnership, { noun: "依托单位性质" }),
      ],
    },
    {
      id: "zj2018:6.2",
      label: "所在区域产业优势明显，创新主体对知识产权服务需求较强",
      tests: [
        mustBeTrue("zone.industryAdvantage", "zj2018:6.2", {
          yes: "所在区域产业优势明显，聚集一批创新型企业和骨干龙头企业",
          no: "所在区域产业优势不明显",
          gap: "需说明区域产业优势及聚集的创新型企业、骨干龙头企业",
        }),
      ],
    },
    {
      id: "zj2018:6.3",
      label: "知识产权服务机构有一定规模基础，核心区面积和服务门类达标",
      tests: [
        atLeast("zone.serviceInstitutions", "count", (p) => p.minServiceInstitutions, {
          noun: "现有知识产权服务机构",
          unit: "家",
          gap: (n) => `还差 ${n}服务机构`,
        }),
        atLeast("zone.coreAreaSqm", "area", (p) => p.minCoreAreaSqm, {
          noun: "核心区面积",
          unit: "平方米",
          gap: (n) => `核心区面积差 ${n}`,
        }),
        // 「专利、商标、版权等各类知识产权的代理、法律、信息、商用化、咨询、培训等服务」:
        // both the IP fields and the service types must be covered.
        coversAll("zone.services", serviceSchema.options, [(p) => p.requiredIpFields, (p) => p.requiredServiceTypes], {
          noun: "区内服务",
        }),
      ],
    },
    {
      id: "zj2018:6.4",
      label: "具有较为完善的知识产权管理制度",
      tests: [
        mustBeTrue("zone.ipManagementSystem", "zj2018:6.4", {
          yes: "具有较为完善的知识产权管理制度",
          no: "知识产权管理制度尚不完善",
          gap: "需建立较为完善的知识产权管理制度，并有保障服务业发展的条件资源",
        }),
      ],
    },
  ],
  warnings: [areaNotPreferred((p) => p.preferredAreaTypes, "zj2018:5")],
  intake: zhejiangIntakeWording,
  documents: zhejiangDocuments,
});
