/**
 * 第九条（三）: a provincial or national demonstration brand or key
 * qualification won after joining the zone (「进驻示范区后，创……的」).
 * Both in one year → the reading `brandBothLevelsReading` decides (higher
 * only, by default); "higher" is whichever amount the parameters make larger.
 */
import { formatClause } from "../../knowledge/citation.ts";
import { groupDigits, wanText } from "../money.ts";
import { granted, notEligible, type SupportRule } from "./support-rule.types.ts";

const rule = { clause: "zb2020:9.3", title: "省级、国家级示范品牌或重点资质" };

export const brandRule: SupportRule = {
  ...rule,
  facts: [
    { path: "brand.national", kind: "boolean" },
    { path: "brand.provincial", kind: "boolean" },
    { path: "brand.afterJoiningZone", kind: "boolean" },
  ],
  evaluate(input, params) {
    const b = input.brand;
    if (!b || (b.national === undefined && b.provincial === undefined))
      return notEligible(rule, "未提供示范品牌或重点资质情况，未测算");
    if (b.national !== true && b.provincial !== true) return notEligible(rule, "未创省级或国家级示范品牌或重点资质");
    const awards = params.brandAwards.value;
    // Which level pays more is the parameters' business, not this code's.
    const won = (["national", "provincial"] as const)
      .filter((l) => b[l] === true)
      .sort((x, y) => awards[y] - awards[x]);
    const levelText = joinLevels(won);
    if (b.afterJoiningZone === false)
      return notEligible(rule, `${levelText}品牌或资质在进驻示范区之前取得，${formatClause(rule.clause)}只支持进驻后创建的`);
    if (b.afterJoiningZone === undefined)
      return notEligible(rule, `尚未说明${levelText}品牌或资质是否在进驻示范区后取得，未测算`);
    const both = won.length > 1;
    const reading = params.brandBothLevelsReading;
    const counted = both && reading.value === "higher-only" ? won.slice(0, 1) : won;
    const amount = counted.reduce((s, l) => s + awards[l], 0);
    const basis = counted.map((l) => `${LEVEL_LABELS[l]} ${groupDigits(awards[l])}`).join(" + ");
    const readingNote = both
      ? reading.value === "higher-only"
        ? `（同时获${LEVEL_LABELS[won[1]!]}，按解读「只计较高一档」不另计）`
        : "（按解读「两档都计」）"
      : "";
    return granted(
      rule,
      { maxAmount: amount, form: params.brandAwards.form ?? "cash", basis: `${basis}${readingNote}` },
      `进驻示范区后创${levelText}示范品牌或重点资质，依据${formatClause(rule.clause)}最高 ${wanText(amount)}${readingNote}`,
    );
  },
};

const LEVEL_LABELS = { national: "国家级", provincial: "省级" } as const;
const joinLevels = (levels: readonly (keyof typeof LEVEL_LABELS)[]) => levels.map((l) => LEVEL_LABELS[l]).join("和");
