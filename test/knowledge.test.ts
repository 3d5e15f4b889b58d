import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatCitation, formatClause } from "../src/knowledge/citation.ts";
import { projectPath } from "../src/knowledge/knowledge-paths.ts";
import { getArticle, getPieceText, listPieces, loadPolicyDocuments } from "../src/knowledge/load-policies.ts";
import type { PolicyDocument } from "../src/knowledge/policy-document.schema.ts";
import { renderDocumentLines } from "../src/knowledge/render-policy-text.ts";
import {
  buildPolicyDocuments,
  RAW_SOURCES,
  serialisePolicyDocument,
  ZIBO_PLACEMENT_MAP,
} from "../src/knowledge/restore/build-policy-documents.ts";
import { placementMapSchema } from "../src/knowledge/restore/placement-map.schema.ts";
import { restoreZibo } from "../src/knowledge/restore/restore-zibo.ts";

const raw = (id: "zj2018" | "zb2020") => readFileSync(projectPath(RAW_SOURCES[id]), "utf8");
const docs = loadPolicyDocuments();
const doc = (id: "zj2018" | "zb2020") => docs.find((d) => d.id === id) as PolicyDocument;
const zibo = doc("zb2020");
const zibomap = () => placementMapSchema.parse(JSON.parse(readFileSync(projectPath(ZIBO_PLACEMENT_MAP), "utf8")));

/**
 * Sentences: split on 。；！？ and line breaks, and before a label (第九条, （二）, 2．)
 * because the shuffled Zibo file glued labelled paragraphs together without any
 * punctuation in between ("第九条 保障措施（二）示范区内…"). Whitespace removed.
 */
function sentences(text: string): string[] {
  return text
    .split(/[。；！？\n]/)
    .flatMap((s) => s.split(/(?=第[一二三四五六七八九十]+[章条]|（[一二三四五六七八九十]+）|\d+．)/))
    .map((s) => s.replace(/\s+/g, ""))
    .filter((s) => s !== "");
}

function counts(list: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const s of list) m.set(s, (m.get(s) ?? 0) + 1);
  return m;
}

/** sentences whose count differs: positive = missing from the restored text, negative = invented or duplicated */
function countDifferences(expected: string[], actual: string[]): Record<string, number> {
  const e = counts(expected);
  const a = counts(actual);
  const diff: Record<string, number> = {};
  for (const s of new Set([...e.keys(), ...a.keys()])) {
    const d = (e.get(s) ?? 0) - (a.get(s) ?? 0);
    if (d !== 0) diff[s] = d;
  }
  return diff;
}

/**
 * The only raw lines not compared sentence by sentence: the document title,
 * printed over two lines (zj2018 lines 1–2, zb2020 lines 8 and 10). They are the
 * document's `title`, and the test checks that they spell it exactly.
 */
const TITLE_LINES = { zj2018: [1, 2], zb2020: [8, 10] } as const;

describe.each(["zj2018", "zb2020"] as const)("%s: nothing lost, nothing invented", (id) => {
  const lines = raw(id).split(/\r?\n/);
  const titleLines = TITLE_LINES[id].map((n) => lines[n - 1]!);

  it("the title lines spell the document title", () => {
    expect(titleLines.join("").replace(/\s+/g, "")).toBe(doc(id).title);
  });

  it("every raw sentence appears in the restored text exactly as often, and no other sentence does", () => {
    const body = lines.filter((_, i) => !(TITLE_LINES[id] as readonly number[]).includes(i + 1)).join("\n");
    expect(countDifferences(sentences(body), sentences(renderDocumentLines(doc(id)).join("\n")))).toEqual({});
  });
});

describe("article order", () => {
  it("zj2018 has 第一条 to 第十八条, each once, in order", () => {
    expect(doc("zj2018").articles.map((a) => a.id)).toEqual(Array.from({ length: 18 }, (_, i) => `zj2018:${i + 1}`));
  });

  it("zb2020 has the preamble, then 第二条 to 第十七条, each once, in order", () => {
    expect(zibo.articles.map((a) => a.id)).toEqual([
      "zb2020:preamble",
      ...Array.from({ length: 16 }, (_, i) => `zb2020:${i + 2}`),
    ]);
    expect(zibo.articles.map((a) => a.label).slice(1)).toEqual(
      "二三四五六七八九十".split("").map((n) => `第${n}条`).concat(["第十一条", "第十二条", "第十三条", "第十四条", "第十五条", "第十六条", "第十七条"]),
    );
  });

  it("every article's items are numbered 1, 2, 3 … without gaps", () => {
    for (const d of docs) {
      for (const a of d.articles) expect(a.items.map((i) => i.number)).toEqual(a.items.map((_, k) => k + 1));
    }
  });
});

describe("zb2020 第九条 保障措施", () => {
  const nine = getArticle("zb2020:9")!;

  it("has items （一）–（五） under the heading 保障措施, and the no-double-support sentence after them", () => {
    expect(nine.heading).toBe("保障措施");
    expect(nine.items.map((i) => i.label)).toEqual(["（一）", "（二）", "（三）", "（四）", "（五）"]);
    expect(nine.tail).toEqual(["当年度优惠政策只享受一次，不重复支持。"]);
  });

  it("puts each amount in its own item", () => {
    expect(getPieceText("zb2020:9.1")).toMatch(/质押贷款.*不超过1万元.*证券化.*不超过10万元/);
    expect(getPieceText("zb2020:9.2")).toMatch(/完全式.*顾问式.*单项式.*5万元、3万元、1万元.*专利代理师/);
    expect(getPieceText("zb2020:9.3")).toMatch(/国家级的给予不超过20万元、省级的给予不超过10万元/);
    expect(getPieceText("zb2020:9.4")).toMatch(/胜诉.*5万元.*最多补助20万元/);
    expect(getPieceText("zb2020:9.5")).toMatch(/70件、120件、200件.*1万元、3万元、5万元.*专利清零.*专利倍增/);
  });
});

describe("zb2020 judgement calls", () => {
  it("the repeated （一）–（三） go to 第五条 (conditions) and 第六条 (main work) by content", () => {
    expect(getPieceText("zb2020:5.1")).toContain("知识产权管理机制");
    expect(getPieceText("zb2020:5.2")).toContain("产业优势明显");
    expect(getPieceText("zb2020:5.3")).toContain("2家以上");
    expect(getArticle("zb2020:6")!.items).toHaveLength(7);
    expect(getPieceText("zb2020:6.1")).toContain("制定知识产权服务业集聚发展的措施");
  });

  it("第七条 is the three-step procedure and 第八条 the material and the review", () => {
    expect(getArticle("zb2020:7")!.items.map((i) => i.text.slice(0, 6))).toEqual(["申报单位填写", "向辖区内区县", "区县知识产权"]);
    expect(getPieceText("zb2020:8.1")).toBe("淄博市知识产权服务业集聚发展示范区申报书；");
    expect(getPieceText("zb2020:8.2")).toMatch(/^市知识产权事业发展中心组织专家评估/);
  });

  it("第十四条 reads like zj2018 第十六条: grades, the plan as basis, the consequences", () => {
    expect(getArticle("zb2020:14")!.lead.map((p) => p.slice(0, 8))).toEqual(["认定结果分为优秀", "《建设方案》是认", "认定优秀或合格的"]);
  });

  it("every uncertain placement is a placement note; nothing is left unplaced", () => {
    expect(zibo.placementNotes.map((n) => n.placedAt)).toEqual(["zb2020:8.1", "zb2020:8.2", "zb2020:9", "zb2020:14", "zb2020:14"]);
    for (const note of zibo.placementNotes) expect(note.reason.length).toBeGreaterThan(10);
  });

  it("the preamble holds the issuing notice and the opening paragraph, each once", () => {
    const preamble = getPieceText("zb2020:preamble")!;
    expect(preamble.match(/现予印发/g)).toHaveLength(1);
    expect(preamble.match(/结合我市实际情况，制定淄博市/g)).toHaveLength(1);
    expect(getArticle("zb2020:1")).toBe(getArticle("zb2020:preamble"));
  });

  it("a paragraph the map does not place is kept as a note without placedAt, not dropped", () => {
    const map = zibomap();
    map.fragments = map.fragments.filter((f) => !f.opening.startsWith("当年度"));
    const restored = restoreZibo(raw("zb2020"), map, RAW_SOURCES.zb2020);
    const note = restored.placementNotes.find((n) => n.text === "当年度优惠政策只享受一次，不重复支持。");
    expect(note).toBeDefined();
    expect(note!.placedAt).toBeUndefined();
    expect(restored.articles.find((a) => a.number === 9)!.tail).toEqual([]);
  });

  it("a map that places an item under another number is rejected", () => {
    const map = zibomap();
    const entry = map.fragments.find((f) => f.opening.startsWith("（五）示范区内有专利代理资质"))!;
    entry.at = "zb2020:9.4";
    expect(() => restoreZibo(raw("zb2020"), map, RAW_SOURCES.zb2020)).toThrow(/labels it/);
  });
});

describe("zj2018 structure", () => {
  const zj = doc("zj2018");

  it("each article carries its chapter", () => {
    expect(getArticle("zj2018:1")!.chapter).toBe("第一章 总则");
    expect(getArticle("zj2018:9")!.chapter).toBe("第四章 申报和批复");
    expect(getArticle("zj2018:18")!.chapter).toBe("第七章 附则");
    expect(new Set(zj.articles.map((a) => a.chapter)).size).toBe(7);
  });

  it("第九条 has its lead paragraph and five materials; 第十六条 has three paragraphs", () => {
    const nine = getArticle("zj2018:9")!;
    expect(nine.lead.at(-1)).toMatch(/^符合条件的依托单位.*申报材料：$/);
    expect(nine.items.map((i) => i.label)).toEqual(["（一）", "（二）", "（三）", "（四）", "（五）"]);
    expect(getArticle("zj2018:16")!.lead).toHaveLength(3);
  });

  it("metadata comes from the catalog", () => {
    expect(zj).toMatchObject({ effective: "2018-01-01", trial: true, placementNotes: [] });
    expect(zj.trialEnds).toBeUndefined();
    expect(zibo).toMatchObject({ effective: "2020-08-25", issued: "2020-08-25", trialEnds: "2021-08-24", trial: true });
  });
});

describe("generated knowledge/*.json", () => {
  it("equals what the build produces now from the raw texts and the placement map", () => {
    for (const built of buildPolicyDocuments()) {
      const committed = readFileSync(projectPath(`knowledge/${built.id}.json`), "utf8");
      expect(committed, `knowledge/${built.id}.json is stale: run npm run knowledge:build`).toBe(serialisePolicyDocument(built));
    }
  });
});

describe("listPieces", () => {
  const pieces = listPieces();

  it("has one piece per item and per article's own text, with unique ids", () => {
    expect(new Set(pieces.map((p) => p.id)).size).toBe(pieces.length);
    const items = docs.flatMap((d) => d.articles.flatMap((a) => a.items.map((i) => i.id)));
    expect(pieces.filter((p) => p.item !== undefined).map((p) => p.id)).toEqual(items);
    expect(pieces.find((p) => p.id === "zb2020:9")).toMatchObject({ heading: "保障措施", text: "当年度优惠政策只享受一次，不重复支持。" });
    expect(pieces.find((p) => p.id === "zj2018:6.3")).toMatchObject({ article: 6, item: 3, chapter: "第三章 建设主体和主要工作" });
  });

  it("covers every article", () => {
    const articleIds = new Set(pieces.map((p) => p.id.replace(/\.\d+$/, "")));
    for (const d of docs) for (const a of d.articles) expect(articleIds).toContain(a.id);
  });
});

describe("citations read the way people cite", () => {
  it("formats items, numbered steps, articles and the preamble", () => {
    expect(formatCitation("zb2020:9.5")).toBe("《淄博市知识产权服务业集聚发展示范区建设方案（试行）》第九条（五）");
    expect(formatCitation("zj2018:6.3")).toBe("《浙江省知识产权服务业集聚发展示范区管理办法（试行）》第六条（三）");
    expect(formatClause("zb2020:7.2")).toBe("第七条第2项");
    expect(formatClause("zj2018:16")).toBe("第十六条");
    expect(formatClause("zb2020:1")).toBe("印发通知及开头部分");
  });

  it("every piece's citation names its own label", () => {
    for (const p of listPieces().filter((x) => x.article > 0)) {
      const article = getArticle(p.id)!;
      expect(formatClause(p.id).startsWith(article.label)).toBe(true);
    }
  });
});
