/**
 * What the chat model must reply: three labelled fields, one per line, the
 * answer last so that it may run over several lines and contain any quote
 * marks (a small model keeps to this more reliably than to escaped JSON):
 *
 *   COVERED: yes
 *   CITATIONS: zb2020:9.1, zb2020:9.5
 *   ANSWER: 每完成1项……给予不超过1万元支持 [zb2020:9.1]。
 *
 * `COVERED: no` says the texts do not answer the question; then CITATIONS and
 * ANSWER may be empty. A reply wrapped in a code fence is read as well.
 */
import { z } from "zod";

const CITATION_ID = /^[a-z]{2}\d{4}:[\w.]+$/;

export const modelReplySchema = z
  .object({
    covered: z.boolean(),
    citations: z.array(z.string().regex(CITATION_ID, "出处编号格式不对")),
    answer: z.string().trim().max(4000, "回答过长"),
  })
  .refine((r) => !r.covered || r.answer.length > 0, { message: "COVERED: yes 但没有 ANSWER", path: ["answer"] });

export type ModelReply = z.infer<typeof modelReplySchema>;

/** The format, as the system prompt states it. */
export const REPLY_FORMAT = ["COVERED: yes 或 no", "CITATIONS: 所依据的出处编号，用逗号分隔", "ANSWER: 回答正文（可以多行）"];

export type ParsedModelReply = { ok: true; reply: ModelReply } | { ok: false; problem: string };

const YES = /^(yes|true|是|y)$/i;
const NO = /^(no|false|否|n)$/i;

export function parseModelReply(raw: string): ParsedModelReply {
  const text = raw
    .replace(/^\s*```[a-z]*\s*\n?/i, "")
    .replace(/\n?```\s*$/, "")
    .trim();
  const covered = /^\s*\**COVERED\**\s*[:：]\s*(\S+)\s*$/im.exec(text)?.[1]?.replace(/[*。.]/g, "");
  const citations = /^\s*\**CITATIONS\**\s*[:：][ \t]*(.*)$/im.exec(text)?.[1];
  const answerAt = /^\s*\**ANSWER\**\s*[:：][ \t]*/im.exec(text);
  if (covered === undefined || !(YES.test(covered) || NO.test(covered))) return { ok: false, problem: "没有 COVERED: yes/no 一行" };
  if (YES.test(covered) && !answerAt) return { ok: false, problem: "没有 ANSWER 一行" };
  const parsed = modelReplySchema.safeParse({
    covered: YES.test(covered),
    citations: (citations ?? "")
      .split(/[,，、;；\s]+/)
      .map((c) => c.replace(/^[[【(（]|[\]】)）]$/g, "").trim().toLowerCase())
      .filter((c) => c && !/^(none|无|-)$/.test(c)),
    // The fields in another order: the answer stops at the next labelled line.
    answer: answerAt ? text.slice(answerAt.index + answerAt[0].length).replace(/^\s*\**(COVERED|CITATIONS)\**\s*[:：].*$/gim, "") : "",
  });
  if (!parsed.success) return { ok: false, problem: parsed.error.issues.map((i) => i.message).join("；") };
  return { ok: true, reply: parsed.data };
}
