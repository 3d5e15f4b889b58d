/**
 * Unbounded input is refused with one Chinese sentence naming the limit,
 * exit code 2 — never a stack overflow, hundreds of megabytes of errors or of
 * drafts. Through the real command line, on files written by the test.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseQuestionSet, QuestionSetError } from "../src/answer/eval-question.schema.ts";
import { RULE_INPUT_LIMITS } from "../src/input-limits/json-limits.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TSX = join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ipzone-limits-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, [TSX, "bot/cli.ts", ...args], { cwd: ROOT, timeout: 90_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function file(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

function expectRefusal(r: Result): void {
  expect(r.code).toBe(2);
  expect(r.stderr).not.toContain("Maximum call stack");
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/u);
  expect(r.stdout).toBe("");
}

describe("JSON nested 100,000 deep", () => {
  it("check, estimate and draft refuse it with the depth limit", async () => {
    const deep = await file("deep.json", `{"zone":${"[".repeat(100_000)}${"]".repeat(100_000)}}`);
    for (const args of [["check", "--input", deep], ["estimate", "--input", deep], ["draft", "--input", deep, "--out", join(dir, "deep-out")]]) {
      const r = await cli(...args);
      expectRefusal(r);
      expect(r.stderr).toContain(`嵌套太深（超过 ${RULE_INPUT_LIMITS.maxDepth} 层`);
    }
    expect(existsSync(join(dir, "deep-out"))).toBe(false);
  }, 240_000);
});

describe("a 15 MB profile", () => {
  it("draft refuses it by size before reading, and writes nothing", async () => {
    const name = "杭州测试科技园发展有限公司".repeat(80_000);
    const big = await file("big.json", JSON.stringify({ jurisdiction: "zhejiang", applicant: { name }, zone: { name: "示范区" } }));
    const out = join(dir, "big-out");
    const r = await cli("draft", "--input", big, "--out", out);
    expectRefusal(r);
    expect(r.stderr).toMatch(/太大（\d+(\.\d)? MB），上限为 1 MB/u);
    expect(existsSync(out)).toBe(false);
  }, 120_000);

  it("a long text within the size limit is refused by the text limit, naming the field", async () => {
    const big = await file("long.json", JSON.stringify({ jurisdiction: "zhejiang", applicant: { name: "园".repeat(100_000) } }));
    const r = await cli("draft", "--input", big, "--out", join(dir, "long-out"));
    expectRefusal(r);
    expect(r.stderr).toContain(`applicant.name 文字太长（100000 个字符），上限为 ${RULE_INPUT_LIMITS.maxStringLength}`);
    expect(existsSync(join(dir, "long-out"))).toBe(false);
  }, 120_000);
});

describe("many bad entries", () => {
  it("a list longer than the limit is refused by its length", async () => {
    const many = await file("many.json", JSON.stringify({ jurisdiction: "zibo", zone: { services: new Array(5000).fill("x") } }));
    const r = await cli("check", "--input", many);
    expectRefusal(r);
    expect(r.stderr).toContain(`zone.services 列表太长（5000 项），上限为 ${RULE_INPUT_LIMITS.maxListLength} 项`);
  }, 120_000);

  it("900 bad entries: the first 20 listed and the rest counted", async () => {
    const bad = await file("bad.json", JSON.stringify({ jurisdiction: "zibo", zone: { services: new Array(900).fill("x") } }));
    const r = await cli("check", "--input", bad);
    expectRefusal(r);
    expect(r.stderr).toContain("共 900 处");
    expect(r.stderr).toContain("zone.services[19]");
    expect(r.stderr).not.toContain("zone.services[20]");
    expect(r.stderr).toContain("另有 880 处未列出");
    expect(r.stderr.length).toBeLessThan(20_000);
  }, 120_000);
});

describe("question sets", () => {
  it("a line nested too deep and hundreds of bad lines: named, capped, no stack overflow", () => {
    const lines = [`{"id":"deep","question":${"[".repeat(1_000)}${"]".repeat(1_000)}}`, ...new Array(300).fill("not json")];
    let error: unknown;
    try {
      parseQuestionSet(lines.join("\n"));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QuestionSetError);
    const message = (error as Error).message;
    expect(message).toContain("共 301 处");
    expect(message).toContain("第 1 行嵌套太深");
    expect(message).toContain("另有 281 处未列出");
  });
});
