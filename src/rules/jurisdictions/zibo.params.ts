/**
 * The parameters of 《淄博市知识产权服务业集聚发展示范区建设方案（试行）》 (zb2020):
 * the schema of knowledge/rules/zb2020.params.json, read by the conditions
 * (zibo.jurisdiction.ts) and by the 第九条 estimate (src/rules/estimate/).
 */
import { z } from "zod";
import { paramSchema, ruleParamsFileSchema } from "../rule-param.schema.ts";
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

