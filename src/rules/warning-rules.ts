/** Warnings a jurisdiction may declare (docs/output-formats.md, "Warning codes"). */
import { formatClause } from "../knowledge/citation.ts";
import { AREA_TYPE_LABELS, joinLabels } from "./labels.ts";
import type { ResolvedParam } from "./rule-param.schema.ts";
import type { WarningRule } from "./jurisdiction.types.ts";
import { areaTypeSchema } from "./zone-profile.schema.ts";

/**
 * `area-not-preferred`: the zone's area type is known and is not one the policy
 * names (zj2018 第五条 布局; zb2020 第三条 优先考虑). Not a condition — 「等」
 * leaves room — so it only warns. An unknown area type says nothing.
 */
export function areaNotPreferred<R>(pick: (params: R) => ResolvedParam<readonly string[]>, clause: string): WarningRule<R> {
  return {
    clause,
    fact: { path: "zone.areaType", kind: "enum", options: areaTypeSchema.options },
    evaluate(profile, params) {
      const areaType = profile.zone?.areaType;
      const p = pick(params);
      if (areaType === undefined || p.value.includes(areaType)) return undefined;
      return {
        code: "area-not-preferred",
        message: `示范区所在区域类型为「${AREA_TYPE_LABELS[areaType]}」，不在${formatClause(p.clause)}所列的${joinLabels(p.value)}之内。这不是硬性条件，但这些区域会被优先考虑，申报时宜说明区域的产业特色和知识产权服务需求。`,
      };
    },
  };
}
