/**
 * The console channel in-process: `runConsoleChat` over PassThrough streams
 * and the real assistant (SQLite in a temp DATA_DIR, offline answerer). Lines
 * are typed the way a person reads the transcript: a number picks a listed
 * option, anything else is sent as text.
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runConsoleChat } from "../bot/console/console-channel.ts";
import { choiceForInput, renderTextReply } from "../bot/console/render-reply.ts";
import { CREDIT_CODE, PHONE, startHarness, ZIBO_CREDIT_CODE, type Harness } from "./support/assistant-harness.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ staff: ["staff"] });
});
afterAll(async () => {
  await h?.close();
});

/** Pipes the lines in (then end of input) and returns the whole transcript. */
async function chat(userId: string, lines: readonly string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let transcript = "";
  output.on("data", (chunk: Buffer) => (transcript += chunk.toString("utf8")));
  const done = runConsoleChat({ assistant: h.assistant, input, output, userId, outboxDir: join(h.dataDir, "outbox", userId), interactive: false });
  input.end(lines.map((l) => `${l}\n`).join(""));
  await done;
  return transcript;
}

/** The assistant's part after the last 「你> <line>」 echo. */
function after(transcript: string, line: string): string {
  const at = transcript.lastIndexOf(`你> ${line}\n`);
  if (at < 0) throw new Error(`「${line}」 not echoed in:\n${transcript}`);
  const rest = transcript.slice(at + `你> ${line}\n`.length);
  const next = rest.indexOf("\n你> ");
  return next < 0 ? rest : rest.slice(0, next);
}

const ZHEJIANG_TYPED = [
  "我想申报浙江的示范区",
  "杭州测试科技园发展有限公司",
  CREDIT_CODE,
  "张三",
  PHONE,
  "杭州市西湖区文三路1号",
  "西湖知识产权服务业集聚发展示范区",
  "1", // [1] 高新园区
  "2", // [2] 科技企业孵化器
  "2", // [2] 民营
  "1", // [1] 是
  "25",
  "1200",
  "1,2,3,4,5,6,7,8,9",
  "1", // [1] 是
  "1", // [1] 确认无误，开始自检
];

describe("a Zhejiang applicant in the console", () => {
  it("finishes the intake typing option numbers, and gets the Word drafts saved", async () => {
    const transcript = await chat("zj", [...ZHEJIANG_TYPED, "1"]);
    expect(transcript).toContain("政策助手已就绪");
    expect(after(transcript, "我想申报浙江的示范区")).toContain("第 1/14 步 · 申报单位名称");
    expect(transcript).toContain("✓ 已记录：所在区域类型 高新园区");
    expect(transcript).toContain("✓ 已记录：依托单位类型 科技企业孵化器");
    expect(transcript).toContain("✓ 已记录：依托单位性质 民营");
    expect(transcript).toContain("✓ 已记录：核心区面积 1,200 平方米");
    expect(transcript).toContain("✓ 已记录：服务覆盖范围 专利、商标、版权、代理、法律、信息、商用化、咨询、培训");
    expect(transcript).toContain("结论：符合申报条件");
    expect(transcript).toMatch(/申报编号：ZJ-2026-\d{4}（草稿）/u);
    expect(transcript).toContain("  [1] 生成申报材料（Word）");

    const drafts = after(transcript, "1");
    expect(drafts.match(/📄 /gu)).toHaveLength(3);
    const saved = await readdir(join(h.dataDir, "outbox", "zj"));
    expect(saved.filter((f) => f.endsWith(".docx"))).toHaveLength(3);
    expect(transcript.trimEnd().endsWith("再见！")).toBe(true);
  });

  it("a second session of the same user continues where the first stopped", async () => {
    await chat("two-sessions", ZHEJIANG_TYPED.slice(0, 4));
    const second = await chat("two-sessions", ["帮助", PHONE]);
    expect(after(second, "帮助")).toContain("第 4/14 步 · 联系电话");
    expect(after(second, PHONE)).toContain("✓ 已记录：联系电话");
  });
});

describe("a Zibo applicant in the console", () => {
  it("is never asked the core area, answers the county facts, and gets the Zibo check", async () => {
    const transcript = await chat("zb", [
      "我想申报淄博的示范区",
      "淄博测试科技园发展有限公司",
      ZIBO_CREDIT_CODE,
      "李四",
      "0533-1234567",
      "淄博市张店区某某路1号",
      "张店知识产权服务业集聚发展示范区",
      "6", // [6] 经济（技术）开发区
      "1", // [1] 是
      "3家",
      "全部",
      "1",
      "1",
      "1",
      "确认",
    ]);
    expect(transcript).not.toContain("核心区面积");
    expect(transcript).toContain("✓ 已记录：所在区域类型 经济（技术）开发区");
    expect(transcript).toContain("✓ 已记录：区县扶持政策 是");
    expect(transcript).toContain("《淄博市知识产权服务业集聚发展示范区建设方案（试行）》");
    expect(transcript).toMatch(/申报编号：ZB-2026-\d{4}（草稿）/u);
  });
});

describe("numbers that are answers, not option positions", () => {
  it("「2」 typed when a count question is reopened is 2 institutions, not the second button", async () => {
    const lines = [
      "我想申报淄博的示范区",
      "淄博测试科技园发展有限公司",
      ZIBO_CREDIT_CODE,
      "李四",
      "0533-1234567",
      "淄博市张店区某某路1号",
      "张店知识产权服务业集聚发展示范区",
      "4", // [4] 创新创业园区
      "1", // [1] 是
      "5",
      "修改 机构数量",
      "2",
    ];
    const transcript = await chat("count", lines);
    const reopened = after(transcript, "修改 机构数量");
    expect(reopened).toContain("当前答案：5 家");
    expect(after(transcript, "2")).toContain("✓ 已修改：知识产权服务机构数量 改为 2 家");
  });

  it("after three misses on the core area, 「1」 is one square metre, not 「跳过」", () => {
    const reply = {
      kind: "choices" as const,
      text: "第 12/14 步 · 核心区面积",
      options: [
        { id: "skip:zone.coreAreaSqm", label: "不清楚，跳过" },
        { id: "explain:zone.coreAreaSqm", label: "为什么问这个？" },
      ],
      numberAnswer: true,
    };
    expect(choiceForInput("1", reply)).toBeUndefined();
    expect(choiceForInput("不清楚，跳过", reply)).toBe("skip:zone.coreAreaSqm");
    expect(renderTextReply(reply)).not.toContain("[1]");
  });

  it("yes/no and single choices still take the number", () => {
    const reply = { kind: "choices" as const, text: "产业优势？", options: [{ id: "q=yes", label: "是" }, { id: "q=no", label: "否" }] };
    expect(choiceForInput("2", reply)).toBe("q=no");
    expect(choiceForInput("２", reply)).toBe("q=no");
    expect(choiceForInput("3", reply)).toBeUndefined();
  });
});

describe("staff in the console", () => {
  it("see the queue and open an application, pre-check summary before the documents", async () => {
    await chat("applicant", [...ZHEJIANG_TYPED, "提交申报"]);
    const transcript = await chat("staff", ["待审"]);
    const number = /ZJ-2026-\d{4}/u.exec(after(transcript, "待审"))![0];
    const opened = await chat("staff", [`查看 ${number}`]);
    const part = after(opened, `查看 ${number}`);
    expect(part.indexOf("【预审摘要】")).toBeGreaterThanOrEqual(0);
    expect(part.indexOf("【预审摘要】")).toBeLessThan(part.indexOf("📄"));
    expect(part).toContain("[1] 通过（受理）");
  });
});
