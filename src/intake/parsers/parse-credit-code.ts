/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from 0-9 and A-Z without
 * I, O, S, V, Z. Positions 3–8 are the administrative-division code (digits);
 * the 18th is a check character: with character values c_i (0…30) and
 * weights w_i = 3^(i-1) mod 31, check = 31 − (Σ c_i·w_i mod 31), 31 → 0.
 * Accepts lower case, full-width characters and spaces/hyphens people add.
 */
import { normalizeInput } from "./normalize-input.ts";
import { fail, ok, type ParseResult } from "./parse-result.ts";

const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const EXAMPLE = "91350100M000100Y43（18 位，字母大小写均可）";

/** The check character for the first 17 characters, or undefined if one is not a code character. */
export function creditCodeCheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CHARSET.indexOf(first17[i]!);
    if (v < 0) return undefined;
    sum += v * WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return CHARSET[check];
}

/** What people put between the characters of a code; the log masker allows exactly these (src/logging). */
export const CREDIT_CODE_SEPARATORS = "\\s\\-_.·";

/** @example parseCreditCode("91350100m000100y43") // ok "91350100M000100Y43" */
export function parseCreditCode(raw: string): ParseResult<string> {
  const code = normalizeInput(raw).replace(new RegExp(`[${CREDIT_CODE_SEPARATORS}]`, "gu"), "").toUpperCase();
  if (code.length !== 18) {
    return fail(`统一社会信用代码应为 18 位，您输入的是 ${code.length} 位`, EXAMPLE);
  }
  for (let i = 0; i < 18; i++) {
    const ch = code[i]!;
    if (!CHARSET.includes(ch)) {
      const hint = "IOSVZ".includes(ch) ? "（代码中不使用 I、O、S、V、Z，请核对是否是数字 1、0、5 或 2）" : "";
      return fail(`第 ${i + 1} 位「${ch}」不是统一社会信用代码允许的字符${hint}`, EXAMPLE);
    }
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    return fail("第 3–8 位应为登记管理机关的行政区划码（6 位数字）", EXAMPLE);
  }
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (expected !== code[17]) {
    return fail("校验位不符（第 18 位与前 17 位算出的不一致），请逐位核对营业执照上的代码", EXAMPLE);
  }
  return ok(code);
}
