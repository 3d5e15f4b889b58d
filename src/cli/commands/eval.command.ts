/**
 * `eval <questions.jsonl> [--json]`: retrieval and answer quality on a
 * question set (metrics as docs/question-sets.md defines them). Without --json, a table
 * in Chinese; with it, the one JSON object of the contract.
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { getPolicyAssistantServices } from "../../answer/create-answer-service.ts";
import { parseQuestionSet, QuestionSetError, type EvalQuestion } from "../../answer/eval-question.schema.ts";
import { evaluateQuestionSet, firstGoldRank, type EvalReport } from "../../answer/evaluate-question-set.ts";
import { loadConfig } from "../../config.ts";
import { createLogger } from "../../logging/logger.ts";
import { CliUsageError, type CliCommand } from "../command.types.ts";

const usage = "eval <questions.jsonl> [--json]";
const example = "例如：npm run -s cli -- eval test/fixtures/questions-heldout.jsonl";

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** East Asian characters take two columns in a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return w;
}
const pad = (s: string, n: number): string => s + " ".repeat(Math.max(0, n - width(s)));

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => width(r[c] ?? ""))));
  return rows.map((r) => r.map((cell, c) => pad(cell, widths[c]!)).join("  ").trimEnd()).join("\n");
}

export function renderEvalReport(report: EvalReport, questions: readonly EvalQuestion[]): string {
  const metrics = table([
    ["指标", "数值", "说明"],
    ["问题数", String(report.n), ""],
    ["recall@1", pct(report.recallAt1), "第一条检索结果命中标准条款的比例（可回答的问题）"],
    ["recall@3", pct(report.recallAt3), "前三条不同条款中命中的比例"],
    ["recall@5", pct(report.recallAt5), "前五条不同条款中命中的比例"],
    ["MRR", report.mrr.toFixed(3), "首个命中条款排名倒数的平均值"],
    ["拒答准确率", pct(report.refusalAccuracy), "该拒答的拒答、该回答的回答（全部问题）"],
    ["要点提及率", report.mentionAsked ? pct(report.mentionRate) : "-", `答案包含全部必备要点的比例（${report.mentionAsked} 题有 mustMention）`],
    ["直接回答率", report.directAsked ? pct(report.directAnswerRate) : "-", `答案含每组预期字符串的比例（${report.directAsked} 题有 expect）`],
    ["英文作答率", report.englishAsked ? pct(report.englishRate) : "-", `英文问题以英文开头作答的比例（${report.englishAsked} 题为英文）`],
    ["耗时 P50", `${report.latencyMsP50.toFixed(1)} 毫秒`, "每题"],
    ["耗时 P95", `${report.latencyMsP95.toFixed(1)} 毫秒`, "每题"],
  ]);
  const tags = Object.entries(report.byTag);
  const byTag =
    tags.length === 0
      ? ""
      : `\n\n按类别：\n${table([
          ["类别", "题数", "recall@3", "拒答准确率", "直接回答率", "要点提及率", "英文作答率", "P95(毫秒)"],
          ...tags.map(([tag, m]) => [
            tag,
            String(m.n),
            pct(m.recallAt3),
            pct(m.refusalAccuracy),
            m.directAsked ? pct(m.directAnswerRate) : "-",
            m.mentionAsked ? pct(m.mentionRate) : "-",
            m.englishAsked ? pct(m.englishRate) : "-",
            m.latencyMsP95.toFixed(1),
          ]),
        ])}`;
  const byId = new Map(questions.map((q) => [q.id, q]));
  const rows = [["编号", "类别", "可答", "拒答", "命中排名", "要点", "直答", "前三条检索", "耗时(毫秒)"]];
  for (const r of report.questions) {
    const q = byId.get(r.id)!;
    const rank = q.answerable && q.gold?.length ? firstGoldRank(r.retrieved, q.gold) : undefined;
    const mention = q.answerable && q.mustMention?.length ? (q.mustMention.every((s) => r.answer.includes(s)) ? "✓" : "✗") : "-";
    const refusalOk = r.refused === !q.answerable;
    rows.push([
      r.id,
      q.tag ?? "-",
      q.answerable ? "是" : "否",
      `${r.refused ? "是" : "否"}${refusalOk ? "" : " ✗"}`,
      rank === undefined ? "-" : rank === 0 ? "未命中 ✗" : String(rank),
      mention,
      r.direct === undefined ? "-" : r.direct ? "✓" : "✗",
      r.retrieved.slice(0, 3).join(" "),
      r.ms.toFixed(1),
    ]);
  }
  return `${metrics}${byTag}\n\n逐题结果（✗ 表示未达到预期）：\n${table(rows)}`;
}

const evalCommand: CliCommand = {
  name: "eval",
  summary: "在问题集上评测检索与回答质量（召回率、MRR、拒答准确率、要点提及率、直接回答率、按类别统计、耗时）",
  usage,
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({ args, options: { json: { type: "boolean", default: false } }, allowPositionals: true, strict: true });
    } catch (err) {
      throw new CliUsageError(`参数有误：${err instanceof Error ? err.message : String(err)}\n用法：${usage}\n${example}`);
    }
    const [file, ...extra] = parsed.positionals;
    if (!file || extra.length > 0) throw new CliUsageError(`请给出一个问题集文件（JSON Lines，每行一个问题）。\n用法：${usage}\n${example}`);

    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch {
      throw new CliUsageError(`找不到或无法读取问题集文件「${file}」。\n${example}`);
    }
    let questions: EvalQuestion[];
    try {
      questions = parseQuestionSet(text);
    } catch (err) {
      if (err instanceof QuestionSetError) throw new CliUsageError(`${err.message}\n${example}`);
      throw err;
    }

    const config = loadConfig();
    const { answerer } = await getPolicyAssistantServices(config, { logger: createLogger(config.env.LOG_LEVEL) });
    const report = await evaluateQuestionSet(answerer, questions);
    process.stdout.write((parsed.values.json ? JSON.stringify(report, null, 2) : renderEvalReport(report, questions)) + "\n");
    return 0;
  },
};

export default evalCommand;
