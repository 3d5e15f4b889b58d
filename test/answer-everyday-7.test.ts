/**
 * Round 9i: chat framing around a question weighed as nothing without a turn marker (「求科普」
 * 「在线等挺急的」 use no word of the texts; 「有大佬知道吗」「谁知道…」 ask the crowd, not the texts), the
 * trade's short forms read whole (知产, 专代), 保住 as 保留 and 要是 as a conjunction, and a message whose
 * asks all rest on one clause answered ask by ask when the whole answer would leave one out.
 * Questions written fresh from the two texts; none is in a set.
 */
import { describe, expect, it } from "vitest";
import { readSpokenForms } from "../src/answer/spoken-forms.ts";
import { smallTalkSpans } from "../src/retrieval/message-clauses.ts";
import { useOfflineAnswerer } from "./support/offline-answerer.ts";

describe("chat framing around a question", () => {
  const { answerer } = useOfflineAnswerer();
  const ask = (q: string) => answerer().answer(q);

  it("a clause using no word of the texts is small talk while the rest names the domain", () => {
    const q = "求解答 淄博示范区申报要交什么材料 急用";
    expect(smallTalkSpans(q, undefined, (c) => !/求解答|急用/.test(c)).map(([a, b]) => q.slice(a, b).trim())).toEqual(["求解答", "急用"]);
    // Without a word of the domain left, the clause may be the topic itself (「年费减免」): kept.
    expect(smallTalkSpans("年费减免 淄博有补贴吗", undefined, () => false)).toEqual([]);
  });

  it("netspeak around the ask does not refuse it", async () => {
    const r = await ask("有大神知道吗 浙江示范区申报要交哪些材料 蹲一个");
    expect(r.refused).toBe(false);
    expect(r.citations.some((c) => c.startsWith("zj2018:9"))).toBe(true);
    const custody = await ask("你们谁知道淄博那个专利托管分几种方式啊 我看了半天没看懂");
    expect(custody.refused).toBe(false);
    expect(custody.text).toContain("完全式");
  });

  it("a topic in a clause of its own still decides: 年费 is not in the texts", async () => {
    expect((await ask("年费减免 淄博有补贴吗")).refused).toBe(true);
  });
});

describe("the trade's short forms", () => {
  it("知产 is 知识产权; 专代 the attorney before 证书, else the agency work", () => {
    expect(readSpokenForms("知产服务机构")).toBe("知识产权服务机构");
    expect(readSpokenForms("刚拿下专代证书")).toBe("刚拿下专利代理师证书");
    expect(readSpokenForms("专代资质")).toBe("专利代理资质");
    expect(readSpokenForms("做专代业务的")).toBe("做专利代理业务的");
  });

  const { answerer } = useOfflineAnswerer();
  it("are answered as the full terms", async () => {
    const r = await answerer().answer("我们园区现在有15家知产服务机构 想报浙江省级示范区 还差几家");
    expect(r.text.split("\n")[0]).toContain("还差 5 家");
    const cert = await answerer().answer("所里小李今年刚考下专代证书 淄博示范区给不给补贴");
    expect(cert.text.split("\n")[0]).toContain("1万元");
  });
});

describe("several asks resting on one clause", () => {
  const { answerer } = useOfflineAnswerer();
  const ask = (q: string) => answerer().answer(q);

  it("are answered ask by ask when the whole answer would leave one out", async () => {
    const r = await ask("淄博认定结果分几档，不合格会怎样？");
    expect(r.text).toMatch(/^您的问题有 2 问/);
    expect(r.text).toContain("三档");
    expect(r.text).toContain("限期整改");
    const both = await ask("淄博托管服务券最多给多少 新拿专代证书的又给多少");
    expect(both.text).toContain("5万元");
    expect(both.text).toContain("1万元");
  });

  it("stay one answer when it says everything, or when the asker's own numbers are worked out", async () => {
    const r = await ask("想报浙江省级示范区：服务机构要几家？核心区要多大？");
    expect(r.text).not.toMatch(/^您的问题有/);
    expect(r.text.split("\n")[0]).toMatch(/20家以上.*1000平方米/);
    const own = await ask("发明专利授权80件，淄博能拿哪一档，离下一档还差多少？");
    expect(own.text).not.toMatch(/^您的问题有/);
    expect(own.text).toContain("再获授权 41 件");
  });
});

describe("保住 and 要是", () => {
  const { answerer } = useOfflineAnswerer();
  it("「还能保住资格不」 asks whether it is kept (保留)", async () => {
    const r = await answerer().answer("浙江示范区考核评了个合格 还能保住称号不");
    expect(r.refused).toBe(false);
    expect(r.text.split("\n")[0]).toContain("保留");
  });
});
