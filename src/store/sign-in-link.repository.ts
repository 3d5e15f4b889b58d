/**
 * One-time sign-in links for the web review desk. Only a hash of the token is
 * stored; `consume` marks a link used with one conditional update, so of two
 * requests with the same link exactly one signs in.
 */
import type { RepositoryContext } from "./repository-context.ts";

export type ConsumeResult =
  | { ok: true; staffKey: string }
  | { ok: false; reason: "unknown" | "expired" | "used" };

export interface SignInLinkRepository {
  create(input: { tokenHash: string; staffKey: string; expiresAt: Date }): Promise<void>;
  consume(tokenHash: string): Promise<ConsumeResult>;
  /** Removes links that expired before `before`; returns how many. */
  prune(before: Date): Promise<number>;
}

export function createSignInLinkRepository({ db, exclusive, now }: RepositoryContext): SignInLinkRepository {
  return {
    async create(input) {
      await exclusive(() => db.signInLink.create({ data: { ...input, createdAt: now() } }));
    },
    async consume(tokenHash) {
      const at = now();
      const { count } = await exclusive(() =>
        db.signInLink.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: at } }, data: { usedAt: at } }),
      );
      const row = await exclusive(() => db.signInLink.findUnique({ where: { tokenHash } }));
      if (!row) return { ok: false, reason: "unknown" };
      if (count === 1) return { ok: true, staffKey: row.staffKey };
      return { ok: false, reason: row.usedAt ? "used" : "expired" };
    },
    async prune(before) {
      const { count } = await exclusive(() => db.signInLink.deleteMany({ where: { expiresAt: { lt: before } } }));
      return count;
    },
  };
}
