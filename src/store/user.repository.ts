/** People, one row per channel identity (telegram:12345, wecom:zhangsan, console:local). */
import type { User } from "../generated/sqlite/client.ts";
import { isUniqueViolation } from "./prisma-client.ts";
import type { RepositoryContext } from "./repository-context.ts";

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

export function createUserRepository({ db, exclusive }: RepositoryContext): UserRepository {
  return {
    upsert(input) {
      const fields = { role: input.role, language: input.language, displayName: input.displayName };
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
