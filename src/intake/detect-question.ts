/**
 * Does a message read like a question to the assistant rather than an answer?
 * 「核心区面积怎么算？」「孵化器算不算载体」「20家够吗」. The engine only treats
 * it as a question when it also fails to parse as an answer, so 「1200？」 is
 * still 1200.
 */
import { normalizeInput } from "./parsers/normalize-input.ts";

const ENDS_LIKE_QUESTION = /(\?|吗|呢|么|嘛|没有\?|不\?)$/u;
const INTERROGATIVE =
  /(怎么|怎样|怎么样|如何|什么|啥|多少|哪些|哪个|哪里|哪儿|哪类|哪种|为什么|为何|为啥|是否|能否|可否|有没有|是不是|能不能|可不可以|可以不|要不要|需不需要|需要不需要|算不算|够不够|行不行|对不对|会不会|几家|几个|几件|几年|几项|几月|几号|几平|请问|想问|咨询一下|问一下|问下)/u;

export function looksLikeQuestion(raw: string): boolean {
  const text = normalizeInput(raw).replace(/[\s。.!！~～…]+$/u, "");
  if (text === "") return false;
  return ENDS_LIKE_QUESTION.test(text) || INTERROGATIVE.test(text);
}
