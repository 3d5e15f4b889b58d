/**
 * English as people write it: 「both places」 names both texts, 「every year」
 * against 「once every two years」 is a No, and everyday words for validity and
 * expert review are read. Questions written fresh; none is in a question set.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Answerer } from "../src/answer/answer.types.ts";
import { createAnswerer } from "../src/answer/answerer.ts";
import { englishPeriodsIn } from "../src/answer/compose-english-answer.ts";
import { namedInEnglish } from "../src/answer/english-question.ts";
import { listPieces } from "../src/knowledge/load-policies.ts";
import { localEmbeddingChoice } from "../src/retrieval/create-embeddings.ts";
import { createPolicyIndex } from "../src/retrieval/policy-index.ts";

describe("reading English", () => {
  it.each([
    ["every year", [12]],
    ["once every two years", [24]],
    ["annually", [12]],
    ["once a year", [12]],
    ["every 3 months", [3]],
  ])("「%s」 is a period of %j months", (text, months) => {
    expect(englishPeriodsIn(text)).toEqual(months);
  });

  it("「both places」「the two policies」 name both texts", () => {
    expect(namedInEnglish("Is the assessment every year in both places?")).toEqual(["zhejiang", "zibo"]);
    expect(namedInEnglish("What do the two policies say about vouchers?")).toEqual(["zhejiang", "zibo"]);
  });
});

describe("English answers", () => {
  let answerer: Answerer;

  beforeAll(async () => {
    const index = await createPolicyIndex({ pieces: listPieces(), embedding: localEmbeddingChoice() });
    answerer = createAnswerer({ index });
  }, 60_000);

  it("「every year in both places?」: Zhejiang No (every two years), Zibo Yes (once a year), each its own verdict", async () => {
    const r = await answerer.answer("Is the assessment every year in both places?");
    const [zhejiang, zibo] = r.text.split("\n");
    expect(zhejiang).toMatch(/^Zhejiang \(provincial\): No — .*once every two years/);
    expect(zibo).toMatch(/^Zibo \(municipal\): Yes — .*once a year/);
  });

  it("「Do Zhejiang and Zibo both require expert review?」 is answered for both, not refused naming 「both」", async () => {
    const r = await answerer.answer("Do Zhejiang and Zibo both require expert review?");
    expect(r.refused).toBe(false);
    const [zhejiang, zibo] = r.text.split("\n");
    expect(zhejiang).toMatch(/^Zhejiang \(provincial\): Yes — .*expert/);
    expect(zibo).toMatch(/^Zibo \(municipal\): Yes — .*expert/);
  });

  it("「How long is the Zibo plan valid?」: the date it took effect and its one-year trial", async () => {
    const r = await answerer.answer("How long is the Zibo plan valid?");
    expect(r.refused).toBe(false);
    expect(r.text.split("\n")[0]).toMatch(/25 August 2020.*trial period of one year.*Article 17\)$/);
  });
});
