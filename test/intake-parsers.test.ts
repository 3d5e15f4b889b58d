import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseChineseNumber, parseNumeral } from "../src/intake/parsers/parse-chinese-number.ts";
import { parseCount } from "../src/intake/parsers/parse-count.ts";
import { parseArea } from "../src/intake/parsers/parse-area.ts";
import { parseYesNo } from "../src/intake/parsers/parse-yes-no.ts";
import { parseChoice, parseMultiChoice, type ChoiceSpec } from "../src/intake/parsers/parse-choice.ts";
import { parseCreditCode } from "../src/intake/parsers/parse-credit-code.ts";
import { parseMobile, parsePhone } from "../src/intake/parsers/parse-mobile.ts";
import { chinaDate, parseDate } from "../src/intake/parsers/parse-date.ts";
import { parseYear } from "../src/intake/parsers/parse-year.ts";
import { parseClientList } from "../src/intake/parsers/parse-client-list.ts";
import { ORG_NAME, PERSON_NAME, parseText } from "../src/intake/parsers/parse-text.ts";
import type { ParseResult } from "../src/intake/parsers/parse-result.ts";
import { looksLikeQuestion } from "../src/intake/detect-question.ts";
import { CARRIER_TYPE_OPTIONS } from "../src/intake/choice-options.ts";
import { questionById, resolveQuestion } from "../src/intake/question-catalog.ts";
import type { Jurisdiction } from "../src/knowledge/jurisdictions.ts";

/** The services the intake offers in a jurisdiction. */
const serviceChoices = (j: Jurisdiction) => resolveQuestion(questionById("zone.services")!, j).options!;

function value<T>(r: ParseResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got: ${r.message}`);
  return r.value;
}

function expectError<T>(r: ParseResult<T>): { message: string; example: string } {
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error("unreachable");
  // Every refusal tells the user what is expected and shows an example.
  expect(r.message.length).toBeGreaterThan(3);
  expect(r.example.length).toBeGreaterThan(0);
  return r;
}

// An independent speller: the standard reading of 0 … 99,999,999 (一万零一十, 十万, 一千万零一).
const DIGIT = "零一二三四五六七八九";
function spellBelow10000(n: number, inside: boolean): string {
  let out = "";
  let gap = false;
  for (const [place, unit] of [[1000, "千"], [100, "百"], [10, "十"], [1, ""]] as const) {
    const d = Math.floor(n / place) % 10;
    if (d === 0) {
      if (out !== "") gap = true;
      continue;
    }
    if (gap) out += "零";
    gap = false;
    out += DIGIT[d] + unit;
  }
  return !inside && out.startsWith("一十") ? out.slice(1) : out;
}
function spellChinese(n: number): string {
  if (n === 0) return "零";
  const high = Math.floor(n / 10_000);
  const low = n % 10_000;
  let out = high ? `${spellBelow10000(high, false)}万` : "";
  if (low) out += (high && low < 1000 ? "零" : "") + spellBelow10000(low, high > 0);
  return out;
}

describe("Chinese numbers", () => {
  it.each([
    ["二十五家", 25],
    ["1.2万平方米", 12_000],
    ["一千二百平", 1200],
    ["3笔", 3],
    ["两千", 2000],
    ["1,200", 1200],
    ["约1200㎡", 1200],
    ["１２００", 1200],
    ["一千二", 1200],
    ["两万五", 25_000],
    ["三百五", 350],
    ["一千零五", 1005],
    ["十二点五万", 125_000],
    ["壹仟贰佰", 1200],
  ])("「%s」 reads as %d", (text, n) => {
    expect(value(parseChineseNumber(text, ["家", "平方米", "平", "m2", "笔"])).value).toBe(n);
  });

  it("「20多家」 reads as a range 21–29 and says so (docs/input-formats.md)", () => {
    expect(value(parseChineseNumber("20多家", ["家"]))).toEqual({ value: 20, approx: "at-least", word: "多", unit: "家" });
    expect(parseCount("二十多家", "家")).toMatchObject({ ok: true, value: { min: 21, max: 29 }, note: "「二十多家」记为范围 21–29 家" });
  });

  it.each(["很多", "万", "二百三千", "1,3", "-3", "二十五只羊"])("「%s」 is refused with an example", (text) => {
    expectError(parseChineseNumber(text, ["家"]));
  });

  it("every n in 0…99,999,999 spelt in Chinese reads back as n", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (n) => {
        expect(parseNumeral(spellChinese(n))).toBe(n);
      }),
      { numRuns: 3000 },
    );
  });

  it("the spoken 两 before 千/百/万 reads the same as 二", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (n) => {
        const spoken = spellChinese(n).replace(/二(?=[千百万])/g, "两");
        expect(parseNumeral(spoken)).toBe(n);
      }),
      { numRuns: 1000 },
    );
  });

  it("digits with thousands commas (half- or full-width) and a unit read back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.boolean(), (n, fullWidth) => {
        let text = `${n.toLocaleString("en-US")}家`;
        if (fullWidth) text = text.replace(/[0-9,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        expect(value(parseChineseNumber(text, ["家"])).value).toBe(n);
      }),
      { numRuns: 1000 },
    );
  });

  it("decimal 万 (1.2万) is read exactly, without floating-point noise", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), (tenths) => {
        expect(parseNumeral(`${tenths / 10}万`)).toBe(tenths * 1000);
      }),
    );
  });

  it("digit-by-digit spelling (二〇二一) reads positionally", () => {
    expect(parseNumeral("二〇二一")).toBe(2021);
  });
});

describe("counts and areas", () => {
  it("「没有」 and 「0」 are zero", () => {
    expect(value(parseCount("没有", "笔"))).toBe(0);
    expect(value(parseCount("一笔也没有", "笔"))).toBe(0);
    expect(value(parseCount("0", "笔"))).toBe(0);
  });

  it("an area is not accepted as a count, nor a count as an area", () => {
    expect(expectError(parseCount("1200平米", "家")).message).toContain("不是面积");
    expect(expectError(parseArea("25家")).message).toContain("面积");
  });

  it("a count beyond the safe-integer range is refused rather than stored", () => {
    expect(expectError(parseCount("99999999999999999家", "家")).message).toContain("太大");
  });

  it("half an institution is refused", () => {
    expect(expectError(parseCount("2.5家", "家")).message).toContain("整数");
  });

  it.each([
    ["1.2万平方米", 12_000],
    ["一千二百平", 1200],
    ["约1200㎡", { min: 1080, max: 1320 }],
    ["1200 m²", 1200],
    ["0.12公顷", 1200],
    ["大约1,500平米左右", { min: 1350, max: 1650 }],
  ])("area 「%s」 = %o m²", (text, sqm) => {
    expect(value(parseArea(text))).toEqual(sqm);
  });
});

describe("yes / no", () => {
  it.each(["是", "是的", "有", "对", "具备", "已建立", "有，去年建立的", "yes", "Y", "✓", "√"])("「%s」 is yes", (t) => {
    expect(value(parseYesNo(t))).toBe(true);
  });
  it.each(["否", "没有", "还没有", "不具备", "尚未建立", "无", "no", "✗", "不是。"])("「%s」 is no", (t) => {
    expect(value(parseYesNo(t))).toBe(false);
  });
  it.each(["不知道", "有没有都行", "也许", "1200"])("「%s」 is neither", (t) => {
    expectError(parseYesNo(t));
  });
  it("exact mode does not read a question that starts with 有 as yes", () => {
    expect(parseYesNo("有管理制度是什么意思", "lenient").ok).toBe(true);
    expectError(parseYesNo("有管理制度是什么意思", "exact"));
    expect(value(parseYesNo("有", "exact"))).toBe(true);
  });
});

describe("choices", () => {
  const services = serviceChoices("zhejiang");
  it("one option by id, number, label or synonym", () => {
    expect(value(parseChoice("incubator", CARRIER_TYPE_OPTIONS))).toBe("incubator");
    expect(value(parseChoice("2", CARRIER_TYPE_OPTIONS))).toBe("incubator");
    expect(value(parseChoice("第二个", CARRIER_TYPE_OPTIONS))).toBe("incubator");
    expect(value(parseChoice("科技企业孵化器", CARRIER_TYPE_OPTIONS))).toBe("incubator");
    expect(value(parseChoice("我们是一家孵化器", CARRIER_TYPE_OPTIONS))).toBe("incubator");
  });
  it("a number out of range or two options at once is refused", () => {
    expect(expectError(parseChoice("9", CARRIER_TYPE_OPTIONS)).message).toContain("1–7");
    expect(expectError(parseChoice("孵化器和众创空间", CARRIER_TYPE_OPTIONS)).message).toContain("只能选一项");
    expectError(parseChoice("火箭发射场", CARRIER_TYPE_OPTIONS));
  });
  it("exact mode needs the whole answer to be an option", () => {
    expectError(parseChoice("孵化器算不算载体", CARRIER_TYPE_OPTIONS, "exact"));
  });
  it.each([
    ["1,3,5", ["patent", "copyright", "legal"]],
    ["1，3，5", ["patent", "copyright", "legal"]],
    ["1 3 5", ["patent", "copyright", "legal"]],
    ["1-3", ["patent", "trademark", "copyright"]],
    ["专利、商标和版权", ["patent", "trademark", "copyright"]],
    ["著作权，专利", ["patent", "copyright"]],
    ["copyright, patent", ["patent", "copyright"]],
  ])("several options: 「%s」", (text, ids) => {
    expect(value(parseMultiChoice(text, services)).ids).toEqual(ids);
  });
  it.each(["全部", "以上都有", "都有", "全选"])("「%s」 picks every option", (text) => {
    expect(value(parseMultiChoice(text, services)).ids).toEqual(services.map((o) => o.id));
  });
  it("「除了培训都有」 picks all but one; 「都没有」 picks none", () => {
    expect(value(parseMultiChoice("除了培训都有", services)).ids).toEqual(
      services.map((o) => o.id).filter((id) => id !== "training"),
    );
    expect(value(parseMultiChoice("都没有", services)).ids).toEqual([]);
  });
  it("words that match no option are reported back, not silently dropped", () => {
    expect(value(parseMultiChoice("专利、火箭", services))).toEqual({ ids: ["patent"], unrecognized: "火箭" });
    expectError(parseMultiChoice("火箭", services));
    expectError(parseMultiChoice("1,12", services));
  });
  it("longer names win over the shorter ones they contain (专利检索分析 is not 专利)", () => {
    const zibo: readonly ChoiceSpec[] = serviceChoices("zibo");
    expect(value(parseMultiChoice("专利检索分析", zibo)).ids).toEqual(["patent-search-analysis"]);
  });
});

describe("unified social credit code (GB 32100-2015)", () => {
  const CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  // Independent of the parser's weight table: w_i = 3^i mod 31.
  const checkChar = (body: string) => {
    let sum = 0;
    let w = 1;
    for (const ch of body) {
      sum += CHARSET.indexOf(ch) * w;
      w = (w * 3) % 31;
    }
    return CHARSET[(31 - (sum % 31)) % 31]!;
  };
  const codeChar = fc.constantFrom(...CHARSET.split(""));
  const digit = fc.constantFrom(..."0123456789".split(""));
  const validCode = fc
    .tuple(fc.array(codeChar, { minLength: 2, maxLength: 2 }), fc.array(digit, { minLength: 6, maxLength: 6 }), fc.array(codeChar, { minLength: 9, maxLength: 9 }))
    .map(([a, b, c]) => {
      const body = [...a, ...b, ...c].join("");
      return body + checkChar(body);
    });

  it("accepts a published example, in lower case, full width and with spaces", () => {
    expect(value(parseCreditCode("91350100M000100Y43"))).toBe("91350100M000100Y43");
    expect(value(parseCreditCode("91350100m000100y43"))).toBe("91350100M000100Y43");
    expect(value(parseCreditCode("９１３５０１００Ｍ０００１００Ｙ４３"))).toBe("91350100M000100Y43");
    expect(value(parseCreditCode("9135 0100 M000 100Y 43"))).toBe("91350100M000100Y43");
  });

  it("accepts every code whose check character is right", () => {
    fc.assert(
      fc.property(validCode, (code) => {
        expect(value(parseCreditCode(code.toLowerCase()))).toBe(code);
      }),
    );
  });

  it("rejects any code with one character changed", () => {
    fc.assert(
      fc.property(validCode, fc.integer({ min: 0, max: 17 }), codeChar, (code, i, ch) => {
        fc.pre(code[i] !== ch);
        const typo = code.slice(0, i) + ch + code.slice(i + 1);
        expect(parseCreditCode(typo).ok).toBe(false);
      }),
    );
  });

  it("says what is wrong: length, a letter the code never uses, the check character", () => {
    expect(expectError(parseCreditCode("91350100M000100Y4")).message).toContain("18 位");
    expect(expectError(parseCreditCode("91350100M000100I43")).message).toContain("I、O、S、V、Z");
    expect(expectError(parseCreditCode("91350100M000100Y44")).message).toContain("校验位");
  });
});

describe("phone numbers", () => {
  it.each(["13800000000", "+86 138 0000 0000", "+86-138-0000-0000", "0086 13800000000", "8613800000000", "１３８ ００００ ００００", "138-0000-0000"])(
    "mobile 「%s」 → 13800000000",
    (t) => {
      expect(value(parseMobile(t))).toBe("13800000000");
    },
  );
  it.each(["1380000000", "12800000000", "138000000001", "电话13800000000"])("「%s」 is not a mobile number", (t) => {
    expectError(parseMobile(t));
  });
  it("a contact phone may be a landline with area code", () => {
    expect(value(parsePhone("0533-1234567"))).toBe("0533-1234567");
    expect(value(parsePhone("010 12345678"))).toBe("010-12345678");
    expect(value(parsePhone("+86 138 0000 0000"))).toBe("13800000000");
    expectError(parsePhone("1234567"));
  });
});

describe("dates and years", () => {
  // 20:00 UTC on 30 June is already 1 July in China.
  const lateEvening = new Date("2021-06-30T20:00:00Z");
  it.each(["2021-06-30", "2021年6月30日", "2021/6/30", "2021.6.30", "20210630", "二〇二一年六月三十日"])("「%s」 → 2021-06-30", (t) => {
    expect(value(parseDate(t, lateEvening))).toBe("2021-06-30");
  });
  it("「今天」 is the calendar day in China", () => {
    expect(chinaDate(lateEvening)).toBe("2021-07-01");
    expect(value(parseDate("今天", lateEvening))).toBe("2021-07-01");
    expect(value(parseDate("昨天", lateEvening))).toBe("2021-06-30");
  });
  it.each(["2021-02-30", "2021-13-01", "下个月", "30/6"])("「%s」 is refused", (t) => {
    expectError(parseDate(t, lateEvening));
  });
  it.each([
    ["2021", 2021],
    ["2021年", 2021],
    ["2021年度", 2021],
    ["二〇二一年", 2021],
    ["21年", 2021],
    ["今年", 2021],
    ["去年", 2020],
    ["前年", 2019],
  ])("year 「%s」 → %d (asked on 1 July 2021 in China)", (t, y) => {
    expect(value(parseYear(t, lateEvening))).toBe(y);
  });
  it("「今年」 on New Year's Eve in UTC is already the new year in China", () => {
    expect(value(parseYear("今年", new Date("2020-12-31T17:00:00Z")))).toBe(2021);
  });
  it.each(["1999", "3000", "明后年", "好多年"])("year 「%s」 is refused", (t) => {
    expectError(parseYear(t, lateEvening));
  });
});

describe("names, addresses and client lists", () => {
  it("free text has a length and must contain words", () => {
    expect(value(parseText("「杭州某某科技园发展有限公司」", ORG_NAME))).toBe("杭州某某科技园发展有限公司");
    expectError(parseText("A", ORG_NAME));
    expectError(parseText("12345", ORG_NAME));
    expectError(parseText("张3", PERSON_NAME));
  });
  it("clients come as a count or as names with grants", () => {
    expect(value(parseClientList("3家"))).toEqual({ count: 3 });
    expect(value(parseClientList("没有"))).toEqual({ count: 0 });
    expect(value(parseClientList("甲公司 2件；乙公司 1件"))).toEqual({
      clients: [
        { name: "甲公司", inventionGrants: 2 },
        { name: "乙公司", inventionGrants: 1 },
      ],
    });
    expect(value(parseClientList("张店某某化工有限公司：五件"))).toEqual({
      clients: [{ name: "张店某某化工有限公司", inventionGrants: 5 }],
    });
    expectError(parseClientList("甲公司；乙公司 1件"));
  });
});

describe("question or answer", () => {
  it.each(["核心区面积怎么算？", "20家够吗", "孵化器算不算载体", "需要哪些材料", "什么是专利倍增", "请问截止时间是哪天", "可以线上申报吗?"])(
    "「%s」 reads like a question",
    (t) => {
      expect(looksLikeQuestion(t)).toBe(true);
    },
  );
  it.each(["25家", "是的", "杭州某某科技园发展有限公司", "1,3,5", "不知道", "13800000000"])("「%s」 does not", (t) => {
    expect(looksLikeQuestion(t)).toBe(false);
  });
});
