/**
 * The nine readings of 第九条, stated in
 * every estimate. Amounts and thresholds come from the parameters, so a
 * corrected amount changes the wording too.
 */
import { chineseDate, type PolicyValidity } from "../policy-validity.ts";
import { CLIENT_PROGRAM_LABELS, CUSTODY_MODE_LABELS } from "../labels.ts";
import { wanText } from "../money.ts";
import type { SupportParams } from "./support-rule.types.ts";

const ymd = chineseDate;

export function estimateAssumptions(p: SupportParams, validity: PolicyValidity): string[] {
  const custody = Object.entries(p.custodyAwards.value)
    .sort((a, b) => b[1] - a[1])
    .map(([mode, amount]) => `${CUSTODY_MODE_LABELS[mode as keyof typeof CUSTODY_MODE_LABELS]} ${wanText(amount)}`)
    .join("、");
  const tiers = p.inventionGrantTiers.value;
  const tierText = tiers.map((t) => `超过 ${t.moreThan} 件 ${wanText(t.amount)}`).join("，");
  const bounds = tiers.map((t) => t.moreThan).join("、");
  const vouchers = Object.entries(p.clientVouchers.value)
    .map(([prog, t]) => `「${CLIENT_PROGRAM_LABELS[prog as keyof typeof CLIENT_PROGRAM_LABELS]}」企业代理发明专利授权 ${t.minGrants} 件以上 ${wanText(t.amount)}`)
    .join("、");
  const trialYear = validity.trialEnds ? Number(validity.trialEnds.slice(0, 4)) : undefined;
  return [
    "1. 第九条各项金额都是「不超过」的上限：测算结果是最高可得金额（元），实际以市知识产权事业发展中心核定为准。",
    "2. 第九条各项都只适用于示范区内、具有专利代理资质的知识产权服务机构；明确不在示范区内或无资质的，各项均不适用。凡未提供的是/否信息（包括这两项），「确认金额」按不利的回答计，「可能金额」按有利的回答计；填写为范围的数量，确认金额按下限、可能金额按上限计；某一项的信息全部未提供的，该项不测算。",
    `3. （一）每完成 1 项政银保专利权保险质押贷款按 ${wanText(p.pledgeLoanAward.value)}、每完成 1 项知识产权证券化按 ${wanText(p.securitizationAward.value)}计，资金支持；${p.securitizationReading.value === "independent" ? "证券化不以当年有质押贷款为前提" : "证券化以当年至少完成 1 项质押贷款为前提"}（解读参数 securitizationReading）。`,
    `4. （二）专利托管每年只计一次，按所提供托管方式中最高的一种（${custody}），须经市知识产权事业发展中心认定工作成绩显著，以知识产权服务券支持；另外年度内每新获 1 名国家专利代理师证书按 ${wanText(p.newPatentAttorneyAward.value)}计，资金支持。`,
    `5. （三）进驻示范区后创国家级示范品牌或重点资质按 ${wanText(p.brandAwards.value.national)}、省级按 ${wanText(p.brandAwards.value.provincial)}计，同一年两者都有时${p.brandBothLevelsReading.value === "higher-only" ? "只按金额较高的一档" : "两档都计"}（解读参数 brandBothLevelsReading）；进驻前取得的不计。资金支持。`,
    `6. （四）为示范区内企业代理涉外或具有重大影响的专利案件胜诉，每件按 ${wanText(p.wonCaseAward.value)}计，每个机构每年合计最多 ${wanText(p.wonCaseAnnualCap.value)}。资金支持。`,
    `7. （五）当年度代理本市发明专利授权：${tierText}，只取最高一档；恰好 ${bounds} 件按较低一档计并提示（原文「超过……以上」可能含本数）。服务券按企业计：${vouchers}；同一企业填写多次只计一次、取较高者。有任何非正常申请的，（五）全部不予支持。`,
    p.oncePerYearReading.value === "per-item"
      ? "8. 「当年度优惠政策只享受一次，不重复支持」：按以上每项每个机构每年最多享受一次、档位不叠加理解，各项可以同时享受（解读参数 oncePerYearReading）；若理解为每个机构每年只享受一项，合计见「解读」。"
      : "8. 「当年度优惠政策只享受一次，不重复支持」：按每个机构每年只享受一项（取金额最高的一项）理解（解读参数 oncePerYearReading）；若理解为各项可以同时享受，合计见「解读」。",
    validity.trialEnds
      ? `9. 本方案自${ymd(validity.effective)}起实施，试用期至${ymd(validity.trialEnds)}；测算年度晚于 ${trialYear} 年或评估日期晚于 ${validity.trialEnds} 时，提示试用期已满，需确认是否延续。`
      : `9. 本方案自${ymd(validity.effective)}起实施，未定截止日期。`,
  ];
}
