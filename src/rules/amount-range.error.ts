/**
 * An amount beyond Number.MAX_SAFE_INTEGER cannot be computed exactly in
 * yuan. Inputs that big are typos; the estimate refuses them loudly rather
 * than printing a rounded figure (「¥120,000,000,000,050,000」).
 */
import { groupDigits } from "./money.ts";

export class AmountRangeError extends Error {
  constructor(
    /** what was being added up: 「合计」, 「第九条（一）」 */
    public readonly what: string,
    public readonly amount: number,
  ) {
    super(
      `${what}金额约 ${groupDigits(amount)} 元，超出可精确计算的范围（${groupDigits(Number.MAX_SAFE_INTEGER)} 元）。请核对填写的数量是否多写了 0 或单位。`,
    );
    this.name = "AmountRangeError";
  }
}

/** The amount itself when it is a safe integer; otherwise an AmountRangeError. */
export function checkedAmount(amount: number, what: string): number {
  if (!Number.isSafeInteger(amount)) throw new AmountRangeError(what, amount);
  return amount;
}
