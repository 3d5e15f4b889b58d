/**
 * English questions get English answers: conclusion in English, the clause in
 * the original Chinese with its citation, and the unofficial English rendering;
 * an English question the texts do not cover is refused in English.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answerer } from "../src/answer/answer.types.ts";
import { createAnswerer } from "../src/answer/answerer.ts";
import { opensInEnglish } from "../src/answer/evaluate-question-set.ts";
import { listPieces } from "../src/knowledge/load-policies.ts";
import { englishOf, loadEnglishRenderings, loadGlossary } from "../src/knowledge/load-english.ts";
import { localEmbeddingChoice } from "../src/retrieval/create-embeddings.ts";
import { createPolicyIndex } from "../src/retrieval/policy-index.ts";

let answerer: Answerer;
beforeAll(async () => {
  const index = await createPolicyIndex({ pieces: listPieces(), embedding: localEmbeddingChoice() });
  answerer = createAnswerer({ index });
});

describe("English renderings and glossary (knowledge/en)", () => {
  it("render every piece of both texts under the same citation ids, marked unofficial", () => {
    for (const p of listPieces()) expect(englishOf(p.id), p.id).toBeTruthy();
    for (const r of loadEnglishRenderings().values()) expect(r.unofficial).toBe(true);
    expect(loadGlossary().terms.find((t) => t.zh === "证券化")?.en).toContain("securitisation");
  });
});

describe("English questions", () => {
  it("a Zibo trial-period question: English conclusion with the figure, Chinese clause with citation, English rendering", async () => {
    const r = await answerer.answer("How long is the trial period of the Zibo plan?");
    expect(r.refused).toBe(false);
    expect(opensInEnglish(r.text)).toBe(true);
    expect(r.text.split("\n")[0]).toContain("one year");
    expect(r.text).toContain("「本办法自2020年8月25日起实施，试用期一年");
    expect(r.text).toContain("English rendering (unofficial)");
    expect(r.citations).toContain("zb2020:17");
  });

  it("a question the texts do not cover, or another place, is refused in English", async () => {
    for (const q of ["What is the weather in Hangzhou tomorrow?", "Can I get a subsidy for registering a trademark in Shanghai?"]) {
      const r = await answerer.answer(q);
      expect(r.refused, q).toBe(true);
      expect(opensInEnglish(r.text), q).toBe(true);
    }
  });
});
