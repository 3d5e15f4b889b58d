/**
 * Masking by construction: every spelling of a phone number or credit code
 * that the intake parsers accept — full-width digits and letters, +86 / 0086
 * / 86, spaces, hyphens, brackets, dots, lower case — is masked in log lines,
 * in the stored question log and in audit details, while the applicant's own
 * application keeps the value the documents need.
 *
 * The generators spell a valid value at random, and each case first checks
 * that the parser accepts that spelling (so the property covers what users
 * can actually type, not what the masker happens to know).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditCodeCheckChar, parseCreditCode } from "../src/intake/parsers/parse-credit-code.ts";
import { parseMobile, parsePhone } from "../src/intake/parsers/parse-mobile.ts";
import { maskPersonalData } from "../src/logging/mask-personal-data.ts";
import { createLineLogger, startHarness, ZHEJIANG_LINES, type Harness } from "./support/assistant-harness.ts";

const FULL_WIDTH_OFFSET = 0xff10 - 0x30;
const fullWidth = (ch: string) => String.fromCharCode(ch.charCodeAt(0) + FULL_WIDTH_OFFSET);

/** A character as typed: itself or its full-width form; letters in either case. */
const spellChar = (ch: string): fc.Arbitrary<string> => {
  const forms = new Set([ch]);
  if (/[0-9A-Za-z]/.test(ch)) forms.add(fullWidth(ch));
  if (/[A-Za-z]/.test(ch)) {
    forms.add(ch.toLowerCase()).add(ch.toUpperCase());
    forms.add(fullWidth(ch.toLowerCase())).add(fullWidth(ch.toUpperCase()));
  }
  return fc.constantFrom(...forms);
};

// Separators as people type them (with their full-width and CJK forms, which NFKC folds).
const PHONE_SEPS = [" ", "  ", "-", "－", "(", ")", "（", "）", ".", "．", "·", "—", "–", "_", "\u3000"];
const CODE_SEPS = [" ", "-", "－", "_", ".", "·", "\u3000"];

/** `value` with each character spelled and a separator (or none) after each. */
const spell = (value: string, seps: string[]): fc.Arbitrary<string> =>
  fc
    .tuple(...[...value].map((ch) => fc.tuple(spellChar(ch), fc.oneof({ weight: 3, arbitrary: fc.constant("") }, fc.constantFrom(...seps)))))
    .map((parts) => parts.map(([c, s], i) => (i === parts.length - 1 ? c : c + s)).join(""));

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(""));

const mobile = fc.tuple(fc.integer({ min: 3, max: 9 }), digits(9)).map(([second, rest]) => `1${second}${rest}`);
const mobilePrefix = fc.constantFrom("", "+86", "+86 ", "＋８６", "0086", "0086-", "86", "(+86)", "（+86）");
const mobileSpelling = fc
  .tuple(mobile, mobilePrefix)
  .chain(([value, prefix]) => spell(value, PHONE_SEPS).map((spelled) => ({ value, spelled: prefix + spelled })));

const landline = fc.oneof(
  fc.tuple(fc.constant("010"), digits(8)),
  fc.tuple(fc.integer({ min: 20, max: 29 }).map((n) => `0${n}`), digits(8)),
  fc.tuple(fc.integer({ min: 300, max: 999 }).map((n) => `0${n}`), fc.oneof(digits(7), digits(8))),
);
const landlineSpelling = fc.tuple(landline, fc.constantFrom("", "+86 ", "0086 ")).chain(([[area, local], country]) =>
  fc.tuple(spell(area, PHONE_SEPS), fc.constantFrom("-", " ", "", "－"), spell(local, PHONE_SEPS)).map(([a, sep, l]) => ({
    value: `${area}-${local}`,
    // +86 / 0086 take the place of the area code's leading 0.
    spelled: country ? `${country}${spellWithoutLeadingZero(a)}${sep}${l}` : `${a}${sep}${l}`,
  })),
);
function spellWithoutLeadingZero(spelledArea: string): string {
  return spelledArea.replace(/^[0０][\s\-－()（）.．·—–_\u3000]*/u, "");
}

const CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY".split("");
const codeChar = fc.constantFrom(...CODE_CHARS);
const creditCode = fc
  .tuple(fc.array(codeChar, { minLength: 2, maxLength: 2 }), digits(6), fc.array(codeChar, { minLength: 9, maxLength: 9 }))
  .map(([head, region, tail]) => {
    const first17 = head.join("") + region + tail.join("");
    return first17 + creditCodeCheckChar(first17)!;
  });
const creditCodeSpelling = creditCode.chain((value) => spell(value, CODE_SEPS).map((spelled) => ({ value, spelled })));

/** Words around the number, as in a chat message (never letters or digits touching it). */
const around = fc.tuple(
  fc.constantFrom("", "我的电话是", "信用代码：", "请联系 ", "号码（", "「"),
  fc.constantFrom("", "。", "，谢谢", "）", " 可以吗？", "」"),
);

/** The value is in `text` in no form: not as typed, not after folding and dropping separators. */
function expectHidden(text: string, spelled: string, value: string): void {
  expect(text).not.toContain(spelled);
  const folded = text.normalize("NFKC").toUpperCase().replace(/[^0-9A-Z]/g, "");
  expect(folded).not.toContain(value.replace(/[^0-9A-Z]/g, ""));
}

const kinds = [
  { name: "mobile numbers", arb: mobileSpelling, parse: parseMobile },
  { name: "landlines", arb: landlineSpelling, parse: parsePhone },
  { name: "credit codes", arb: creditCodeSpelling, parse: parseCreditCode },
] as const;

describe("every accepted spelling is masked", () => {
  for (const kind of kinds) {
    it(`${kind.name}: the parser accepts the spelling, and the masker hides it in a sentence`, () => {
      fc.assert(
        fc.property(kind.arb, around, ({ value, spelled }, [before, after]) => {
          const parsed = kind.parse(spelled);
          expect(parsed).toEqual({ ok: true, value });
          const text = `${before}${spelled}${after}`;
          const masked = maskPersonalData(text);
          expectHidden(masked, spelled, value);
          // The sentence around the number is kept as written.
          expect(masked.startsWith(before)).toBe(true);
          expect(masked.endsWith(after)).toBe(true);
        }),
        { numRuns: 400 },
      );
    });
  }

  it("log lines hide them in every field, nested at any depth", () => {
    const lines: string[] = [];
    const log = createLineLogger("trace", lines);
    fc.assert(
      fc.property(mobileSpelling, creditCodeSpelling, ({ value: phone, spelled: p }, { value: code, spelled: c }) => {
        lines.length = 0;
        let deep: Record<string, unknown> = { text: `电话${p}` };
        for (let i = 0; i < 30; i++) deep = { nested: deep };
        log.debug({ text: `代码 ${c}`, deep, err: new Error(`bad ${p}`) }, `message ${c} ${p}`);
        expect(lines).toHaveLength(1);
        expectHidden(lines[0]!, p, phone);
        expectHidden(lines[0]!, c, code);
      }),
      { numRuns: 100 },
    );
  });
});

describe("stored logs of a conversation", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ logLevel: "trace" });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("question log and audit details hide them; the application keeps the canonical values", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(mobileSpelling, creditCodeSpelling, async ({ value: phone, spelled: p }, { value: code, spelled: c }) => {
        const user = h.user(`masking-${++n}`);
        const logFrom = h.logLines.length;
        // A question quoting both, then an intake answered with both as typed.
        await user.say(`电话${p}、信用代码${c}的单位能申报示范区吗？`);
        await user.say("我想申报浙江的示范区");
        const lines = ZHEJIANG_LINES.map((line) => (line === ZHEJIANG_LINES[1] ? c : line === ZHEJIANG_LINES[3] ? p : line));
        await user.sayAll([...lines, "确认"]);
        const record = await h.store.users.findByChannelId("console", user.id);
        const [app] = await h.store.applications.listByUser(record!.id);
        expect(app?.profile).toMatchObject({ applicant: { creditCode: code, contactPhone: phone } });

        const questions = (await h.store.questions.recent(5)).map((q) => q.question).join("\n");
        expect(questions).toContain("能申报示范区吗");
        const audit = JSON.stringify(await h.store.audit.recent(20));
        const logs = h.logLines.slice(logFrom).join("\n");
        for (const text of [questions, audit, logs]) {
          expectHidden(text, p, phone);
          expectHidden(text, c, code);
        }
      }),
      { numRuns: 6 },
    );
  }, 120_000);
});
