/**
 * The general-Chinese IDF decides which words of a question are content words;
 * it is read straight from jieba's table bytes — searched in the build's sorted
 * copy, or indexed at start without one — so every word must come back
 * with exactly the table's value — including words that are the start of a
 * longer word on another line (知识 / 知识产权).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { idf } from "@node-rs/jieba/dict.js";
import { describe, expect, it } from "vitest";
import { writeSortedIdf } from "../scripts/jieba-tables.mjs";
import { createGeneralIdf, readSortedIdf } from "../src/retrieval/general-idf.ts";

const table = Buffer.from(idf).toString("utf8").split("\n").filter(Boolean).map((line) => line.split(" ") as [string, string]);
const sorted = readSortedIdf(idf.byteLength, writeSortedIdf(mkdtempSync(join(tmpdir(), "ipzone-idf-"))));

it("the build writes a sorted copy of jieba's table that a start can search", () => {
  expect(sorted).not.toBeNull();
});

describe.each([
  ["the build's sorted copy", () => createGeneralIdf(idf, sorted)],
  ["the table indexed at start", () => createGeneralIdf(idf, null)],
  ["the files jieba ships, as a start finds them", () => createGeneralIdf()],
])("general-Chinese IDF, from %s", (_, make) => {
  const general = make();

  it("returns the table's value for every 97th word of the table", () => {
    const firstValue = new Map<string, number>();
    for (const [word, value] of table) if (!firstValue.has(word)) firstValue.set(word, Number(value));
    const sample = [...firstValue].filter((_, i) => i % 97 === 0);
    expect(sample.length).toBeGreaterThan(2000);
    for (const [word, value] of sample) expect(general.get(word), word).toBe(value);
  });

  it("tells a word from the longer words it starts", () => {
    const valueOf = (w: string) => Number(table.find(([word]) => word === w)?.[1]);
    expect(general.get("知识")).toBe(valueOf("知识"));
    expect(general.get("知识产权")).toBe(valueOf("知识产权"));
    expect(general.get("知识")).not.toBe(general.get("知识产权"));
  });

  it("knows nothing of a word the table lacks, of any script", () => {
    expect(general.get("淄博示范区申报书")).toBeUndefined();
    expect(general.get("zz-not-a-word")).toBeUndefined();
    expect(general.get("𠀀𠀁")).toBeUndefined();
  });
});
