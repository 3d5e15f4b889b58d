/**
 * What the assistant remembers about one user between messages. Stored as
 * JSON in the Conversation row (never in memory), so a restarted process —
 * or another channel instance — continues exactly where the user was.
 */
import { z } from "zod";
import { intakeStateSchema } from "../intake/index.ts";
import { jurisdictionSchema } from "../knowledge/jurisdictions.ts";
import type { JsonObject } from "../store/index.ts";

/** How many of an answer's citations a turn of the history keeps: a list answer's items (an article has at most 9). */
export const MAX_REMEMBERED_CITATIONS = 12;

export const sessionStateSchema = z.object({
  /** the guided intake in progress, if any */
  intake: intakeStateSchema.nullable().default(null),
  /**
   * names the intake in progress, so what it creates at the end is created once
   * however often the completing turn runs (Application/Estimate.intakeKey)
   */
  intakeKey: z.string().nullable().default(null),
  /** the application this user is preparing or correcting */
  applicationId: z.number().int().nullable().default(null),
  /** recent policy questions, for follow-ups such as 「那淄博呢？」 (oldest first) */
  history: z
    .array(
      z.object({
        question: z.string(),
        jurisdictions: z.array(jurisdictionSchema).optional(),
        citations: z.array(z.string()).optional(),
        /** an English question as typed: a follow-up's figures (「And if we had 22?」) are read against it */
        asked: z.string().optional(),
      }),
    )
    .default([]),
  /** the last answered question's log id, for 「有用」/「没用」 feedback */
  lastQuestionLogId: z.number().int().nullable().default(null),
  /** staff pressed 「退回」 and the next message is the comment */
  pendingReturn: z.number().int().nullable().default(null),
  /** the intake the user left with 「退出」, kept to offer continuing it */
  leftIntake: intakeStateSchema.nullable().default(null),
  /** what the last reply offered, so that the next message can take it up */
  pendingOffer: z.enum(["application", "agency-estimate", "resume"]).nullable().default(null),
  /** staff accepted an application the pre-check found 不符合 and the next message is the reason */
  pendingAccept: z.number().int().nullable().default(null),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

export const HISTORY_TURNS = 3;

/** A stored state from an older version, or none, becomes a valid fresh state. */
export function parseSessionState(raw: unknown): SessionState {
  const parsed = sessionStateSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : sessionStateSchema.parse({});
}

/** The conversation row of a session (flow and step are columns for queries; the state is the JSON). */
export function conversationRow(userId: number, session: SessionState, expectedVersion: number | null, stateText?: string) {
  return {
    userId,
    flow: session.intake?.flow ?? null,
    step: session.intake?.pending ?? null,
    state: session as unknown as JsonObject,
    expectedVersion,
    // `JSON.stringify(session)` when the caller has made it already (the store then does not serialise it again)
    stateText,
  };
}
