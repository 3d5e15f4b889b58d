/**
 * Rule parameters as data (OpenFisca style): every number, list and date a rule
 * reads lives in `knowledge/rules/<policy>.params.json`, each with a
 * description, a unit, the clause it comes from and the dates its values
 * apply from. A corrected amount is a new dated entry, not a code change.
 *
 * Objects are strict, so a misspelt key in a params file fails loudly at load.
 */
import { z } from "zod";
import { isoDateSchema } from "./zone-profile.schema.ts";

/** `zb2020:9.5`, `zj2018:6`, `zb2020:preamble` — any policy id, so a third jurisdiction needs no change here. */
export const citationIdSchema = z
  .string()
  .regex(/^[a-z]+\d{4}:(\d+|preamble)(\.\d+)?$/, { message: "条款编号格式应为 zb2020:9.5" });

export const supportFormSchema = z.enum(["cash", "voucher"]);
export type SupportForm = z.infer<typeof supportFormSchema>;

/** One parameter whose value has schema `value`. */
export function paramSchema<V extends z.ZodType>(value: V) {
  return z.strictObject({
    description: z.string().min(1),
    /** 元, 元/项, 家, 平方米, 件, date, list … */
    unit: z.string().min(1),
    clause: citationIdSchema,
    /** for support amounts: 资金 (cash) or 知识产权服务券 (voucher) */
    form: supportFormSchema.optional(),
    /** dated values, oldest first; the one in force on a date is the last with `from` ≤ date */
    values: z
      .array(z.strictObject({ from: isoDateSchema, value }))
      .min(1)
      .refine((vs) => vs.every((v, i) => i === 0 || vs[i - 1]!.from < v.from), {
        message: "values 须按 from 日期从早到晚排列且不重复",
      }),
  });
}

export interface ParamDef<V> {
  description: string;
  unit: string;
  clause: string;
  form?: SupportForm;
  values: { from: string; value: V }[];
}

/** A parameter as a rule sees it on one date. */
export interface ResolvedParam<V> {
  value: V;
  unit: string;
  clause: string;
  description: string;
  form?: SupportForm;
  /** the date this value applies from */
  from: string;
  /** true when the date is before the parameter's first value (the policy was not yet in force) */
  beforeFirst: boolean;
}

export type ResolvedParams<P> = {
  [K in keyof P]: P[K] extends ParamDef<infer V> ? ResolvedParam<V> : never;
};

export const materialSchema = z.strictObject({
  name: z.string().min(1),
  clause: citationIdSchema,
  note: z.string().optional(),
});

export const procedureStepSchema = z.strictObject({
  text: z.string().min(1),
  clause: citationIdSchema,
});

/**
 * The whole params file of one policy: validity (dates of the policy itself),
 * the jurisdiction's own parameters (strict shape given by its rules module),
 * and the materials and procedure the policy lists.
 */
export function ruleParamsFileSchema<S extends z.ZodRawShape>(policyId: string, parameters: S) {
  return z
    .strictObject({
      $comment: z.string().optional(),
      policy: z.literal(policyId),
      validity: z.strictObject({
        effective: paramSchema(isoDateSchema),
        /** last day of a trial period; null = no end date */
        trialEnds: paramSchema(isoDateSchema.nullable()),
      }),
      /** how often the zones are reviewed (考核, 认定), in months; absent for a policy without periodic review */
      review: z.strictObject({ intervalMonths: paramSchema(z.number().int().positive()) }).optional(),
      parameters: z.strictObject(parameters),
      materials: z.array(materialSchema).min(1),
      procedure: z.array(procedureStepSchema).min(1),
    })
    .superRefine((file, ctx) => {
      // A clause of another policy in this file is a copy-paste slip.
      const check = (clause: string, path: (string | number)[]) => {
        if (!clause.startsWith(`${policyId}:`))
          ctx.addIssue({ code: "custom", path, message: `条款 ${clause} 不属于 ${policyId}` });
      };
      for (const [k, p] of Object.entries(file.validity)) check(p.clause, ["validity", k, "clause"]);
      if (file.review) check(file.review.intervalMonths.clause, ["review", "intervalMonths", "clause"]);
      for (const [k, p] of Object.entries(file.parameters as Record<string, ParamDef<unknown>>))
        check(p.clause, ["parameters", k, "clause"]);
      file.materials.forEach((m, i) => check(m.clause, ["materials", i, "clause"]));
      file.procedure.forEach((s, i) => check(s.clause, ["procedure", i, "clause"]));
    });
}

export interface RuleParamsFile<P> {
  policy: string;
  validity: { effective: ParamDef<string>; trialEnds: ParamDef<string | null> };
  review?: { intervalMonths: ParamDef<number> };
  parameters: P;
  materials: z.infer<typeof materialSchema>[];
  procedure: z.infer<typeof procedureStepSchema>[];
}

/** The value in force on `date` (ISO); before the first entry, the first value, flagged. */
export function resolveParam<V>(def: ParamDef<V>, date: string): ResolvedParam<V> {
  let chosen = def.values[0]!;
  for (const v of def.values) if (v.from <= date) chosen = v;
  return {
    value: chosen.value,
    unit: def.unit,
    clause: def.clause,
    description: def.description,
    form: def.form,
    from: chosen.from,
    beforeFirst: date < def.values[0]!.from,
  };
}

export function resolveParams<P extends Record<string, ParamDef<unknown>>>(params: P, date: string): ResolvedParams<P> {
  const out: Record<string, ResolvedParam<unknown>> = {};
  for (const [k, def] of Object.entries(params)) out[k] = resolveParam(def, date);
  return out as ResolvedParams<P>;
}
