/**
 * Every jurisdiction the rules, the intake and the drafts know. A third one is
 * a params file under knowledge/rules/, a module under ./jurisdictions/ and
 * one line in BUILT_IN — or, for a jurisdiction that is not shipped (a test
 * fixture), one `registerJurisdiction` call.
 */
import { registerJurisdictionNames } from "../knowledge/jurisdictions.ts";
import type { JurisdictionModule } from "./jurisdiction.types.ts";
import { zhejiangJurisdiction } from "./jurisdictions/zhejiang.jurisdiction.ts";
import { ziboJurisdiction } from "./jurisdictions/zibo.jurisdiction.ts";
import type { Jurisdiction } from "./zone-profile.schema.ts";

// Each module keeps its own parameter types; the engine only needs the shape.
const BUILT_IN: JurisdictionModule<any>[] = [zhejiangJurisdiction, ziboJurisdiction];

const MODULES = new Map<string, JurisdictionModule<any>>();

/** Adds a jurisdiction: its names become known everywhere, its rules, intake words and template here. */
export function registerJurisdiction(m: JurisdictionModule<any>): void {
  if (m.names.jurisdiction !== m.jurisdiction || m.names.policy !== m.policyId || m.documents.jurisdiction !== m.jurisdiction) {
    throw new Error(`地区模块 ${m.jurisdiction} 的名称、政策标识或文书模板不一致`);
  }
  if (MODULES.has(m.jurisdiction)) throw new Error(`地区 ${m.jurisdiction} 已登记`);
  registerJurisdictionNames(m.names);
  MODULES.set(m.jurisdiction, m);
}

for (const m of BUILT_IN) registerJurisdiction(m);

export function jurisdictionModule(j: Jurisdiction): JurisdictionModule<any> {
  const m = MODULES.get(j);
  if (!m) throw new Error(`未登记的地区：${j}`);
  return m;
}

export function allJurisdictions(): JurisdictionModule<any>[] {
  return [...MODULES.values()];
}

/** The jurisdictions that offer an agency support estimate (Zibo 第九条), in registration order. */
export function estimateJurisdictions(): JurisdictionModule<any>[] {
  return allJurisdictions().filter((m) => m.estimate !== undefined);
}
