/**
 * The `ask` and `eval` commands as a user runs them (a real process, offline,
 * with a temporary data directory).
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatCitation } from "../src/knowledge/citation.ts";

const run = promisify(execFile);
const ROOT = new URL("..", import.meta.url).pathname;
let dataDir: string;

async function cli(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, LOG_LEVEL: "silent" };
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "bot/cli.ts", ...args], { cwd: ROOT, env });
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "ipzone-cli-"));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("ask", () => {
  it("--json prints exactly the contract: question, answer, citations with readable text, refused, retrieved, ms", async () => {
    const { stdout, code } = await cli("ask", "淄博示范区要求有几家知识产权服务机构？", "--json");
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(Object.keys(out).sort()).toEqual(["answer", "citations", "ms", "question", "refused", "retrieved"]);
    expect(out.refused).toBe(false);
    expect(out.answer).toContain("2家以上");
    expect(out.citations).toContainEqual({ id: "zb2020:5.3", text: formatCitation("zb2020:5.3") });
    expect(out.retrieved[0]).toMatch(/^zb2020:/);
    expect(typeof out.ms).toBe("number");
  });

  it("without --json prints the answer and its sources in Chinese", async () => {
    const { stdout, code } = await cli("ask", "浙江省示范区多久考核一次？");
    expect(code).toBe(0);
    expect(stdout).toContain("每两年考核一次");
    expect(stdout).toContain("出处：");
  });

  it("no question → a Chinese usage message, exit 2", async () => {
    const { stderr, code } = await cli("ask");
    expect(code).toBe(2);
    expect(stderr).toContain("请给出要问的问题");
  });
});

describe("eval", () => {
  it("--json prints the docs/question-sets.md metrics object", async () => {
    const file = join(dataDir, "q.jsonl");
    await writeFile(
      file,
      [
        `{"id":"q01","question":"申报浙江省示范区，核心区面积至少要多少平方米？","gold":["zj2018:6"],"answerable":true,"mustMention":["1000"]}`,
        `{"id":"q02","question":"今天天气怎么样？","answerable":false}`,
      ].join("\n"),
    );
    const { stdout, code } = await cli("eval", file, "--json");
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(Object.keys(report)).toEqual([
      "n", "recallAt1", "recallAt3", "recallAt5", "mrr", "refusalAccuracy", "mentionRate", "mentionAsked", "directAnswerRate",
      "directAsked", "englishRate", "englishAsked", "latencyMsP50", "latencyMsP95", "byTag", "questions",
    ]);
    expect(report).toMatchObject({ n: 2, recallAt3: 1, refusalAccuracy: 1, mentionRate: 1, mentionAsked: 1, englishAsked: 0 });
    expect(Object.keys(report.questions[0]).sort()).toEqual(["answer", "id", "ms", "refused", "retrieved"]);
  });

  it("without --json prints a readable table", async () => {
    const { stdout, code } = await cli("eval", "test/fixtures/questions-public.jsonl");
    expect(code).toBe(0);
    expect(stdout).toContain("拒答准确率");
    expect(stdout).toContain("p01");
  });

  it("a rate with nothing to count is shown as 「-」, not as 0 % or 100 %", async () => {
    const file = join(dataDir, "no-mentions.jsonl");
    await writeFile(file, `{"id":"q01","question":"浙江示范区核心区面积至少多大？","gold":["zj2018:6"],"answerable":true}\n`);
    const { stdout, code } = await cli("eval", file);
    expect(code).toBe(0);
    expect(stdout).toMatch(/要点提及率\s+-\s+答案包含全部必备要点的比例（0 题有 mustMention）/);
    expect(stdout).toMatch(/英文作答率\s+-\s/);
  });

  it("a missing file → a Chinese message, exit 2", async () => {
    const { stderr, code } = await cli("eval", join(dataDir, "nope.jsonl"));
    expect(code).toBe(2);
    expect(stderr).toContain("找不到或无法读取问题集文件");
  });
});
