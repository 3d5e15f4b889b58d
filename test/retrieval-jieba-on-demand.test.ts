/**
 * jieba with its dictionary loaded as texts need it (src/retrieval/jieba-on-demand.ts)
 * must segment, cut and tag exactly as jieba with the whole dictionary does —
 * retrieval, the topic gate and every answer rest on those words — on the
 * policy texts, every question of the question sets and random texts made
 * of dictionary words, whatever order the texts come in.
 */
import { readFileSync } from "node:fs";
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseQuestionSet } from "../src/answer/eval-question.schema.ts";
import { listPieces } from "../src/knowledge/load-policies.ts";
import { DOMAIN_TERMS } from "../src/retrieval/domain-terms.ts";
import {
  createOnDemandJieba,
  DICT_BYTES,
  DICT_FREQUENCY_SUM,
  formatPreload,
  frequencySum,
  parsePreload,
} from "../src/retrieval/jieba-on-demand.ts";
import { normalizeText } from "../src/retrieval/tokenizer.ts";

const SETS = ["dev", "dev2", "dev3", "dev-en", "blind", "blind2", "blind3", "heldout", "public", "fresh", "fresh2", "fresh3", "fresh4"];
const added = DOMAIN_TERMS.map((word) => ({ word, freq: 200_000, tag: "n" }));

/** jieba as the tokenizer built it before: the whole dictionary, then the domain terms. */
function wholeDictionary(): Jieba {
  const jieba = Jieba.withDict(dict);
  jieba.loadDict(Buffer.from(added.map((a) => `${a.word} ${a.freq} ${a.tag}`).join("\n")));
  return jieba;
}

const whole = wholeDictionary();
const expected = (text: string) => ({ cut: whole.cut(text, false), cutAll: whole.cutAll(text), tag: whole.tag(text, false) });

function questionTexts(): string[] {
  const texts: string[] = [];
  for (const name of SETS) {
    const set = parseQuestionSet(readFileSync(new URL(`./fixtures/questions-${name}.jsonl`, import.meta.url), "utf8"));
    for (const q of set) for (const text of [q.question, ...(q.history ?? [])]) texts.push(text, normalizeText(text));
  }
  return texts;
}

const words = Buffer.from(dict)
  .toString("utf8")
  .split("\n")
  .map((line) => line.split(" ")[0]!)
  .filter(Boolean);

describe("jieba with its dictionary loaded on demand", () => {
  it("segments, cuts and tags the policy texts and every question as with the whole dictionary", () => {
    const onDemand = createOnDemandJieba(added);
    const texts = [...listPieces().flatMap((p) => [p.text, normalizeText(p.text)]), ...questionTexts()];
    expect(texts.length).toBeGreaterThan(1500);
    for (const text of texts) {
      expect({ cut: onDemand.cut(text), cutAll: onDemand.cutAll(text), tag: onDemand.tag(text) }, text).toEqual(expected(text));
    }
  });

  it("does so with the keys of the policy texts loaded at once from a record, as the build writes and a start reads it", () => {
    const recorder = createOnDemandJieba(added);
    const policyTexts = listPieces().flatMap((p) => [p.text, normalizeText(p.text)]);
    for (const text of policyTexts) recorder.cut(text);
    const record = formatPreload(recorder.loadedKeys(), dict.byteLength);
    const preload = parsePreload(record, dict.byteLength);
    expect(preload.length).toBeGreaterThan(1000);
    const preloaded = createOnDemandJieba(added, dict, preload);
    expect(preloaded.loadedKeys()).toEqual(recorder.loadedKeys());
    // Questions after the preloaded texts: their other keys are still looked up on demand.
    for (const text of [...policyTexts, ...questionTexts()]) {
      expect({ cut: preloaded.cut(text), cutAll: preloaded.cutAll(text), tag: preloaded.tag(text) }, text).toEqual(expected(text));
    }
  });

  it("drops a record made for another dictionary, or whose ranges do not fit this one, and looks every key up instead", () => {
    const recorder = createOnDemandJieba(added);
    recorder.cut("浙江省知识产权服务业集聚发展示范区");
    const keys = recorder.loadedKeys();
    expect(parsePreload(formatPreload(keys, dict.byteLength + 1), dict.byteLength)).toEqual([]);
    expect(parsePreload("", dict.byteLength)).toEqual([]);
    const shifted = keys.map((k) => ({ ...k, start: k.start + 1, end: k.end + 1 }));
    expect(createOnDemandJieba(added, dict, shifted).loadedKeys()).toEqual([]);
  });

  it("does so for random texts of dictionary words, their pieces, Latin letters, digits, spaces and punctuation", () => {
    const onDemand = createOnDemandJieba(added);
    const word = fc.nat(words.length - 1).map((i) => words[i]!);
    const piece = fc.oneof(
      word,
      word.chain((w) => fc.nat(w.length).map((n) => w.slice(n))),
      fc.constantFrom(...DOMAIN_TERMS),
      fc.constantFrom("a", "s", "T", "4", "10", "km", " ", "，", "。", "！", "\n", "(", "5g"),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), (parts) => {
        const text = parts.join("");
        expect({ cut: onDemand.cut(text), cutAll: onDemand.cutAll(text), tag: onDemand.tag(text) }).toEqual(expected(text));
      }),
      { numRuns: 3000, seed: 13 },
    );
  });

  it("rests on jieba's dictionary being sorted by bytes, one word a line, with the recorded size and frequency sum", () => {
    expect(dict.byteLength).toBe(DICT_BYTES);
    expect(frequencySum(dict)).toBe(DICT_FREQUENCY_SUM);
    const lines = Buffer.from(dict).toString("utf8").split("\n").filter(Boolean);
    for (let i = 1; i < lines.length; i++) {
      const [before, after] = [lines[i - 1]!.split(" ")[0]!, lines[i]!.split(" ")[0]!];
      if (Buffer.compare(Buffer.from(before), Buffer.from(after)) >= 0) throw new Error(`dict.txt 未按字节排序或有重复：${before} / ${after}`);
    }
  });
});
