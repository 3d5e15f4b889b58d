/**
 * Restores the shuffled Zibo plan into article order with the placement map
 * (knowledge/zb2020.placement.json). Labels in the text decide article and item
 * numbers; the map decides which article an item or unlabelled paragraph
 * belongs to, because the text repeats （一）（二）（三） in 第五条, 第六条, 第九条
 * and 第十三条. The result depends only on the raw text and the map.
 *
 * A fragment no entry claims is not dropped: it becomes a placementNote without
 * `placedAt`. A map that contradicts the text (an entry that matches nothing or
 * several fragments, an item placed under another number) throws.
 */
import { chineseNumber } from "../citation.ts";
import { POLICIES } from "../policy-catalog.ts";
import type { PolicyArticle, PolicyDocument } from "../policy-document.schema.ts";
import { assertTitle, documentFromMeta } from "./document-shell.ts";
import { readMarker } from "./fragment-marker.ts";
import { newArticle } from "./new-article.ts";
import type { PlacementEntry, PlacementMap } from "./placement-map.schema.ts";
import { splitFragments, type RawFragment } from "./split-fragments.ts";

const meta = POLICIES.zb2020;
const PREAMBLE = 0;

/** The unlabelled openings in the map are the paragraph breaks the crammed line lost. */
function extraBreaks(map: PlacementMap): string[] {
  return map.fragments.map((e) => e.opening).filter((o) => readMarker(o).kind === "none");
}

const squeeze = (s: string) => s.replace(/\s+/g, "");

interface Placed {
  entry: PlacementEntry;
  fragment: RawFragment;
}

export function matchPlacements(raw: string, map: PlacementMap): { placed: Placed[]; unplaced: RawFragment[] } {
  const fragments = splitFragments(raw, extraBreaks(map));
  const owner = new Map<RawFragment, PlacementEntry>();
  const placed: Placed[] = [];
  for (const entry of map.fragments) {
    const candidates = fragments.filter((f) => squeeze(f.text).startsWith(squeeze(entry.opening)));
    if (entry.occurrence === undefined && candidates.length > 1) {
      throw new Error(`placement "${entry.opening}" matches ${candidates.length} fragments: lengthen it or give "occurrence"`);
    }
    const fragment = candidates[(entry.occurrence ?? 1) - 1];
    if (!fragment) throw new Error(`placement "${entry.opening}" (occurrence ${entry.occurrence ?? 1}) matches no fragment of ${map.source}`);
    const previous = owner.get(fragment);
    if (previous) throw new Error(`fragment at line ${fragment.line} "${fragment.text.slice(0, 20)}" claimed by "${previous.opening}" and "${entry.opening}"`);
    owner.set(fragment, entry);
    placed.push({ entry, fragment });
  }
  return { placed, unplaced: fragments.filter((f) => !owner.has(f)) };
}

export function restoreZibo(raw: string, map: PlacementMap, source: string): PolicyDocument {
  const { placed, unplaced } = matchPlacements(raw, map);
  const titleLines: string[] = [];
  const articles = new Map<number, { article: PolicyArticle; labelled: boolean; extraLead: string[] }>();
  const notes: PolicyDocument["placementNotes"] = [];

  const articleAt = (number: number) => {
    let slot = articles.get(number);
    if (!slot) {
      const label = number === PREAMBLE ? "印发通知及开头部分" : `第${chineseNumber(number)}条`;
      const article = newArticle(meta, number, label, "", undefined);
      if (number === PREAMBLE) article.id = `${meta.id}:preamble`;
      slot = { article, labelled: number === PREAMBLE, extraLead: [] };
      articles.set(number, slot);
    }
    return slot;
  };

  for (const { entry, fragment } of placed) {
    const where = `placement "${entry.opening}" (line ${fragment.line})`;
    const marker = readMarker(fragment.text);
    if (entry.at === "title") {
      if (marker.kind !== "none") throw new Error(`${where}: a labelled fragment cannot be a title line`);
      titleLines.push(marker.rest);
      continue;
    }
    const [, articlePart, itemPart] = /^zb2020:(preamble|\d+)(?:\.(\d+))?$/.exec(entry.at)!;
    const articleNumber = articlePart === "preamble" ? PREAMBLE : Number(articlePart);
    const slot = articleAt(articleNumber);

    if (itemPart !== undefined) {
      if (marker.kind !== "item" || marker.number !== Number(itemPart)) {
        throw new Error(`${where}: placed as item ${itemPart} but the text labels it "${fragment.text.slice(0, 4)}"`);
      }
      if (slot.article.items.some((i) => i.number === marker.number)) throw new Error(`${where}: ${entry.at} placed twice`);
      slot.article.items.push({ id: entry.at, number: marker.number, label: marker.label, text: marker.rest });
    } else if (marker.kind === "article") {
      if (marker.number !== articleNumber) throw new Error(`${where}: the text labels it ${marker.label}, not ${entry.at}`);
      if (slot.labelled) throw new Error(`${where}: ${marker.label} appears twice`);
      const fresh = newArticle(meta, marker.number, marker.label, marker.rest, undefined);
      slot.article.label = fresh.label;
      if (fresh.heading !== undefined) slot.article.heading = fresh.heading;
      slot.article.lead = fresh.lead;
      slot.labelled = true;
    } else if (marker.kind === "none") {
      const part = entry.part ?? (articleNumber === PREAMBLE ? "lead" : undefined);
      if (!part) throw new Error(`${where}: an unlabelled paragraph needs "part": "lead" or "tail"`);
      (part === "lead" ? slot.extraLead : slot.article.tail).push(marker.rest);
    } else {
      throw new Error(`${where}: a ${marker.kind} label cannot be placed at ${entry.at}`);
    }
    if (!entry.certain) notes.push({ text: fragment.text, placedAt: entry.at, reason: entry.reason! });
  }

  for (const fragment of unplaced) {
    notes.push({
      text: fragment.text,
      reason: `原文第${fragment.line}行的这一段未在 knowledge/zb2020.placement.json 中安排位置，未放入任何条款。`,
    });
  }

  assertTitle(meta, titleLines);
  const restored = [...articles.values()]
    .map(({ article, labelled, extraLead }) => {
      if (!labelled) {
        notes.push({ text: article.label, placedAt: article.id, reason: `原文中没有“${article.label}”字样，条号由放在此处的段落推定。` });
      }
      article.lead = [...article.lead, ...extraLead];
      article.items.sort((a, b) => a.number - b.number);
      return article;
    })
    .sort((a, b) => a.number - b.number);
  return documentFromMeta(meta, source, restored, notes);
}
