/**
 * Where each user is in a guided flow. Saves are compare-and-set on `version`:
 * a message handled with a stale copy gets `ConcurrentUpdateError` instead of
 * silently overwriting what another message just saved.
 */
import type { Conversation } from "../generated/sqlite/client.ts";
import { jsonInput, toJsonObject, type JsonObject } from "./json-value.ts";
import { isUniqueViolation } from "./prisma-client.ts";
import type { RepositoryContext } from "./repository-context.ts";
import { ConcurrentUpdateError } from "./store-errors.ts";

export interface ConversationRecord {
  userId: number;
  flow: string | null;
  step: string | null;
  state: JsonObject;
  /** 1 after the first save, +1 on every save. */
  version: number;
  updatedAt: Date;
}

export interface SaveConversationInput {
  userId: number;
  flow: string | null;
  step: string | null;
  state: JsonObject;
  /** The version you loaded, or null when `load` returned nothing. */
  expectedVersion: number | null;
}

export interface ConversationRepository {
  load(userId: number): Promise<ConversationRecord | undefined>;
  /** Throws `ConcurrentUpdateError` if the stored version is not `expectedVersion`. */
  save(input: SaveConversationInput): Promise<ConversationRecord>;
  remove(userId: number): Promise<void>;
}

export function createConversationRepository({ db, exclusive }: RepositoryContext): ConversationRepository {
  return {
    async load(userId) {
      const row = await exclusive(() => db.conversation.findUnique({ where: { userId } }));
      return row ? toRecord(row) : undefined;
    },
    async save(input) {
      const state = jsonInput(toJsonObject(input.state, "对话状态"));
      const conflict = async () => {
        const current = await exclusive(() => db.conversation.findUnique({ where: { userId: input.userId }, select: { version: true } }));
        return new ConcurrentUpdateError("conversation", String(input.userId), input.expectedVersion, current ?? undefined);
      };
      if (input.expectedVersion === null) {
        try {
          const row = await exclusive(() =>
            db.conversation.create({ data: { userId: input.userId, flow: input.flow, step: input.step, state, version: 1 } }),
          );
          return toRecord(row);
        } catch (error) {
          if (isUniqueViolation(error)) throw await conflict();
          throw error;
        }
      }
      const expectedVersion = input.expectedVersion;
      // One UPDATE … WHERE version = expected … RETURNING: atomic on both providers.
      const [row] = await exclusive(() =>
        db.conversation.updateManyAndReturn({
          where: { userId: input.userId, version: expectedVersion },
          data: { flow: input.flow, step: input.step, state, version: { increment: 1 } },
        }),
      );
      if (!row) throw await conflict();
      return toRecord(row);
    },
    async remove(userId) {
      await exclusive(() => db.conversation.deleteMany({ where: { userId } }));
    },
  };
}

function toRecord(row: Conversation): ConversationRecord {
  return {
    userId: row.userId,
    flow: row.flow,
    step: row.step,
    state: toJsonObject(row.state, "对话状态"),
    version: row.version,
    updatedAt: row.updatedAt,
  };
}
