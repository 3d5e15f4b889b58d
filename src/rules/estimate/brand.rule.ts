/**
 * 第九条（三）: a provincial or national demonstration brand or key
 * qualification won after joining the zone (「进驻示范区后，创……的」).
 * Both → the national amount only (tiers never stack).
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
    const level = b.national === true ? "国家级" : "省级";
    const amount = b.national === true ? awards.national : awards.provincial;
    if (b.afterJoiningZone === false)
      return notEligible(rule, `${level}品牌或资质在进驻示范区之前取得，${formatClause(rule.clause)}只支持进驻后创建的`);
    if (b.afterJoiningZone === undefined)
      return notEligible(rule, `尚未说明${level}品牌或资质是否在进驻示范区后取得；如是，最高 ${wanText(amount)}`, {
        hints: [`确认${level}品牌或资质是在进驻示范区后取得的，可申请最高 ${wanText(amount)}`],
      });
    const both = b.national === true && b.provincial === true;
    return granted(
      rule,
      { maxAmount: amount, form: params.brandAwards.form ?? "cash", basis: `${level} ${groupDigits(amount)}${both ? "（同时获省级，只按较高的国家级计）" : ""}` },
      `进驻示范区后创${both ? "国家级和省级" : level}示范品牌或重点资质，依据${formatClause(rule.clause)}按${level}最高 ${wanText(amount)}`,
    );
  },
};
