import { POLICY_IDS } from "../knowledge/jurisdictions.ts";
import { POLICIES } from "../knowledge/policy-catalog.ts";
import { inForceText, policyValidityOn } from "../rules/policy-dates.ts";
import { todayInChina } from "../rules/today.ts";

/** What the assistant can do, shown for 「帮助」 and to new users; policy dates as the params in force on `today` have them. */
export function helpText(isStaff: boolean, today: string = todayInChina()): string {
  const lines = [
    "您好！我是知识产权服务业集聚发展示范区政策助手，熟悉两份政策：",
    ...POLICY_IDS.map((id) => `  ·《${POLICIES[id].title}》（${inForceText(policyValidityOn(id, today))}）`),
    "",
    "我可以：",
    "1. 回答政策问题，并注明出处条款。直接提问即可，例如「浙江省示范区要求多少家服务机构？」",
    "2. 申报准备：回复「我想申报示范区」，我会逐项询问所需信息，给出资格自检结果，并生成申报书、建设工作方案和材料清单。",
    "3. 资助测算（淄博示范区内的服务机构）：回复「测算一下我们能拿多少资助」，按第九条估算可申请的最高支持额。",
    "4. 回复「我的申报」查看申报进度；填报过程中可随时回复「修改 面积」「跳过」「上一步」「退出」。",
  ];
  if (isStaff) {
    lines.push(
      "",
      "主管部门工作人员：",
      "  「待审」查看待审核的申报；「查看 ZJ-2026-0001」查看预审结果和材料；",
      "  「通过 ZJ-2026-0001」受理；「退回 ZJ-2026-0001 意见…」退回并附意见。",
    );
  }
  return lines.join("\n");
}

/** Shown once, after a new user's first message is answered: what else there is, in three lines. */
export function welcomeText(isStaff: boolean): string {
  return [
    "初次见面：我是示范区政策助手，除了回答政策问题，还可以：",
    "· 回复「我想申报示范区」做申报准备和资格自检，并生成申报材料；",
    "· 回复「测算一下我们能拿多少资助」估算淄博第九条的支持额度。",
    `回复「帮助」查看全部功能${isStaff ? "（含审核命令）" : ""}。`,
  ].join("\n");
}
