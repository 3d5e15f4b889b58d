/**
 * The collected facts of an agency intake as an `AgencyInput` (the input of
 * `estimate`). Counts asked in chat become the arrays the schema wants:
 * 「涉外胜诉 2 件」 → two `wonCases` of kind `foreign`, 「清零客户 3 家」 → three
 * `zeroing` clients with one grant each (the least that qualifies).
 */
import { agencyJurisdiction } from "./question-catalog.ts";
import { agencyInputSchema, type AgencyInput } from "../rules/agency-input.schema.ts";
import type { FactValue, IntakeState } from "./intake-state.schema.ts";
import { chinaDate } from "./parsers/parse-date.ts";
import { applicableQuestions } from "./question-catalog.ts";
import { setPath } from "./build-zone-profile.ts";

type Program = "zeroing" | "doubling";
const PROGRAM_LABEL: Record<Program, string> = { zeroing: "专利清零客户", doubling: "专利倍增客户" };
// The fewest invention grants that qualify under 第九条（五）: 清零 "1件以上", 倍增 "5件以上".
const QUALIFYING_GRANTS: Record<Program, number> = { zeroing: 1, doubling: 5 };

function clientsOf(program: Program, value: FactValue | undefined): AgencyInput["clients"] {
  if (value === undefined || typeof value !== "object" || Array.isArray(value)) return [];
  if ("min" in value) return [];
  if ("count" in value) {
    return Array.from({ length: value.count }, (_, i) => ({
      name: `${PROGRAM_LABEL[program]} ${i + 1}`,
      program,
      inventionGrants: QUALIFYING_GRANTS[program],
    }));
  }
  return value.clients.map((c) => ({ name: c.name, program, inventionGrants: c.inventionGrants }));
}

export function buildAgencyInput(state: IntakeState, now: Date): AgencyInput {
  if (state.flow !== "agency-estimate") throw new Error(`buildAgencyInput needs an agency intake, got ${state.flow}`);
  const input: Record<string, unknown> = { jurisdiction: agencyJurisdiction(), asOf: chinaDate(now), agency: {} };
  const facts: Record<string, FactValue> = {};
  for (const q of applicableQuestions(state)) {
    const value = state.facts[q.id];
    if (value !== undefined) facts[q.id] = value;
  }
  // Facts prefilled by the caller (agency.name, agency.creditCode) have no question but belong in the input.
  for (const key of ["agency.name", "agency.creditCode"]) {
    const v = state.facts[key];
    if (typeof v === "string") facts[key] = v;
  }
  for (const [id, value] of Object.entries(facts)) {
    if (id.startsWith("wonCases.") || id.startsWith("clients.")) continue;
    setPath(input, id, value);
  }

  const foreign = facts["wonCases.foreign"];
  const major = facts["wonCases.major"];
  if (typeof foreign === "number" || typeof major === "number") {
    input.wonCases = [
      ...Array.from({ length: typeof foreign === "number" ? foreign : 0 }, () => ({ enterpriseInZone: true, kind: "foreign" })),
      ...Array.from({ length: typeof major === "number" ? major : 0 }, () => ({ enterpriseInZone: true, kind: "major" })),
    ];
  }
  if (facts["clients.zeroing"] !== undefined || facts["clients.doubling"] !== undefined) {
    input.clients = [
      ...(clientsOf("zeroing", facts["clients.zeroing"]) ?? []),
      ...(clientsOf("doubling", facts["clients.doubling"]) ?? []),
    ];
  }
  return agencyInputSchema.parse(input);
}
