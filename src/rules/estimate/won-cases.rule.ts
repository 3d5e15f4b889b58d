/**
 * 第九条（四）: won foreign-related or major-impact patent cases for
 * enterprises in the zone, 5 万 each, at most 20 万 per agency per year
 * (「同一申请人每个年度内的胜诉案件最多补助20万元」), less what earlier cases of the year already
 * received (wonCaseSupportReceived).
 */
import { formatClause } from "../../knowledge/citation.ts";
import { wonCaseKindSchema } from "../agency-input.schema.ts";
import { WON_CASE_KIND_LABELS } from "../labels.ts";
import { formatYuan, groupDigits, wanText } from "../money.ts";
import { emptyOutcome, notEligible, type SupportRule } from "./support-rule.types.ts";

const rule = { clause: "zb2020:9.4", title: "涉外或重大影响专利案件胜诉补助" };

export const wonCasesRule: SupportRule = {
  ...rule,
  facts: [
    { path: "wonCases[].enterpriseInZone", kind: "boolean" },
    { path: "wonCases[].kind", kind: "enum", options: wonCaseKindSchema.options },
  ],
  evaluate(input, params) {
    const cases = input.wonCases;
    if (cases === undefined) return notEligible(rule, "未提供本年度胜诉案件，未测算");
    if (cases.length === 0) return notEligible(rule, "本年度没有胜诉案件");
    const kinds = params.wonCaseKinds.value as readonly string[];
    const kindsText = kinds.map((k) => WON_CASE_KIND_LABELS[k as keyof typeof WON_CASE_KIND_LABELS] ?? k).join("或");
    const outsideZone = cases.filter((c) => !c.enterpriseInZone).length;
    const otherKind = cases.filter((c) => c.enterpriseInZone && !kinds.includes(c.kind)).length;
    const counted = cases.length - outsideZone - otherKind;
    const excluded: string[] = [];
    if (outsideZone) excluded.push(`${outsideZone} 件的企业不在示范区内`);
    if (otherKind) excluded.push(`${otherKind} 件不是${kindsText}的案件`);
    const excludedText = excluded.length ? `${cases.length - counted} 件不计：${excluded.join("，")}` : "";
    if (counted === 0) return notEligible(rule, `胜诉案件均不符合条件（${excludedText}）`);

    const per = params.wonCaseAward.value;
    const cap = params.wonCaseAnnualCap.value;
    // What earlier cases of the same year already received counts against the same cap.
    const received = Math.min(input.wonCaseSupportReceived ?? 0, cap);
    const left = cap - received;
    const raw = counted * per;
    const amount = Math.min(raw, left);
    const room = left - amount;
    const capped = raw > left;
    const receivedText = received > 0 ? `本年度已获 ${groupDigits(received)}，` : "";
    if (left === 0) return notEligible(rule, `本年度已获 ${wanText(received)}，已达每年 ${wanText(cap)}上限，不再补助`);
    const out = emptyOutcome();
    out.items.push({
      clause: rule.clause,
      title: rule.title,
      maxAmount: amount,
      form: params.wonCaseAward.form ?? "cash",
      basis: capped
        ? `${counted} × ${groupDigits(per)} = ${groupDigits(raw)}，${receivedText}每年最多 ${groupDigits(cap)}${received > 0 ? `，还可补 ${groupDigits(left)}` : ""}`
        : `${counted} × ${groupDigits(per)}`,
      notes: [
        "补助的是维权代理费，实际金额不超过所付代理费",
        ...(capped
          ? [`已达每年 ${wanText(cap)}上限${received > 0 ? `（本年度已获 ${wanText(received)}）` : ""}，超出的 ${groupDigits(raw - left)} 元不予补助`]
          : room === 0
            ? [`已达每年 ${wanText(cap)}上限，本年度再胜诉也不再增加`]
            : []),
      ],
    });
    if (excludedText) out.ineligible.push({ clause: rule.clause, title: `${rule.title}（不计的案件）`, reason: excludedText });
    // A cap already reached is said in the item's notes; a hint is only for room left.
    if (room > 0) out.hints.push(`胜诉案件补助本年度还有 ${formatYuan(room)}额度（约 ${Math.floor(room / per)} 件），上限每年 ${wanText(cap)}`);
    out.trace.push({
      clause: rule.clause,
      text: `本年度为示范区内企业代理${kindsText}的专利案件胜诉 ${counted} 件${excludedText ? `（另 ${excludedText}）` : ""}，每件不超过 ${wanText(per)}${received > 0 ? `，本年度已获 ${wanText(received)}` : ""}${capped ? `，合计 ${wanText(raw)}超过每年 ${wanText(cap)}上限${received > 0 ? `剩下的 ${wanText(left)}` : ""}` : ""}，依据${formatClause(rule.clause)}最高 ${wanText(amount)}`,
    });
    return out;
  },
};
