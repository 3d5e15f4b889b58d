import type { Jurisdiction } from "../knowledge/jurisdictions.ts";

/** One side of a comparison and the question asked of it (compare-sides.ts, side-claims.ts). */
export interface SideQuestion {
  jurisdiction: Jurisdiction;
  text: string;
}
