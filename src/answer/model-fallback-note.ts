/**
 * The one line that opens an offline answer given in place of the chat
 * model's, in the question's language, saying why:
 * 「（模型回答未通过核对：金额“30万元”不见于所给条文，以下为离线答案。）」
 */
import type { FallbackReason } from "./answer.types.ts";
import type { AnswerLanguage } from "./llm-prompt.ts";
import type { AnswerProblem } from "./verify-model-answer.ts";

const KIND_ZH = { amount: "金额", date: "日期", percent: "百分比", number: "数字" } as const;
const KIND_EN = { amount: "amount", date: "date", percent: "percentage", number: "figure" } as const;

const clip = (s: string, n = 24): string => (s.length > n ? `${s.slice(0, n)}…` : s);

/** What was wrong with the answer, as a clause of the note. */
export function describeProblem(problem: AnswerProblem, language: AnswerLanguage): string {
  const zh = language === "zh";
  switch (problem.kind) {
    case "figure":
      return zh
        ? `${KIND_ZH[problem.figure.kind]}“${problem.figure.text.trim()}”不见于所给条文`
        : `the ${KIND_EN[problem.figure.kind]} "${problem.figure.text.trim()}" is not in the clauses it was given`;
    case "citation":
      return zh ? `引用的“${problem.id}”不在所给条文之中` : `it cited "${problem.id}", which is not among the clauses it was given`;
    case "no-citation":
      return zh ? "没有注明出处" : "it cited no clause";
    case "prompt-leak":
      return zh ? "回答中出现了内部指令的内容" : "it repeated its internal instructions";
    case "delimiter":
      return zh ? "回答中出现了资料分隔标记" : "it contained the markers that frame the policy texts";
    case "language":
      return zh ? "回答没有用提问的语言（中文）" : "it was not written in English, the language of the question";
    case "quote":
      return zh ? `引文“${clip(problem.text)}”不见于所给条文` : `the quotation "${clip(problem.text)}" is not in the clauses it was given`;
  }
}

export function modelFallbackNote(reason: FallbackReason, language: AnswerLanguage, detail?: string): string {
  if (language === "en") {
    switch (reason) {
      case "timeout":
        return "(The chat model did not answer in time; below is the offline answer drawn from the policy texts.)";
      case "api-error":
        return "(The chat model is unavailable; below is the offline answer drawn from the policy texts.)";
      case "malformed":
        return "(The chat model's reply could not be read; below is the offline answer drawn from the policy texts.)";
      case "unverified":
        return `(The chat model's answer failed verification: ${detail ?? "it could not be checked"}; below is the offline answer.)`;
    }
  }
  switch (reason) {
    case "timeout":
      return "（大模型服务响应超时，以下是根据政策原文整理的离线答案。）";
    case "api-error":
      return "（大模型服务暂时不可用，以下是根据政策原文整理的离线答案。）";
    case "malformed":
      return "（模型回答的格式无法解析，以下为离线答案。）";
    case "unverified":
      return `（模型回答未通过核对：${detail ?? "无法核对"}，以下为离线答案。）`;
  }
}
