import { describe, expect, it } from "vitest";
import { estimateSupport } from "../src/rules/estimate/estimate-support.ts";
import type { EstimateResult } from "../src/rules/rule-result.types.ts";
import { agency } from "./rules-fixtures.ts";

const clauseMax = (r: EstimateResult, clause: string) => r.items.filter((i) => i.clause === clause).reduce((s, i) => s + i.maxAmount, 0);
const codes = (r: EstimateResult) => r.warnings.map((w) => w.code);
const reasons = (r: EstimateResult, clause: string) => r.ineligible.filter((x) => x.clause === clause).map((x) => x.reason);
const traceText = (r: EstimateResult) => (r.trace ?? []).map((t) => t.text);

describe("第九条（五） invention-grant tiers", () => {
  const grants = (n: number) => estimateSupport(agency({ inventionGrants: n }));

  it("130 grants, no abnormal filings → up to 30,000, with a readable trace", () => {
    const r = grants(130);
    expect(r.totalMax).toBe(30000);
    expect(r.items[0]).toMatchObject({ clause: "zb2020:9.5", form: "cash", maxAmount: 30000 });
    expect(traceText(r)).toContain("本年度代理本市发明专利授权 130 件，超过 120 件，依据第九条（五）最高 3 万元");
  });

  it.each([
    [0, 0, false],
    [70, 0, true],
    [71, 10000, false],
    [120, 10000, true],
    [121, 30000, false],
    [200, 30000, true],
    [201, 50000, false],
    [999, 50000, false],
  ])("%i grants → %i yuan (tier-boundary warning: %s)", (n, yuan, boundary) => {
    const r = grants(n);
    expect(clauseMax(r, "zb2020:9.5")).toBe(yuan);
    expect(codes(r).includes("tier-boundary")).toBe(boundary);
  });

  it("exactly 120 → the warning says the 3 万 tier is possible if 以上 includes 120", () => {
    const w = grants(120).warnings.find((x) => x.code === "tier-boundary")!;
    expect(w.message).toContain("120");
    expect(w.message).toContain("3 万元档");
  });

  it("70 grants → not eligible, and the reason says 未超过 70 件", () => {
    expect(reasons(grants(70), "zb2020:9.5")[0]).toContain("未超过 70 件");
  });

  it("85 grants → hint 「再获授权 36 件可进入 3 万元档」", () => {
    expect(grants(85).hints).toContain("再获授权 36 件可进入 3 万元档");
  });

  it("120 grants → 1 more reaches the 3 万 tier; 201 has no next tier", () => {
    expect(grants(120).hints).toContain("再获授权 1 件可进入 3 万元档");
    expect(grants(201).hints!.some((h) => h.includes("档"))).toBe(false);
  });

  it("201 grants → only the highest tier, 50,000, not 10,000 + 30,000 + 50,000", () => {
    const r = grants(201);
    expect(r.items.filter((i) => i.clause === "zb2020:9.5")).toHaveLength(1);
    expect(r.totalMax).toBe(50000);
  });
});

describe("reading 1: every amount is a ceiling, in yuan", () => {
  it("a mixed case: totals are sums of item ceilings; cash + voucher = total", () => {
    const r = estimateSupport(
      agency({
        pledgeLoans: 3,
        securitizations: 1,
        custody: { modes: ["advisory"], certifiedOutstanding: true },
        inventionGrants: 130,
        clients: [{ name: "甲公司", program: "zeroing", inventionGrants: 1 }],
      }),
    );
    expect(r.cashMax).toBe(130000 + 30000);
    expect(r.voucherMax).toBe(30000 + 10000);
    expect(r.totalMax).toBe(r.cashMax + r.voucherMax);
    expect(r.assumptions[0]).toContain("上限");
    expect(r.assumptions).toHaveLength(9);
  });
});

describe("reading 2: in the zone and qualified", () => {
  const full = {
    pledgeLoans: 2,
    custody: { modes: ["full" as const], certifiedOutstanding: true },
    newPatentAttorneys: 1,
    brand: { national: true, afterJoiningZone: true },
    wonCases: [{ enterpriseInZone: true, kind: "foreign" as const }],
    inventionGrants: 150,
    clients: [{ name: "甲公司", program: "doubling" as const, inventionGrants: 5 }],
  };

  it("not in the zone → every part of 第九条 ineligible with the reason, 0 yuan", () => {
    const r = estimateSupport(agency({ ...full, agency: { inZone: false, patentAgencyQualified: true } }));
    expect(r.totalMax).toBe(0);
    expect(r.items).toEqual([]);
    expect(r.ineligible.map((x) => x.clause)).toEqual(["zb2020:9.1", "zb2020:9.2", "zb2020:9.2", "zb2020:9.3", "zb2020:9.4", "zb2020:9.5", "zb2020:9.5"]);
    expect(r.ineligible.every((x) => x.reason.includes("不在示范区内"))).toBe(true);
  });

  it("no patent-agency qualification → 0 yuan, reason names the qualification", () => {
    const r = estimateSupport(agency({ ...full, agency: { inZone: true, patentAgencyQualified: false } }));
    expect(r.totalMax).toBe(0);
    expect(r.ineligible[0]!.reason).toContain("不具有专利代理资质");
  });

  it("in-zone status not stated → confirmed 0, possible the full amount, with agency-status-unconfirmed", () => {
    const r = estimateSupport(agency({ ...full, agency: { patentAgencyQualified: true } }));
    const all = 20000 + 50000 + 10000 + 200000 + 50000 + 30000 + 50000;
    expect(r.totalMax).toBe(0);
    expect(r.confirmedTotal).toBe(0);
    expect(r.possibleTotal).toBe(all);
    expect(r.toConfirm[0]).toMatchObject({ path: "agency.inZone", worth: all, assumedNow: "否", ifConfirmed: "是" });
    expect(codes(r)).toContain("agency-status-unconfirmed");
    expect(r.warnings.find((w) => w.code === "agency-status-unconfirmed")!.message).toContain("是否在示范区内");
  });
});

describe("reading 3: （一） pledge loans and securitisations", () => {
  it("3 loans + 1 securitisation → 130,000 cash, basis 3 × 10,000 + 1 × 100,000", () => {
    const r = estimateSupport(agency({ pledgeLoans: 3, securitizations: 1 }));
    expect(r.items[0]).toMatchObject({ clause: "zb2020:9.1", maxAmount: 130000, form: "cash", basis: "3 × 10,000 + 1 × 100,000" });
  });
  it("zero of both → ineligible, nothing made up", () => {
    const r = estimateSupport(agency({ pledgeLoans: 0, securitizations: 0 }));
    expect(r.totalMax).toBe(0);
    expect(reasons(r, "zb2020:9.1")[0]).toContain("未完成");
  });
});

describe("reading 4: （二） custody and patent attorneys", () => {
  it("full and single custody, certified → one award at the highest mode, 50,000 voucher", () => {
    const r = estimateSupport(agency({ custody: { modes: ["full", "single"], certifiedOutstanding: true } }));
    expect(r.items).toHaveLength(1);
    expect(r.items[0]).toMatchObject({ clause: "zb2020:9.2", maxAmount: 50000, form: "voucher" });
    expect(r.voucherMax).toBe(50000);
  });
  it("advisory only → 30,000; single only → 10,000", () => {
    expect(estimateSupport(agency({ custody: { modes: ["advisory"], certifiedOutstanding: true } })).totalMax).toBe(30000);
    expect(estimateSupport(agency({ custody: { modes: ["single", "single"], certifiedOutstanding: true } })).totalMax).toBe(10000);
  });
  it("not certified outstanding → no voucher", () => {
    const r = estimateSupport(agency({ custody: { modes: ["full"], certifiedOutstanding: false } }));
    expect(r.totalMax).toBe(0);
    expect(reasons(r, "zb2020:9.2")[0]).toContain("未经市知识产权事业发展中心认定");
  });
  it("certification not stated → no voucher confirmed, 50,000 possible, and confirming it is worth 50,000", () => {
    const r = estimateSupport(agency({ custody: { modes: ["full"] } }));
    expect(r.totalMax).toBe(0);
    expect(r.possibleTotal).toBe(50000);
    expect(r.items[0]).toMatchObject({ clause: "zb2020:9.2", confirmedMax: 0, possibleMax: 50000 });
    expect(r.toConfirm).toEqual([expect.objectContaining({ path: "custody.certifiedOutstanding", worth: 50000 })]);
    expect(r.toConfirm[0]!.text).toContain("最高从 0 元增至 5 万元");
  });
  it("2 new patent attorneys → 20,000 cash", () => {
    const r = estimateSupport(agency({ newPatentAttorneys: 2 }));
    expect(r.items[0]).toMatchObject({ clause: "zb2020:9.2", maxAmount: 20000, form: "cash", basis: "2 × 10,000" });
  });
  it("custody voucher and attorneys together → both parts of （二）", () => {
    const r = estimateSupport(agency({ newPatentAttorneys: 1, custody: { modes: ["full"], certifiedOutstanding: true } }));
    expect(clauseMax(r, "zb2020:9.2")).toBe(60000);
    expect(r.cashMax).toBe(10000);
    expect(r.voucherMax).toBe(50000);
  });
});

describe("reading 5: （三） brand after joining the zone", () => {
  it("national and provincial → 200,000, the higher only", () => {
    const r = estimateSupport(agency({ brand: { national: true, provincial: true, afterJoiningZone: true } }));
    expect(r.totalMax).toBe(200000);
    expect(r.items[0]!.basis).toContain("同时获省级，按解读「只计较高一档」不另计");
  });
  it("provincial only → 100,000", () => {
    expect(estimateSupport(agency({ brand: { provincial: true, afterJoiningZone: true } })).totalMax).toBe(100000);
  });
  it("won before joining the zone → nothing", () => {
    const r = estimateSupport(agency({ brand: { national: true, afterJoiningZone: false } }));
    expect(r.totalMax).toBe(0);
    expect(reasons(r, "zb2020:9.3")[0]).toContain("进驻示范区之前");
  });
  it("when it was won not stated → not confirmed, 200,000 possible, confirming it is worth 200,000", () => {
    const r = estimateSupport(agency({ brand: { national: true } }));
    expect(r.totalMax).toBe(0);
    expect(r.possibleTotal).toBe(200000);
    expect(r.toConfirm[0]).toMatchObject({ path: "brand.afterJoiningZone", worth: 200000 });
  });
});

describe("reading 6: （四） won cases, 200,000 a year at most", () => {
  const cases = (n: number, kind: "foreign" | "major" | "other" = "foreign", enterpriseInZone = true) =>
    Array.from({ length: n }, () => ({ enterpriseInZone, kind }));

  it("3 cases → 150,000, and 50,000 of room under the cap", () => {
    const r = estimateSupport(agency({ wonCases: cases(3) }));
    expect(r.totalMax).toBe(150000);
    expect(r.hints!.join()).toContain("还有 ¥50,000（5万元）额度");
  });
  it("4 cases → exactly the 200,000 cap, no room left", () => {
    const r = estimateSupport(agency({ wonCases: cases(4, "major") }));
    expect(r.totalMax).toBe(200000);
    // A cap already reached is no longer something to strive for.
    expect(r.hints!.join()).not.toContain("胜诉");
    expect(r.items[0]!.notes.join()).toContain("上限");
  });
  it("5 cases → 250,000 capped to 200,000", () => {
    const r = estimateSupport(agency({ wonCases: cases(5) }));
    expect(r.totalMax).toBe(200000);
    expect(r.items[0]!.basis).toBe("5 × 50,000 = 250,000，每年最多 200,000");
  });
  it("cases for enterprises outside the zone, or of another kind, do not count", () => {
    const r = estimateSupport(agency({ wonCases: [...cases(1), ...cases(2, "foreign", false), ...cases(1, "other")] }));
    expect(r.totalMax).toBe(50000);
    expect(r.ineligible.find((x) => x.clause === "zb2020:9.4")!.reason).toBe("3 件不计：2 件的企业不在示范区内，1 件不是涉外或具有重大影响的案件");
  });
  it("only other-kind cases → nothing", () => {
    expect(estimateSupport(agency({ wonCases: cases(3, "other") })).totalMax).toBe(0);
  });
  it("what earlier cases of the year received counts against the cap: 160,000 received + 2 cases → 40,000", () => {
    const r = estimateSupport(agency({ wonCases: cases(2), wonCaseSupportReceived: 160000 }));
    expect(r.totalMax).toBe(40000);
    expect(r.items[0]!.basis).toBe("2 × 50,000 = 100,000，本年度已获 160,000，每年最多 200,000，还可补 40,000");
    expect(traceText(r).join()).toContain("本年度已获 16 万元");
    // With room left after them, the hint counts from what is left.
    expect(estimateSupport(agency({ wonCases: cases(1), wonCaseSupportReceived: 100000 })).hints!.join()).toContain("还有 ¥50,000（5万元）额度");
  });
  it("the cap already reached by what was received → nothing more, saying why", () => {
    const r = estimateSupport(agency({ wonCases: cases(1), wonCaseSupportReceived: 200000 }));
    expect(r.totalMax).toBe(0);
    expect(reasons(r, "zb2020:9.4")).toEqual(["本年度已获 20 万元，已达每年 20 万元上限，不再补助"]);
  });
});

describe("reading 7: （五） client vouchers and abnormal applications", () => {
  it("zeroing with 1 grant → 10,000 voucher; with 0 → nothing", () => {
    expect(estimateSupport(agency({ clients: [{ name: "甲", program: "zeroing", inventionGrants: 1 }] })).voucherMax).toBe(10000);
    expect(estimateSupport(agency({ clients: [{ name: "甲", program: "zeroing", inventionGrants: 0 }] })).totalMax).toBe(0);
  });
  it("doubling with 4 grants → nothing and a hint; with 5 → 50,000", () => {
    const four = estimateSupport(agency({ clients: [{ name: "乙公司", program: "doubling", inventionGrants: 4 }] }));
    expect(four.totalMax).toBe(0);
    expect(four.hints).toContain("乙公司再获发明专利授权 1 件，可得专利倍增服务券 5 万元");
    expect(estimateSupport(agency({ clients: [{ name: "乙公司", program: "doubling", inventionGrants: 5 }] })).voucherMax).toBe(50000);
  });
  it("a client named twice counts once, at the higher award", () => {
    const r = estimateSupport(
      agency({
        clients: [
          { name: "甲公司", program: "zeroing", inventionGrants: 2 },
          { name: "甲 公司", program: "doubling", inventionGrants: 6 },
          { name: "丙公司", program: "zeroing", inventionGrants: 1 },
        ],
      }),
    );
    expect(r.voucherMax).toBe(60000);
    expect(r.items[0]!.notes.join()).toContain("填写了 2 次");
  });
  it("an abnormal application voids all of （五）: tier and vouchers", () => {
    const r = estimateSupport(
      agency({ abnormalApplications: true, inventionGrants: 250, clients: [{ name: "甲", program: "doubling", inventionGrants: 9 }], pledgeLoans: 1 }),
    );
    expect(clauseMax(r, "zb2020:9.5")).toBe(0);
    expect(r.totalMax).toBe(10000);
    expect(reasons(r, "zb2020:9.5")).toHaveLength(2);
    expect(reasons(r, "zb2020:9.5").every((x) => x.includes("非正常申请"))).toBe(true);
  });
  it("abnormal applications not stated → confirmed 0 for （五）, possible 40,000, the same rule as every unknown", () => {
    const input = agency({ inventionGrants: 130, clients: [{ name: "甲", program: "zeroing", inventionGrants: 1 }] });
    delete input.abnormalApplications;
    const r = estimateSupport(input);
    expect(clauseMax(r, "zb2020:9.5")).toBe(0);
    expect(r.possibleTotal).toBe(40000);
    expect(r.toConfirm).toEqual([expect.objectContaining({ path: "abnormalApplications", assumedNow: "是", ifConfirmed: "否", worth: 40000 })]);
    expect(r.warnings).toContainEqual(expect.objectContaining({ code: "fact-unconfirmed", path: "abnormalApplications" }));
  });
});

describe("reading 8: only once a year, tiers never stack", () => {
  it("every part appears at most once, whatever is repeated in the input", () => {
    const r = estimateSupport(
      agency({
        custody: { modes: ["full", "advisory", "single"], certifiedOutstanding: true },
        brand: { national: true, provincial: true, afterJoiningZone: true },
        inventionGrants: 300,
        clients: [
          { name: "甲", program: "doubling", inventionGrants: 9 },
          { name: "甲", program: "doubling", inventionGrants: 9 },
        ],
      }),
    );
    const titles = r.items.map((i) => i.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(r.totalMax).toBe(50000 + 200000 + 50000 + 50000);
    expect(r.assumptions[7]).toContain("只享受一次");
  });
});

describe("reading 9: validity of the one-year trial", () => {
  it("year 2021 as of 2021-08-24 → in force, no warning", () => {
    const r = estimateSupport(agency({ asOf: "2021-08-24", pledgeLoans: 1 }));
    expect(r.policy.status).toBe("in-force");
    expect(codes(r)).not.toContain("policy-trial-expired");
  });
  it("year 2021 as of 2021-08-25 → trial-expired, still estimated", () => {
    const r = estimateSupport(agency({ asOf: "2021-08-25", pledgeLoans: 1 }));
    expect(r.policy.status).toBe("trial-expired");
    expect(codes(r)).toContain("policy-trial-expired");
    expect(r.totalMax).toBe(10000);
  });
  it("year 2022, even asked during the trial → trial-expired", () => {
    const r = estimateSupport(agency({ year: 2022, asOf: "2021-06-30", pledgeLoans: 1 }));
    expect(r.policy.status).toBe("trial-expired");
    expect(codes(r)).toContain("policy-trial-expired");
  });
  it("year 2019, before the plan → not yet in force, every part ineligible, no throw", () => {
    const r = estimateSupport(agency({ year: 2019, asOf: "2019-12-01", pledgeLoans: 1 }));
    expect(r.policy.status).toBe("not-yet-in-force");
    expect(r.totalMax).toBe(0);
    expect(r.ineligible).toHaveLength(7);
    expect(r.ineligible[0]!.reason).toContain("2020-08-25");
  });
  it("no asOf → the caller's today is the evaluation date", () => {
    const input = agency({ pledgeLoans: 1 });
    delete input.asOf;
    const r = estimateSupport(input, { today: "2021-07-01" });
    expect(r.asOf).toBe("2021-07-01");
    expect(r.policy.status).toBe("in-force");
  });
});

describe("nothing reported", () => {
  it("an agency with no facts → 0 yuan, each part says it was not estimated", () => {
    const r = estimateSupport({ jurisdiction: "zibo", year: 2021, asOf: "2021-06-30", agency: { inZone: true, patentAgencyQualified: true } });
    expect(r.totalMax).toBe(0);
    expect(r.ineligible).toHaveLength(7);
    expect(r.ineligible.every((x) => x.reason.includes("未提供"))).toBe(true);
  });
});
