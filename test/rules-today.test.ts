/**
 * "Today" in China decides which rules are in force (check, estimate, an
 * answer's validity note); it is computed as UTC+8 without time-zone data,
 * and must give the date Asia/Shanghai gives, also at the turn of a day or a year.
 */
import { describe, expect, it } from "vitest";
import { todayInChina } from "../src/rules/today.ts";

const shanghai = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" });

describe("today in China", () => {
  it("turns at midnight in Beijing, 16:00 UTC", () => {
    expect(todayInChina(new Date("2026-12-31T15:59:59.999Z"))).toBe("2026-12-31");
    expect(todayInChina(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01");
  });

  it("is Asia/Shanghai's date at points seven hours apart from 1992 to 2040", () => {
    for (let t = Date.UTC(1992, 0, 1); t < Date.UTC(2040, 0, 1); t += 7 * 3_600_000 + 123_457) {
      const now = new Date(t);
      if (todayInChina(now) !== shanghai.format(now)) expect(todayInChina(now), now.toISOString()).toBe(shanghai.format(now));
    }
  });
});
