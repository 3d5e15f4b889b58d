/**
 * The message splitter used by both channels (Telegram: characters, WeCom:
 * UTF-8 bytes): size limits hold, nothing is lost, and citations stay whole.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitMessage } from "../bot/shared/split-message.ts";

const ZIBO = "《淄博市知识产权服务业集聚发展示范区建设方案（试行）》";
const bytes = (s: string) => Buffer.byteLength(s, "utf8");
const squash = (s: string) => s.replace(/\s/g, "");

describe("splitMessage", () => {
  it("leaves a short answer as one message", () => {
    expect(splitMessage("依据第六条（三），面积不少于1000平方米。", { maxLength: 4_000 })).toEqual(["依据第六条（三），面积不少于1000平方米。"]);
  });

  it("prefers paragraph breaks over sentence ends", () => {
    const a = "甲".repeat(30) + "。" + "乙".repeat(30);
    const b = "丙".repeat(20);
    expect(splitMessage(`${a}\n\n${b}`, { maxLength: 70 })).toEqual([a, b]);
  });

  it("cuts at a sentence end when a paragraph is longer than a message", () => {
    const text = "一二三四五六七八九十。".repeat(10);
    const parts = splitMessage(text, { maxLength: 45 });
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(45);
      expect(part.endsWith("。")).toBe(true);
    }
    expect(parts.join("")).toBe(text);
  });

  it("never cuts inside 《…》第九条（五） even when the limit falls in the middle of it", () => {
    const citation = `${ZIBO}第九条（五）`;
    const text = `${"说明".repeat(20)}${citation}规定了奖励。`;
    // The limit lands inside the title: the whole citation moves to the next message.
    const parts = splitMessage(text, { maxLength: 50 });
    expect(parts).toEqual(["说明".repeat(20), `${citation}规定了奖励。`]);
  });

  it("keeps a bare clause reference such as 第六条（三） together", () => {
    const text = `${"甲".repeat(18)}第六条（三）乙`;
    const parts = splitMessage(text, { maxLength: 21 });
    expect(parts[0]).toBe("甲".repeat(18));
    expect(parts[1]).toBe("第六条（三）乙");
  });

  it("counts UTF-8 bytes for WeCom: 2,000 bytes hold about 666 Chinese characters", () => {
    const text = "政策条文内容说明。".repeat(300); // 2,700 characters, 8,100 bytes
    const parts = splitMessage(text, { maxLength: 2_000, unit: "utf8" });
    expect(parts.length).toBe(5);
    for (const part of parts) expect(bytes(part)).toBeLessThanOrEqual(2_000);
    expect(parts.join("")).toBe(text);
  });

  it("never splits a surrogate pair (emoji)", () => {
    const text = "😀".repeat(50);
    const parts = splitMessage(text, { maxLength: 9 });
    for (const part of parts) expect(part).not.toMatch(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/);
    expect(parts.join("")).toBe(text);
  });

  it("for any text: every part fits, nothing is lost, and every citation that fits a message stays whole", () => {
    const piece = fc.oneof(
      fc.constantFrom(`${ZIBO}第九条（五）`, "《浙江省知识产权服务业集聚发展示范区管理办法（试行）》第六条（三）", "第七条2．", "第十二条"),
      fc.constantFrom("。", "，", "\n", "\n\n", " ", "；"),
      fc.string({ unit: fc.constantFrom("示", "范", "区", "专", "利", "a", "1", "😀"), maxLength: 40 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), fc.integer({ min: 60, max: 300 }), fc.constantFrom("utf16" as const, "utf8" as const), (pieces, max, unit) => {
        const text = pieces.join("");
        const parts = splitMessage(text, { maxLength: max, unit });
        const size = unit === "utf8" ? bytes : (s: string) => s.length;
        for (const part of parts) expect(size(part)).toBeLessThanOrEqual(max);
        expect(squash(parts.join(""))).toBe(squash(text));
        for (const citation of text.match(/《[^《》\n]+》第[一二三四五六七八九十]+条（[一二三四五六七八九十]+）/g) ?? []) {
          if (size(citation) <= max) expect(parts.some((p) => p.includes(citation))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
