import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS } from "../src/answer/refusal-gate.ts";
import { articleOf } from "../src/knowledge/citation.ts";
import { listPieces } from "../src/knowledge/load-policies.ts";
import { clauseKindTerms, questionKindTerms } from "../src/retrieval/answer-kinds.ts";
import { localEmbeddingChoice } from "../src/retrieval/create-embeddings.ts";
import type { PolicyIndex } from "../src/retrieval/passage.types.ts";
import { createPolicyIndex } from "../src/retrieval/policy-index.ts";
import { getTokenizer } from "../src/retrieval/tokenizer.ts";

let index: PolicyIndex;

beforeAll(async () => {
  index = await createPolicyIndex({ pieces: listPieces(), embedding: localEmbeddingChoice() });
});

async function topArticles(question: string, k = 3, docs?: ("zj2018" | "zb2020")[]): Promise<string[]> {
  const hits = await index.search(question, 10, { docs });
  const out: string[] = [];
  for (const h of hits) if (!out.includes(articleOf(h.id)) && out.length < k) out.push(articleOf(h.id));
  return out;
}

describe("segmentation with the domain dictionary", () => {
  it("keeps policy terms whole instead of splitting them", () => {
    const words = getTokenizer().words("知识产权服务业集聚发展示范区内质押融资服务，新获得专利代理师证书");
    for (const term of ["示范区", "知识产权服务业", "质押融资", "专利代理师"]) {
      expect(words.some((w) => w.includes(term))).toBe(true);
    }
    for (const fragment of ["示范", "质押", "代理", "服务业"]) expect(words).not.toContain(fragment);
  });

  it("still lets a shorter word find the long term (质押 → 质押融资)", () => {
    const terms = getTokenizer().terms("专利质押融资");
    expect(terms).toContain("质押融资");
    expect(terms).toContain("质押");
  });
});

describe("hybrid search: representative questions find their article in the top 3", () => {
  const cases: [string, string][] = [
    ["浙江省示范区的核心区面积有什么要求？", "zj2018:6"],
    ["依托单位在招引服务机构方面要做什么？", "zj2018:7"],
    ["向省知识产权局申报示范区需要提交哪些材料？", "zj2018:9"],
    ["浙江省示范区多久考核一次？", "zj2018:14"],
    ["政银保专利权保险质押贷款每笔补多少钱", "zb2020:9"],
    ["专利托管的顾问式是什么意思？", "zb2020:9"],
    ["淄博示范区的认定结果分哪几档？", "zb2020:14"],
    ["淄博市建设方案的试用期多长？", "zb2020:17"],
  ];
  for (const [question, gold] of cases) {
    it(`「${question}」 → ${gold}`, async () => {
      expect(await topArticles(question)).toContain(gold);
    });
  }
});

/** A piece's own text, as indexed (no 「第一条」 label). */
function pieceText(id: string): string {
  return listPieces().find((p) => p.id === id)!.text;
}

describe("the kind of answer a question wants", () => {
  it("a figure with a unit, or 几家, asks for a count; the condition clause states one", () => {
    expect(questionKindTerms("园区里只有15家代理机构，够吗")).toContain("#qty:家");
    expect(questionKindTerms("淄博这边服务机构要几家")).toContain("#qty:家");
    expect(questionKindTerms("核心区只有八百平米")).toContain("#qty:平方米");
    expect(clauseKindTerms(pieceText("zj2018:6.3"))).toEqual(expect.arrayContaining(["#qty:家", "#qty:平方米"]));
    expect(clauseKindTerms(pieceText("zj2018:7.3"))).not.toContain("#qty:家");
  });

  it("「我们是一家…」 is an article, not a count", () => {
    expect(questionKindTerms("我们是一家民营的众创空间，能当依托单位吗")).not.toContain("#qty:家");
  });

  it("依据 / 背景 look for 「根据…制订」, 目标 / 效果 for 「为促进…」「通过…做大做强」", () => {
    expect(questionKindTerms("浙江办法的制定依据是什么")).toContain("#basis");
    expect(clauseKindTerms(pieceText("zj2018:1"))).toEqual(expect.arrayContaining(["#basis", "#purpose"]));
    expect(questionKindTerms("建设示范区想达到什么效果？")).toContain("#purpose");
    expect(clauseKindTerms(pieceText("zb2020:2"))).toContain("#purpose");
  });

  it("条件 / 门槛 / 资格 ask for the conditions; only the article listing them states them, not 「符合条件的」", () => {
    for (const q of ["申报浙江省示范区需要什么条件？", "园区想申请省级示范区，门槛高吗", "淄博示范区的申报资格有哪些要求"]) {
      expect(questionKindTerms(q), q).toContain("#condition");
    }
    expect(questionKindTerms("新取得专利代理师资格证书的奖励是多少")).not.toContain("#condition");
    expect(clauseKindTerms(pieceText("zj2018:6"))).toContain("#condition");
    expect(clauseKindTerms(pieceText("zb2020:5"))).toContain("#condition");
    expect(clauseKindTerms(pieceText("zj2018:9"))).not.toContain("#condition");
  });

  it("asked for a condition or a threshold, 申报 and 才能 only frame the question", async () => {
    const conditions = await index.search("申报浙江省示范区需要什么条件？", 10, { docs: ["zj2018"] });
    const procedure = conditions.find((p) => articleOf(p.id) === "zj2018:9")!;
    expect(articleOf(conditions[0]!.id)).toBe("zj2018:6");
    expect(conditions[0]!.coverage).toBeGreaterThan(procedure.coverage);
    // The procedure article is still what 「申报程序」 finds: there 申报 is the topic.
    expect((await topArticles("浙江示范区的申报程序是怎样的", 1, ["zj2018"]))[0]).toBe("zj2018:9");
  });

  const cases: [string, string[], ("zj2018" | "zb2020")[] | undefined][] = [
    ["申报浙江省示范区需要什么条件？", ["zj2018:6"], ["zj2018"]],
    ["想申请淄博市示范区，得满足哪些条件？", ["zb2020:5"], ["zb2020"]],
    ["服务机构要有多少家才能申报浙江省示范区？", ["zj2018:6"], ["zj2018"]],
    ["浙江示范区一般建在哪些地方？", ["zj2018:5"], ["zj2018"]],
    ["浙江办法的制定依据是什么", ["zj2018:1"], ["zj2018"]],
    ["示范区的发展目标是什么", ["zj2018:2", "zb2020:2"], undefined],
    ["淄博这边服务机构要几家", ["zb2020:5"], ["zb2020"]],
    ["浙江示范区要覆盖哪些知识产权服务", ["zj2018:6"], ["zj2018"]],
  ];
  for (const [question, gold, docs] of cases) {
    it(`「${question}」 finds the clause that answers it first (${gold.join(" or ")})`, async () => {
      expect(gold).toContain((await topArticles(question, 1, docs))[0]);
    });
  }
});

describe("topic words", () => {
  it("A-not-A forms and framing nouns carry no topic (够不够, 看不看, 什么意思)", () => {
    const words = getTokenizer().topicWords("核心区只有800平米，够不够？考核看不看经验？单项式是什么意思");
    for (const w of ["够不够", "看不看", "意思"]) expect(words).not.toContain(w);
    for (const w of ["核心区", "经验", "单项式"]) expect(words).toContain(w);
  });

  it("a question whose central noun the texts never use stays poorly covered (审查, 研发费用)", async () => {
    for (const q of ["发明专利审查要多长时间", "研发费用加计扣除比例是多少"]) {
      const hits = await index.search(q, 3);
      expect(Math.max(...hits.map((h) => h.coverage))).toBeLessThan(DEFAULT_THRESHOLDS.minCoverage);
    }
  });
});

describe("search options and passages", () => {
  it("restricts results to the documents asked for", async () => {
    const hits = await index.search("示范区考核结果分为几档？", 8, { docs: ["zb2020"] });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.doc === "zb2020")).toBe(true);
  });

  it("returns pieces with their citation id, heading and scores, best first", async () => {
    const hits = await index.search("代理的发明专利授权超过120件能获得多少支持？", 5);
    expect(hits[0]!.id).toBe("zb2020:9.5");
    expect(hits[0]!.heading).toBe("保障措施");
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
    expect(hits[0]!.coverage).toBeGreaterThan(0.8);
  });

  it("an off-topic question covers little of what it asks", async () => {
    const hits = await index.search("专利年费减缓的标准是多少？", 3);
    expect(Math.max(...hits.map((h) => h.coverage))).toBeLessThan(DEFAULT_THRESHOLDS.minCoverage);
    expect(index.profile("专利年费减缓的标准是多少？").unknownWords).toContain("减缓");
  });
});

describe("persisted index", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "ipzone-index-"));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it("is built once, reused while pieces and embedding are unchanged, rebuilt when either changes", async () => {
    const directory = join(dataDir, "policy-index");
    const pieces = listPieces();
    const embedding = localEmbeddingChoice();

    const built = await createPolicyIndex({ pieces, embedding, directory });
    expect(built.origin.loadedFromDisk).toBe(false);
    const manifest = JSON.parse(await readFile(join(directory, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ embeddingId: embedding.id, count: pieces.length });

    const reused = await createPolicyIndex({ pieces, embedding, directory });
    expect(reused.origin.loadedFromDisk).toBe(true);
    expect((await reused.search("核心区面积", 1))[0]!.id).toBe((await built.search("核心区面积", 1))[0]!.id);

    const edited = pieces.map((p) => (p.id === "zj2018:18" ? { ...p, text: "本办法自2019年1月1日起实施。" } : p));
    expect((await createPolicyIndex({ pieces: edited, embedding, directory })).origin.loadedFromDisk).toBe(false);

    const otherModel = { ...embedding, id: `${embedding.id}-other` };
    expect((await createPolicyIndex({ pieces: edited, embedding: otherModel, directory })).origin.loadedFromDisk).toBe(false);
    expect((await createPolicyIndex({ pieces: edited, embedding: otherModel, directory })).origin.loadedFromDisk).toBe(true);
  });
});
