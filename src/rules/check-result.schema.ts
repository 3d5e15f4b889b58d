/**
 * A check result read back from storage (an application row keeps the one its
 * intake produced). Parsed, not cast: a row written by an older version that
 * no longer has this shape is reported instead of being rendered half-wrong.
 * Keys this schema does not name are kept, so a newer field survives a round trip.
 */
import { z } from "zod";
import type { CheckResult } from "./rule-result.types.ts";
import { jurisdictionSchema, policyIdSchema } from "../knowledge/jurisdictions.ts";

const traceStepSchema = z.looseObject({ clause: z.string(), text: z.string() });
const conditionStatusSchema = z.enum(["met", "not-met", "unknown"]);

export const checkResultSchema: z.ZodType<CheckResult> = z.looseObject({
  jurisdiction: jurisdictionSchema,
  policy: z.looseObject({
    id: policyIdSchema,
    title: z.string(),
    effective: z.string(),
    status: z.enum(["in-force", "trial-expired", "not-yet-in-force"]),
  }),
  verdict: z.enum(["eligible", "not-eligible", "needs-review"]),
  conditions: z.array(
    z.looseObject({
      id: z.string(),
      label: z.string(),
      status: conditionStatusSchema,
      detail: z.string(),
      gap: z.string().optional(),
      missing: z.array(z.string()).optional(),
      trace: z.array(traceStepSchema).optional(),
    }),
  ),
  warnings: z.array(z.looseObject({ code: z.string(), message: z.string() })),
  materials: z.array(z.looseObject({ name: z.string(), clause: z.string(), note: z.string().optional() })),
  procedure: z.array(z.string()),
  asOf: z.string().optional(),
  procedureSteps: z.array(z.looseObject({ text: z.string(), clause: z.string() })).optional(),
  trace: z.array(traceStepSchema).optional(),
});

/** The stored result, or null when none was stored or it no longer parses. */
export function parseStoredCheckResult(raw: unknown): CheckResult | null {
  if (raw === null || raw === undefined) return null;
  const parsed = checkResultSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
