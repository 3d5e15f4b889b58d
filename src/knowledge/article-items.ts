/** The items of an article's list, in their order. */
import { articleOf } from "./citation.ts";
import type { PolicyPiece } from "./policy-piece.types.ts";

/**
 * The item pieces of the article `id` belongs to (`zj2018:6` or any of its items `zj2018:6.2`), in item order;
 * empty for an article without a list.
 */
export function itemsOfArticle(pieces: readonly PolicyPiece[], id: string): PolicyPiece[] {
  const article = articleOf(id);
  return pieces.filter((p) => p.item !== undefined && articleOf(p.id) === article).sort((a, b) => a.item! - b.item!);
}
