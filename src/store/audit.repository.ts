/**
 * Who did what to which record (staff decisions, role changes, exports).
 * Details are masked like log lines: the audit trail records actions, not
 * personal data.
 */
import type { AuditEvent } from "../generated/sqlite/client.ts";
import { maskDeep } from "../logging/mask-personal-data.ts";
import { fromJson, nullableJsonInput, toJson, type JsonValue } from "./json-value.ts";
import type { RepositoryContext } from "./repository-context.ts";
import type { SqliteDirect } from "./sqlite-direct.ts";
import { sqlInt } from "./sqlite-table.ts";

export interface AuditRecord {
  id: number;
  /** e.g. "telegram:12345" or "system". */
  actor: string;
  /** e.g. "application.accept". */
  action: string;
  /** e.g. "application:ZJ-2026-0001". */
  subject: string;
  detail: JsonValue | null;
  at: Date;
}

export interface AuditRepository {
  record(input: AuditInput): Promise<AuditRecord>;
  /** Oldest first. */
  listBySubject(subject: string, limit?: number): Promise<AuditRecord[]>;
  /** Newest first. */
  recent(limit?: number): Promise<AuditRecord[]>;
}

export interface AuditInput {
  actor: string;
  action: string;
  subject: string;
  detail?: unknown;
}

/** The row for Prisma, detail masked; also written inside other repositories' transactions. */
export function auditRow(input: AuditInput, at: Date) {
  const detail = input.detail === undefined ? undefined : toJson(maskDeep(input.detail), "审计详情");
  return { actor: input.actor, action: input.action, subject: input.subject, detail: nullableJsonInput(detail), at };
}

/** The entry as plain SQL, for a caller that holds the gate (the turn's commit writes it in its transaction); its id. */
export async function insertAuditSqlite(sqlite: SqliteDirect, input: AuditInput, at: Date): Promise<number> {
  const detail = input.detail === undefined ? null : toJson(maskDeep(input.detail), "审计详情");
  const [row] = await sqlite.query(`INSERT INTO "AuditEvent" ("actor", "action", "subject", "detail", "at") VALUES (?, ?, ?, ?, ?) RETURNING "id"`, [
    input.actor,
    input.action,
    input.subject,
    detail === null ? null : JSON.stringify(detail),
    at,
  ]);
  return sqlInt(row!.id);
}

export function createAuditRepository({ db, exclusive, now, sqlite }: RepositoryContext): AuditRepository {
  return {
    async record(input) {
      const at = now();
      if (sqlite) {
        const id = await exclusive(() => insertAuditSqlite(sqlite, input, at));
        const detail = input.detail === undefined ? null : toJson(maskDeep(input.detail), "审计详情");
        return { id, actor: input.actor, action: input.action, subject: input.subject, detail, at };
      }
      const row = await exclusive(() => db.auditEvent.create({ data: auditRow(input, at) }));
      return toRecord(row);
    },
    async listBySubject(subject, limit = 100) {
      const rows = await exclusive(() => db.auditEvent.findMany({ where: { subject }, orderBy: [{ at: "asc" }, { id: "asc" }], take: limit }));
      return rows.map(toRecord);
    },
    async recent(limit = 50) {
      const rows = await exclusive(() => db.auditEvent.findMany({ orderBy: [{ at: "desc" }, { id: "desc" }], take: limit }));
      return rows.map(toRecord);
    },
  };
}

function toRecord(row: AuditEvent): AuditRecord {
  return { id: row.id, actor: row.actor, action: row.action, subject: row.subject, detail: row.detail === null ? null : fromJson(row.detail), at: row.at };
}
