/**
 * 第九条（五）, second half: service vouchers per client enterprise —
 * 「专利清零」 with ≥ 1 invention grant → 1 万; 「专利倍增」 with ≥ 5 → 5 万.
 * A client named twice counts once, at the higher award (「只享受一次」).
 * Any abnormal application voids it, as for the grant tiers.
 */
import { formatClause } from "../../knowledge/citation.ts";
import { clientProgramSchema } from "../agency-input.schema.ts";
import { CLIENT_PROGRAM_LABELS } from "../labels.ts";
import { groupDigits, wanText } from "../money.ts";
import { ABNORMAL_UNKNOWN_NOTE } from "./invention-grants.rule.ts";
import { emptyOutcome, notEligible, type SupportRule } from "./support-rule.types.ts";

const rule = { clause: "zb2020:9.5", title: "专利清零、专利倍增企业服务券" };

/** Names compare after NFKC and without spaces: 「甲公司」 and 「甲 公司」 are one client. */
const nameKey = (name: string) => name.normalize("NFKC").replace(/\s+/g, "");

export const clientVouchersRule: SupportRule = {
  ...rule,
  facts: [
    { path: "clients[].name", kind: "text" },
    { path: "clients[].program", kind: "enum", options: clientProgramSchema.options },
    { path: "clients[].inventionGrants", kind: "count" },
    { path: "abnormalApplications", kind: "boolean" },
  ],
  evaluate(input, params) {
    const clients = input.clients;
    if (input.abnormalApplications === true)
      return notEligible(rule, `存在非正常申请，${formatClause(rule.clause)}要求「无非正常申请」，企业服务券不予给予`);
    if (clients === undefined) return notEligible(rule, "未提供参加「专利清零」「专利倍增」的服务企业，未测算");
    if (clients.length === 0) return notEligible(rule, "本年度没有参加「专利清零」「专利倍增」的服务企业");
    const table = params.clientVouchers.value;
    const scored = clients.map((c) => {
      const t = table[c.program]!;
      return { ...c, award: c.inventionGrants >= t.minGrants ? t.amount : 0, minGrants: t.minGrants, tierAmount: t.amount };
    });
    // One entry per enterprise: the higher award wins.
    const best = new Map<string, (typeof scored)[number]>();
    const times = new Map<string, number>();
    for (const c of scored) {
      const k = nameKey(c.name);
      times.set(k, (times.get(k) ?? 0) + 1);
      const prev = best.get(k);
      if (!prev || c.award > prev.award) best.set(k, c);
    }
    const out = emptyOutcome();
    const paid = [...best.values()].filter((c) => c.award > 0);
    const unpaid = [...best.values()].filter((c) => c.award === 0);
    for (const c of unpaid) {
      const short = c.minGrants - c.inventionGrants;
      out.ineligible.push({
        clause: rule.clause,
        title: `${rule.title}：${c.name}`,
        reason: `${CLIENT_PROGRAM_LABELS[c.program]}需代理发明专利授权 ${c.minGrants} 件以上，目前 ${c.inventionGrants} 件`,
      });
      out.hints.push(`${c.name}再获发明专利授权 ${short} 件，可得${CLIENT_PROGRAM_LABELS[c.program]}服务券 ${wanText(c.tierAmount)}`);
    }
    const notes: string[] = [];
    for (const [k, n] of times) if (n > 1) notes.push(`「${best.get(k)!.name}」填写了 ${n} 次，只按较高的一次计`);
    if (input.abnormalApplications === undefined) notes.push(ABNORMAL_UNKNOWN_NOTE);
    if (paid.length === 0) {
      return notEligible(rule, "所列企业的发明专利授权数量均未达到要求", out);
    }
    const amount = paid.reduce((s, c) => s + c.award, 0);
    out.items.push({
      clause: rule.clause,
      title: rule.title,
      maxAmount: amount,
      form: params.clientVouchers.form ?? "voucher",
      basis: paid
        .map((c) => `${c.name}（${CLIENT_PROGRAM_LABELS[c.program]}，授权 ${c.inventionGrants} 件）${groupDigits(c.award)}`)
        .join(" + "),
      notes: ["以知识产权服务券形式支持", ...notes],
    });
    for (const c of paid)
      out.trace.push({
        clause: rule.clause,
        text: `为${c.name}（${CLIENT_PROGRAM_LABELS[c.program]}）代理发明专利授权 ${c.inventionGrants} 件，达到 ${c.minGrants} 件以上，依据${formatClause(rule.clause)}最高 ${wanText(c.award)}服务券`,
      });
    return out;
  },
};
