/** People, one row per channel identity (telegram:12345, wecom:zhangsan, console:local). */
import type { User } from "../generated/sqlite/client.ts";
import { isUniqueViolation } from "./prisma-client.ts";
import type { RepositoryContext } from "./repository-context.ts";
import { USER_TABLE } from "./sqlite-table.ts";

export type UserRole = "applicant" | "agency" | "staff";

export interface UserRecord {
  id: number;
  channel: string;
  externalId: string;
  role: UserRole;
  language: string;
  displayName: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface UpsertUserInput {
  channel: string;
  externalId: string;
  /** Given fields overwrite the stored ones; omitted fields keep them (or the defaults for a new user). */
  role?: UserRole;
  language?: string;
  displayName?: string | null;
}

export interface UserRepository {
  /** Finds the user by channel + external id, creating it on first contact. */
  upsert(input: UpsertUserInput): Promise<UserRecord>;
  findByChannelId(channel: string, externalId: string): Promise<UserRecord | undefined>;
  findById(id: number): Promise<UserRecord | undefined>;
  setRole(id: number, role: UserRole): Promise<UserRecord>;
}

const OPTIONAL_FIELDS = ["role", "language", "displayName"] as const;

export function createUserRepository({ db, exclusive, sqlite }: RepositoryContext): UserRepository {
  return {
    async upsert(input) {
      const fields = { role: input.role, language: input.language, displayName: input.displayName };
      if (sqlite) {
        // One INSERT … ON CONFLICT DO UPDATE, so two first messages at once cannot both insert.
        // Omitted fields are left out: a new row gets the schema's defaults, an existing one keeps its values.
        const given = OPTIONAL_FIELDS.filter((name) => input[name] !== undefined);
        const columns = ["channel", "externalId", ...given, "createdAt", "updatedAt"];
        const at = new Date();
        const [row] = await exclusive(() =>
          sqlite.query(
            `INSERT INTO "User" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})
             ON CONFLICT ("channel", "externalId") DO UPDATE SET ${[...given, "updatedAt"].map((c) => `"${c}" = excluded."${c}"`).join(", ")}
             RETURNING ${USER_TABLE.columns}`,
            [input.channel, input.externalId, ...given.map((name) => input[name] ?? null), at, at],
          ),
        );
        return USER_TABLE.read(row!);
      }
      const run = () =>
        exclusive(() =>
          db.user.upsert({
            where: { channel_externalId: { channel: input.channel, externalId: input.externalId } },
            create: { channel: input.channel, externalId: input.externalId, ...fields },
            update: fields,
          }),
        );
      // Two first messages at once may both try to insert; the loser retries
      // and finds the winner's row.
      return run()
        .catch((error: unknown) => (isUniqueViolation(error) ? run() : Promise.reject(error)))
        .then(toRecord);
    },
    async findByChannelId(channel, externalId) {
      if (sqlite) {
        const [row] = await exclusive(() => sqlite.query(`SELECT ${USER_TABLE.columns} FROM "User" WHERE "channel" = ? AND "externalId" = ?`, [channel, externalId]));
        return row ? USER_TABLE.read(row) : undefined;
      }
      const row = await exclusive(() => db.user.findUnique({ where: { channel_externalId: { channel, externalId } } }));
      return row ? toRecord(row) : undefined;
    },
    async findById(id) {
      const row = await exclusive(() => db.user.findUnique({ where: { id } }));
      return row ? toRecord(row) : undefined;
    },
    async setRole(id, role) {
      return toRecord(await exclusive(() => db.user.update({ where: { id }, data: { role } })));
    },
  };
}

function toRecord(row: User): UserRecord {
  return {
    id: row.id,
    channel: row.channel,
    externalId: row.externalId,
    role: row.role,
    language: row.language,
    displayName: row.displayName,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
