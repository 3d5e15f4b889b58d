/**
 * 《淄博市知识产权服务业集聚发展示范区建设方案（试行）》 (zb2020):
 * 第五条（一）–（三） as conditions, 第三条 as the area warning, and the
 * 第九条 amounts that `estimate` reads. Numbers: knowledge/rules/zb2020.params.json.
 */
import { z } from "zod";
import { atLeast, coversAll, mustBeTrue } from "../condition-tests.ts";
import { defineJurisdiction } from "../jurisdiction.types.ts";
import { paramSchema, ruleParamsFileSchema } from "../rule-param.schema.ts";
import { areaNotPreferred } from "../warning-rules.ts";
import { areaTypeSchema, serviceSchema } from "../zone-profile.schema.ts";
import { clientProgramSchema, custodyModeSchema, wonCaseKindSchema } from "../agency-input.schema.ts";

const yuan = z.number().int().nonnegative();

/** Readings of ambiguous sentences of 第九条: named here, chosen in the params file with their clause. */
export const brandBothLevelsReadingSchema = z.enum(["higher-only", "both"]);
export const securitizationReadingSchema = z.enum(["independent", "requires-pledge-loan"]);
export const oncePerYearReadingSchema = z.enum(["per-item", "per-agency"]);
const count = z.number().int().nonnegative();

export const zb2020ParamsSchema = ruleParamsFileSchema("zb2020", {
  preferredAreaTypes: paramSchema(z.array(areaTypeSchema).min(1)),
  minServiceInstitutions: paramSchema(count),
  requiredServices: paramSchema(z.array(serviceSchema).min(1)),
  pledgeLoanAward: paramSchema(yuan),
  securitizationAward: paramSchema(yuan),
  custodyAwards: paramSchema(z.record(custodyModeSchema, yuan)),
  newPatentAttorneyAward: paramSchema(yuan),
  brandAwards: paramSchema(z.strictObject({ national: yuan, provincial: yuan })),
  wonCaseAward: paramSchema(yuan),
  wonCaseKinds: paramSchema(z.array(wonCaseKindSchema).min(1)),
  wonCaseAnnualCap: paramSchema(yuan),
  inventionGrantTiers: paramSchema(
    z
      .array(z.strictObject({ moreThan: count, amount: yuan }))
      .min(1)
      .refine((ts) => ts.every((t, i) => i === 0 || ts[i - 1]!.moreThan < t.moreThan), {
        message: "档位须按 moreThan 从小到大排列",
      }),
  ),
  brandBothLevelsReading: paramSchema(brandBothLevelsReadingSchema),
  securitizationReading: paramSchema(securitizationReadingSchema),
  oncePerYearReading: paramSchema(oncePerYearReadingSchema),
  clientVouchers: paramSchema(z.record(clientProgramSchema, z.strictObject({ minGrants: count, amount: yuan }))),
});

export type Zb2020Params = z.output<typeof zb2020ParamsSchema>["parameters"];

export const ziboJurisdiction = defineJurisdiction<Zb2020Params>({
  jurisdiction: "zibo",
  policyId: "zb2020",
  paramsFile: "zb2020.params.json",
  paramsSchema: zb2020ParamsSchema,
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
