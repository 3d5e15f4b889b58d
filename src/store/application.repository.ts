/**
 * Draft applications and the staff decisions on them.
 *
 * Numbers are `ZJ-2026-0001` (Zhejiang) / `ZB-2026-0001` (Zibo): a counter per
 * jurisdiction and year, incremented in the same transaction that inserts the
 * application, so concurrent creations get distinct consecutive numbers and a
 * number is never reused. The year is the calendar year in China (UTC+8).
 *
 * Status changes are compare-and-set on (status, version): of two staff
 * members deciding the same application at once exactly one wins, the other
 * gets `ConcurrentUpdateError`. Which transitions are allowed is the domain's
 * decision, not the store's.
 */
import type { Application, Notification } from "../generated/sqlite/client.ts";
import { APPLICATION_NUMBER_PREFIX, type Jurisdiction } from "../knowledge/jurisdictions.ts";
import { maskDeep } from "../logging/mask-personal-data.ts";
import { fromJson, jsonInput, nullableJsonInput, toJson, type JsonValue } from "./json-value.ts";
import { isUniqueViolation, type Tx } from "./prisma-client.ts";
import type { RepositoryContext } from "./repository-context.ts";
import { toRecord as notificationRecord, type NotificationRecord } from "./notification.repository.ts";
import { ConcurrentUpdateError, RecordNotFoundError } from "./store-errors.ts";
import type { SqliteDirect, SqlRow } from "./sqlite-direct.ts";
import { APPLICATION_TABLE, sqlInt } from "./sqlite-table.ts";
import { recordTurnStart, type TurnStart } from "./turn-journal.repository.ts";

export type { Jurisdiction } from "../knowledge/jurisdictions.ts";
export type ApplicationStatus = "draft" | "submitted" | "returned" | "accepted";

export interface ApplicationRecord {
  id: number;
  /** ZJ-2026-0001 / ZB-2026-0001 */
  number: string;
  userId: number;
  jurisdiction: Jurisdiction;
  year: number;
  status: ApplicationStatus;
  /** The zone profile (docs/input-formats.md), as saved. */
  profile: JsonValue;
  /** The `check` result the draft was built with. */
  checkResult: JsonValue | null;
  staffComment: string | null;
  /** Who last returned or accepted it, e.g. "telegram:12345". */
  decidedBy: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  decidedAt: Date | null;
}

export interface CreateApplicationInput {
  userId: number;
  jurisdiction: Jurisdiction;
  profile: unknown;
  checkResult?: unknown;
  /** Numbering year; default: the current year in China. */
  year?: number;
}

export interface UpdateApplicationInput {
  id: number;
  expectedVersion: number;
  profile?: unknown;
  checkResult?: unknown;
}

export interface TransitionInput {
  id: number;
  from: ApplicationStatus;
  to: ApplicationStatus;
  expectedVersion: number;
  staffComment?: string | null;
  decidedBy?: string | null;
  /** Written in the same transaction, so the audit trail never misses a decision. */
  audit?: { actor: string; action: string; detail?: unknown };
  /**
   * Notices to the people the change concerns (staff of a submission, the
   * applicant of a decision), enqueued in the same transaction: a change is
   * never left without its notice, nor given two. The caller pushes them.
   */
  notify?: readonly { userId: number; text: string }[];
  /**
   * The chat turn making the change: its start is recorded in the same
   * transaction (turn-journal.repository.ts) and its key kept on the
   * snapshot, so a replay of the turn finds the change
   * (`findTransitionOfTurn`) instead of making it again.
   */
  turn?: TurnStart;
}

export interface TransitionResult {
  record: ApplicationRecord;
  /** the notices enqueued, in the order of `notify` */
  notices: NotificationRecord[];
}

/** The application as it stood at a submission or decision. */
export interface ApplicationSnapshotRecord {
  id: number;
  applicationId: number;
  status: ApplicationStatus;
  profile: JsonValue;
  checkResult: JsonValue | null;
  actor: string;
  at: Date;
}

export interface ApplicationFilter {
  status?: ApplicationStatus;
  jurisdiction?: Jurisdiction;
}

export interface ListOptions {
  limit?: number;
  offset?: number;
}

export interface ApplicationRepository {
  create(input: CreateApplicationInput): Promise<ApplicationRecord>;
  findById(id: number): Promise<ApplicationRecord | undefined>;
  findByNumber(number: string): Promise<ApplicationRecord | undefined>;
  /** Newest first. */
  listByUser(userId: number, options?: ListOptions): Promise<ApplicationRecord[]>;
  /** Longest waiting first (by last update). */
  listByStatus(status: ApplicationStatus, options?: ListOptions): Promise<ApplicationRecord[]>;
  /** Every application matching `filter`, newest first (the review desk filters and pages these). */
  listAll(filter?: ApplicationFilter): Promise<ApplicationRecord[]>;
  /** Snapshots taken at each submission and decision, oldest first. */
  listSnapshots(applicationId: number): Promise<ApplicationSnapshotRecord[]>;
  /** Replaces profile and/or check result; compare-and-set on version. */
  update(input: UpdateApplicationInput): Promise<ApplicationRecord>;
  /** Moves `from` → `to` if the application is still at `from` and `expectedVersion`. */
  transition(input: TransitionInput): Promise<TransitionResult>;
  /** The application (as it is now) whose status the turn `turnKey` changed; undefined when that turn changed none. */
  findTransitionOfTurn(turnKey: string): Promise<ApplicationRecord | undefined>;
}

const PREFIX = APPLICATION_NUMBER_PREFIX;

export function formatApplicationNumber(jurisdiction: Jurisdiction, year: number, seq: number): string {
  return `${PREFIX[jurisdiction]}-${year}-${String(seq).padStart(4, "0")}`;
}

/** Calendar year in China (UTC+8, no daylight saving). */
export function chinaYear(at: Date): number {
  return new Date(at.getTime() + 8 * 3600_000).getUTCFullYear();
}

/** Attempts of a numbering transaction that lost a race on a unique key (see `create`). */
export const MAX_ATTEMPTS = 5;

export interface NewApplicationData {
  userId: number;
  jurisdiction: Jurisdiction;
  year: number;
  profile: ReturnType<typeof jsonInput>;
  checkResult: ReturnType<typeof nullableJsonInput>;
  intakeKey?: string | null;
}

/** The row's JSON values as plain JSON, for the SQLite statements (undefined: no check result given). */
export interface NewApplicationJson {
  profileJson: JsonValue;
  checkResultJson: JsonValue | undefined;
}

export function applicationData(input: CreateApplicationInput, now: () => Date, intakeKey?: string | null): NewApplicationData & NewApplicationJson {
  const profileJson = toJson(input.profile, "申请资料");
  const checkResultJson = input.checkResult === undefined ? undefined : toJson(input.checkResult, "预审结果");
  return {
    userId: input.userId,
    jurisdiction: input.jurisdiction,
    year: input.year ?? chinaYear(now()),
    profile: jsonInput(profileJson),
    checkResult: nullableJsonInput(checkResultJson),
    intakeKey: intakeKey ?? null,
    profileJson,
    checkResultJson,
  };
}

/**
 * Inside a transaction: the next number of the jurisdiction and year, and the
 * application with it. UPDATE … SET lastSeq = lastSeq + 1 takes the row lock,
 * so a concurrent creator waits and then sees the incremented value.
 */
export async function insertNumbered(tx: Tx, data: NewApplicationData): Promise<Application> {
  const { jurisdiction, year } = data;
  const counter = await tx.applicationCounter.upsert({
    where: { jurisdiction_year: { jurisdiction, year } },
    create: { jurisdiction, year, lastSeq: 1 },
    update: { lastSeq: { increment: 1 } },
  });
  const seq = counter.lastSeq;
  const { userId, profile, checkResult, intakeKey } = data;
  return tx.application.create({ data: { userId, jurisdiction, year, profile, checkResult, intakeKey, number: formatApplicationNumber(jurisdiction, year, seq), seq } });
}

/**
 * `insertNumbered` as plain SQL on SQLite, for a caller that holds the gate and
 * has begun the (IMMEDIATE) transaction: the counter's upsert returns the new
 * number, and no other writer can run in between. Timestamps as Prisma sets
 * them (`@default(now())`, `@updatedAt`: the clock, not the store's `now`).
 */
export async function insertNumberedSqlite(sqlite: SqliteDirect, data: NewApplicationData & NewApplicationJson): Promise<ApplicationRecord> {
  const { jurisdiction, year } = data;
  const [counter] = await sqlite.query(
    `INSERT INTO "ApplicationCounter" ("jurisdiction", "year", "lastSeq") VALUES (?, ?, 1)
     ON CONFLICT ("jurisdiction", "year") DO UPDATE SET "lastSeq" = "lastSeq" + 1 RETURNING "lastSeq"`,
    [jurisdiction, year],
  );
  const seq = sqlInt(counter!.lastSeq);
  const at = new Date();
  const [row] = await sqlite.query(
    `INSERT INTO "Application" ("number", "userId", "jurisdiction", "year", "seq", "status", "profile", "checkResult", "version", "createdAt", "updatedAt", "intakeKey")
     VALUES (?, ?, ?, ?, ?, 'draft', ?, ?, 1, ?, ?, ?) RETURNING ${APPLICATION_TABLE.columns}`,
    [
      formatApplicationNumber(jurisdiction, year, seq),
      data.userId,
      jurisdiction,
      year,
      seq,
      JSON.stringify(data.profileJson),
      data.checkResultJson === undefined ? null : JSON.stringify(data.checkResultJson),
      at,
      at,
      data.intakeKey ?? null,
    ],
  );
  return applicationFromSqlite(row!);
}

/** A returned or draft application corrected from a new intake, compare-and-set on its version; undefined when the version moved. */
export async function replaceFromIntakeSqlite(
  sqlite: SqliteDirect,
  replaces: { id: number; expectedVersion: number },
  data: NewApplicationData & NewApplicationJson,
): Promise<ApplicationRecord | undefined> {
  // An absent check result leaves the column as it is, as Prisma does with `undefined`.
  const checkResult = data.checkResultJson === undefined ? [] : [JSON.stringify(data.checkResultJson)];
  const [row] = await sqlite.query(
    `UPDATE "Application" SET "profile" = ?, ${checkResult.length ? `"checkResult" = ?, ` : ""}"intakeKey" = ?, "version" = "version" + 1, "updatedAt" = ?
     WHERE "id" = ? AND "version" = ? RETURNING ${APPLICATION_TABLE.columns}`,
    [JSON.stringify(data.profileJson), ...checkResult, data.intakeKey ?? null, new Date(), replaces.id, replaces.expectedVersion],
  );
  return row ? applicationFromSqlite(row) : undefined;
}

/** The application with this intake's key, read on the SQLite hot path. */
export async function findByIntakeKeySqlite(sqlite: SqliteDirect, intakeKey: string): Promise<ApplicationRecord | undefined> {
  const [row] = await sqlite.query(`SELECT ${APPLICATION_TABLE.columns} FROM "Application" WHERE "intakeKey" = ?`, [intakeKey]);
  return row ? applicationFromSqlite(row) : undefined;
}

function applicationFromSqlite(row: SqlRow): ApplicationRecord {
  const { intakeKey: _key, seq: _seq, ...record } = APPLICATION_TABLE.read(row);
  return record;
}

export function createApplicationRepository({ db, exclusive, now }: RepositoryContext): ApplicationRepository {
  const find = async (where: { id: number } | { number: string }) => {
    const row = await exclusive(() => db.application.findUnique({ where }));
    return row ? toRecord(row) : undefined;
  };

  const conflict = async (id: number, expectedVersion: number) => {
    const current = await exclusive(() => db.application.findUnique({ where: { id }, select: { number: true, version: true, status: true } }));
    if (!current) return new RecordNotFoundError("申请", String(id));
    return new ConcurrentUpdateError("application", current.number, expectedVersion, { version: current.version, status: current.status });
  };

  return {
    async create(input) {
      const data = applicationData(input, now);
      for (let attempt = 1; ; attempt++) {
        try {
          const row = await exclusive(() => db.$transaction((tx) => insertNumbered(tx, data), { maxWait: 10_000, timeout: 10_000 }));
          return toRecord(row);
        } catch (error) {
          // Two first applications of a year may both insert the counter row;
          // the loser's transaction rolls back and simply runs again.
          if (isUniqueViolation(error) && attempt < MAX_ATTEMPTS) continue;
          throw error;
        }
      }
    },
    findById: (id) => find({ id }),
    findByNumber: (number) => find({ number }),
    async listByUser(userId, options = {}) {
      const rows = await exclusive(() =>
        db.application.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: options.limit ?? 50, skip: options.offset ?? 0 }),
      );
      return rows.map(toRecord);
    },
    async listByStatus(status, options = {}) {
      const rows = await exclusive(() =>
        db.application.findMany({ where: { status }, orderBy: [{ updatedAt: "asc" }, { id: "asc" }], take: options.limit ?? 50, skip: options.offset ?? 0 }),
      );
      return rows.map(toRecord);
    },
    async listAll(filter = {}) {
      const rows = await exclusive(() =>
        db.application.findMany({ where: { status: filter.status, jurisdiction: filter.jurisdiction }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
      );
      return rows.map(toRecord);
    },
    async listSnapshots(applicationId) {
      const rows = await exclusive(() => db.applicationSnapshot.findMany({ where: { applicationId }, orderBy: [{ at: "asc" }, { id: "asc" }] }));
      return rows.map((row) => ({
        id: row.id,
        applicationId: row.applicationId,
        status: row.status,
        profile: fromJson(row.profile),
        checkResult: row.checkResult === null ? null : fromJson(row.checkResult),
        actor: row.actor,
        at: row.at,
      }));
    },
    async update(input) {
      const data = {
        profile: input.profile === undefined ? undefined : jsonInput(toJson(input.profile, "申请资料")),
        checkResult: nullableJsonInput(input.checkResult === undefined ? undefined : toJson(input.checkResult, "预审结果")),
        version: { increment: 1 },
      };
      const [row] = await exclusive(() => db.application.updateManyAndReturn({ where: { id: input.id, version: input.expectedVersion }, data }));
      if (!row) throw await conflict(input.id, input.expectedVersion);
      return toRecord(row);
    },
    async transition(input) {
      const at = now();
      const audit = input.audit;
      if (input.turn && input.to === "draft") throw new TypeError("a change back to draft keeps no snapshot to key a turn on");
      const done = await exclusive(() =>
        db.$transaction(async (tx) => {
          // One conditional UPDATE: PostgreSQL re-checks the WHERE after waiting
          // for a concurrent writer's row lock, so only one of two decisions
          // matches; SQLite runs writers one at a time.
          const [updated] = await tx.application.updateManyAndReturn({
            where: { id: input.id, status: input.from, version: input.expectedVersion },
            data: {
              status: input.to,
              version: { increment: 1 },
              ...(input.staffComment === undefined ? {} : { staffComment: input.staffComment }),
              ...(input.decidedBy === undefined ? {} : { decidedBy: input.decidedBy }),
              ...(input.to === "submitted" ? { submittedAt: at } : {}),
              ...(input.to === "returned" || input.to === "accepted" ? { decidedAt: at } : {}),
            },
          });
          if (!updated) return undefined;
          if (input.to !== "draft") {
            await tx.applicationSnapshot.create({
              data: {
                applicationId: updated.id,
                status: input.to,
                profile: jsonInput(fromJson(updated.profile)),
                checkResult: nullableJsonInput(updated.checkResult === null ? null : fromJson(updated.checkResult)),
                actor: audit?.actor ?? input.decidedBy ?? "system",
                at,
                turnKey: input.turn?.key ?? null,
              },
            });
          }
          if (audit) {
            await tx.auditEvent.create({
              data: {
                actor: audit.actor,
                action: audit.action,
                subject: `application:${updated.number}`,
                detail: nullableJsonInput(toJson(maskDeep({ from: input.from, to: input.to, ...(audit.detail === undefined ? {} : { detail: audit.detail }) }), "审计详情")),
                at,
              },
            });
          }
          const notices: Notification[] = [];
          // Kept verbatim, as notification.repository.ts keeps them: a notice is a message, not a log line.
          for (const n of input.notify ?? []) notices.push(await tx.notification.create({ data: { userId: n.userId, text: n.text, createdAt: at } }));
          await recordTurnStart(tx, input.turn, at);
          return { record: toRecord(updated), notices: notices.map(notificationRecord) };
        }),
      );
      if (!done) throw await conflict(input.id, input.expectedVersion);
      return done;
    },
    async findTransitionOfTurn(turnKey) {
      const snapshot = await exclusive(() => db.applicationSnapshot.findUnique({ where: { turnKey }, select: { application: true } }));
      return snapshot ? toRecord(snapshot.application) : undefined;
    },
  };
}

export function toRecord(row: Application): ApplicationRecord {
  return {
    id: row.id,
    number: row.number,
    userId: row.userId,
    jurisdiction: row.jurisdiction,
    year: row.year,
    status: row.status,
    profile: fromJson(row.profile),
    checkResult: row.checkResult === null ? null : fromJson(row.checkResult),
    staffComment: row.staffComment,
    decidedBy: row.decidedBy,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    submittedAt: row.submittedAt,
    decidedAt: row.decidedAt,
  };
}
