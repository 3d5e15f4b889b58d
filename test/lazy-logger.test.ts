/**
 * The logger loads pino with its first line (issue 13): below its level a
 * call is a no-op, and once a line is written it is pino's own line.
 */
import { describe, expect, it } from "vitest";
import { lazyLogger } from "../src/logging/lazy-logger.ts";
import { createLogger } from "../src/logging/logger.ts";
import { captureLogger } from "./support/capture-logger.ts";

describe("a logger nothing has written to yet", () => {
  it("does not make the pino logger for calls below its level, nor for its level", () => {
    let made = 0;
    const logger = lazyLogger("warn", () => {
      made++;
      return createLogger("warn", { write: () => {} });
    });
    logger.info("quiet");
    logger.debug({ a: 1 }, "quiet");
    expect(logger.level).toBe("warn");
    expect(logger.isLevelEnabled("warn")).toBe(true);
    expect(logger.isLevelEnabled("info")).toBe(false);
    expect(made).toBe(0);
    logger.warn("heard");
    expect(made).toBe(1);
  });

  it("at silent, writes nothing and enables no level", () => {
    let made = 0;
    const logger = lazyLogger("silent", () => {
      made++;
      return createLogger("silent", { write: () => {} });
    });
    logger.fatal("nothing");
    expect(logger.isLevelEnabled("fatal")).toBe(false);
    expect(made).toBe(0);
  });
});

describe("a logger that has written", () => {
  it("writes pino's lines, masked, and its children too", () => {
    const { logger, records } = captureLogger("info");
    logger.debug("below the level");
    logger.info({ phone: "13812345678" }, "first line");
    logger.child({ channel: "console" }).warn("from a child");
    expect(records.map((r) => r.msg)).toEqual(["first line", "from a child"]);
    expect(JSON.stringify(records[0])).not.toContain("13812345678");
    expect(records[1]!.channel).toBe("console");
  });

  it("follows a level changed on it", () => {
    const { logger, records } = captureLogger("info");
    logger.info("one");
    logger.level = "debug";
    logger.debug("two");
    expect(records.map((r) => r.msg)).toEqual(["one", "two"]);
  });
});
