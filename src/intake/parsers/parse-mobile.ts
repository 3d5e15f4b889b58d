/**
 * Phone numbers for the applicant's contact. Mobile numbers come with +86,
 * 0086, spaces, hyphens or full-width digits and are stored as 11 digits;
 * landlines (0533-1234567) are accepted for the contact phone too.
 */
import { normalizeInput } from "./normalize-input.ts";
import { fail, ok, type ParseResult } from "./parse-result.ts";

const MOBILE_EXAMPLE = "13800000000（可带 +86）";
const PHONE_EXAMPLE = "13800000000 或 0533-1234567";

/**
 * What people put between the digits of a phone number (after NFKC, so
 * full-width forms are already ASCII): spaces, hyphens, dashes, brackets,
 * dots, underscores. The log masker allows exactly these (src/logging).
 */
export const PHONE_SEPARATORS = "\\s\\-()（）.·—–_";

function digitsOnly(raw: string): string {
  return normalizeInput(raw).replace(new RegExp(`[${PHONE_SEPARATORS}]`, "gu"), "");
}

/** @example parseMobile("+86 138-0000-0000") // ok "13800000000" */
export function parseMobile(raw: string): ParseResult<string> {
  let s = digitsOnly(raw);
  if (/^(\+86|0086|86)1\d{10}$/.test(s)) s = s.replace(/^(\+86|0086|86)/, "");
  if (!/^\d+$/.test(s)) return fail("手机号只能包含数字（可带 +86、空格或短横线）", MOBILE_EXAMPLE);
  if (s.length !== 11) return fail(`手机号应为 11 位，您输入的是 ${s.length} 位`, MOBILE_EXAMPLE);
  if (!/^1[3-9]\d{9}$/.test(s)) return fail("手机号应以 13–19 开头", MOBILE_EXAMPLE);
  return ok(s);
}

/** A mobile number (11 digits) or a landline with area code (0533-1234567). */
export function parsePhone(raw: string): ParseResult<string> {
  const mobile = parseMobile(raw);
  if (mobile.ok) return mobile;
  const s = digitsOnly(raw).replace(/^(\+86|0086)/, "0").replace(/^00?(?=[1-9])/, "0");
  // Area codes: 010 and 02x have three digits, the rest four (0533 淄博, 0571 杭州).
  const m = /^(010|02\d|0[3-9]\d{2})(\d{7,8})$/.exec(s);
  if (m) return ok(`${m[1]}-${m[2]}`);
  if (/^0/.test(s)) return fail("座机请带区号，共 10–12 位数字", PHONE_EXAMPLE);
  return fail(mobile.message, PHONE_EXAMPLE);
}
