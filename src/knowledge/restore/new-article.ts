/**
 * An article as its label line introduces it: "第九条 保障措施" gives a heading,
 * "第五条 示范区应当具备下列条件：" the first lead paragraph.
 */
import type { PolicyMeta } from "../policy-catalog.ts";
import type { PolicyArticle } from "../policy-document.schema.ts";
import { isBareHeading } from "./fragment-marker.ts";

export function newArticle(
  meta: PolicyMeta,
  number: number,
  label: string,
  rest: string,
  chapter: string | undefined,
): PolicyArticle {
  const heading = isBareHeading(rest) ? rest : undefined;
  return {
    id: `${meta.id}:${number}`,
    number,
    label,
    ...(chapter !== undefined && { chapter }),
    ...(heading !== undefined && { heading }),
    lead: heading === undefined && rest !== "" ? [rest] : [],
    items: [],
    tail: [],
  };
}
