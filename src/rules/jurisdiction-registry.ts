/**
 * Every jurisdiction the rules know. A third one is a params file under
 * knowledge/rules/, a module under ./jurisdictions/ and one line here.
 */
import type { JurisdictionModule } from "./jurisdiction.types.ts";
import { zhejiangJurisdiction } from "./jurisdictions/zhejiang.jurisdiction.ts";
import { ziboJurisdiction } from "./jurisdictions/zibo.jurisdiction.ts";
import type { Jurisdiction } from "./zone-profile.schema.ts";

// Each module keeps its own parameter types; the engine only needs the shape.
export const JURISDICTIONS: Record<Jurisdiction, JurisdictionModule<any>> = {
  zhejiang: zhejiangJurisdiction,
  zibo: ziboJurisdiction,
};

export function jurisdictionModule(j: Jurisdiction): JurisdictionModule<any> {
  return JURISDICTIONS[j];
}

export function allJurisdictions(): JurisdictionModule<any>[] {
  return Object.values(JURISDICTIONS);
}
