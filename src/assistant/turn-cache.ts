/**
 * What the last turn of a user left — their user row and the conversation
 * as saved — kept in memory so the next turn need not read them again.
 *
 * Only for SQLite, whose supported setup is one bot process: every save of a
 * conversation goes through this process, so the cached copy is the stored
 * one. It stays safe if another process (a second `chat` on the same file)
 * writes anyway: saves are compare-and-set on the version, a stale copy
 * fails with `ConcurrentUpdateError`, and the turn is redone on a fresh load.
 * With PostgreSQL several instances share users, so nothing is cached.
 */
import type { ConversationRecord, UserRecord } from "../store/index.ts";

export interface CachedTurn {
  user: UserRecord;
  conversation: ConversationRecord;
  /** the conversation's state as the JSON text this process saved (the next turn starts from it) */
  stateText?: string;
}

export interface TurnCache {
  get(key: string): CachedTurn | undefined;
  set(key: string, value: CachedTurn): void;
  delete(key: string): void;
}

/** A least-recently-used map of at most `capacity` users. */
export function createTurnCache(capacity = 10_000): TurnCache {
  const entries = new Map<string, CachedTurn>();
  return {
    get(key) {
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
      }
      return hit;
    },
    set(key, value) {
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > capacity) entries.delete(entries.keys().next().value!);
    },
    delete(key) {
      entries.delete(key);
    },
  };
}

/** Nothing cached: every turn reads the database. */
export const NO_TURN_CACHE: TurnCache = { get: () => undefined, set: () => {}, delete: () => {} };
