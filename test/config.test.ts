import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("nothing set → the offline default: no chat model, no remote embeddings, SQLite under the data directory", () => {
    const config = loadConfig({});
    expect(config.llm).toBeUndefined();
    expect(config.embeddings).toBeUndefined();
    expect(config.telegram).toBeUndefined();
    expect(config.wecom).toBeUndefined();
    expect(config.dataDir).toBe(resolve("data"));
    expect(config.databaseProvider).toBe("sqlite");
    expect(config.databaseUrl).toBe(`file:${resolve("data", "ipzone.db")}`);
  });

  it("an OpenAI-compatible endpoint with a chat model and an embedding model configures both", () => {
    const config = loadConfig({
      OPENAI_BASE_URL: "http://127.0.0.1:8000/v1",
      LLM_MODEL: "qwen2.5-7b-instruct",
      EMBEDDING_MODEL: "bge-m3",
      LLM_TIMEOUT_MS: "5000",
    });
    expect(config.llm).toEqual({ baseURL: "http://127.0.0.1:8000/v1", apiKey: "not-needed", model: "qwen2.5-7b-instruct", timeoutMs: 5000 });
    expect(config.embeddings).toEqual({ baseURL: "http://127.0.0.1:8000/v1", apiKey: "not-needed", model: "bge-m3" });
  });

  it("blank values count as unset", () => {
    const config = loadConfig({ OPENAI_BASE_URL: "  ", LLM_MODEL: "", TELEGRAM_BOT_TOKEN: "" });
    expect(config.llm).toBeUndefined();
    expect(config.telegram).toBeUndefined();
  });

  for (const bad of ["localhost:8000", "ftp://models.example.com/v1", "not a url"]) {
    it(`a base URL that is not http(s) (${bad}) is one clear problem naming the variable`, () => {
      const problems = problemsOf({ OPENAI_BASE_URL: bad, LLM_MODEL: "m" });
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain("OPENAI_BASE_URL 必须是 http(s) 地址");
    });
  }

  it("a model without a base URL, or a base URL without a model, is a problem", () => {
    expect(problemsOf({ LLM_MODEL: "gpt-4o-mini" }).join("\n")).toContain("缺少 OPENAI_BASE_URL");
    expect(problemsOf({ OPENAI_BASE_URL: "http://127.0.0.1:8000/v1" }).join("\n")).toContain("LLM_MODEL 和 EMBEDDING_MODEL 都没有设置");
  });

  it("numbers out of range or not numbers are rejected with the variable named", () => {
    expect(problemsOf({ LLM_TIMEOUT_MS: "soon" }).join("\n")).toContain("LLM_TIMEOUT_MS");
    expect(problemsOf({ TELEGRAM_WEBHOOK_PORT: "70000" }).join("\n")).toContain("TELEGRAM_WEBHOOK_PORT");
    expect(problemsOf({ LOG_LEVEL: "loud" }).join("\n")).toContain("LOG_LEVEL");
  });

  it("every problem of a half-configured setup is listed at once, not just the first", () => {
    const problems = problemsOf({
      DATABASE_URL: "mysql://db/ipzone",
      LLM_MODEL: "m",
      WECOM_CORP_ID: "ww123",
      STAFF_IDS: "telegram:1,zhangsan",
    });
    expect(problems).toHaveLength(4);
    const text = problems.join("\n");
    expect(text).toContain("DATABASE_URL");
    expect(text).toContain("OPENAI_BASE_URL");
    expect(text).toMatch(/企业微信配置不完整，缺少：WECOM_AGENT_ID、WECOM_SECRET、WECOM_TOKEN、WECOM_ENCODING_AES_KEY/);
    expect(text).toContain("「zhangsan」");
  });

  it("the error message itself lists the problems in Chinese, one per line", () => {
    try {
      loadConfig({ LLM_MODEL: "m", STAFF_IDS: "bad" });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toMatch(/^配置有误：\n {2}- /);
      expect((err as Error).message.split("\n")).toHaveLength(3);
    }
  });

  it("Telegram webhook mode needs a well-formed secret", () => {
    expect(problemsOf({ TELEGRAM_BOT_TOKEN: "123:abc", TELEGRAM_MODE: "webhook" }).join("\n")).toContain("TELEGRAM_WEBHOOK_SECRET");
    expect(problemsOf({ TELEGRAM_BOT_TOKEN: "123:abc", TELEGRAM_MODE: "webhook", TELEGRAM_WEBHOOK_SECRET: "has space" }).join("\n")).toContain("只能包含");
    expect(problemsOf({ TELEGRAM_WEBHOOK_SECRET: "abc" }).join("\n")).toContain("缺少 TELEGRAM_BOT_TOKEN");
  });

  it("the console user defaults to 「local」 and can be set, e.g. to a staff id", () => {
    expect(loadConfig({}).consoleUser).toBe("local");
    expect(loadConfig({ CONSOLE_USER: "staff", STAFF_IDS: "console:staff" }).consoleUser).toBe("staff");
  });

  it("a WeCom AES key of the wrong length is caught", () => {
    const problems = problemsOf({
      WECOM_CORP_ID: "ww1",
      WECOM_AGENT_ID: "1000002",
      WECOM_SECRET: "s",
      WECOM_TOKEN: "t",
      WECOM_ENCODING_AES_KEY: "short",
    });
    expect(problems.join("\n")).toContain("43 个字符");
  });

  it("staff ids are parsed per channel", () => {
    expect(loadConfig({ STAFF_IDS: "telegram:12345, wecom:zhangsan" }).staff).toEqual([
      { channel: "telegram", userId: "12345" },
      { channel: "wecom", userId: "zhangsan" },
    ]);
  });
});
