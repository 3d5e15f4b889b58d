/**
 * The tables the SQLite hot path reads (sqlite-direct.ts), each described once
 * from Prisma's generated field enum: the SELECT column list is the enum's
 * fields and the row mapper is one reader per field. A column added to the
 * schema appears in the enum on `prisma generate` (npm install runs it); the
 * table below then no longer type-checks until the column has a reader, and
 * test/store-hot-path.test.ts compares every table with the migrated database.
 */
// The field enums from the runtime-free entry of the generated client: this module is on every start's path.
import { Prisma, type ApplicationStatus, type Jurisdiction, type UserRole } from "../generated/sqlite/browser.ts";
import type { JsonValue } from "./json-value.ts";
import type { SqlRow } from "./sqlite-direct.ts";

type FieldEnum = Record<string, string>;
type Readers<E extends FieldEnum> = { [K in keyof E]: (value: unknown) => unknown };
type RowOf<R> = { [K in keyof R]: R[K] extends (value: unknown) => infer T ? T : never };

export interface SqliteTable<R> {
  /** the table as the schema names it */
  name: string;
  /** every column, quoted, in the model's order: `"id", "channel", …` */
  columns: string;
  /** the columns read, unquoted (for the schema test) */
  fields: readonly string[];
  read(row: SqlRow): R;
}

function sqliteTable<E extends FieldEnum, R extends Readers<E>>(name: string, fieldEnum: E, readers: R & Record<Exclude<keyof R, keyof E>, never>): SqliteTable<RowOf<R>> {
  const fields = Object.values(fieldEnum);
  return {
    name,
    columns: fields.map((f) => `"${f}"`).join(", "),
    fields,
    read(row) {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(fieldEnum)) out[key] = (readers as Readers<E>)[key as keyof E](row[field]);
      return out as RowOf<R>;
    },
  };
}

// Reading columns back: DateTime is the driver adapter's ISO text, Json is
// text — or a number, as SQLite's JSONB declared type has numeric affinity and
// keeps the text "1200" as the integer 1200.
export const sqlInt = (value: unknown): number => Number(value);
export const sqlText = (value: unknown): string => String(value);
export const sqlTextOrNull = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));
export const sqlDate = (value: unknown): Date => new Date(value as string | number);
export const sqlDateOrNull = (value: unknown): Date | null => (value === null || value === undefined ? null : sqlDate(value));
/** JSON text parsed; callers narrow it (`asJsonObject`). */
export const sqlJson = (value: unknown): JsonValue => (typeof value === "string" ? JSON.parse(value) : value) as JsonValue;

export const USER_TABLE = sqliteTable("User", Prisma.UserScalarFieldEnum, {
  id: sqlInt,
  channel: sqlText,
  externalId: sqlText,
  role: (value: unknown) => sqlText(value) as UserRole,
  language: sqlText,
  displayName: sqlTextOrNull,
  createdAt: sqlDate,
  updatedAt: sqlDate,
});

export const CONVERSATION_TABLE = sqliteTable("Conversation", Prisma.ConversationScalarFieldEnum, {
  id: sqlInt,
  userId: sqlInt,
  flow: sqlTextOrNull,
  step: sqlTextOrNull,
  state: sqlJson,
  version: sqlInt,
  updatedAt: sqlDate,
});

export const NOTIFICATION_TABLE = sqliteTable("Notification", Prisma.NotificationScalarFieldEnum, {
  id: sqlInt,
  userId: sqlInt,
  text: sqlText,
  createdAt: sqlDate,
  deliveredAt: sqlDateOrNull,
});

/** JSON text or SQL NULL (a `Json?` column Prisma left empty). */
export const sqlJsonOrNull = (value: unknown): JsonValue | null => (value === null || value === undefined ? null : sqlJson(value));

// Written and read back by an intake's outcome at 「确认」 (intake-outcome.repository.ts).
export const APPLICATION_TABLE = sqliteTable("Application", Prisma.ApplicationScalarFieldEnum, {
  id: sqlInt,
  number: sqlText,
  userId: sqlInt,
  jurisdiction: (value: unknown) => sqlText(value) as Jurisdiction,
  year: sqlInt,
  seq: sqlInt,
  status: (value: unknown) => sqlText(value) as ApplicationStatus,
  profile: sqlJson,
  checkResult: sqlJsonOrNull,
  staffComment: sqlTextOrNull,
  decidedBy: sqlTextOrNull,
  version: sqlInt,
  createdAt: sqlDate,
  updatedAt: sqlDate,
  submittedAt: sqlDateOrNull,
  decidedAt: sqlDateOrNull,
  intakeKey: sqlTextOrNull,
});

export const ESTIMATE_TABLE = sqliteTable("Estimate", Prisma.EstimateScalarFieldEnum, {
  id: sqlInt,
  userId: sqlInt,
  input: sqlJson,
  result: sqlJson,
  createdAt: sqlDate,
  intakeKey: sqlTextOrNull,
});

/** Every table the hot path reads rows of. */
export const HOT_READ_TABLES: readonly SqliteTable<unknown>[] = [USER_TABLE, CONVERSATION_TABLE, NOTIFICATION_TABLE, APPLICATION_TABLE, ESTIMATE_TABLE];
