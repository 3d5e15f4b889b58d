/**
 * Cuts a raw policy text into fragments: one paragraph each, labelled or not.
 * Lines are paragraphs; inside a line a new fragment starts before a label that
 * follows a sentence end (the shuffled Zibo text crammed most of its plan into
 * one line, "…融合。第四条 市知识产权…"), before an item label that follows a
 * bare article heading ("第九条 保障措施（二）…"), and before any `extraBreaks`
 * string that follows a sentence end (unlabelled paragraphs glued to the one
 * before, named in knowledge/zb2020.placement.json).
 */
import { isBareHeading, MARKER_START, readMarker } from "./fragment-marker.ts";

export interface RawFragment {
  /** trimmed text of the paragraph, label included */
  text: string;
  /** 1-based line of the raw file it came from */
  line: number;
}

const SENTENCE_END = /[。；：！？]$/;

export function splitFragments(raw: string, extraBreaks: readonly string[] = []): RawFragment[] {
  const fragments: RawFragment[] = [];
  raw.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === "") return;
    let start = 0;
    for (const cut of candidateCuts(line, extraBreaks)) {
      if (cut <= start) continue;
      const before = line.slice(start, cut).trim();
      const isItemLabel = readMarker(line.slice(cut)).kind === "item";
      if (SENTENCE_END.test(before) || (isItemLabel && followsBareHeading(before))) {
        fragments.push({ text: before, line: index + 1 });
        start = cut;
      }
    }
    fragments.push({ text: line.slice(start).trim(), line: index + 1 });
  });
  return fragments;
}

function candidateCuts(line: string, extraBreaks: readonly string[]): number[] {
  const cuts = new Set<number>();
  for (const m of line.matchAll(MARKER_START)) cuts.add(m.index);
  for (const b of extraBreaks) {
    for (let i = line.indexOf(b); i >= 0; i = line.indexOf(b, i + 1)) cuts.add(i);
  }
  return [...cuts].sort((a, b) => a - b);
}

function followsBareHeading(before: string): boolean {
  const m = readMarker(before);
  return m.kind === "article" && isBareHeading(m.rest);
}
