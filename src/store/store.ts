/**
 * `createStore(config)`: every repository over one Prisma client, plus
 * `withUserLock` and `close()`. The database must be migrated first
 * (`migrateDatabase(config)`, see migrate.ts).
 *
 *   await migrateDatabase(config);
 *   const store = await createStore(config);
 *   const user = await store.users.upsert({ channel: "telegram", externalId: "42" });
 *   await store.withUserLock(`user:${user.id}`, async () => { … });
 *   await store.close();
 */
import { createAnswerRepository, type AnswerRepository } from "./answer.repository.ts";
import { createApplicationRepository, type ApplicationRepository } from "./application.repository.ts";
import { createMutex, type Exclusive } from "./async-mutex.ts";
import { createAuditRepository, type AuditRepository } from "./audit.repository.ts";
import { createConversationRepository, type ConversationRepository } from "./conversation.repository.ts";
import { resolveDatabaseTarget, type StoreConfig } from "./database-target.ts";
import { createGroupCommit } from "./group-commit.ts";
import { createEstimateRepository, type EstimateRepository } from "./estimate.repository.ts";
import { createInboxRepository, type InboxRepository } from "./inbox.repository.ts";
import { createIntakeOutcomeRepository, type IntakeOutcomeRepository } from "./intake-outcome.repository.ts";
import { openDatabase } from "./prisma-client.ts";
import { createNotificationRepository, type NotificationRepository } from "./notification.repository.ts";
import { createProcessedUpdateRepository, type ProcessedUpdateRepository } from "./processed-update.repository.ts";
import { createQuestionLogRepository, type QuestionLogRepository } from "./question-log.repository.ts";
import type { RepositoryContext } from "./repository-context.ts";
import { createSignInLinkRepository, type SignInLinkRepository } from "./sign-in-link.repository.ts";
import { createStaffAccountRepository, type StaffAccountRepository } from "./staff-account.repository.ts";
import { createTurnJournalRepository, type TurnJournalRepository } from "./turn-journal.repository.ts";
import { createUserLock, type WithUserLock } from "./user-lock.ts";
import { createUserRepository, type UserRepository } from "./user.repository.ts";

export interface Store {
  provider: "sqlite" | "postgresql";
  users: UserRepository;
  conversations: ConversationRepository;
  answers: AnswerRepository;
  applications: ApplicationRepository;
  estimates: EstimateRepository;
  questions: QuestionLogRepository;
  audit: AuditRepository;
  processedUpdates: ProcessedUpdateRepository;
  notifications: NotificationRepository;
  staffAccounts: StaffAccountRepository;
  signInLinks: SignInLinkRepository;
  inbox: InboxRepository;
  /** A finished intake's record, audit entry and conversation in one transaction, once per intake. */
  intakeOutcomes: IntakeOutcomeRepository;
  /** Each keyed turn's replies, committed with the conversation it changed (a message worked again gets them back). */
  turns: TurnJournalRepository;
  /** Runs `fn` with no other `fn` of the same key running (see user-lock.ts). */
  withUserLock: WithUserLock;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** Clock for timestamps and numbering years; tests pin it. */
  now?: () => Date;
}

/**
 * One gate per SQLite file per process, shared by every store on that file:
 * better-sqlite3 is synchronous, so a second connection waiting for the
 * write lock would block the very thread that must finish the first
 * connection's transaction (busy timeout, then SQLITE_BUSY).
 */
const sqliteGates = new Map<string, Exclusive>();
function sqliteGate(file: string): Exclusive {
  let gate = sqliteGates.get(file);
  if (!gate) sqliteGates.set(file, (gate = createMutex()));
  return gate;
}

export async function createStore(config: StoreConfig, options: StoreOptions = {}): Promise<Store> {
  const target = resolveDatabaseTarget(config);
  const { db, sqlite } = await openDatabase(target);
  const exclusive: Exclusive = target.provider === "sqlite" ? sqliteGate(target.sqliteFile!) : (fn) => fn();
  const group = sqlite ? createGroupCommit({ sqlite, exclusive }) : undefined;
  const context: RepositoryContext = { db, exclusive, now: options.now ?? (() => new Date()), sqlite, group };
  const lock = createUserLock(target);
  let closed = false;
  return {
    provider: target.provider,
    users: createUserRepository(context),
    conversations: createConversationRepository(context),
    answers: createAnswerRepository(context),
    applications: createApplicationRepository(context),
    estimates: createEstimateRepository(context),
    questions: createQuestionLogRepository(context),
    audit: createAuditRepository(context),
    processedUpdates: createProcessedUpdateRepository(context),
    notifications: createNotificationRepository(context),
    staffAccounts: createStaffAccountRepository(context),
    signInLinks: createSignInLinkRepository(context),
    inbox: createInboxRepository(context),
    intakeOutcomes: createIntakeOutcomeRepository(context),
    turns: createTurnJournalRepository(context),
    withUserLock: lock.withUserLock,
    async close() {
      if (closed) return;
      closed = true;
      // Turns waiting for their commit get it (or its error) before the connection closes.
      await group?.drain();
      await lock.close();
      sqlite?.close();
      await db.$disconnect();
    },
  };
}
