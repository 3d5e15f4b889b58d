/**
 * What happened in one intake step, for the assistant core to react to.
 * Every step returns exactly one event together with the replies to send.
 */
import type { AgencyInput } from "../rules/agency-input.schema.ts";
import type { Jurisdiction, ZoneProfile } from "../rules/zone-profile.schema.ts";
import type { FactValue, IntakeFlow } from "./intake-state.schema.ts";

export type IntakeEvent =
  /** startIntake: the first question is in the replies */
  | { type: "started"; flow: IntakeFlow; questionId: string | null }
  /** a fact was recorded (answer or correction); `cleared` = question ids whose answers were dropped as stale */
  | { type: "answered"; questionId: string; value: FactValue; cleared: string[]; corrected: boolean }
  /** an unusual answer (「25」 for an area, 1 万亿件) is held; the replies ask 「确认吗？」 before it is recorded */
  | { type: "confirm-answer"; questionId: string; value: FactValue; question: string }
  /** 「不知道」/「跳过」: the fact stays unknown */
  | { type: "skipped"; questionId: string }
  /** 「保持」: a reopened question keeps its answer */
  | { type: "kept"; questionId: string }
  /** a multi-choice button toggled; nothing recorded yet */
  | { type: "selection"; questionId: string; selected: string[] }
  /** the answer was not understood; `offerHelp` from the third miss on the same question */
  | { type: "invalid"; questionId: string | null; misses: number; message: string; offerHelp: boolean }
  /**
   * The user asked a question instead of answering. The core should answer
   * `text` (retrieval/answer), then send this step's replies, which repeat the
   * pending question once. State is unchanged.
   */
  | { type: "question"; text: string; questionId: string | null }
  /** the user asked why a question is asked: replies explain; the core may add the clause text of `clause` */
  | { type: "explain"; questionId: string; clause: string | undefined }
  /** 「修改 …」 reopened a question (replies ask it again) or showed the list to pick from */
  | { type: "edit"; questionId: string | null }
  /** the summary is shown and awaits 「确认」 or 「修改 …」 */
  | { type: "summary" }
  /** confirmed: run `check` on `profile` (application) … */
  | { type: "completed"; flow: "application"; action: "check"; jurisdiction: Jurisdiction; profile: ZoneProfile }
  /** … or `estimate` on `input` (agency) */
  | { type: "completed"; flow: "agency-estimate"; action: "estimate"; input: AgencyInput }
  | { type: "cancelled" }
  /** a message after the intake ended (done or cancelled); the core should handle it as normal chat */
  | { type: "closed" };

export type IntakeEventType = IntakeEvent["type"];
