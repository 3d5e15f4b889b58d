/**
 * What a user sees for everyday messages: several asks in one message,
 * comparisons where one text has no such provision, traditional characters
 * and full-width forms, colloquial filler, and questions the texts do not cover.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answerer } from "../src/answer/answer.types.ts";
import { createAnswerer } from "../src/answer/answerer.ts";
import { splitAsks } from "../src/answer/split-asks.ts";
import { listPieces } from "../src/knowledge/load-policies.ts";
import { localEmbeddingChoice } from "../src/retrieval/create-embeddings.ts";
import { createPolicyIndex } from "../src/retrieval/policy-index.ts";

let answerer: Answerer;

beforeAll(async () => {
  const index = await createPolicyIndex({ pieces: listPieces(), embedding: localEmbeddingChoice() });
  answerer = createAnswerer({ index });
}, 60_000);

/** The text under heading `n.` of a numbered reply, up to the next heading. */
function section(text: string, n: number): string {
  const start = text.indexOf(`\n${n}. `);
  const next = text.indexOf(`\n${n + 1}. `, start + 1);
  return start < 0 ? "" : text.slice(start, next < 0 ? undefined : next);
}

describe("several asks in one message", () => {
  it("「多久…？看哪些内容？」: each ask under its own number, in the order asked, each with its own citation", async () => {
    const r = await answerer.answer("浙江示范区多久考核一次？考核看哪些内容？");
    expect(r.refused).toBe(false);
    const first = section(r.text, 1);
    const second = section(r.text, 2);
    expect(first).toContain("多久考核一次");
    expect(first).toContain("每两年考核一次");
    expect(first).toContain("第十四条");
    expect(second).toContain("看哪些内容");
    expect(second).toContain("完成情况及成效");
    expect(second).toContain("第十五条");
    expect(r.text.indexOf("每两年")).toBeLessThan(r.text.indexOf("完成情况及成效"));
  });

  it("a comma joins two asks, the second naming no place: it is answered for the place of the first", async () => {
    const r = await answerer.answer("浙江的办法谁负责解释，从什么时候开始实施？");
    expect(section(r.text, 1)).toContain("省知识产权局负责解释");
    expect(section(r.text, 2)).toContain("2018年1月1日");
    expect(r.citations).toEqual(expect.arrayContaining(["zj2018:17", "zj2018:18"]));
  });

  it("「以及」 and numbered items start new asks", () => {
    expect(splitAsks("浙江示范区由哪个部门审查确认，以及考核结果分几档？").map((a) => a.text)).toEqual([
      "浙江示范区由哪个部门审查确认？",
      "浙江考核结果分几档？",
    ]);
    expect(splitAsks("请问：1. 淄博多久认定一次 2. 认定结果分几档").map((a) => a.text)).toEqual(["淄博多久认定一次？", "淄博认定结果分几档？"]);
  });

  it("「还有没有…」 is an ask of its own, not the connective 还有", () => {
    expect(splitAsks("淄博对质押融资有什么支持？还有没有别的支持？").map((a) => a.asked)).toEqual(["淄博对质押融资有什么支持？", "还有没有别的支持？"]);
  });

  it("「分几档，分别是多少」 is one question about one clause: answered once, with all three amounts", async () => {
    expect(splitAsks("淄博代理发明专利授权的支持分几档，分别是多少？")).toHaveLength(1);
    const r = await answerer.answer("淄博代理发明专利授权的支持分几档，分别是多少？");
    expect(r.text).not.toMatch(/^您的问题有/);
    for (const amount of ["1万元", "3万元", "5万元"]) expect(r.text).toContain(amount);
  });

  it("「交什么材料？交给谁？」: the short second ask is about the first one's topic and gets its own answer, not the first one again", async () => {
    const r = await answerer.answer("淄博示范区申报要交什么材料？交给谁？");
    expect(r.text).toMatch(/^您的问题有 2 问/);
    expect(section(r.text, 1)).toContain("申报书");
    const second = section(r.text, 2).split("\n");
    expect(second[1]).toBe("2. 交给谁？");
    expect(second[2]).toContain("区县知识产权管理部门");
    // the evidence under it quotes the clause its answer rests on first
    expect(second.find((l) => l.startsWith("《"))).toContain("第七条第2项");
  });

  it("asks listed with 、 are answered one by one; a list of things inside one ask is not cut", async () => {
    const r = await answerer.answer("浙江示范区的依托单位要有多少家服务机构、核心区至少多大、由哪个部门审查确认？");
    expect(section(r.text, 1)).toContain("20家以上");
    expect(section(r.text, 2)).toContain("1000平方米");
    expect(section(r.text, 3)).toContain("省知识产权局");
    expect(splitAsks("淄博认定优秀、合格、不合格分别怎么处理？")).toHaveLength(1);
  });

  it("the asker's own situation before the ask stays with it (no split)", () => {
    expect(splitAsks("园区有25家服务机构，核心区1200平方米，浙江的数量和面积要求够吗？")).toHaveLength(1);
  });
});

describe("the opening sentence answers what was asked", () => {
  it("「要有多少家」 opens with the count, from the clause that states it, quoted first", async () => {
    const r = await answerer.answer("浙江示范区的依托单位要有多少家服务机构？");
    const lines = r.text.split("\n");
    expect(lines[0]).toBe("现有知识产权服务机构20家以上（第六条（三））。");
    expect(lines.find((l) => l.startsWith("《"))).toContain("第六条（三）");
    expect(r.citations[0]).toBe("zj2018:6.3");
  });

  it("「材料交到哪一级」 opens with the body the application goes to, from the article's lead, not with an item of the materials list", async () => {
    const r = await answerer.answer("浙江省示范区申报材料先交到哪一级？");
    const first = r.text.split("\n")[0]!;
    // 「先交到哪一级」 asks the first step: the application goes to the city first (round 9t; before, the city's
    // submission to the province opened).
    expect(first).toMatch(/向设区市知识产权局提出申报申请（第九条）。$/);
    expect(first).not.toContain("：（");
    expect(r.citations[0]).toBe("zj2018:9");
  });

  it("「不合格会怎样」 opens with what follows, both steps of it", async () => {
    const r = await answerer.answer("淄博示范区认定不合格会怎样？");
    expect(r.text.split("\n")[0]).toMatch(/限期整改；整改仍不合格的，取消资格/);
  });
});

describe("the asker's own numbers against a threshold", () => {
  it("below the lowest tier: 「不能」, the threshold and what the next tier needs — not the clauses it was given no facts for", async () => {
    const r = await answerer.answer("我们机构在淄博示范区，今年代理的本市发明专利授权才60件，能不能拿发明授权那块的支持？");
    const [first, second] = r.text.split("\n");
    expect(first).toBe("不能。按第九条（五），本年度代理本市发明专利授权 60 件，未超过 70 件，不符合支持条件。");
    expect(second).toBe("提示：再获授权 11 件可进入 1 万元档。");
    expect(r.text).not.toContain("未测算");
    expect(r.citations[0]).toBe("zb2020:9.5");
  });

  it("exactly on a threshold: 「不能」 by the letter, and the other reading of 「超过……以上」 beside it", async () => {
    const r = await answerer.answer("淄博示范区代理发明专利授权70件，能拿多少？");
    expect(r.text.split("\n")[0]).toMatch(/^按条文字面，不能。/);
    expect(r.text).toMatch(/按「以上」含本数理解，可达 1 万元档/);
  });

  it("the text's own tiers listed in the question (「超过70件、120件、200件」) are not read as the asker's numbers", async () => {
    const r = await answerer.answer("淄博代理发明专利授权超过70件、120件、200件，分别最多给多少？");
    const first = r.text.split("\n")[0]!;
    expect(first).not.toMatch(/不能/);
    expect(first).toContain("1万元、3万元、5万元");
  });
});

describe("comparisons", () => {
  it("one text has no such provision: two labelled lines, the missing side said plainly, never a refusal", async () => {
    const r = await answerer.answer("浙江和淄博对专利质押融资服务各有什么支持？");
    expect(r.refused).toBe(false);
    const [zj, zb] = r.text.split("\n");
    expect(zj).toBe("浙江省（省级）：浙江省管理办法没有这方面的规定。");
    expect(zb).toMatch(/^淄博市（市级）：/);
    expect(r.citations.some((c) => c.startsWith("zb2020:9"))).toBe(true);
  });

  it("a comparison the question as a whole finds no answer to (「……？浙江和淄博比一比」) is asked of each side: Zibo's 加分 on its line, Zhejiang's line says it has none — each opening with the yes or no asked for", async () => {
    const r = await answerer.answer("建示范区对所在区县年度考核有没有加分？浙江和淄博比一比");
    expect(r.refused).toBe(false);
    const [zj, zb] = r.text.split("\n");
    expect(zj).toBe("浙江省（省级）：没有。浙江省管理办法没有这方面的规定。");
    expect(zb).toBe("淄博市（市级）：有。示范区建设作为区县创新工作，年度考核予以加分奖励（第十五条）。");
    expect(r.citations[0]).toBe("zb2020:15");
  });

  it("「分别是哪天起实施的」: each side's date on its labelled line, each quoted under its own policy", async () => {
    const r = await answerer.answer("浙江的管理办法和淄博的建设方案分别是哪天起实施的？");
    const [zj, zb] = r.text.split("\n");
    expect(zj).toMatch(/^浙江省（省级）：.*2018年1月1日/);
    expect(zb).toMatch(/^淄博市（市级）：.*2020年8月25日/);
    expect(r.text).toContain("【浙江省（省级）】浙江省管理办法：");
    expect(r.text).toContain("【淄博市（市级）】淄博市建设方案：");
    expect(r.citations).toEqual(expect.arrayContaining(["zj2018:18", "zb2020:17"]));
  });

  it("「两边」 names both: each side's figure on its own labelled line", async () => {
    const r = await answerer.answer("两边对服务机构数量的要求差多少？");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/浙江省（省级）：[^\n]*20家以上/);
    expect(r.text).toMatch(/淄博市（市级）：[^\n]*2家以上/);
  });
});

describe("everyday Chinese", () => {
  it("traditional characters are read as simplified and answered (no typo note needed)", async () => {
    const r = await answerer.answer("浙江示範區的依託單位要具備什麼條件？");
    expect(r.refused).toBe(false);
    expect(r.text).toContain("20家以上");
    expect(r.text).not.toContain("理解了");
  });

  it("full-width digits and letters read as ASCII: ２５家 is compared with the threshold", async () => {
    const r = await answerer.answer("我们园区有２５家服务机构，够申报浙江示范区吗？");
    expect(r.refused).toBe(false);
    expect(r.text).toMatch(/25\s*家/);
    expect(r.text).toMatch(/不少于\s*20\s*家/);
  });

  it.each([
    ["浙江示范区搞砸了会不会被摘牌？", "摘牌"],
    ["话说浙江这个办法是哪个单位说了算的，谁来解释啊", "省知识产权局"],
    ["浙江这边申报材料要准备些啥？", "承诺书"],
  ])("colloquial filler does not turn 「%s」 into a refusal", async (q, expected) => {
    const r = await answerer.answer(q);
    expect(r.refused).toBe(false);
    expect(r.text).toContain(expected);
  });
});

describe("not covered", () => {
  it("a question sharing the texts' words but asking what they do not say names what is missing, never as 直接相关", async () => {
    const r = await answerer.answer("浙江省知识产权局的局长是谁？");
    expect(r.refused).toBe(true);
    expect(r.citations).toEqual([]);
    expect(r.text).toMatch(/^浙江省管理办法没有写到“局长”/);
    expect(r.text).not.toContain("直接相关");
  });

  it("the nearby clause, when shown, is marked as not the answer", async () => {
    const r = await answerer.answer("淄博对商标注册有什么补贴？");
    expect(r.refused).toBe(true);
    expect(r.text).toContain("没有写到");
    if (r.text.includes("相近的内容")) expect(r.text).toContain("不是对这个问题的回答");
  });
});

describe("question forms the segmenter cuts apart", () => {
  it("「管不管…这块」: an A-not-A question and a pronoun do not push an answerable question under the line", async () => {
    const r = await answerer.answer("淄博的方案到底管不管证券化这块？");
    expect(r.refused).toBe(false);
    expect(r.text).toContain("10万元");
  });

  it("a period asked as a choice (「一年查一回还是两年查一回」) asks for the period", async () => {
    const r = await answerer.answer("咱淄博这边的示范区，一年查一回还是两年查一回？");
    expect(r.refused).toBe(false);
    expect(r.text).toContain("每年度认定一次");
  });
});
