/**
 * The examples the README and docs/input-formats.md point to: they exist,
 * run through the real command line, and say what the docs say they show.
 * Also the input-side guards a user meets: an implausible count is refused
 * by the CLI, a missing file points to an example that exists.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli } from "./support/run-cli.ts";
import { agencyInputSchema } from "../src/rules/agency-input.schema.ts";
import { checkZone } from "../src/rules/check-zone.ts";
import { estimateSupport } from "../src/rules/estimate/estimate-support.ts";
import { parseInput } from "../src/rules/format-input-errors.ts";
import { AmountRangeError } from "../src/rules/amount-range.error.ts";
import { findImplausibleFacts, implausibleQuestion, PLAUSIBLE_BOUNDS } from "../src/rules/plausibility.ts";
import { zoneProfileSchema } from "../src/rules/zone-profile.schema.ts";
import { agency } from "./rules-fixtures.ts";

const dir = mkdtempSync(join(tmpdir(), "input-examples-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));


const example = (name: string) => JSON.parse(readFileSync(join("examples", name), "utf8"));

describe("examples/", () => {
  it("every example named in the README and the docs exists, and every example is named in the docs", () => {
    const docs = readFileSync("docs/input-formats.md", "utf8");
    const readme = readFileSync("README.md", "utf8");
    const named = new Set([...`${docs}\n${readme}`.matchAll(/examples\/([\w-]+\.json)/g)].map((m) => m[1]!));
    for (const n of named) expect(existsSync(join("examples", n)), n).toBe(true);
    for (const f of readdirSync("examples")) expect(named.has(f), f).toBe(true);
  });

  it("zone examples parse; the Zhejiang and Zibo ones are eligible, the ranged one names the boundary", () => {
    for (const f of readdirSync("examples").filter((f) => f.startsWith("zone-"))) {
      expect(parseInput(zoneProfileSchema, example(f)).ok, f).toBe(true);
    }
    expect(checkZone(example("zone-zhejiang.json"))).toMatchObject({ verdict: "eligible" });
    expect(checkZone(example("zone-zibo.json"))).toMatchObject({ verdict: "eligible" });
    const side = checkZone(example("zone-ranges.json")) as { needsReviewFor: string[]; summary: string };
    expect(side.needsReviewFor).toContain("zhejiang");
    expect(side.summary).toContain("取决于确切数量：20 家以上则满足");
  });

  it("the uncertain agency example shows confirmed below possible, with the facts to confirm", () => {
    const r = estimateSupport(agencyInputSchema.parse(example("agency-zibo-uncertain.json")));
    expect(r.confirmedTotal).toBeLessThan(r.possibleTotal);
    expect(r.toConfirm.map((t) => t.path)).toContain("agency.inZone");
  });

  it("estimate --input examples/agency-zibo.json runs and prints the confirmed total", async () => {
    const r = await cli("estimate", "--input", "examples/agency-zibo.json", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.totalMax).toBe(out.confirmedTotal);
    expect(out.totalMax).toBe(390000);
  });

  it("a missing input file names an example that exists", async () => {
    const r = await cli("check", "--input", join(dir, "nope.json"));
    expect(r.code).toBe(2);
    const named = [...r.stderr.matchAll(/examples\/[\w-]+\.json/g)].map((m) => m[0]);
    expect(named.length).toBeGreaterThan(0);
    for (const n of named) expect(existsSync(n), n).toBe(true);
    expect(r.stderr).toContain("docs/input-formats.md");
  });
});

describe("plausibility", () => {
  it("1e12 pledge loans: the CLI refuses the file, names the field and the bound, prints no amount", async () => {
    const path = join(dir, "huge.json");
    writeFileSync(path, JSON.stringify(agency({ pledgeLoans: 1e12 })));
    const r = await cli("estimate", "--input", path, "--json");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("pledgeLoans：1 万亿 项超出合理范围（最多 1,000 项");
  });

  it("every bound is found in a range's max and in list lengths", () => {
    const found = findImplausibleFacts({
      zone: { serviceInstitutions: { min: 10, max: 5000 }, coreAreaSqm: 2e7 },
      inventionGrants: 60000,
      clients: [{ name: "甲", program: "zeroing", inventionGrants: 20000 }],
      wonCases: Array.from({ length: 1001 }, () => ({ enterpriseInZone: true, kind: "foreign" })),
    }).map((f) => f.path);
    expect(found).toEqual(["zone.serviceInstitutions", "zone.coreAreaSqm", "inventionGrants", "wonCases", "clients[0].inventionGrants"]);
    expect(findImplausibleFacts({ zone: { serviceInstitutions: PLAUSIBLE_BOUNDS["zone.serviceInstitutions"].max } })).toEqual([]);
  });

  it("the chat's question reads the figure in 万/亿", () => {
    expect(implausibleQuestion(1e12, "件")).toBe("您填写的是 1 万亿件，确认吗？");
    expect(implausibleQuestion(35000, "平方米")).toBe("您填写的是 3.5 万平方米，确认吗？");
  });

  it("an amount beyond Number.MAX_SAFE_INTEGER is refused, never rounded", () => {
    expect(() => estimateSupport(agency({ securitizations: 1e12 }))).toThrow(AmountRangeError);
    expect(() => estimateSupport(agency({ securitizations: 1e12 }))).toThrow(/超出可精确计算的范围/);
  });
});
