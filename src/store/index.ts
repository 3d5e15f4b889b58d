/** Public surface of the store: everything else in src/store is internal. */
export { createStore, type Store, type StoreOptions } from "./store.ts";
export { migrateDatabase, type MigrationReport } from "./migrate.ts";
export type { StoreConfig } from "./database-target.ts";
export { ConcurrentUpdateError, DatabaseUnavailableError, MigrationFailedError, RecordNotFoundError } from "./store-errors.ts";
export type { JsonObject, JsonValue } from "./json-value.ts";
export type { UserRecord, UserRole, UserRepository, UpsertUserInput } from "./user.repository.ts";
export type { ConversationRecord, ConversationRepository, SaveConversationInput } from "./conversation.repository.ts";
export type { AnswerRecord, AnswerRepository, RecordAnswerInput } from "./answer.repository.ts";
export {
  formatApplicationNumber,
  type ApplicationFilter,
  type ApplicationRecord,
  type ApplicationSnapshotRecord,
  type ApplicationRepository,
  type ApplicationStatus,
  type CreateApplicationInput,
  type Jurisdiction,
  type TransitionInput,
  type TransitionResult,
  type UpdateApplicationInput,
} from "./application.repository.ts";
export type { EstimateRecord, EstimateRepository } from "./estimate.repository.ts";
export type { QuestionLogRecord, QuestionLogRepository, RecordQuestionInput } from "./question-log.repository.ts";
export type { AuditRecord, AuditRepository } from "./audit.repository.ts";
export type { NotificationRecord, NotificationRepository } from "./notification.repository.ts";
export type { AcceptInboxInput, InboxRecord, InboxRepository, InboxStatus } from "./inbox.repository.ts";
export type { ProcessedUpdateRepository } from "./processed-update.repository.ts";
export type { IntakeOutcome, IntakeOutcomeRepository, SaveApplicationOutcome, SaveEstimateOutcome } from "./intake-outcome.repository.ts";
export type { TurnCommit, TurnJournalEntry, TurnJournalRepository, TurnStart } from "./turn-journal.repository.ts";
export type { TurnWrite } from "./turn-write.ts";
export type { WithUserLock } from "./user-lock.ts";
export { acquireInstanceLock, SecondInstanceError, type InstanceLock } from "./instance-lock.ts";
export { checkDataDirWritable, DataDirError } from "./data-dir-check.ts";
export { resolveDatabaseTarget } from "./database-target.ts";
export { StaffAccountExistsError, type StaffAccountRecord, type StaffAccountRepository, type StaffRole } from "./staff-account.repository.ts";
export type { ConsumeResult, SignInLinkRepository } from "./sign-in-link.repository.ts";
