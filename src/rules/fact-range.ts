/**
 * A count or an area known only roughly: `{ "min": 100, "max": 130 }`.
 * Wherever the profile or the agency input takes a count or an area, a range
 * is accepted too (a plain number stays valid and means min = max).
 *
 * Rules read every such fact through `asRange`, so a plain number and a
 * one-point range give the same result.
 *
 * @example asRange(25) // { min: 25, max: 25 }
 * @example asRange({ min: 18, max: 22 }) // { min: 18, max: 22 }
 */
import { z } from "zod";
import { groupDigits } from "./money.ts";

export interface FactRange {
  min: number;
  max: number;
}

/** A fact as the input may give it. */
export type RangedNumber = number | FactRange;

/** The fact as a range, or undefined when it is not given (or not a number). */
export function asRange(v: unknown): FactRange | undefined {
  if (typeof v === "number") return { min: v, max: v };
  if (v !== null && typeof v === "object" && typeof (v as FactRange).min === "number" && typeof (v as FactRange).max === "number")
    return { min: (v as FactRange).min, max: (v as FactRange).max };
  return undefined;
}

/** True when the fact is a range with two different ends (a one-point range is exact). */
export function isUncertain(v: unknown): boolean {
  const r = asRange(v);
  return r !== undefined && r.min !== r.max;
}

/** One end of the range: `"min"` for what is certain, `"max"` for the favourable case. */
export function rangeEnd<T>(v: T, end: "min" | "max"): T | number {
  const r = asRange(v);
  return r === undefined ? v : r[end];
}

/**
 * A schema for a count or an area: the number itself, or `{min, max}` with
 * min ≤ max, both passing `point`.
 */
export function rangedNumberSchema(point: z.ZodNumber, example: { single: string; range: string }) {
  const range = z
    .strictObject({ min: point, max: point })
    .refine((r) => r.min <= r.max, { message: "范围的 min 不能大于 max", path: ["max"] });
  return z.union([point, range]).describe(`${example.single}，或一个范围 ${example.range}`);
}

/** 「18–22」 for a range, 「20」 for a point (thousands grouped: 「900–1,100」). */
export function formatRange(r: FactRange): string {
  return r.min === r.max ? groupDigits(r.min) : `${groupDigits(r.min)}–${groupDigits(r.max)}`;
}
