/**
 * The figures a text states — amounts, counts, dates, percentages — each
 * reduced to one comparable key, so that a chat model's answer can be checked
 * against the passages it was given whatever way it writes a figure:
 * 「20万元」, 「二十万元」, 「200,000元」, 「RMB 200,000」 and 「２０万元」 are all
 * `amount:200000`; 「2020年8月25日」 and 「25 August 2020」 are both
 * `date:2020-08-25`. References are not figures: citation ids, 第九条（五）,
 * Article 9 (5) and list numbering are removed before reading.
 */
import { parseChineseNumeral } from "../retrieval/answer-kinds.ts";

export type FigureKind = "amount" | "date" | "percent" | "number";

export interface Figure {
  kind: FigureKind;
  /** what is compared: `amount:200000`, `date:2020-08-25`, `percent:30`, `number:20` */
  key: string;
  /** as written */
  text: string;
}

const CN = "零〇一二两三四五六七八九十百千";
/** A figure in digits (200,000 / 0.5) or in Chinese numerals (二十). */
const N = String.raw`(?:\d+(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[${CN}]+)`;
/** Words a count is counted in; a Chinese numeral counts only before one of them (「一律」 is no figure). */
const COUNT_UNIT = "家|件|项|人|名|位|个|笔|单|次|年|月|日|天|种|类|档|倍|批|届|期|平方米|平米|㎡";
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH = String.raw`(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?`;

/** Full-width digits and signs as ASCII (「２０万元」, 「３０％」). */
function normaliseWidth(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/％/g, "%")
    .replace(/(?<=\d)[．。](?=\d)/g, ".")
    .replace(/(?<=\d)，(?=\d{3}(?!\d))/g, ",");
}

/** Citation ids, article and item references, list numbering: numbers that are not figures. */
function withoutReferences(text: string): string {
  return text
    .replace(/[a-z]{2}\d{4}(?::[\w.]+)?/gi, " ")
    .replace(new RegExp(`第\\s*[\\d${CN}]+\\s*[条款项章节批步点]`, "g"), " ")
    .replace(new RegExp(`[（(]\\s*[\\d${CN}]+\\s*[）)]`, "g"), " ")
    .replace(/\b(?:articles?|art\.|items?|clauses?|paragraphs?|sections?|chapters?|points?|no\.)\s*\d+(?:\s*(?:\(\d+\)|and\s+\d+|,\s*\d+))*/gi, " ")
    .replace(new RegExp(`^\\s*(?:[-*·•]\\s*)?(?:\\d+|[${CN}]+)\\s*[.．、)）](?!\\d)\\s*`, "gm"), " ");
}

function valueOf(figure: string): number | undefined {
  if (/^[\d.,]+$/.test(figure)) {
    const n = Number(figure.replace(/,/g, ""));
    return Number.isFinite(n) ? n : undefined;
  }
  return parseChineseNumeral(figure);
}

const scale = (unit: string | undefined): number =>
  unit === "万" ? 10_000 : unit === "亿" ? 100_000_000 : unit && /^million$/i.test(unit) ? 1_000_000 : unit && /^(thousand|k)$/i.test(unit) ? 1_000 : 1;

/** Avoids 0.1 + 0.2 noise in 0.5万 → 5000. */
const tidy = (n: number): number => Math.round(n * 100) / 100;

const pad = (n: number | string): string => String(n).padStart(2, "0");

interface Reader {
  pattern: RegExp;
  read(m: RegExpMatchArray): Figure[];
}

const figure = (kind: FigureKind, value: string | number, text: string): Figure => ({ kind, key: `${kind}:${value}`, text });

const monthNumber = (name: string): number => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().replace(/\.$/, "").slice(0, 3))) + 1;

/** In this order: a span read by one reader is not read again by a later one. */
const READERS: readonly Reader[] = [
  {
    pattern: /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g,
    read: (m) => [figure("date", `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`, m[0])],
  },
  {
    pattern: /(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/g,
    read: (m) => [figure("date", `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`, m[0])],
  },
  {
    pattern: new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH}\s*,?\s*(\d{4})\b`, "gi"),
    read: (m) => [figure("date", `${m[3]}-${pad(monthNumber(m[2]!))}-${pad(m[1]!)}`, m[0])],
  },
  {
    pattern: new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s*(\d{4})\b`, "gi"),
    read: (m) => [figure("date", `${m[3]}-${pad(monthNumber(m[1]!))}-${pad(m[2]!)}`, m[0])],
  },
  { pattern: /(\d{4})\s*年\s*(\d{1,2})\s*月/g, read: (m) => [figure("date", `${m[1]}-${pad(m[2]!)}`, m[0])] },
  {
    pattern: new RegExp(String.raw`\b${MONTH}\s+(\d{4})\b`, "gi"),
    read: (m) => [figure("date", `${m[2]}-${pad(monthNumber(m[1]!))}`, m[0])],
  },
  { pattern: /(?<!\d)((?:19|20)\d{2})\s*年/g, read: (m) => [figure("date", m[1]!, m[0])] },
  {
    pattern: new RegExp(`百分之\\s*(${N})|(${N})\\s*(?:%|percent\\b|per\\s*cent\\b)`, "gi"),
    read: (m) => {
      const v = valueOf((m[1] ?? m[2])!);
      return v === undefined ? [] : [figure("percent", tidy(v), m[0])];
    },
  },
  {
    // 「不超过5万元、3万元」 and 「1、3、5万元」: a list before one unit shares it.
    pattern: new RegExp(`(${N}(?:\\s*[、和或至到~～-]\\s*${N})*)\\s*(万|亿)?\\s*(?:元|块钱|块)|(${N}(?:\\s*[、和或至到~～-]\\s*${N})*)\\s*(万|亿)(?!\\s*(?:${COUNT_UNIT}))`, "g"),
    read: (m) => {
      const list = (m[1] ?? m[3])!;
      const unit = m[2] ?? m[4];
      return list.split(/\s*[、和或至到~～-]\s*/).flatMap((part) => {
        const v = valueOf(part);
        return v === undefined ? [] : [figure("amount", tidy(v * scale(unit)), m[0])];
      });
    },
  },
  {
    pattern: /(?:RMB|CNY|¥|￥)\s*(\d+(?:,\d{3})*(?:\.\d+)?)\s*(million|thousand|k\b)?|(\d+(?:,\d{3})*(?:\.\d+)?)\s*(million|thousand|k\b)?\s*(?:yuan|RMB|CNY)\b/gi,
    read: (m) => {
      const v = valueOf((m[1] ?? m[3])!);
      return v === undefined ? [] : [figure("amount", tidy(v * scale(m[2] ?? m[4])), m[0])];
    },
  },
  {
    pattern: new RegExp(`([${CN}]+)\\s*(?:${COUNT_UNIT})`, "g"),
    // A lone 一 is usually an article (「一项条件」「一年一次」), not a count.
    read: (m) => {
      if (m[1] === "一") return [];
      const v = valueOf(m[1]!);
      return v === undefined ? [] : [figure("number", v, m[0])];
    },
  },
  {
    pattern: /(?<![\d.])\d+(?:,\d{3})+(?:\.\d+)?(?![\d])|(?<![\d.,])\d+(?:\.\d+)?(?![\d])/g,
    read: (m) => {
      const v = valueOf(m[0]);
      return v === undefined ? [] : [figure("number", tidy(v), m[0])];
    },
  },
];

/** The figures of a text, in reading order of the readers (not of the text). */
export function figuresIn(text: string): Figure[] {
  let rest = withoutReferences(normaliseWidth(text));
  const out: Figure[] = [];
  for (const reader of READERS) {
    rest = rest.replace(reader.pattern, (...args: unknown[]) => {
      // replace() passes the match and its groups, then the offset (the first number) and the whole text.
      const match = args.slice(0, args.findIndex((a) => typeof a === "number")) as unknown as RegExpMatchArray;
      out.push(...reader.read(match));
      return " ".repeat(match[0].length);
    });
  }
  return out;
}

/**
 * Every key a source text supports. A date also supports its month and year
 * (「2020年」 is stated by 「2020年8月25日」); an amount also supports its
 * figures as bare numbers (「up to 10,000」 from 「1万元」, 「1」 as written).
 */
export function supportedKeys(texts: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const text of texts) {
    for (const f of figuresIn(text)) {
      keys.add(f.key);
      const value = f.key.slice(f.kind.length + 1);
      if (f.kind === "date") {
        const [y, mo] = value.split("-");
        keys.add(`date:${y}`);
        if (mo) keys.add(`date:${y}-${mo}`);
        keys.add(`number:${y}`);
      }
      if (f.kind === "amount" || f.kind === "percent") {
        keys.add(`number:${value}`);
        for (const raw of f.text.match(/\d+(?:,\d{3})*(?:\.\d+)?/g) ?? []) keys.add(`number:${Number(raw.replace(/,/g, ""))}`);
        const cn = f.text.match(new RegExp(`[${CN}]+`, "g")) ?? [];
        for (const c of cn) {
          const v = parseChineseNumeral(c);
          if (v !== undefined) keys.add(`number:${v}`);
        }
      }
    }
  }
  return keys;
}
