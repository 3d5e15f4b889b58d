/**
 * Round 9p: facts told year by year are estimated year by year (第九条's caps hold per year); a year told in the
 * asker's story is no date asked; 个 counts service offices (「只有1个服务点」); a message whose every ask is
 * answered is not refused for a place name in its story. Questions written fresh from the two texts; none is in a set.
 */
import { describe, expect, it } from "vitest";
import { applyOwnNumbers } from "../src/answer/apply-own-numbers.ts";
import { applyEnglishOwnNumbers } from "../src/answer/english-own-numbers.ts";
import { englishYearStretches, yearStretches } from "../src/answer/facts-by-year.ts";
import { useOfflineAnswerer } from "./support/offline-answerer.ts";

describe("facts told year by year", () => {
  it("finds the stretches of each year, relative years counted from this one", () => {
    const told = yearStretches("我们所去年胜诉3件，今年胜诉5件，一共能拿多少", 2026);
    expect(told?.stretches.map((s) => s.year)).toEqual([2025, 2026]);
    expect(told?.stretches[0]!.text).toBe("去年胜诉3件，");
    expect(told?.before).toBe("我们所");
    // One year named twice is one year's facts; none split.
    expect(yearStretches("2022年胜诉2件，2022年底又胜诉1件", 2026)).toBeUndefined();
    expect(yearStretches("2022年胜诉2件，能拿多少", 2026)).toBeUndefined();
  });

  it("applies the 20 万元 yearly cap to each year and adds the years", () => {
    const q = "我们机构2022年胜诉了6件涉外专利案件，2023年又胜诉了3件，淄博两年合计最多能拿多少？";
    const lines = applyOwnNumbers(q, ["zibo"], "2026-12-05")!.lines;
    // Pooled into one year the nine cases would meet a single cap of 20 万元.
    expect(lines[0]).toBe("测算结果：2022年、2023年合计最高 35 万元（350,000 元），按年度分别测算：");
    expect(lines.find((l) => l.startsWith("· 2022年"))).toContain("最高 20 万元");
    expect(lines.find((l) => l.startsWith("· 2023年"))).toContain("最高 15 万元");
    expect(lines.some((l) => l.startsWith("（2022年：") && l.includes("上限"))).toBe(true);
    // Room left in a year long over is no help to anyone.
    expect(lines.some((l) => l.startsWith("提示（2023年）"))).toBe(false);
  });

  it("reads 去年/今年 against today, and gives this year's room left", () => {
    const q = "去年我们办的涉外专利案件胜诉了3件，今年胜诉了2件，淄博的政策一共能支持多少？";
    const lines = applyOwnNumbers(q, ["zibo"], "2026-12-05")!.lines;
    expect(lines[0]).toContain("2025年、2026年合计最高 25 万元");
    expect(lines.some((l) => l.startsWith("提示（2026年）") && l.includes("10万元"))).toBe(true);
  });

  it("keeps the kind of case said once for the whole message", () => {
    const q = "2022年我们为区内企业代理的重大影响专利案件胜诉了1件，2023年胜诉了2件，最多能拿多少？";
    const lines = applyOwnNumbers(q, ["zibo"], "2026-12-05")!.lines;
    expect(lines[0]).toContain("合计最高 15 万元");
  });

  it("reads a later year's count whose noun the message named once", () => {
    const lines = applyOwnNumbers("去年我们做了3笔专利质押贷款，今年又做了2笔，淄博一共能支持多少？", ["zibo"], "2026-12-05")!.lines;
    expect(lines[0]).toBe("测算结果：2025年、2026年合计最高 5 万元（50,000 元），按年度分别测算：");
    // Two kinds named: a bare count is neither.
    const mixed = applyOwnNumbers("去年做了3笔质押贷款，今年做了1笔证券化，能拿多少？", ["zibo"], "2026-12-05")!.lines;
    expect(mixed[0]).toContain("合计最高 13 万元");
  });

  it("reads cases told first and won after (「代理了3个涉外专利案子，全赢了」)", () => {
    const lines = applyOwnNumbers("我们所给区内企业代理了3个涉外专利案件，全部胜诉，淄博能补多少？", ["zibo"], "2026-12-05")!.lines;
    expect(lines[0]).toContain("最高 15 万元（3 × 50,000 = 150,000 元）");
  });

  it("estimates one year as before when only one year is named", () => {
    const lines = applyOwnNumbers("2022年我们胜诉了2件涉外专利案件，淄博能给多少？", ["zibo"], "2026-12-05")!.lines;
    expect(lines[0]).toMatch(/^测算结果：第九条（四）[^\n]*最高 10 万元/);
  });

  it("does the same in English, a later year's count without its noun read as the same cases", () => {
    expect(englishYearStretches("Last year we won 3 cases; this year we won 2.", 2026)?.stretches.map((s) => s.year)).toEqual([2025, 2026]);
    const q = "In 2022 we won 6 foreign-related patent cases and in 2023 we won 3. How much can we get from Zibo in total?";
    const lines = applyEnglishOwnNumbers(q, ["zibo"], "2026-12-05")!.lines;
    expect(lines[0]).toBe("Up to CNY 350,000 in total for 2022 and 2023, year by year:");
    expect(lines[1]).toMatch(/^· 2022: up to CNY 200,000/);
    expect(lines[2]).toMatch(/^· 2023: up to CNY 150,000/);
  });

  it("reads no year as the amount hoped for", () => {
    const lines = applyEnglishOwnNumbers("In 2022 we won 2 foreign-related patent cases. How much can we get from Zibo?", ["zibo"], "2026-12-05")!.lines;
    expect(lines[0]).toMatch(/^Up to CNY 100,000/);
  });

  const { answerer } = useOfflineAnswerer();

  it("answers in chat with the yearly sum and each year's line", async () => {
    const r = await answerer().answer("我们机构2022年胜诉了4件重大影响的专利案件，2023年又胜诉了2件，淄博两年合计最多能拿多少？");
    expect(r.refused, r.text).toBe(false);
    expect(r.citations[0]).toBe("zb2020:9.4");
    expect(r.text).toMatch(/^测算结果：2022年、2023年合计最高 30 万元/);
  });
});

describe("the asker's story", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("does not read a year in the story as a date asked", async () => {
    const r = await answerer().answer("我们所2021年帮企业打赢了2起涉外专利案件，按淄博的政策最多能给多少？");
    expect(r.refused, r.text).toBe(false);
    expect(r.text.split("\n\n")[0]).toContain("最高 10 万元");
  });

  it("counts offices told with 个, and says how many are missing", async () => {
    expect(await opening("我们园区目前只入驻了1个知识产权服务点，够申报淄博的示范区吗？")).toContain("还差 1 家");
    // People are no offices.
    expect(applyOwnNumbers("我们有3个代理师，够申报淄博的示范区吗？", ["zibo"], "2026-12-05")?.lines.join("")).not.toContain("服务点");
  });

  it("answers every ask of a message whose story names a place the texts do not", async () => {
    const r = await answerer().answer("园区在周村，不大，入驻的知识产权服务点就俩🙃 淄博的门槛是几家机构？我们这俩够不够");
    expect(r.refused, r.text).toBe(false);
    expect(r.text.split("\n\n")[0]).toMatch(/2 家，不少于 2 家/);
  });
});

describe("asks read from everyday speech", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("says a kind pointed back to (这种) is among the listed kinds", async () => {
    const q = "我们镇上就一个科技企业孵化器，想申报浙江省的示范区，这种可以做依托单位吗？";
    expect(await opening(q)).toMatch(/^就类型而言可以：“科技企业孵化器”属于这一项所列的类型/);
  });

  it("refuses to name firms the texts never name, saying what is missing", async () => {
    const r = await answerer().answer("淄博那个政银保专利权保险质押贷款，是跟哪家保险公司合作的？");
    expect(r.refused, r.text).toBe(true);
    expect(r.text).toContain("具体是哪家银行或机构");
    // The kind of lender the text does name is still answered.
    expect((await answerer().answer("淄博的专利质押贷款，哪些银行的算？")).refused).toBe(false);
  });

  it("reads money asked for in speech as an amount, and a yes/no about getting it twice as one", async () => {
    const r = await answerer().answer("所里有个小姑娘刚考下专利代理师证，在淄博示范区，能给点钱不？");
    expect(r.refused, r.text).toBe(false);
    expect(r.text.split("\n\n")[0]).toContain("1万元");
    expect(await opening("省级和国家级示范品牌都创成了，能重复领钱吗？")).not.toMatch(/^测算结果/);
  });
});

describe("a figure asked of both texts that one states nowhere", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("says the side without it has no such provision, not a clause that shares another word", async () => {
    const text = await opening("核心区面积这一条，浙江和淄博的要求一样不一样？");
    expect(text).toMatch(/^不一样。/);
    expect(text).toContain("浙江省（省级）：核心区面积不少于1000平方米");
    expect(text).toContain("淄博市（市级）：淄博市建设方案没有这方面的规定。");
  });

  it("says Zhejiang states no amount when an amount is asked of both, the answered side's clause retrieved first", async () => {
    const r = await answerer().answer("服务机构完成一笔知识产权证券化，浙江和淄博各奖励多少钱？");
    expect(r.refused, r.text).toBe(false);
    expect(r.text).toContain("浙江省（省级）：浙江省管理办法没有这方面的规定。");
    expect(r.text).toMatch(/淄博市（市级）：[^\n]*10 万元/);
    expect(r.retrieved[0]).toBe("zb2020:9.1");
  });
});

describe("a recognition that is not the zone, and an interval asked with 隔", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("refuses a recognition the texts never write, naming it, whatever clause counts the same thing", async () => {
    const r = await answerer().answer("想申请科技型中小企业评定，需要几件发明专利？");
    expect(r.refused, r.text).toBe(true);
    expect(r.text).toContain("“科技型中小企业评定”");
    const place = await answerer().answer("淄博市高新技术企业认定能给多少补贴？");
    expect(place.refused).toBe(true);
    expect(place.text).toContain("“高新技术企业认定”");
    // A place before 认定 says where, not which programme: a zone in it is the zone's own recognition.
    expect((await answerer().answer("淄博园区认定为优秀的话，有什么好处？")).refused).toBe(false);
  });

  it("still answers the zone's own recognition", async () => {
    expect(await opening("淄博的示范区认定要交哪些材料？")).not.toContain("没有写到");
  });

  it("reads 隔多久 as the interval asked", async () => {
    expect(await opening("淄博的示范区隔多长时间认定一回？")).toContain("每年度认定一次");
    expect(await opening("浙江示范区每隔多久考核？")).toContain("每两年考核一次");
  });
});

describe("what a body does, and what good something brings", () => {
  const { opening } = useOfflineAnswerer();

  it("answers a body's role from the clause where it acts, not the texts' purpose", async () => {
    const text = await opening("淄博示范区申报过程中，区县知识产权管理部门扮演什么角色？");
    expect(text).toContain("区县知识产权管理部门");
    expect(text).not.toContain("第二条");
    // The purpose of the zone itself is still its purpose.
    expect(await opening("浙江建示范区想起什么作用？")).toMatch(/（第[一二]条）/);
  });

  it("reads 有啥好事 as a gain asked", async () => {
    expect(await opening("淄博园区认定为优秀的话，有什么好事？")).toMatch(/优先推荐/);
  });
});

describe("where something is handed in, and English modifiers that add nothing", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("reads 交到啥地方 as to whom, answered by the clause that says it", async () => {
    expect(await opening("浙江的示范区申报书第一步要先送到啥地方？")).toContain("设区市");
    expect(await opening("淄博示范区的申报申请报到哪儿？")).toContain("区县知识产权管理部门");
  });

  it("reads 「existing」 agencies as agencies", async () => {
    const r = await answerer().answer("How many existing IP service agencies does a Zibo zone need at minimum?");
    expect(r.refused, r.text).toBe(false);
    expect(r.text.split("\n\n")[0]).toMatch(/\b2\b/);
  });
});

describe("a classifier cut off its numeral", () => {
  const { opening } = useOfflineAnswerer();

  it("reads 做成一单 as one deal, not a word of the texts", async () => {
    expect(await opening("淄博那边，服务机构做成一单知识产权证券化能拿多少？")).toMatch(/10 ?万元/);
    // Spaces the tagger drops do not shift where the classifier stands.
    expect(await opening("淄博那边 服务机构 做成一单 知识产权证券化 能拿多少？")).toMatch(/10 ?万元/);
  });
});

describe("rough figures of the asker's own", () => {
  const { answerer } = useOfflineAnswerer();
  const zj = (q: string) => applyOwnNumbers(q, ["zhejiang"], "2026-12-05")?.lines ?? [];

  it("reads 十来家, 十几个, 一百来平 and 1000平左右 as ranges, says so, and checks them", () => {
    const few = zj("园区里现在有十来家知识产权服务机构，够申报浙江的吗？");
    expect(few[0]).toBe("浙江省：按第六条（三），现有知识产权服务机构 9–11 家，少于 20 家，还差 9–11 家服务机构，暂不满足。");
    expect(few).toContain("（「十来家」按约数记为 9–11。）");
    const small = zj("我们的核心区一百来平，浙江的面积要求够不够？");
    expect(small[0]).toContain("核心区面积 90–110 平方米，少于 1,000 平方米");
    // 左右 after the unit is no exact 1000平.
    expect(zj("核心区1000平左右，够浙江的面积要求吗？")[0]).toContain("900–1,100 平方米");
  });

  it("says a rough figure on both sides of the threshold settles nothing yet", () => {
    const lines = zj("我们园区二十来家服务机构，够浙江的门槛吗？");
    expect(lines[0]).toContain("18–22 家");
    expect(lines[0]).toContain("还不能确定是否达到，请核实确切数字");
  });

  it("reads 「about 20 agencies」 in English as a range too", () => {
    const lines = applyEnglishOwnNumbers("Is about 20 agencies enough for a Zhejiang zone?", ["zhejiang"], "2026-12-05", true)!.lines;
    expect(lines[0]).toContain("you have 18–22 — whether that is enough depends on the exact figure");
    expect(lines[0]).not.toMatch(/^(Yes|No)/);
    const few = applyEnglishOwnNumbers("We have about 10 agencies, how many more do we need for Zhejiang?", ["zhejiang"], "2026-12-05")!.lines;
    expect(few[0]).toContain("you have 9–11, 9–11 more needed");
  });

  it("does not check a count told as the story of another ask", async () => {
    const r = await answerer().answer("我们镇上有十来家知识产权服务机构，听说浙江的示范区也能布局在高新技术特色小镇，是真的吗？");
    expect(r.refused, r.text).toBe(false);
    expect(r.text.split("\n\n")[0]).not.toContain("9–11");
  });
});
