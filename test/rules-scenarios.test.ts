/**
 * Our rule scenarios (test/scenarios/*.json), run in-process with the keys the
 * shared runner (../shared/eval/run-scenarios.mjs, run by CI through the CLI)
 * knows, plus the ones it does not: possible amounts, facts to confirm, the
 * boundary a straddling range names, side-by-side lists and summary.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { agencyInputSchema } from "../src/rules/agency-input.schema.ts";
import { checkZone } from "../src/rules/check-zone.ts";
import { estimateSupport } from "../src/rules/estimate/estimate-support.ts";
import { parseInput } from "../src/rules/format-input-errors.ts";
import { implausibleInputErrors } from "../src/rules/plausibility.ts";
import { zoneProfileSchema } from "../src/rules/zone-profile.schema.ts";

const dir = join(import.meta.dirname, "scenarios");
const under = (clause: string, key: string) => clause === key || clause.startsWith(`${key}.`);

interface Scenario {
  command: "check" | "estimate";
  input: unknown;
  expect: Record<string, any>;
}

function run(s: Scenario): any {
  const schema = s.command === "check" ? zoneProfileSchema : agencyInputSchema;
  const parsed = parseInput(schema, s.input);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join("\n"));
  expect(implausibleInputErrors(parsed.value)).toEqual([]);
  return s.command === "check" ? checkZone(parsed.value as never) : estimateSupport(parsed.value as never);
}

describe("rule scenarios", () => {
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const s: Scenario = JSON.parse(readFileSync(join(dir, name), "utf8"));
    it(name.replace(/\.json$/, ""), () => {
      const out = run(s);
      const x = s.expect;
      const codes = (out.warnings ?? []).map((w: { code: string }) => w.code);
      const sum = (key: string, field: "maxAmount" | "possibleMax") =>
        (out.items ?? []).filter((i: { clause: string }) => under(i.clause, key)).reduce((t: number, i: any) => t + i[field], 0);
      if ("totalMax" in x) expect(out.totalMax).toBe(x.totalMax);
      if ("totalMax" in x && s.command === "estimate") expect(out.confirmedTotal).toBe(x.totalMax);
      if ("possibleTotal" in x) expect(out.possibleTotal).toBe(x.possibleTotal);
      for (const [k, v] of Object.entries(x.clauseMax ?? {})) expect(sum(k, "maxAmount"), k).toBe(v);
      for (const [k, v] of Object.entries(x.clausePossible ?? {})) expect(sum(k, "possibleMax"), k).toBe(v);
      if ("toConfirm" in x) expect(out.toConfirm.map((t: { path: string }) => t.path)).toEqual(x.toConfirm);
      for (const t of x.toConfirmText ?? []) expect(out.toConfirm.map((c: { text: string }) => c.text).join("\n")).toContain(t);
      if ("otherReadingTotal" in x)
        expect(out.readings.find((r: any) => r.id === "oncePerYearReading").otherReading.confirmedTotal).toBe(x.otherReadingTotal);
      if ("verdict" in x) expect(out.verdict).toBe(x.verdict);
      if ("policyStatus" in x) expect(out.policy.status).toBe(x.policyStatus);
      for (const [id, want] of Object.entries(x.conditions ?? {}))
        expect(out.conditions.find((c: { id: string }) => c.id === id)?.status, id).toBe(want);
      for (const [id, text] of Object.entries(x.conditionBoundary ?? {})) {
        const c = out.conditions.find((c: { id: string }) => c.id === id);
        expect(c.detail).toContain(text);
        expect(c.toConfirm?.[0]?.boundary).toContain(text);
      }
      for (const [id, gap] of Object.entries(x.conditionGap ?? {}))
        expect(out.conditions.find((c: { id: string }) => c.id === id)?.gap).toBe(gap);
      for (const code of x.warnings ?? []) expect(codes).toContain(code);
      for (const code of x.warningsExclude ?? []) expect(codes).not.toContain(code);
      if ("eligibleFor" in x) expect(out.eligibleFor).toEqual(x.eligibleFor);
      if ("needsReviewFor" in x) expect(out.needsReviewFor).toEqual(x.needsReviewFor);
      for (const t of x.summaryContains ?? []) expect(out.summary).toContain(t);
      for (const t of x.summaryExcludes ?? []) expect(out.summary).not.toContain(t);
    });
  }
});
