/** Agency input of `estimate` (docs/input-formats.md). Left out = unknown/none. */
import { z } from "zod";
import { countOrRangeSchema, countSchema, isoDateSchema, jurisdictionSchema } from "./zone-profile.schema.ts";

export const custodyModeSchema = z.enum(["full", "advisory", "single"]);
export type CustodyMode = z.infer<typeof custodyModeSchema>;
export const wonCaseKindSchema = z.enum(["foreign", "major", "other"]);
export const clientProgramSchema = z.enum(["zeroing", "doubling"]);

export const agencyInputSchema = z.strictObject({
  // Which registered jurisdiction's support estimate (src/rules/jurisdiction-registry.ts); left out = the one that offers it.
  jurisdiction: jurisdictionSchema.optional(),
  year: z.number().int({ message: "应为整数年份" }).min(2000).max(2100).describe("测算年度，2000–2100 之间的整数（例如 2021）"),
  asOf: isoDateSchema.optional(),
  agency: z.strictObject({
    name: z.string().trim().optional(),
    creditCode: z.string().trim().optional(),
    inZone: z.boolean().optional(),
    patentAgencyQualified: z.boolean().optional(),
  }),
  pledgeLoans: countOrRangeSchema.optional(),
  securitizations: countOrRangeSchema.optional(),
  custody: z
    .strictObject({
      modes: z.array(custodyModeSchema).optional(),
      certifiedOutstanding: z.boolean().optional(),
    })
    .optional(),
  newPatentAttorneys: countOrRangeSchema.optional(),
  brand: z
    .strictObject({
      national: z.boolean().optional(),
      provincial: z.boolean().optional(),
      afterJoiningZone: z.boolean().optional(),
    })
    .optional(),
  wonCases: z
    .array(z.strictObject({ enterpriseInZone: z.boolean(), kind: wonCaseKindSchema }))
    .optional(),
  // Yuan already granted this year under 第九条（四） for earlier won cases: the annual cap counts it.
  wonCaseSupportReceived: z.number({ message: "应为元数" }).min(0, { message: "不能为负数" }).max(100_000_000, { message: "超出合理范围（不超过 1 亿元）" }).optional(),
  inventionGrants: countOrRangeSchema.optional(),
  abnormalApplications: z.boolean().optional(),
  clients: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1),
        program: clientProgramSchema,
        inventionGrants: countOrRangeSchema,
      }),
    )
    .optional(),
});
export type AgencyInput = z.infer<typeof agencyInputSchema>;
