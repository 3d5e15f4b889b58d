/**
 * `ask "<question>" [--json]`: one answer with its citations.
 * JSON: {question, answer, citations: [{id, text}], refused, retrieved, ms}.
 */
import { parseArgs } from "node:util";
import { getPolicyAssistantServices } from "../../answer/create-answer-service.ts";
import { loadConfig } from "../../config.ts";
import { formatCitation } from "../../knowledge/citation.ts";
import { createLogger } from "../../logging/logger.ts";
import { CliUsageError, type CliCommand } from "../command.types.ts";

const usage = 'ask "<问题>" [--json]';
const example = '例如：npm run -s cli -- ask "申报浙江省示范区，核心区面积至少要多少平方米？"';

function parseAskArgs(args: string[]): { question: string; json: boolean } {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { json: { type: "boolean", default: false } }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new CliUsageError(`参数有误：${err instanceof Error ? err.message : String(err)}\n用法：${usage}\n${example}`);
  }
  const question = parsed.positionals.join(" ").trim();
  if (!question) throw new CliUsageError(`请给出要问的问题（用引号括起来）。\n用法：${usage}\n${example}`);
  return { question, json: parsed.values.json ?? false };
}

const askCommand: CliCommand = {
  name: "ask",
  summary: "就两份示范区政策提一个问题，回答附条款出处",
  usage,
  async run(args) {
    const { question, json } = parseAskArgs(args);
    const config = loadConfig();
    const logger = createLogger(config.env.LOG_LEVEL);
    const { answerer } = await getPolicyAssistantServices(config, { logger });

    const started = performance.now();
    const result = await answerer.answer(question);
    const ms = Number((performance.now() - started).toFixed(2));
    const citations = result.citations.map((id) => ({ id, text: formatCitation(id) }));

    if (json) {
      const out = { question, answer: result.text, citations, refused: result.refused, retrieved: result.retrieved, ms };
      process.stdout.write(JSON.stringify(out, null, 2) + "\n");
    } else {
      const lines = [result.text];
      if (citations.length > 0) lines.push("", "出处：", ...citations.map((c) => `  · ${c.text}（${c.id}）`));
      process.stdout.write(lines.join("\n") + "\n");
    }
    return 0;
  },
};

export default askCommand;
