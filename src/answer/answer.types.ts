/**
 * The answerer's contract with the chat, the channels and the CLI.
 */
import type { Jurisdiction } from "./detect-jurisdiction.ts";

export type { Jurisdiction } from "./detect-jurisdiction.ts";

/** One earlier turn of the conversation; pass the latest last. */
export interface PreviousTurn {
  /** what the user asked (best: the earlier result's `resolvedQuestion`) */
  question: string;
  /** the jurisdictions the earlier answer covered */
  jurisdictions?: readonly Jurisdiction[];
  /** the earlier answer's citations, in order: 「第二项」 after a list answer counts its items */
  citations?: readonly string[];
  /** the question as typed, when it was read in another language first (English): its own figures are read from it */
  asked?: string;
}

export interface AnswerOptions {
  /** earlier turns, oldest first; a follow-up such as 「那淄博呢？」 is read against the last one */
  history?: readonly PreviousTurn[];
  /** how many pieces to retrieve (default 8) */
  k?: number;
  /** false = never call the chat model for this question (eval of the offline path) */
  useLlm?: boolean;
}

export type RefusalReason = "empty" | "injection" | "other-place" | "off-topic";
/** timeout / api-error: the model did not reply; malformed: not in the reply format; unverified: failed verify-model-answer.ts */
export type FallbackReason = "timeout" | "api-error" | "malformed" | "unverified";

export interface AnswerResult {
  /** the reply, in the question's language (Chinese or English), with citations inline */
  text: string;
  /** citation ids the reply quotes or cites, e.g. ["zb2020:9.1"] */
  citations: string[];
  refused: boolean;
  refusalReason?: RefusalReason;
  /**
   * The asked text has no such requirement, and its 「没有」 rests on its list of conditions (this citation id,
   * zb2020:5): 「淄博示范区对核心区面积有要求吗」. The English reply says it the same way.
   */
  notAmongConditions?: string;
  /**
   * A refusal for the asked text that quotes the other text's corresponding clauses for reference (「淄博市建设方案没有
   * 这方面的规定。供参考，浙江省管理办法的相应规定如下…」): their citation ids. Not the answer, so not in `citations`.
   */
  reference?: string[];
  /** the policies the reply speaks for */
  jurisdictions: Jurisdiction[];
  /** retrieved piece ids, best first */
  retrieved: string[];
  /** the question as understood, a follow-up merged with the previous turn */
  resolvedQuestion: string;
  /** an English question as typed (its spelling corrected), which `resolvedQuestion` reads in Chinese */
  asked?: string;
  /** "llm" when the chat model wrote the reply or judged the question not covered, "offline" for the extractive reply */
  mode: "llm" | "offline";
  /** why the configured chat model was not used for this reply */
  fallbackReason?: FallbackReason;
  /** for `unverified`: what the check found, as the reply's note says it */
  fallbackDetail?: string;
}

export interface Answerer {
  answer(question: string, options?: AnswerOptions): Promise<AnswerResult>;
}
