import { describe, expect, it } from "vitest";
import { formatClause } from "../src/knowledge/citation.ts";
import { CONDITION_STATUS_LABELS } from "../src/drafting/condition-results.ts";
import { PLACEHOLDER_PREFIX } from "../src/drafting/document-model.ts";
import { draftApplication, type DraftFile, type DraftResult } from "../src/drafting/draft-application.ts";
import { FACT_PLACEHOLDERS } from "../src/drafting/profile-facts.ts";
import type { CheckResult } from "../src/rules/rule-result.types.ts";
import type { ZoneProfile } from "../src/rules/zone-profile.schema.ts";
import { checkProfile, comparableText, docxPart, docxText, loadProfile, TOOL_WORDING, type FixtureName } from "./drafting-fixtures.ts";

const NOW = new Date("2026-11-22T02:00:00Z");

interface Drafted {
  profile: ZoneProfile;
  check: CheckResult;
  result: DraftResult;
  form: DraftFile;
  plan: DraftFile;
  report: DraftFile;
  /** .docx read back as text, by kind */
  text: Record<DraftFile["kind"], string>;
}

async function draft(name: FixtureName, opts: Parameters<typeof draftApplication>[2] = {}, edit?: (p: ZoneProfile) => ZoneProfile): Promise<Drafted> {
  const base = loadProfile(name);
  const profile = edit ? edit(base) : base;
  const check = checkProfile(profile);
  const result = await draftApplication(profile, check, { now: NOW, ...opts });
  const edition = opts.editions?.[0] ?? "applicant";
  const byKind = (k: DraftFile["kind"]) => result.files.find((f) => f.kind === k && f.edition === edition)!;
  const text = Object.fromEntries(
    await Promise.all(result.files.filter((f) => f.edition === edition).map(async (f) => [f.kind, await docxText(f.docx)] as const)),
  ) as Drafted["text"];
  return { profile, check, result, form: byKind("application-form"), plan: byKind("construction-plan"), report: byKind("precheck-report"), text };
}

const ph = (what: string) => `${PLACEHOLDER_PREFIX}${what}】`;

describe("Zhejiang zone with every fact given (eligible)", async () => {
  const d = await draft("zhejiang-full");
  const a = d.profile.applicant!;

  it("the application form carries the applicant's and the zone's facts", () => {
    for (const fact of [a.name!, a.creditCode!, a.contactName!, a.contactPhone!, a.address!, d.profile.zone!.name!]) {
      expect(d.text["application-form"]).toContain(fact);
    }
    expect(d.text["application-form"]).toContain("科技企业孵化器");
    expect(d.text["application-form"]).toContain("民营");
    expect(d.text["application-form"]).toContain("高新技术特色小镇");
    expect(d.text["application-form"]).toContain("1680平方米");
    expect(d.text["application-form"]).toContain("26家");
  });

  it("no 【待补充】 appears for a fact the profile gives, in any document", () => {
    for (const what of Object.values(FACT_PLACEHOLDERS)) {
      if (what.startsWith("区县")) continue; // county facts are Zibo's; this profile has none
      for (const kind of ["application-form", "construction-plan", "precheck-report"] as const) {
        expect(d.text[kind], `${kind}: ${what}`).not.toContain(ph(what));
      }
    }
  });

  it("lists every 第六条 condition with its clause and result in the form and the report", () => {
    expect(d.check.conditions.map((c) => c.id)).toEqual(["zj2018:6.1", "zj2018:6.2", "zj2018:6.3", "zj2018:6.4"]);
    for (const c of d.check.conditions) {
      for (const kind of ["application-form", "precheck-report"] as const) {
        expect(d.text[kind]).toContain(formatClause(c.id));
        expect(d.text[kind]).toContain(c.label);
      }
    }
    expect(d.text["application-form"]).toContain("自查结论：符合申报条件。");
  });

  it("leaves the 设区市 recommendation for the bureau to sign and stamp, and the commitment in the applicant's name", () => {
    const t = d.text["application-form"];
    expect(t).toContain("设区市知识产权主管部门推荐意见");
    // the address names 杭州市: the recommender is that city's bureau, the approver the province's
    expect(t).toContain("推荐单位：杭州市知识产权局");
    expect(t).toContain("杭州市知识产权局推荐意见：");
    expect(t).toContain("浙江省知识产权局审核意见：");
    expect(t).toContain("（盖章）");
    expect(t).toContain("年　　月　　日");
    expect(t).toContain("申报材料真实性承诺书");
    expect(t).toContain(`本单位${a.name}申报${d.profile.zone!.name}`);
    expect(t).toContain(`承诺单位（盖章）：${a.name}`);
  });

  it("prints one date, the profile's asOf, as 填报日期 and as the self-check's base date", async () => {
    const later = await draft("zhejiang-full", { now: new Date("2027-03-01T02:00:00Z") });
    expect(later.result.date).toBe("2026-11-22");
    expect(later.text["application-form"]).toContain("填报日期：2026年11月22日");
    expect(later.text["application-form"]).toContain("自查基准日2026年11月22日，与填报日期相同");
    expect(later.text["construction-plan"]).toContain("编制日期：2026年11月22日");
    expect(later.text["precheck-report"]).toContain("2026年11月22日（即填报日期）");
    for (const kind of ["application-form", "construction-plan", "precheck-report"] as const) expect(later.text[kind]).not.toContain("2027年");
  });

  it("states the evidence in the self-check, not the condition again", () => {
    const t = d.text["application-form"];
    expect(t).toContain("载体类型：科技企业孵化器；单位性质：民营");
    expect(t).toContain("现有知识产权服务机构26家（要求20家以上）；核心区面积1680平方米（要求不少于1000平方米）");
    expect(t).toContain("知识产权门类3/3；服务类型6/6");
    expect(t).toContain("证明材料：入驻知识产权服务机构名单及营业执照、入驻协议");
  });

  it("shows 第六条（三） as a grid of IP kinds × service kinds", () => {
    const md = d.form.markdown;
    expect(md).toContain("| 知识产权门类＼服务类型 | 代理 | 法律 | 信息 | 商用化 | 咨询 | 培训 |");
    for (const kind of ["专利", "商标", "版权"]) expect(md).toContain(`| ${kind} | √ | √ | √ | √ | √ | √ |`);
    expect(md).not.toMatch(/\d+类/);
  });

  it("reads the 县（市、区） from the address instead of asking for it", () => {
    expect(d.form.markdown).toContain("| 所在县（市、区） | 西湖区 |");
    expect(d.plan.markdown).toContain("位于杭州市西湖区");
  });

  it("the review edition of the plan maps every item of 第四条 and 第七条 to a task, and names the 第十五条 items it answers", async () => {
    const review = await draft("zhejiang-full", { editions: ["review"] });
    const t = review.text["construction-plan"];
    for (const id of ["zj2018:4.1", "zj2018:4.2", "zj2018:4.3", "zj2018:4.4", "zj2018:7.1", "zj2018:7.2", "zj2018:7.3", "zj2018:7.4", "zj2018:7.5", "zj2018:7.6"]) {
      expect(t).toContain(formatClause(id));
    }
    for (const s of ["一、基本情况", "二、建设目标", "三、主要任务", "四、重点项目", "五、保障措施", "六、进度安排"]) expect(t).toContain(s);
    expect(t).toContain("（对应条款：第十三条；第十二条；第十五条（二））");
    expect(t).toContain("第十五条（一）");
    expect(t).toContain("第十五条（三）");
  });

  it("the plan's indicator table starts from the facts given and leaves targets to the applicant", () => {
    const md = d.plan.markdown;
    expect(md).toMatch(/\| 机构 \| 入驻知识产权服务机构（家） \| 26 \| 【待补充】 \| 20家以上（第六条（三）） \|/);
    expect(md).toMatch(/\| 服务 \| 服务覆盖（门类） \| 9\/9 \| 保持全部覆盖 \|/);
    for (const cat of ["机构", "人才", "服务", "平台"]) expect(md).toContain(`| ${cat} |`);
  });

  it("the report lists every 第九条 item with who supplies it and says the trial measures have no end date", () => {
    const t = d.text["precheck-report"];
    for (const id of ["zj2018:9.1", "zj2018:9.2", "zj2018:9.3", "zj2018:9.4", "zj2018:9.5"]) expect(t).toContain(formatClause(id));
    expect(t).toContain("设区市知识产权主管部门的推荐意见");
    expect(t).toContain("待出具");
    expect(t).toMatch(/初稿已拟，待补充\d+处/);
    expect(t).toContain("附于《申报书》末，待签字盖章");
    expect(t).toContain("审核意见（设区市知识产权主管部门填写）");
    expect(t).toContain("审核人（签字）");
    expect(t).toContain("未规定截止日期");
    expect(t).toContain("无。申报条件所需的信息均已填报。");
  });
});

describe("Zhejiang zone with facts missing and a core area too small", async () => {
  const d = await draft("zhejiang-partial");

  it("puts a placeholder where a fact is missing, and none where it is given", () => {
    const t = d.text["application-form"];
    const open = d.form.placeholders;
    for (const fact of [FACT_PLACEHOLDERS.creditCode, FACT_PLACEHOLDERS.ownership, FACT_PLACEHOLDERS.industryAdvantage, FACT_PLACEHOLDERS.contactPhone]) {
      expect(open).toContain(fact);
    }
    // in a labelled cell the label says what is missing: 【待补充】 alone, no double colon
    expect(d.form.markdown).toContain("| 统一社会信用代码 | 【待补充】 |");
    expect(t).toContain(ph(FACT_PLACEHOLDERS.industryAdvantage));
    for (const fact of [FACT_PLACEHOLDERS.applicantName, FACT_PLACEHOLDERS.carrierType, FACT_PLACEHOLDERS.coreArea]) expect(open).not.toContain(fact);
    expect(t).toContain("众创空间");
    expect(t).toContain("820平方米");
  });

  it("reports the shortfall of 第六条（三） with its gap, and does not call the zone eligible", () => {
    const c63 = d.check.conditions.find((c) => c.id === "zj2018:6.3")!;
    expect(c63.status).toBe("not-met");
    expect(d.text["precheck-report"]).toContain("暂不符合申报条件");
    expect(d.text["precheck-report"]).toContain(CONDITION_STATUS_LABELS["not-met"]);
    expect(d.text["construction-plan"]).toContain(`对照${formatClause("zj2018:6.3")}（${c63.label}），尚不符合。`);
    expect(d.text["application-form"]).toContain("核心区面积820平方米（要求不少于1000平方米）");
  });

  it("lists the facts the rules still need in the report", () => {
    const missing = d.check.conditions.flatMap((c) => c.missing ?? []);
    expect(missing.length).toBeGreaterThan(0);
    expect(d.text["precheck-report"]).toContain("影响申报条件判断的信息");
    expect(d.report.placeholders.length).toBe(new Set(missing).size);
  });
});

describe("Zibo zone with every fact given, checked inside the trial year", async () => {
  const d = await draft("zibo-full");

  it("is the 淄博市 form with the 区县 recommendation and the county's three facts", () => {
    const t = d.text["application-form"];
    expect(t).toContain("淄博市知识产权服务业集聚发展示范区");
    expect(t).toContain("申报书");
    expect(t).toContain("区县知识产权管理部门推荐意见");
    expect(t).toContain("具备比较健全的知识产权管理机制");
    expect(t).toContain("有明确的知识产权服务业发展规划");
    expect(t).toContain("有保障知识产权服务业发展的扶持政策");
    expect(t).toContain("淄博市知识产权事业发展中心：");
    expect(d.form.placeholders).not.toContain(FACT_PLACEHOLDERS.countyPlan);
  });

  it("the plan covers 第六条（一）–（七）, with 专利清零, 专利倍增, 对标找差 and the three 托管 modes", async () => {
    const review = await draft("zibo-full", { editions: ["review"] });
    const t = review.text["construction-plan"];
    for (let i = 1; i <= 7; i++) expect(t).toContain(formatClause(`zb2020:6.${i}`));
    for (const s of ["“专利清零”行动", "“专利倍增”行动", "“对标找差”行动", "实施知识产权托管工程", "完全式、顾问式、单项式"]) expect(t).toContain(s);
    expect(t).toContain("（对应条款：第十一条；第十条；第十三条（二））");
    expect(t).toContain("第十三条（一）");
    // 第十三条（一） assesses 「各项工作落实情况」, not goals and indicators
    expect(t).toContain("（对应条款：第二条）");
    expect(t).not.toMatch(/建设目标\s*（对应条款：第十三条/);
  });

  it("speaks Zibo's words: 服务点（机构）, 所在区县 read from the address, the 区县 and 市中心 boxes", () => {
    const t = d.text["application-form"];
    expect(d.form.markdown).toContain("| 所在区县 | 张店区 |");
    expect(t).toContain("已有知识产权服务点（机构）6家（要求2家以上）");
    expect(t).toContain("张店区知识产权管理部门推荐意见：");
    expect(t).toContain("淄博市知识产权事业发展中心审核意见：");
    for (const kind of ["application-form", "construction-plan", "precheck-report"] as const) {
      expect(d.text[kind]).not.toContain("县（市、区）");
    }
  });

  it("the report lists 第七条 and 第八条 items and says the date is inside the trial year", () => {
    const t = d.text["precheck-report"];
    for (const id of ["zb2020:7.2", "zb2020:7.3", "zb2020:8.1"]) expect(t).toContain(formatClause(id));
    expect(t).toContain("试用期一年");
    expect(t).toContain("在试用期内");
    expect(d.check.verdict).toBe("eligible");
  });
});

describe("Zibo zone with facts missing, checked after the trial year", async () => {
  const d = await draft("zibo-partial");

  it("warns first that the one-year trial ended on 2021年8月24日", () => {
    expect(d.check.policy.status).toBe("trial-expired");
    expect(d.text["precheck-report"]).toContain("已于2021年8月24日届满");
    expect(d.text["precheck-report"]).toContain("确认该方案是否延续");
  });

  it("passes on the rules' other warnings (zone not in a preferred area)", () => {
    const areaWarning = d.check.warnings.find((w) => w.code === "area-not-preferred");
    expect(areaWarning).toBeDefined();
    expect(d.text["precheck-report"]).toContain(areaWarning!.message);
  });

  it("names the services still lacking in the plan's coverage target", () => {
    expect(d.plan.markdown).toContain("补齐地理标志、植物新品种、专利检索分析、导航预警、评议评估、转移转化、托管");
  });

  it("leaves placeholders for the county facts not given, not for the one given", () => {
    const t = d.text["application-form"];
    expect(t).toContain("具备比较健全的知识产权管理机制");
    expect(d.form.placeholders).toContain(FACT_PLACEHOLDERS.countyPlan);
    expect(d.form.placeholders).toContain(FACT_PLACEHOLDERS.countyPolicies);
    expect(d.form.placeholders).not.toContain(FACT_PLACEHOLDERS.countyMechanism);
    expect(d.form.markdown).toContain("| 区县知识产权服务业发展规划 | 【待补充】 |");
  });
});

describe("the Word files", async () => {
  const d = await draft("zhejiang-full");

  it("are A4 portrait with 黑体 headings and 仿宋 body set as East Asian fonts", async () => {
    for (const f of d.result.files) {
      const xml = await docxPart(f.docx);
      expect(xml).toMatch(/<w:pgSz[^>]*w:w="11906"[^>]*w:h="16838"/);
      expect(xml).toContain('w:eastAsia="黑体"');
      expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    }
    const styles = await docxPart(d.form.docx, "word/styles.xml");
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
  });

  it("draw tables with single borders and print 一、（一）1． numbering", async () => {
    const xml = await docxPart(d.plan.docx);
    expect(xml).toMatch(/<w:tcBorders>.*?<w:top w:val="single"/s);
    expect(d.text["construction-plan"]).toContain("一、基本情况");
    expect(d.text["construction-plan"]).toContain("（一）依托单位概况");
    const zibo = await draft("zibo-full");
    expect(zibo.text["construction-plan"]).toContain("（七）开展“专利清零”“专利倍增”“对标找差”等行动");
    expect(zibo.text["construction-plan"]).toContain("1．“专利清零”行动");
  });

  it("carry the same text as the Markdown", async () => {
    for (const name of ["zhejiang-full", "zhejiang-partial", "zibo-full", "zibo-partial"] as const) {
      const x = await draft(name);
      for (const f of x.result.files) {
        expect(comparableText(x.text[f.kind]), `${name} ${f.name}`).toBe(comparableText(f.markdown));
      }
    }
  });

  it("have Chinese file names by default and ASCII ones on request", async () => {
    expect(d.result.files.map((f) => f.fileNames.docx)).toEqual(["申报书.docx", "建设工作方案.docx", "材料清单与预审报告.docx"]);
    const ascii = await draftApplication(d.profile, d.check, { now: NOW, asciiNames: true });
    expect(ascii.files.map((f) => f.fileNames.md)).toEqual(["application-form.md", "construction-plan.md", "checklist-precheck-report.md"]);
    const both = await draftApplication(d.profile, d.check, { now: NOW, editions: ["applicant", "review"] });
    expect(both.files.map((f) => f.name)).toEqual([
      "申报书", "建设工作方案", "材料清单与预审报告", "申报书（审核版）", "建设工作方案（审核版）", "材料清单与预审报告（审核版）",
    ]);
  });
});

describe("re-drafting a returned application", async () => {
  const first = await draft("zhejiang-partial");
  const second = await draft(
    "zhejiang-partial",
    { revision: 2, returnNotes: ["核心区面积不足1000平方米", "缺少统一社会信用代码"] },
    (p) => ({ ...p, applicant: { ...p.applicant, creditCode: "91330201MA2GXXXXXX" }, zone: { ...p.zone, coreAreaSqm: 1050 } }),
  );

  it("fills the corrected facts and drops their placeholders", () => {
    expect(first.form.placeholders).toContain(FACT_PLACEHOLDERS.creditCode);
    expect(second.form.placeholders).not.toContain(FACT_PLACEHOLDERS.creditCode);
    expect(second.text["application-form"]).toContain("91330201MA2GXXXXXX");
    expect(second.text["application-form"]).toContain("1050平方米");
    expect(second.form.placeholders.length).toBe(first.form.placeholders.length - 1);
  });

  it("says which submission it is and prints staff's return notes", () => {
    const t = second.text["precheck-report"];
    expect(t).toContain("第2次");
    expect(t).toContain("核心区面积不足1000平方米");
    expect(second.report.placeholders).toContain("针对退回意见的逐条修改说明");
    expect(first.text["precheck-report"]).not.toContain("退回意见");
  });
});

describe("documents a bureau reads", async () => {
  const drafted = await Promise.all((["zhejiang-full", "zhejiang-partial", "zibo-full", "zibo-partial"] as const).map((n) => draft(n)));

  it("never speak of the tool, its commands or file names", () => {
    for (const d of drafted) {
      for (const [kind, t] of Object.entries(d.text)) {
        for (const w of TOOL_WORDING) expect(t, `${kind}: ${w}`).not.toMatch(w);
      }
    }
  });

  it("have no double colons, no spaced or grouped numbers, and no 「建设成为：」 or 「位于科技城」", () => {
    for (const d of drafted) {
      for (const [kind, t] of Object.entries(d.text)) {
        expect(t, kind).not.toMatch(/：【待补充：/);
        expect(t, kind).not.toMatch(/：：|缺少：[^。]*：/);
        expect(t, kind).not.toMatch(/\d,\d{3}/);
        expect(t, kind).not.toMatch(/[\u4e00-\u9fff] \d|\d [\u4e00-\u9fff]/);
        expect(t, kind).not.toContain("建设成为：");
        expect(t, kind).not.toMatch(/位于(高新园区|科技城|高新技术特色小镇|创新创业园区)/);
      }
    }
  });

  it("keep 「（对应条款：…）」 out of the applicant's edition and in the review edition", async () => {
    for (const d of drafted) for (const t of Object.values(d.text)) expect(t).not.toContain("对应条款");
    const review = await draft("zhejiang-full", { editions: ["review"] });
    expect(review.text["application-form"]).toContain("（对应条款：第六条（三））");
    expect(review.text["construction-plan"]).toContain("任务与条款对照");
  });

  it("the report's count of open items equals the highlighted places in the form and the plan", async () => {
    for (const d of drafted) {
      for (const [file, title] of [[d.form, "《申报书》"], [d.plan, "《建设工作方案》"]] as const) {
        const xml = await docxPart(file.docx);
        const highlighted = (xml.match(/<w:highlight w:val="yellow"\/>/g) ?? []).length;
        expect(highlighted).toBe(file.placeholders.length);
        if (highlighted === 0) continue;
        expect(d.text["precheck-report"]).toContain(`共${highlighted}处，在${title}中以【待补充】标出`);
      }
    }
  });
});

describe("a count and an area known only as ranges", async () => {
  // {min, max} as the uncertain-facts input gives them; the form takes one number, so the exact one is left to fill in.
  const d = await draft("zhejiang-full", {}, (p) => ({ ...p, zone: { ...p.zone, serviceInstitutions: { min: 20, max: 25 }, coreAreaSqm: { min: 900, max: 1100 } } }) as unknown as ZoneProfile);

  it("prints the range as given and highlights the exact figure still to give", () => {
    expect(d.form.markdown).toContain("| 现有知识产权服务机构 | 20至25家（确切数字【待补充】） |");
    expect(d.form.markdown).toContain("核心区面积 | 900至1100平方米（确切数字【待补充】）");
    expect(d.form.placeholders).toContain(`${FACT_PLACEHOLDERS.institutions}（确切数字）`);
    expect(d.text["application-form"]).toContain("现有知识产权服务机构20至25家（要求20家以上）");
    expect(d.text["construction-plan"]).not.toContain("[object Object]");
  });
});
