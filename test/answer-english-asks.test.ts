/**
 * An English message with two asks gets two answers, numbered, in order; an
 * inflected function word (needed) is no unknown topic; a consequence in two
 * steps is given whole. Questions written fresh from the two texts; none is in
 * a question set.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answerer } from "../src/answer/answer.types.ts";
import { createAnswerer } from "../src/answer/answerer.ts";
import { splitEnglishAsks } from "../src/answer/english-asks.ts";
import { listPieces } from "../src/knowledge/load-policies.ts";
import { localEmbeddingChoice } from "../src/retrieval/create-embeddings.ts";
import { createPolicyIndex } from "../src/retrieval/policy-index.ts";

describe("the asks of an English message", () => {
  it("「…, and how many …」 is two asks, the place carried into the second", () => {
    expect(splitEnglishAsks("What is the minimum core area in Zhejiang and how many agencies are needed?")).toEqual([
      "What is the minimum core area in Zhejiang?",
      "how many agencies are needed in Zhejiang?",
    ]);
  });

  it("two question sentences are two asks", () => {
    expect(splitEnglishAsks("Who approves Zibo zones? And how often are they assessed?")).toHaveLength(2);
  });

  it.each([
    "We closed 4 pledge loans and 1 securitisation in Zibo. How much can we get?",
    "What are the conditions for a Zhejiang zone?",
    "How often are zones assessed, and how?",
  ])("「%s」 is one ask", (message) => {
    expect(splitEnglishAsks(message)).toEqual([message]);
  });
});

describe("English answers to several asks", () => {
  let answerer: Answerer;

  beforeAll(async () => {
    const index = await createPolicyIndex({ pieces: listPieces(), embedding: localEmbeddingChoice() });
    answerer = createAnswerer({ index });
  }, 60_000);

  it("area and number of agencies: 1. 1,000 square metres, 2. 20 agencies, the clause quoted once", async () => {
    const r = await answerer.answer("What is the minimum core area in Zhejiang and how many agencies are needed?");
    expect(r.refused).toBe(false);
    const [first, second] = r.text.split("\n");
    expect(first).toMatch(/^1\. .*1,000 square metres.*Article 6 \(3\)\)$/);
    expect(second).toMatch(/^2\. .*20 IP service agencies.*Article 6 \(3\)\)$/);
    expect(r.text.split("第六条（三）：「").length - 1).toBe(1);
    expect(r.text.split("The English renderings are unofficial").length - 1).toBe(1);
  });

  it("how often, and what happens on failing: each from its own article, the consequence with both steps", async () => {
    const r = await answerer.answer("How often are Zhejiang zones assessed, and what happens if a zone fails?");
    const [first, second] = r.text.split("\n");
    expect(first).toMatch(/^1\. .*once every two years.*Article 14\)$/);
    expect(second).toMatch(/^2\. .*rectify within a time limit; if still unqualified, the title is revoked.*Article 16\)$/);
  });
});
