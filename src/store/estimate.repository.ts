/** Support estimates (Zibo 第九条) a user ran, with the input they were based on. */
import type { Estimate } from "../generated/sqlite/client.ts";
import { fromJson, jsonInput, toJson, type JsonValue } from "./json-value.ts";
import type { RepositoryContext } from "./repository-context.ts";

export interface EstimateRecord {
  id: number;
  userId: number;
  input: JsonValue;
  result: JsonValue;
  createdAt: Date;
}

export interface EstimateRepository {
  create(input: { userId: number; input: unknown; result: unknown }): Promise<EstimateRecord>;
  findById(id: number): Promise<EstimateRecord | undefined>;
  /** Newest first. */
  listByUser(userId: number, limit?: number): Promise<EstimateRecord[]>;
  /** Newest first, across users (the review desk's overview). */
  recent(limit?: number): Promise<EstimateRecord[]>;
}

export function createEstimateRepository({ db, exclusive, now }: RepositoryContext): EstimateRepository {
  return {
    async create(input) {
      const row = await exclusive(() =>
        db.estimate.create({
          data: { userId: input.userId, input: jsonInput(toJson(input.input, "测算输入")), result: jsonInput(toJson(input.result, "测算结果")), createdAt: now() },
        }),
      );
      return toRecord(row);
    },
    async findById(id) {
      const row = await exclusive(() => db.estimate.findUnique({ where: { id } }));
      return row ? toRecord(row) : undefined;
    },
    async listByUser(userId, limit = 20) {
      const rows = await exclusive(() => db.estimate.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit }));
      return rows.map(toRecord);
    },
    async recent(limit = 1000) {
      const rows = await exclusive(() => db.estimate.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit }));
      return rows.map(toRecord);
    },
  };
}

export function toRecord(row: Estimate): EstimateRecord {
  return { id: row.id, userId: row.userId, input: fromJson(row.input), result: fromJson(row.result), createdAt: row.createdAt };
}
