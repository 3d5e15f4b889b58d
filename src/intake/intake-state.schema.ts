/**
 * The whole state of one guided intake, as a plain JSON-serialisable object:
 * the assistant core stores it between messages (e.g. as a JSON column) and
 * hands it back to `advanceIntake`. Nothing here is derived from the clock or
 * from other modules, so a stored state replays to the same replies.
 */
import { z } from "zod";

export const intakeFlowSchema = z.enum(["application", "agency-estimate"]);
/** `application` 申报准备 (zone applicant); `agency-estimate` 资助测算 (Zibo 第九条). */
export type IntakeFlow = z.infer<typeof intakeFlowSchema>;

export const clientAnswerSchema = z.union([
  z.strictObject({ count: z.number().int().nonnegative() }),
  z.strictObject({
    clients: z.array(z.strictObject({ name: z.string().min(1), inventionGrants: z.number().int().nonnegative() })),
  }),
]);

/** A count or area known only roughly (「二十来家」 → 18–22). */
export const rangeAnswerSchema = z.strictObject({ min: z.number(), max: z.number() });

/** One collected fact: text, number, a range of numbers, yes/no, chosen ids, or a client answer. */
export const factValueSchema = z.union([
  z.string(),
  z.number(),
  rangeAnswerSchema,
  z.boolean(),
  z.array(z.string()),
  clientAnswerSchema,
]);
export type FactValue = z.infer<typeof factValueSchema>;

export const intakeStatusSchema = z.enum(["asking", "confirming", "done", "cancelled"]);
export type IntakeStatus = z.infer<typeof intakeStatusSchema>;

export const intakeStateSchema = z.strictObject({
  version: z.literal(1),
  flow: intakeFlowSchema,
  /** asking a question → confirming the summary → done (or cancelled) */
  status: intakeStatusSchema,
  /** answers by question id (= fact path, e.g. `zone.coreAreaSqm`) */
  facts: z.record(z.string(), factValueSchema),
  /** question ids the user answered with 「不知道」/「跳过」: asked, left unknown */
  unknown: z.array(z.string()),
  /** the question waiting for an answer while `status` is `asking` */
  pending: z.string().nullable(),
  /** the pending question was reopened by 「修改 …」 (offers 「保持原答案」) */
  editing: z.boolean(),
  /** consecutive answers that could not be understood, per question */
  misses: z.record(z.string(), z.number().int().nonnegative()),
  /** options ticked with buttons on the pending multi-choice question, before 「完成」 */
  selection: z.array(z.string()),
  /** question ids in the order they were last answered (latest last), to place 「其实是…」 */
  answerOrder: z.array(z.string()),
  /** an answer waiting for the user's 「是」 before it is recorded (「您填写的是 25 平方米，确认吗？」) */
  unsure: z
    .strictObject({ questionId: z.string(), value: factValueSchema, note: z.string().optional(), question: z.string(), corrected: z.boolean() })
    .nullable()
    .optional(),
  startedAt: z.string(),
  updatedAt: z.string(),
});
export type IntakeState = z.infer<typeof intakeStateSchema>;

/** The intake still waits on the user: a pending question or the summary to confirm. */
export function isIntakeOpen(state: IntakeState | null | undefined): state is IntakeState {
  return state != null && (state.status === "asking" || state.status === "confirming");
}
