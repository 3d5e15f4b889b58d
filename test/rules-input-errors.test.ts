import { estimateSupport } from "../src/rules/estimate/estimate-support.ts";
import { describe, expect, it } from "vitest";
import { agencyInputSchema } from "../src/rules/agency-input.schema.ts";
import { formatInputErrorList, parseInput } from "../src/rules/format-input-errors.ts";
import { parseAgencyInput, parseZoneProfile } from "../src/rules/parse-rule-input.ts";
import { zoneProfileSchema } from "../src/rules/zone-profile.schema.ts";

const messages = (r: ReturnType<typeof parseZoneProfile> | ReturnType<typeof parseAgencyInput>) => (r.ok ? [] : r.errors.map((e) => e.message));

describe("zod issues → Chinese field list", () => {
  it("a negative count: 应为非负整数，收到 -3", () => {
    expect(messages(parseZoneProfile({ zone: { serviceInstitutions: -3 } }))).toEqual(["zone.serviceInstitutions：应为非负整数（例如 25），或一个范围 {\"min\": 20, \"max\": 25}，收到 -3"]);
  });

  it("a fractional count is refused the same way", () => {
    expect(messages(parseAgencyInput({ year: 2021, agency: {}, pledgeLoans: 2.5 }))).toEqual(["pledgeLoans：应为非负整数（例如 25），或一个范围 {\"min\": 20, \"max\": 25}，收到 2.5"]);
  });

  it("an unknown enum value lists the allowed values with their labels", () => {
    const [m] = messages(parseZoneProfile({ carrier: { type: "park" } }));
    expect(m).toContain("carrier.type：应为以下之一：sci-tech-service-center（科创服务中心）、incubator（科技企业孵化器）");
    expect(m).toContain("other（其他载体），收到 \"park\"");
  });

  it("an enum inside a list names its index", () => {
    expect(messages(parseZoneProfile({ zone: { services: ["patent", "lawyer"] } }))[0]).toMatch(/^zone\.services\[1\]：应为以下之一：patent（专利）/);
  });

  it("an impossible date: 应为日期，格式 YYYY-MM-DD", () => {
    expect(messages(parseZoneProfile({ asOf: "2021-02-30" }))).toEqual(["asOf：应为日期，格式 YYYY-MM-DD（例如 2026-11-22），收到 \"2021-02-30\""]);
  });

  it("a wrong type: boolean given as text", () => {
    expect(messages(parseZoneProfile({ zone: { industryAdvantage: "是" } }))).toEqual(["zone.industryAdvantage：应为 true 或 false，收到 \"是\""]);
  });

  it("an unknown key names the key and suggests the near one", () => {
    expect(messages(parseZoneProfile({ zone: { servises: [] } }))[0]).toBe(
      "zone.servises：不认识的字段（是否想写 services？可用字段：name、areaType、coreAreaSqm、serviceInstitutions、services、industryAdvantage、ipManagementSystem）",
    );
  });

  it("a required field left out: 缺少此项", () => {
    expect(messages(parseAgencyInput({ agency: {} }))).toEqual(["year：缺少此项，应为测算年度，2000–2100 之间的整数（例如 2021）"]);
  });

  it("every bad field is listed, not only the first", () => {
    const r = parseZoneProfile({
      jurisdiction: "shanghai",
      asOf: "tomorrow",
      carrier: { ownership: "public" },
      zone: { serviceInstitutions: -3, coreAreaSqm: "big" },
      extra: true,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(["jurisdiction", "asOf", "carrier.ownership", "zone.coreAreaSqm", "zone.serviceInstitutions", "extra"]);
    expect(formatInputErrorList(r.errors)).toMatch(/^输入有误（共 6 处）：\n  - jurisdiction：/);
  });

  it("a whole input that is not an object", () => {
    const r = parseInput(agencyInputSchema, [1, 2]);
    expect(messages(r)[0]).toMatch(/^（整个输入）：应为对象（字段：jurisdiction、year、/);
  });

  it("a valid profile parses to its typed value", () => {
    const r = parseInput(zoneProfileSchema, { jurisdiction: "zibo", zone: { serviceInstitutions: 3 } });
    expect(r).toEqual({ ok: true, value: { jurisdiction: "zibo", zone: { serviceInstitutions: 3 } } });
  });

  it("an estimate without jurisdiction is Zibo's; zhejiang, whose policy has none, is refused naming the one that has", () => {
    const ok = parseAgencyInput({ year: 2021, asOf: "2021-06-30", agency: {} });
    expect(ok.ok && estimateSupport(ok.value).policy.id).toBe("zb2020");
    const zj = parseAgencyInput({ jurisdiction: "zhejiang", year: 2021, agency: {} });
    expect(() => zj.ok && estimateSupport(zj.value)).toThrow(/浙江省的政策没有机构资助测算；可测算的地区：zibo（淄博市）/);
    expect(messages(parseAgencyInput({ jurisdiction: "hangzhou", year: 2021, agency: {} }))[0]).toContain("jurisdiction：应为以下之一：zhejiang（浙江省）、zibo（淄博市）");
  });
});
