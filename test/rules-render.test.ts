import { describe, expect, it } from "vitest";
import { checkAllJurisdictions, checkJurisdiction } from "../src/rules/check-zone.ts";
import { estimateSupport } from "../src/rules/estimate/estimate-support.ts";
import { formatYuan } from "../src/rules/money.ts";
import { renderCheckReport, renderSideBySideReport } from "../src/reports/render-check-report.ts";
import { renderEstimateReport } from "../src/reports/render-estimate-report.ts";
import { agency, zhejiangZone } from "./rules-fixtures.ts";

describe("amounts", () => {
  it.each([
    [130000, "¥130,000（13万元）"],
    [200000, "¥200,000（20万元）"],
    [5000, "¥5,000（0.5万元）"],
    [0, "¥0"],
  ])("%i reads %s", (n, text) => expect(formatYuan(n)).toBe(text));
});

describe("check report", () => {
  it("names the policy in full, the verdict, each clause and its gap", () => {
    const p = zhejiangZone();
    p.zone!.serviceInstitutions = 18;
    const text = renderCheckReport(checkJurisdiction("zhejiang", p));
    expect(text).toContain("依据：《浙江省知识产权服务业集聚发展示范区管理办法（试行）》");
    expect(text).toContain("结论：不符合申报条件");
    expect(text).toContain("✗ 第六条（三）");
    expect(text).toContain("差距：还差 2 家服务机构");
    expect(text).toContain("申报材料（《浙江省知识产权服务业集聚发展示范区管理办法（试行）》第九条）");
  });

  it("the trace can be left out", () => {
    const text = renderCheckReport(checkJurisdiction("zhejiang", zhejiangZone()), { trace: false });
    expect(text).not.toContain("判断过程");
  });

  it("side by side: the summary comes first, then one report per jurisdiction", () => {
    const p = zhejiangZone();
    delete p.jurisdiction;
    const text = renderSideBySideReport(checkAllJurisdictions(p));
    const lines = text.split("\n");
    expect(lines[1]).toMatch(/^按所填信息，可申报：浙江省示范区。/);
    expect(text.indexOf("【浙江省示范区资格自检】")).toBeLessThan(text.indexOf("【淄博市示范区资格自检】"));
  });
});

describe("estimate report", () => {
  it("amounts as ¥…（…万元）, clause, form and arithmetic for each item", () => {
    const text = renderEstimateReport(estimateSupport(agency({ pledgeLoans: 3, securitizations: 1, inventionGrants: 85 })));
    expect(text).toContain("合计最高：¥140,000（14万元），其中资金 ¥140,000（14万元），服务券 ¥0");
    expect(text).toContain("第九条（一） 专利质押融资与知识产权证券化：最高 ¥130,000（13万元），资金");
    expect(text).toContain("计算：3 × 10,000 + 1 × 100,000");
    expect(text).toContain("再获授权 36 件可进入 3 万元档");
    expect(text).toContain("测算口径：");
  });

  it("a reason shared by every part is said once, with the parts listed under it", () => {
    const text = renderEstimateReport(estimateSupport(agency({ agency: { inZone: false, patentAgencyQualified: true } })));
    const section = text.slice(text.indexOf("不予支持或未测算："), text.indexOf("测算口径："));
    expect(section.match(/机构不在示范区内/g)).toHaveLength(1);
    expect(text).toContain("      第九条（四） 涉外或重大影响专利案件胜诉补助");
  });
});
