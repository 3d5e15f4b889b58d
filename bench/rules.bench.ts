/**
 * Time of the rules' own work — validation plus check / estimate — per call,
 * over 1000 calls after a warm-up (process start and params loading excluded).
 * Wired into `npm run bench` by bench/main.ts; run alone with
 * `npx tsx bench/rules.bench.ts`.
 */
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { checkJurisdiction, checkZone } from "../src/rules/check-zone.ts";
import { estimateSupport } from "../src/rules/estimate/estimate-support.ts";
import { parseAgencyInput, parseZoneProfile } from "../src/rules/parse-rule-input.ts";
import type { AgencyInput } from "../src/rules/agency-input.schema.ts";
import type { ZoneProfile } from "../src/rules/zone-profile.schema.ts";
import { percentile } from "../src/metrics/percentile.ts";

const PROFILE: ZoneProfile = {
  asOf: "2026-11-22",
  carrier: { type: "incubator", ownership: "private" },
  zone: {
    areaType: "high-tech-park",
    coreAreaSqm: 1200,
    serviceInstitutions: 18,
    services: ["patent", "trademark", "copyright", "agency", "legal", "information", "consulting", "training", "custody"],
    industryAdvantage: true,
  },
  county: { managementMechanism: true, developmentPlan: true },
};

const AGENCY: AgencyInput = {
  jurisdiction: "zibo",
  year: 2021,
  asOf: "2021-06-30",
  agency: { name: "淄博某专利代理公司", inZone: true, patentAgencyQualified: true },
  pledgeLoans: 3,
  securitizations: 1,
  custody: { modes: ["full", "single"], certifiedOutstanding: true },
  newPatentAttorneys: 2,
  brand: { national: false, provincial: true, afterJoiningZone: true },
  wonCases: Array.from({ length: 6 }, () => ({ enterpriseInZone: true, kind: "foreign" as const })),
  inventionGrants: 130,
  abnormalApplications: false,
  clients: [
    { name: "甲公司", program: "zeroing", inventionGrants: 1 },
    { name: "甲公司", program: "doubling", inventionGrants: 6 },
    { name: "乙公司", program: "doubling", inventionGrants: 3 },
  ],
};

interface Timing {
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
}

function measure(fn: () => unknown, n = 1000): Timing {
  for (let i = 0; i < 100; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    meanMs: round(times.reduce((s, t) => s + t, 0) / n),
    p50Ms: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
  };
}

export async function benchRules(): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = { "rules.calls": 1000 };
  // The mean can exceed p95: a few calls pay for garbage collection.
  const add = (name: string, r: Timing) => {
    out[`rules.${name}.meanMs`] = r.meanMs;
    out[`rules.${name}.p50Ms`] = r.p50Ms;
    out[`rules.${name}.p95Ms`] = r.p95Ms;
  };
  add("check.zhejiang", measure(() => checkJurisdiction("zhejiang", PROFILE)));
  add("check.sideBySide", measure(() => checkZone(PROFILE)));
  add("check.withValidation", measure(() => {
    const r = parseZoneProfile(PROFILE);
    if (r.ok) checkZone(r.value);
  }));
  add("estimate", measure(() => estimateSupport(AGENCY)));
  add("estimate.withValidation", measure(() => {
    const r = parseAgencyInput(AGENCY);
    if (r.ok) estimateSupport(r.value);
  }));
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  benchRules().then((r) => console.log(JSON.stringify(r, null, 2)));
}
