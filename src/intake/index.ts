/**
 * Guided intake (申报准备 and 资助测算) as pure functions over a JSON state.
 * The assistant core keeps the state, passes each message in, sends the
 * replies and reacts to the event; see intake-event.types.ts.
 */
export { startIntake, advanceIntake, advanceOwnIntake, repeatPrompt } from "./intake-engine.ts";
export type { IntakeInput, IntakeStep, StartIntakeOptions } from "./intake-engine.ts";
export type { IntakeEvent, IntakeEventType } from "./intake-event.types.ts";
export { intakeStateSchema, intakeFlowSchema, factValueSchema, isIntakeOpen } from "./intake-state.schema.ts";
export type { IntakeState, IntakeFlow, FactValue, IntakeStatus } from "./intake-state.schema.ts";
export { QUESTIONS, applicableQuestions, numberedQuestions, questionById, questionsOf, resolveQuestion } from "./question-catalog.ts";
export type { QuestionDef, ResolvedQuestion, AnswerKind, FactCondition } from "./question.types.ts";
export { summaryLines, renderSummary } from "./render-summary.ts";
export type { SummaryLine } from "./render-summary.ts";
export { buildZoneProfile } from "./build-zone-profile.ts";
export { buildAgencyInput } from "./build-agency-input.ts";
export { looksLikeQuestion } from "./detect-question.ts";
export { parseAnswer } from "./parse-answer.ts";
export { hasSavedAnswers, offerResume, resumeIntake, RESUME_CHOICE, savedAnswerLines } from "./resume-intake.ts";
