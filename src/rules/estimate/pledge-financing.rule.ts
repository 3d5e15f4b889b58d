/** 第九条（一）: 政银保专利权保险质押贷款 and 知识产权证券化, per completed piece of work. */
import { formatClause } from "../../knowledge/citation.ts";
import { groupDigits, wanText } from "../money.ts";
import { granted, notEligible, type SupportRule } from "./support-rule.types.ts";

const rule = { clause: "zb2020:9.1", title: "专利质押融资与知识产权证券化" };

export const pledgeFinancingRule: SupportRule = {
  ...rule,
  facts: [
    { path: "pledgeLoans", kind: "count" },
    { path: "securitizations", kind: "count" },
  ],
  evaluate(input, params) {
    const loans = input.pledgeLoans;
    const secs = input.securitizations;
    if (loans === undefined && secs === undefined)
      return notEligible(rule, "未提供本年度完成的政银保专利权保险质押贷款和知识产权证券化数量，未测算");
    if ((loans ?? 0) + (secs ?? 0) === 0)
      return notEligible(rule, "本年度未完成政银保专利权保险质押贷款或知识产权证券化");
    const loan = params.pledgeLoanAward;
    const sec = params.securitizationAward;
    const parts: string[] = [];
    const trace: string[] = [];
    let amount = 0;
    if (loans) {
      amount += loans * loan.value;
      parts.push(`${loans} × ${groupDigits(loan.value)}`);
      trace.push(`完成政银保专利权保险质押贷款 ${loans} 项，每项不超过 ${wanText(loan.value)}`);
    }
    // Reading securitizationReading: may securitisation count without a pledge loan the same year?
    const secNeedsLoan = params.securitizationReading.value === "requires-pledge-loan";
    const secCounted = secs && (!secNeedsLoan || (loans ?? 0) > 0);
    if (amount === 0 && !secCounted)
      return notEligible(rule, `本年度没有政银保专利权保险质押贷款；按解读「证券化以质押贷款为前提」（${formatClause(rule.clause)}），证券化不计`);
    if (secCounted) {
      amount += secs * sec.value;
      parts.push(`${secs} × ${groupDigits(sec.value)}`);
      trace.push(`完成知识产权证券化 ${secs} 项，每项不超过 ${wanText(sec.value)}`);
    }
    return granted(
      rule,
      { maxAmount: amount, form: loan.form ?? "cash", basis: parts.join(" + "), notes: ["质押贷款须为本市银行的政银保专利权保险质押贷款"] },
      `本年度${trace.join("；")}，依据${formatClause(rule.clause)}最高 ${wanText(amount)}`,
    );
  },
};
