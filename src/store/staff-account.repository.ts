/**
 * Web review desk accounts for bureau staff who are not on a chat channel.
 * The store keeps the argon2 hash it is given; hashing and verifying belong
 * to the caller (src/review-desk/passwords.ts), so no password passes here.
 */
import type { StaffAccount } from "../generated/sqlite/client.ts";
import { isUniqueViolation } from "./prisma-client.ts";
import type { RepositoryContext } from "./repository-context.ts";

export type StaffRole = "reviewer" | "viewer";

export interface StaffAccountRecord {
  id: number;
  /** sign-in name, e.g. "zhangsan" */
  name: string;
  displayName: string | null;
  passwordHash: string;
  role: StaffRole;
  createdAt: Date;
  disabledAt: Date | null;
}

export class StaffAccountExistsError extends Error {
  constructor(public readonly accountName: string) {
    super(`账号「${accountName}」已存在`);
    this.name = "StaffAccountExistsError";
  }
}

export interface StaffAccountRepository {
  /** Throws `StaffAccountExistsError` when the name is taken. */
  create(input: { name: string; displayName?: string; passwordHash: string; role: StaffRole }): Promise<StaffAccountRecord>;
  findByName(name: string): Promise<StaffAccountRecord | undefined>;
  findById(id: number): Promise<StaffAccountRecord | undefined>;
  list(): Promise<StaffAccountRecord[]>;
  setPassword(name: string, passwordHash: string): Promise<boolean>;
  /** Disabled accounts cannot sign in and their open sessions are refused. */
  setDisabled(name: string, disabled: boolean): Promise<boolean>;
}

export function createStaffAccountRepository({ db, exclusive, now }: RepositoryContext): StaffAccountRepository {
  return {
    async create(input) {
      try {
        const row = await exclusive(() =>
          db.staffAccount.create({
            data: { name: input.name, displayName: input.displayName ?? null, passwordHash: input.passwordHash, role: input.role, createdAt: now() },
          }),
        );
        return toRecord(row);
      } catch (err) {
        if (isUniqueViolation(err)) throw new StaffAccountExistsError(input.name);
        throw err;
      }
    },
    async findByName(name) {
      const row = await exclusive(() => db.staffAccount.findUnique({ where: { name } }));
      return row ? toRecord(row) : undefined;
    },
    async findById(id) {
      const row = await exclusive(() => db.staffAccount.findUnique({ where: { id } }));
      return row ? toRecord(row) : undefined;
    },
    async list() {
      const rows = await exclusive(() => db.staffAccount.findMany({ orderBy: { name: "asc" } }));
      return rows.map(toRecord);
    },
    async setPassword(name, passwordHash) {
      const { count } = await exclusive(() => db.staffAccount.updateMany({ where: { name }, data: { passwordHash } }));
      return count === 1;
    },
    async setDisabled(name, disabled) {
      const { count } = await exclusive(() => db.staffAccount.updateMany({ where: { name }, data: { disabledAt: disabled ? now() : null } }));
      return count === 1;
    },
  };
}

function toRecord(row: StaffAccount): StaffAccountRecord {
  return {
    id: row.id,
    name: row.name,
    displayName: row.displayName,
    passwordHash: row.passwordHash,
    role: row.role,
    createdAt: row.createdAt,
    disabledAt: row.disabledAt,
  };
}
