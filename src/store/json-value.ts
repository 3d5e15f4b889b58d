/**
 * JSON columns (`Json` in the schema; SQLite stores it as text, PostgreSQL as
 * jsonb). Values are normalised through JSON on the way in — what is stored is
 * exactly what will be read back (no `undefined`, Dates become strings).
 */
// The generated namespace directly, not through prisma-client.ts (which imports the SQLite hot path, which reads these types).
// Its values from the runtime-free entry (`browser.ts`): JsonNull and DbNull there are the very objects
// the client's runtime checks for (both come from @prisma/client-runtime-utils), without loading that runtime.
import type { Prisma } from "../generated/sqlite/client.ts";
import { Prisma as PrismaValues } from "../generated/sqlite/browser.ts";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Normalises `value` to plain JSON; throws if it cannot be represented. */
export function toJson(value: unknown, what: string): JsonValue {
  const text = value === undefined ? undefined : JSON.stringify(value);
  if (text === undefined) throw new TypeError(`${what} 必须是可以保存为 JSON 的值`);
  return JSON.parse(text) as JsonValue;
}

export function toJsonObject(value: unknown, what: string): JsonObject {
  return asJsonObject(toJson(value, what), what);
}

/** A value read back as JSON is JSON through and through: only "is it an object" is left to check. */
export function asJsonObject(json: JsonValue, what: string): JsonObject {
  if (typeof json !== "object" || json === null || Array.isArray(json)) throw notAnObject(what);
  return json;
}

/** `value` as JSON text, which must be an object's. */
export function jsonObjectText(value: unknown, what: string): string {
  const text = value === undefined ? undefined : JSON.stringify(value);
  if (text === undefined || !text.startsWith("{")) throw notAnObject(what);
  return text;
}

function notAnObject(what: string): TypeError {
  return new TypeError(`${what} 必须是 JSON 对象，例如 {"step": 1}`);
}

/** For a required Json column: JSON `null` must be sent as Prisma.JsonNull. */
export function jsonInput(value: JsonValue): Prisma.InputJsonValue | typeof Prisma.JsonNull {
  return value === null ? (PrismaValues.JsonNull as typeof Prisma.JsonNull) : (value as Prisma.InputJsonValue);
}

/** For an optional Json column: `undefined` leaves it unchanged, `null` clears it. */
export function nullableJsonInput(value: JsonValue | undefined): Prisma.InputJsonValue | typeof Prisma.DbNull | undefined {
  if (value === undefined) return undefined;
  return value === null ? (PrismaValues.DbNull as typeof Prisma.DbNull) : (value as Prisma.InputJsonValue);
}

export function fromJson(value: unknown): JsonValue {
  return value as JsonValue;
}
