/**
 * Zone profile: the input of `check` and `draft` (docs/input-formats.md).
 * A field left out is unknown, not false — every fact is optional.
 */
import { z } from "zod";
import { rangedNumberSchema } from "./fact-range.ts";

export { jurisdictionSchema, type Jurisdiction } from "../knowledge/jurisdictions.ts";
import { jurisdictionSchema } from "../knowledge/jurisdictions.ts";

export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "日期格式应为 YYYY-MM-DD，例如 2026-11-22" })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, { message: "不是有效的日期，例如 2026-11-22" })
  .describe("日期，格式 YYYY-MM-DD（例如 2026-11-22）");

export const carrierTypeSchema = z.enum([
  "sci-tech-service-center",
  "incubator",
  "maker-space",
  "tech-market",
  "university-science-park",
  "tech-transfer-agency",
  "other",
]);
export type CarrierType = z.infer<typeof carrierTypeSchema>;

export const ownershipSchema = z.enum(["state-owned", "private", "other"]);
export type Ownership = z.infer<typeof ownershipSchema>;

export const areaTypeSchema = z.enum([
  "high-tech-park",
  "science-city",
  "characteristic-town",
  "innovation-park",
  "demonstration-zone",
  "development-zone",
  "other",
]);
export type AreaType = z.infer<typeof areaTypeSchema>;

export const serviceSchema = z.enum([
  "patent",
  "trademark",
  "copyright",
  "agency",
  "legal",
  "information",
  "commercialization",
  "consulting",
  "training",
  "geographical-indication",
  "plant-variety",
  "patent-search-analysis",
  "navigation-warning",
  "evaluation",
  "pledge-financing",
  "transfer",
  "custody",
]);
export type Service = z.infer<typeof serviceSchema>;

/** A count: a non-negative safe integer, or a range of them (fact-range.ts). */
export const countSchema = z.number().int({ message: "应为整数" }).nonnegative({ message: "不能为负数" });
export const countOrRangeSchema = rangedNumberSchema(countSchema, { single: "非负整数（例如 25）", range: '{"min": 20, "max": 25}' });
/** An area in square metres: a finite non-negative number, or a range of them. */
export const areaSchema = z.number().nonnegative({ message: "不能为负数" });
export const areaOrRangeSchema = rangedNumberSchema(areaSchema, { single: "面积（平方米），非负数（例如 1200）", range: '{"min": 900, "max": 1100}' });

export const applicantSchema = z.strictObject({
  name: z.string().trim().min(1).optional(),
  creditCode: z.string().trim().optional(),
  contactName: z.string().trim().optional(),
  contactPhone: z.string().trim().optional(),
  address: z.string().trim().optional(),
});

export const zoneProfileSchema = z.strictObject({
  jurisdiction: jurisdictionSchema.optional(),
  asOf: isoDateSchema.optional(),
  applicant: applicantSchema.optional(),
  carrier: z
    .strictObject({ type: carrierTypeSchema.optional(), ownership: ownershipSchema.optional() })
    .optional(),
  zone: z
    .strictObject({
      name: z.string().trim().optional(),
      areaType: areaTypeSchema.optional(),
      coreAreaSqm: areaOrRangeSchema.optional(),
      serviceInstitutions: countOrRangeSchema.optional(),
      services: z.array(serviceSchema).optional(),
      industryAdvantage: z.boolean().optional(),
      ipManagementSystem: z.boolean().optional(),
    })
    .optional(),
  county: z
    .strictObject({
      managementMechanism: z.boolean().optional(),
      developmentPlan: z.boolean().optional(),
      supportPolicies: z.boolean().optional(),
    })
    .optional(),
});
export type ZoneProfile = z.infer<typeof zoneProfileSchema>;
