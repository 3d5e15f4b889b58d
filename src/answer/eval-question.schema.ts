/**
 * One line of a question set (docs/question-sets.md):
 * {"id": "q01", "question": "…", "gold": ["zj2018:6"], "answerable": true, "mustMention": ["1000"]}
 * Optional: `expect` — groups of alternative strings, each group must have one
 * of its strings in the answer (the direct answer: [["13万","130,000"]]);
 * `tag` — the category the question stands for; `history` — earlier questions
 * of the same conversation, asked first (a follow-up such as 「那淄博呢？」).
 */
import { z } from "zod";
import { checkJsonSize, JsonLimitError, parseBoundedJson, QUESTION_LINE_LIMITS, QUESTION_SET_LIMITS } from "../input-limits/json-limits.ts";
import { cappedList } from "../input-limits/cap-error-list.ts";
import { parseCitation } from "../knowledge/citation.ts";

/** The categories of everyday questions a question set may tag (docs/answer-quality.md: the figures per tag). */
export const QUESTION_TAGS = [
  "figure",
  "own-numbers",
  "comparison",
  "multi-part",
  "colloquial",
  "typo",
  "off-topic",
  "english",
  "follow-up",
] as const;
export const questionTagSchema = z.enum(QUESTION_TAGS, { message: `tag 应为 ${QUESTION_TAGS.join(" / ")} 之一` });
export type QuestionTag = z.infer<typeof questionTagSchema>;

export const evalQuestionSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  gold: z
    .array(z.string().refine((id) => parseCitation(id) !== undefined, { message: "引用编号格式应为 zj2018:6 或 zb2020:9.5" }))
    .optional(),
  answerable: z.boolean(),
  mustMention: z.array(z.string()).optional(),
  expect: z.array(z.array(z.string().min(1)).min(1, { message: "每组至少一个备选字符串" })).optional(),
  tag: questionTagSchema.optional(),
  history: z.array(z.string().min(1)).optional(),
});
export type EvalQuestion = z.infer<typeof evalQuestionSchema>;

export class QuestionSetError extends Error {
  constructor(public readonly problems: string[]) {
    super(`问题集格式有误（共 ${problems.length} 处）：\n${cappedList(problems).join("\n")}`);
    this.name = "QuestionSetError";
  }
}

/** Parses JSON Lines; blank lines are skipped; every bad line is reported with its number. */
export function parseQuestionSet(text: string): EvalQuestion[] {
  const questions: EvalQuestion[] = [];
  const problems: string[] = [];
  try {
    checkJsonSize(text, QUESTION_SET_LIMITS, "问题集文件");
  } catch (err) {
    if (err instanceof JsonLimitError) throw new QuestionSetError([err.message]);
    throw err;
  }
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = parseBoundedJson(line, QUESTION_LINE_LIMITS, `第 ${i + 1} 行`);
    } catch (err) {
      problems.push(err instanceof JsonLimitError ? err.message : `第 ${i + 1} 行不是合法的 JSON`);
      return;
    }
    const parsed = evalQuestionSchema.safeParse(json);
    if (!parsed.success) {
      problems.push(`第 ${i + 1} 行：${parsed.error.issues.map((x) => `${x.path.join(".") || "(整行)"} ${x.message}`).join("；")}`);
    } else {
      questions.push(parsed.data);
    }
  });
  if (problems.length) throw new QuestionSetError(problems);
  if (questions.length === 0) throw new QuestionSetError(["文件里没有问题。每行一个 JSON 对象，例如 {\"id\":\"q01\",\"question\":\"…\",\"answerable\":true,\"gold\":[\"zj2018:6\"]}"]);
  return questions;
}
