/**
 * 第九条（二）, first half: 专利托管 service voucher. One award a year at the
 * highest mode the agency provides, and only when the city centre has
 * certified outstanding results (「且经市知识产权事业发展中心认定……成绩显著的」).
 */
import { formatClause } from "../../knowledge/citation.ts";
import { custodyModeSchema, type CustodyMode } from "../agency-input.schema.ts";
import { CUSTODY_MODE_LABELS, joinLabels } from "../labels.ts";
import { groupDigits, wanText } from "../money.ts";
import { granted, notEligible, type SupportRule } from "./support-rule.types.ts";

const rule = { clause: "zb2020:9.2", title: "专利托管服务（服务券）" };

export const custodyRule: SupportRule = {
  ...rule,
  facts: [
    { path: "custody.modes", kind: "multi-enum", options: custodyModeSchema.options },
    { path: "custody.certifiedOutstanding", kind: "boolean" },
  ],
  evaluate(input, params) {
    const modes = input.custody?.modes;
    if (modes === undefined) return notEligible(rule, "未提供专利托管服务情况，未测算");
    if (modes.length === 0) return notEligible(rule, "本年度未提供专利托管服务");
    const awards = params.custodyAwards;
    const provided = [...new Set(modes)] as CustodyMode[];
    // Tiers never stack (「当年度优惠政策只享受一次」): the highest mode only.
    const best = provided.reduce((a, b) => ((awards.value[b] ?? 0) > (awards.value[a] ?? 0) ? b : a));
    const amount = awards.value[best] ?? 0;
    const certified = input.custody?.certifiedOutstanding;
    if (certified !== true) {
      const reason =
        certified === false
          ? "未经市知识产权事业发展中心认定工作成绩显著，托管服务券不予支持"
          : "尚未说明是否经市知识产权事业发展中心认定工作成绩显著，未测算";
      return notEligible(rule, reason);
    }
    const others = provided.length > 1 ? `（提供了${joinLabels(provided, CUSTODY_MODE_LABELS)}，每年只按最高的一种计一次）` : "";
    return granted(
      rule,
      { maxAmount: amount, form: awards.form ?? "voucher", basis: `${CUSTODY_MODE_LABELS[best]} ${groupDigits(amount)}${others}`, notes: ["以知识产权服务券形式支持"] },
      `提供${joinLabels(provided, CUSTODY_MODE_LABELS)}托管且经认定成绩显著，依据${formatClause(rule.clause)}按${CUSTODY_MODE_LABELS[best]}最高 ${wanText(amount)}服务券`,
    );
  },
};
