/**
 * Round 9l: Cantonese grammar words; who-knows with an object; chatter before an ask that uses the texts'
 * words; 好几 is no question; 「差在哪」 asks which respect; what 是 asks of one member of an enumeration; a
 * wait (「多久能批下来」) is no period the texts state; a step named by its place; 「真的假的」; 贯标.
 * Questions written fresh from the two texts; none is in a set.
 */
import { describe, expect, it } from "vitest";
import { readSpokenForms } from "../src/answer/spoken-forms.ts";
import { questionKindTerms } from "../src/retrieval/answer-kinds.ts";
import { situationSpans } from "../src/retrieval/message-clauses.ts";
import { useOfflineAnswerer } from "./support/offline-answerer.ts";

const spans = (q: string): string[] => situationSpans(q).map(([a, b]) => q.slice(a, b).trim());

describe("Cantonese grammar words", () => {
  const { opening } = useOfflineAnswerer();

  it("are read as the written words", async () => {
    expect(readSpokenForms("我哋系唔系要冇恶意非正常申请先得㗎")).toBe("我们是不是要没有恶意非正常申请先得");
    expect(readSpokenForms("嗰个示范区要几多间机构")).toBe("那个示范区要多少家机构");
    expect(await opening("淄博示范区要有几多间服务机构先可以申报㗎？")).toContain("2家以上");
  });
});

describe("asking the crowd", () => {
  const { answerer } = useOfflineAnswerer();

  it("with an object names what is asked for", async () => {
    const r = await answerer().answer("浙江示范区申报材料交到哪个窗口 有没有人知道窗口电话");
    expect(r.refused).toBe(true);
    expect(r.text).toContain("窗口");
  });
});

describe("chatter before an ask", () => {
  const { answerer } = useOfflineAnswerer();

  it("is dropped when the ask uses the texts' words of its own", async () => {
    const r = await answerer().answer("等得心慌：淄博示范区的申报书交给区县还是直接交市里？");
    expect(r.refused).toBe(false);
    expect(r.citations.some((c) => c.startsWith("zb2020:7"))).toBe(true);
  });

  it("好几 says several, it asks nothing", () => {
    expect(spans("浙江示范区多久考核一次 我看好几家都评上了")).toEqual(["我看好几家都评上了"]);
  });
});

describe("「差在哪」", () => {
  const { opening } = useOfflineAnswerer();

  it("asks which respect falls short, not for a place", async () => {
    expect(questionKindTerms("申报浙江示范区差在哪")).not.toContain("#location");
    expect(questionKindTerms("省知识产权局在哪")).toContain("#location");
    expect(await opening("我们园区有22家服务机构，核心区800平方米，申报浙江示范区差在哪？")).toContain("差 200 平方米");
  });
});

describe("what 是 asks of one member of an enumeration", () => {
  const { opening } = useOfflineAnswerer();

  it("is looked for in that member, not in a neighbour's", async () => {
    expect(await opening("淄博的专利托管，单项式是不是把全部专利事务都交给机构？")).not.toMatch(/^是。/);
    expect(await opening("淄博的专利托管，完全式是不是将全部专利事务整包给服务机构？")).toMatch(/^是。/);
  });
});

describe("how long one waits", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("is a time limit neither text states", async () => {
    expect(questionKindTerms("浙江示范区报上去多久能批下来")).toEqual(["#wait"]);
    const r = await answerer().answer("淄博示范区申报后多久能出认定结果");
    expect(r.refused).toBe(true);
    expect(r.text).toContain("办理时限");
  });

  it("is not how often something is done, nor the trial period", async () => {
    expect(await opening("浙江示范区多久考核一次")).toContain("每两年考核一次");
    expect(await opening("淄博示范区建设方案试用期多长")).toContain("试用期一年");
  });
});

describe("a step named by its place", () => {
  const { opening } = useOfflineAnswerer();

  it("asks about the procedure", async () => {
    expect(await opening("想申报淄博示范区，第一步干什么？")).toContain("申报书");
  });
});

describe("a rumour put to the reader", () => {
  const { answerer } = useOfflineAnswerer();

  it("(「真的假的」) asks whether it holds", async () => {
    expect(readSpokenForms("听说有加分，真的假的？")).toBe("听说有加分，是真的吗？");
    const r = await answerer().answer("听说淄博示范区建设能给区县年度考核加分，真的假的？");
    expect(r.refused).toBe(false);
    // a claim checked (round 9o): confirmed first
    expect(r.text.split("\n")[0]).toMatch(/^没错。.*加分/);
  });
});

describe("贯标", () => {
  const { answerer } = useOfflineAnswerer();

  it("is implementing the enterprise IP management standard", async () => {
    const r = await answerer().answer("淄博示范区需要推动企业贯标吗");
    expect(r.citations).toContain("zb2020:6.7");
    // a subsidy for it is still not in the texts
    expect((await answerer().answer("企业贯标有奖励吗")).refused).toBe(true);
  });
});

describe("both sides asked whether they have something", () => {
  const { opening } = useOfflineAnswerer();

  it("opens with the side that has it when only one does", async () => {
    // 「X方面的服务」: X is what is asked about, not the 服务 both texts name
    const plants = await opening("浙江跟淄博是不是都要求示范区能提供植物新品种方面的服务？");
    expect(plants).toMatch(/^只有淄博市（市级）有这方面的规定。/);
    expect(plants).toContain("浙江省管理办法没有这方面的规定");
    expect(await opening("服务需求里，浙江和淄博都要求有植物新品种方面的服务吗？")).toMatch(/^只有淄博市（市级）有。\n浙江省（省级）：没有。/);
    // a figure after 要求 is the threshold asked about, not the asker's count
    expect(await opening("浙江和淄博是不是都要求有20家服务机构")).toMatch(/^只有浙江省（省级）是这样。/);
    expect(await opening("浙江和淄博都给专利质押融资补贴吗")).toMatch(/^只有淄博市（市级）有这方面的规定。/);
    expect(await opening("浙江和淄博都要求核心区面积吗")).toMatch(/^只有浙江省（省级）有这方面的规定。/);
  });

  it("asked with a verb of stating (写了, 规定, 提到) asks whether a text has it", async () => {
    const { yesNoAsk } = await import("../src/answer/yes-no-ask.ts");
    expect(yesNoAsk("浙江的办法写了有效期吗？")).toEqual({ yes: "有", no: "没有" });
    expect(yesNoAsk("浙江办法提到专家评估吗")).toEqual({ yes: "有", no: "没有" });
    expect(await opening("浙江办法提到专家评估吗")).toMatch(/^有。/);
  });
});

describe("where", () => {
  const { answerer, opening } = useOfflineAnswerer();

  it("an office is, is a place the texts do not state", async () => {
    const r = await answerer().answer("淄博市知识产权事业发展中心在哪里");
    expect(r.refused).toBe(true);
    expect(r.text).toContain("地点或地址");
  });

  it("to hand an application in, is the body it goes to", async () => {
    expect(questionKindTerms("浙江示范区在哪儿申报")).toEqual(["#destination"]);
    expect(await opening("浙江示范区在哪儿申报")).toContain("向设区市知识产权局提出申报申请");
  });
});

describe("a wait asked in English", () => {
  const { answerer } = useOfflineAnswerer();

  it("is refused in English, naming what the texts do not state", async () => {
    const r = await answerer().answer("How long does it take to get the Zibo subsidy after applying?");
    expect(r.refused).toBe(true);
    expect(r.text).toMatch(/^Neither policy states a processing time/);
    expect((await answerer().answer("How often are Zhejiang zones assessed?")).text).toContain("once every two years");
  });
});
