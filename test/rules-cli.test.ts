/** check and estimate through the real command line, as a user runs them. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli } from "./support/run-cli.ts";
import { agency, zhejiangZone } from "./rules-fixtures.ts";

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rules-cli-"));
});

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}


const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe("check: bad input", () => {
  it("lists every bad field in Chinese, exits 2, prints no stack and no JSON", async () => {
    const path = file("bad-profile.json", {
      jurisdiction: "zhejiang",
      asOf: "2026-13-01",
      carrier: { type: "park", ownership: "private" },
      zone: { serviceInstitutions: -3, coreAreaSqm: "1200", services: ["patent", "lawyer"], industryAdvantage: "yes" },
      county: { plan: true },
    });
    const r = await cli("check", "--input", path, "--json");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("共 7 处");
    expect(r.stderr).toContain("asOf：应为日期，格式 YYYY-MM-DD");
    expect(r.stderr).toContain("carrier.type：应为以下之一：sci-tech-service-center（科创服务中心）");
    expect(r.stderr).toContain("zone.serviceInstitutions：应为非负整数（例如 25），或一个范围 {\"min\": 20, \"max\": 25}，收到 -3");
    expect(r.stderr).toContain("zone.coreAreaSqm：应为面积（平方米），非负数（例如 1200），或一个范围 {\"min\": 900, \"max\": 1100}，收到 \"1200\"");
    expect(r.stderr).toContain("zone.services[1]：应为以下之一：");
    expect(r.stderr).toContain("zone.industryAdvantage：应为 true 或 false，收到 \"yes\"");
    expect(r.stderr).toContain("county.plan：不认识的字段");
    noStack(r.stderr);
  });

  it("a missing input file → 找不到输入文件, exit 2", async () => {
    const r = await cli("check", "--input", join(dir, "nope.json"), "--json");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("找不到输入文件");
    noStack(r.stderr);
  });

  it("a file that is not JSON → 不是有效的 JSON, exit 2", async () => {
    const r = await cli("check", "--input", file("broken.json", "{ \"jurisdiction\": \"zibo\", }"), "--json");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("不是有效的 JSON");
    noStack(r.stderr);
  });

  it("no --input, or an unknown option → usage in Chinese, exit 2", async () => {
    const none = await cli("check", "--json");
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("缺少 --input");
    const unknown = await cli("check", "--input", file("ok.json", zhejiangZone()), "--jsn");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("不认识的参数 --jsn");
  });
});

describe("check: results", () => {
  it("--json for one jurisdiction prints the docs/output-formats.md shape", async () => {
    const r = await cli("check", "--input", file("zj.json", zhejiangZone()), "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ jurisdiction: "zhejiang", verdict: "eligible", policy: { id: "zj2018", status: "in-force" } });
    expect(out.conditions).toHaveLength(4);
    expect(out.materials[0]).toEqual({ name: "设区市知识产权主管部门的推荐意见", clause: "zj2018:9.1", note: expect.any(String) });
  });

  it("without jurisdiction, --json prints both results and a summary", async () => {
    const p = zhejiangZone();
    delete p.jurisdiction;
    const r = await cli("check", "--input", file("both.json", p), "--json");
    const out = JSON.parse(r.stdout);
    expect(out.results.map((x: { jurisdiction: string }) => x.jurisdiction)).toEqual(["zhejiang", "zibo"]);
    expect(out.eligibleFor).toEqual(["zhejiang"]);
    expect(out.summary).toContain("可申报：浙江省示范区");
  });

  it("without --json, a Chinese report with the full citation", async () => {
    const p = zhejiangZone();
    p.zone!.serviceInstitutions = 18;
    const r = await cli("check", "--input", file("zj18.json", p));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("《浙江省知识产权服务业集聚发展示范区管理办法（试行）》");
    expect(r.stdout).toContain("结论：不符合申报条件");
    expect(r.stdout).toContain("差距：还差 2 家服务机构");
  });
});

describe("estimate", () => {
  it("bad agency input → every field listed, exit 2", async () => {
    const r = await cli(
      "estimate",
      "--input",
      file("bad-agency.json", { year: 2021.5, agency: { inZone: "yes" }, wonCases: [{ enterpriseInZone: true, kind: "huge" }], clients: [{ name: "甲", program: "zeroing", inventionGrants: -1 }] }),
      "--json",
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    for (const path of ["year：", "agency.inZone：", "wonCases[0].kind：应为以下之一：foreign（涉外）、major（具有重大影响）、other（其他）", "clients[0].inventionGrants：应为非负整数"])
      expect(r.stderr).toContain(path);
    noStack(r.stderr);
  });

  it("--json prints items, totals, warnings and the nine readings", async () => {
    const r = await cli("estimate", "--input", file("agency.json", agency({ pledgeLoans: 3, securitizations: 1, inventionGrants: 120 })), "--json");
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ year: 2021, policy: { id: "zb2020", status: "in-force" }, totalMax: 140000, cashMax: 140000, voucherMax: 0 });
    expect(out.items[0].basis).toBe("3 × 10,000 + 1 × 100,000");
    expect(out.warnings.map((w: { code: string }) => w.code)).toContain("tier-boundary");
    expect(out.assumptions).toHaveLength(9);
  });

  it("without --json, amounts read ¥130,000（13万元） and clauses 《淄博市…》第九条", async () => {
    const r = await cli("estimate", "--input", file("agency2.json", agency({ pledgeLoans: 3, securitizations: 1 })));
    expect(r.stdout).toContain("合计最高：¥130,000（13万元）");
    expect(r.stdout).toContain("《淄博市知识产权服务业集聚发展示范区建设方案（试行）》第九条");
    expect(r.stdout).toContain("第九条（一） 专利质押融资与知识产权证券化：最高 ¥130,000（13万元），资金");
  });
});
