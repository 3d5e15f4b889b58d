/** 第九条（二）, second half: 年度内新获得国家专利代理师证书的，一次性 1 万元 per person. */
import { formatClause } from "../../knowledge/citation.ts";
import { groupDigits, wanText } from "../money.ts";
import { granted, notEligible, type SupportRule } from "./support-rule.types.ts";

const rule = { clause: "zb2020:9.2", title: "新获国家专利代理师证书" };

export const patentAttorneysRule: SupportRule = {
  ...rule,
  facts: [{ path: "newPatentAttorneys", kind: "count" }],
  evaluate(input, params) {
    const n = input.newPatentAttorneys;
    if (n === undefined) return notEligible(rule, "未提供本年度新获国家专利代理师证书的人数，未测算");
    if (n === 0) return notEligible(rule, "本年度没有新获国家专利代理师证书的人员");
    const award = params.newPatentAttorneyAward;
    const amount = n * award.value;
    return granted(
      rule,
      { maxAmount: amount, form: award.form ?? "cash", basis: `${n} × ${groupDigits(award.value)}`, notes: ["每人一次性支持"] },
      `本年度新获国家专利代理师证书 ${n} 人，每人一次性 ${wanText(award.value)}，依据${formatClause(rule.clause)}最高 ${wanText(amount)}`,
    );
  },
};
