/**
 * What the chat says when the drafts are sent: a few lines, not the pre-check
 * report itself (that is one of the files). The verdict, each condition that
 * is not met or not yet known with its gap, how many places in the documents
 * wait for the applicant's input, and the files that follow. Plain text for
 * every channel, and the same as light Markdown (bold, bullets — no tables)
 * for the channels that render it.
 */
import type { DraftFile } from "../drafting/draft-application.ts";
import type { CheckResult } from "../rules/rule-result.types.ts";
import type { Reply } from "./message.types.ts";

const VERDICT = { eligible: "符合申报条件", "not-eligible": "不符合申报条件", "needs-review": "需进一步确认" } as const;
const STATUS = { met: "符合", "not-met": "不符合", unknown: "待确认" } as const;

export function draftSummary(
  number: string,
  check: CheckResult,
  files: readonly Pick<DraftFile, "title" | "placeholders">[],
  returned: { revision: number; notes: readonly string[] } = { revision: 1, notes: [] },
): Reply {
  const open = check.conditions.filter((c) => c.status !== "met");
  const met = check.conditions.length - open.length;
  const toFill = files.reduce((n, f) => n + f.placeholders.length, 0);
  const title = `${number} 申报材料草稿`;
  const verdict = `自检结论：${VERDICT[check.verdict]}（${check.conditions.length} 项条件中 ${met} 项符合）`;
  const conditionLines = open.map((c) => `${c.label}：${STATUS[c.status]}${c.gap ? `，${c.gap}` : ""}`);
  const fill = toFill > 0 ? `文件中有 ${toFill} 处标黄的【待补充】，请补全后再提交。` : "文件中没有待补充的内容。";
  // A corrected application says which submission this is and what the bureau asked for last time.
  const lastNote = returned.notes.at(-1);
  const revision = returned.revision > 1 ? [`第 ${returned.revision} 次提交稿${lastNote ? `；上次退回意见：「${lastNote}」` : ""}`] : [];
  const fileLines = files.map((f) => `${f.title}${f.placeholders.length ? `（待补充 ${f.placeholders.length} 处）` : ""}`);

  const text = [
    title,
    ...revision,
    verdict,
    ...conditionLines.map((l) => `· ${l}`),
    fill,
    `下面是 ${files.length} 个 Word 文件（可直接编辑）：`,
    ...fileLines.map((l) => `· ${l}`),
  ].join("\n");
  const markdown = [
    `**${title}**`,
    ...revision,
    "",
    `**${verdict}**`,
    ...conditionLines.map((l) => `- ${l}`),
    "",
    fill,
    "",
    `下面是 ${files.length} 个 Word 文件（可直接编辑）：`,
    ...fileLines.map((l) => `- ${l}`),
  ].join("\n");
  return { kind: "text", text, markdown };
}
