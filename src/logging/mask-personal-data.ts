/**
 * Masks personal data before it reaches a log line: mainland mobile numbers
 * (138****8000) and unified social credit codes (9133****XXXX). Applied to
 * every string a log record carries, so callers cannot forget it.
 */

// 11-digit mobile, optionally +86 / 86 prefixed, tolerating spaces and hyphens.
const MOBILE = /(?<![0-9])(?:\+?86[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?![0-9])/g;
// GB 32100-2015: 18 characters from 0-9 and A-Z without I, O, S, V, Z.
const CREDIT_CODE = /(?<![0-9A-Z])[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}(?![0-9A-Z])/g;

export function maskPersonalData(text: string): string {
  return text
    .replace(CREDIT_CODE, (code) => `${code.slice(0, 4)}**********${code.slice(-4)}`)
    .replace(MOBILE, (_m, a: string, _b: string, c: string) => `${a}****${c}`);
}

/** Deep copy of a log payload with every string masked. */
export function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return maskPersonalData(value);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) return { name: value.name, message: maskPersonalData(value.message), stack: value.stack && maskPersonalData(value.stack) };
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, depth + 1);
  return out;
}
