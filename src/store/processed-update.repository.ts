/**
 * Channel updates already handled. Telegram re-delivers an update when the
 * webhook answer is lost, WeCom retries a callback it thinks timed out; each
 * must have exactly one effect. The primary key (channel, update id) makes
 * "mark" atomic: of two deliveries, exactly one insert succeeds.
 */
import { isUniqueViolation } from "./prisma-client.ts";
import type { RepositoryContext } from "./repository-context.ts";

export interface ProcessedUpdateRepository {
  /** True the first time this (channel, update id) is seen, false afterwards. */
  markIfNew(channel: string, updateId: string | number | bigint): Promise<boolean>;
  /** Forgets entries older than `before` (platforms stop retrying after minutes); returns how many. */
  prune(before: Date): Promise<number>;
}

export function createProcessedUpdateRepository({ db, exclusive, now, sqlite }: RepositoryContext): ProcessedUpdateRepository {
  return {
    async markIfNew(channel, updateId) {
      if (sqlite) {
        const inserted = await exclusive(() =>
          sqlite.execute(`INSERT INTO "ProcessedUpdate" ("channel", "updateId", "createdAt") VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, [
            channel,
            String(updateId),
            now(),
          ]),
        );
        return inserted === 1;
      }
      try {
        await exclusive(() => db.processedUpdate.create({ data: { channel, updateId: String(updateId), createdAt: now() } }));
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },
    async prune(before) {
      if (sqlite) return exclusive(() => sqlite.execute(`DELETE FROM "ProcessedUpdate" WHERE "createdAt" < ?`, [before]));
      const { count } = await exclusive(() => db.processedUpdate.deleteMany({ where: { createdAt: { lt: before } } }));
      return count;
    },
  };
}
