/**
 * The real assistant for tests: `createRuntime` on a fresh temp DATA_DIR
 * (SQLite migrated, the offline answerer, the real rules and drafting), a
 * masking logger whose raw lines the test can read, and a pinned clock.
 *
 *   const h = await startHarness({ staff: ["staff"] });
 *   const alice = h.user("alice");
 *   const t = await alice.say("我想申报浙江的示范区");
 *   await alice.pressLabel("民营");
 *   await h.close();
 *
 * Users are console users (`console:<id>`); staff ids are console ids too.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, type Config } from "../../src/config.ts";
import { createRuntime, type Runtime } from "../../src/assistant/create-runtime.ts";
import type { Assistant, ChoiceOption, IncomingMessage, Reply } from "../../src/assistant/message.types.ts";
import { createLogger, type Logger } from "../../src/logging/logger.ts";
import type { Store } from "../../src/store/index.ts";

/** The date every harness runs on (evaluation date of checks, numbering year). */
export const HARNESS_NOW = new Date("2026-11-22T02:00:00Z");

export type ChoicesReply = Extract<Reply, { kind: "choices" }>;
export type DocumentReply = Extract<Reply, { kind: "document" }>;

/** One assistant turn, with the reads tests need. */
export interface Turn {
  replies: Reply[];
  /** every text and choices text, joined by blank lines */
  text: string;
  /** the last choices reply, if any */
  choices: ChoicesReply | undefined;
  documents: DocumentReply[];
}

export interface ChatUser {
  id: string;
  say(text: string): Promise<Turn>;
  press(choice: string): Promise<Turn>;
  /** presses the option of the last choices reply whose label contains `label` (exactly one must) */
  pressLabel(label: string, from?: Turn): Promise<Turn>;
  /** says each line in turn; returns every turn */
  sayAll(lines: readonly (string | { choice: string })[]): Promise<Turn[]>;
  /** the last turn this user got */
  last: Turn | undefined;
}

export interface Harness {
  config: Config;
  dataDir: string;
  runtime: Runtime;
  assistant: Assistant;
  store: Store;
  /** every log line, as written (masked JSON) */
  logLines: string[];
  user(id: string): ChatUser;
  /** closes the store; keeps the data directory (for restart tests) unless `removeData` */
  close(opts?: { removeData?: boolean }): Promise<void>;
}

export interface HarnessOptions {
  /** console user ids that are bureau staff */
  staff?: string[];
  /** reuse a data directory (restart); default a new temp dir */
  dataDir?: string;
  now?: () => Date;
  logLevel?: string;
  /** more settings, e.g. WEB_PORT */
  env?: Record<string, string>;
}

export function toTurn(replies: Reply[]): Turn {
  const text = replies
    .filter((r): r is Exclude<Reply, DocumentReply> => r.kind !== "document")
    .map((r) => r.text)
    .join("\n\n");
  const choices = [...replies].reverse().find((r): r is ChoicesReply => r.kind === "choices");
  return { replies, text, choices, documents: replies.filter((r): r is DocumentReply => r.kind === "document") };
}

/** The option whose label contains `label`; throws listing the options when none or several do. */
export function optionByLabel(choices: ChoicesReply | undefined, label: string): ChoiceOption {
  const options = choices?.options ?? [];
  const hits = options.filter((o) => o.label.includes(label));
  const exact = hits.filter((o) => o.label.replace(/^\d+\.\s*/u, "") === label);
  const pick = exact.length === 1 ? exact : hits;
  if (pick.length !== 1) {
    throw new Error(`no single option labelled 「${label}」 among: ${options.map((o) => o.label).join(" | ") || "(no choices)"}`);
  }
  return pick[0]!;
}

export function createLineLogger(level: string, lines: string[]): Logger {
  return createLogger(level, { write: (line: string) => void lines.push(line) });
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), "ipzone-assistant-")));
  const config = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: dataDir,
    STAFF_IDS: (options.staff ?? []).map((id) => `console:${id}`).join(","),
    ...options.env,
  });
  const logLines: string[] = [];
  const logger = createLineLogger(options.logLevel ?? "debug", logLines);
  const runtime = await createRuntime(config, { logger, now: options.now ?? (() => HARNESS_NOW) });
  const assistant = runtime.assistant;
  let seq = 0;

  function user(id: string): ChatUser {
    const send = async (msg: Omit<IncomingMessage, "channel" | "userId">) => {
      const turn = toTurn(await assistant.handle({ channel: "console", userId: id, messageId: String(++seq), ...msg }));
      chat.last = turn;
      return turn;
    };
    const chat: ChatUser = {
      id,
      last: undefined,
      say: (text) => send({ text }),
      press: (choice) => send({ choice }),
      pressLabel: (label, from) => send({ choice: optionByLabel((from ?? chat.last)?.choices, label).id }),
      async sayAll(lines) {
        const turns: Turn[] = [];
        for (const line of lines) turns.push(await (typeof line === "string" ? chat.say(line) : chat.press(line.choice)));
        return turns;
      },
    };
    return chat;
  }

  return {
    config,
    dataDir,
    runtime,
    assistant,
    store: runtime.store,
    logLines,
    user,
    async close(opts = {}) {
      await runtime.close();
      if (opts.removeData ?? options.dataDir === undefined) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A valid 统一社会信用代码 per GB 32100-2015 (checked by the intake). */
export const CREDIT_CODE = "91330106MA2B3C4D5D";
export const ZIBO_CREDIT_CODE = "91370303MA3C5D6E7Y";
export const PHONE = "13812348000";
export const MASKED_PHONE = "138****8000";

/** A Zhejiang applicant's answers, in the order the intake asks them (after 「我想申报浙江的示范区」). */
export const ZHEJIANG_LINES = [
  "杭州测试科技园发展有限公司",
  CREDIT_CODE,
  "张三",
  PHONE,
  "杭州市西湖区文三路1号",
  "西湖知识产权服务业集聚发展示范区",
  "高新园区",
  "科技企业孵化器",
  "民营",
  "是",
  "25家",
  "1200平米",
  "全部",
  "是",
] as const;

/** The zone profile those answers make (asOf = HARNESS_NOW's date in China). */
export const ZHEJIANG_PROFILE = {
  jurisdiction: "zhejiang",
  asOf: "2026-11-22",
  applicant: {
    name: "杭州测试科技园发展有限公司",
    creditCode: CREDIT_CODE,
    contactName: "张三",
    contactPhone: PHONE,
    address: "杭州市西湖区文三路1号",
  },
  carrier: { type: "incubator", ownership: "private" },
  zone: {
    name: "西湖知识产权服务业集聚发展示范区",
    areaType: "high-tech-park",
    coreAreaSqm: 1200,
    serviceInstitutions: 25,
    services: ["patent", "trademark", "copyright", "agency", "legal", "information", "commercialization", "consulting", "training"],
    industryAdvantage: true,
    ipManagementSystem: true,
  },
} as const;

/** A Zibo agency's answers (after 「测算一下我们能拿多少资助」), item by item through 第九条. */
export const AGENCY_LINES = ["2021", "是", "是", "3笔", "1项", "完全式、单项式", "是", "2人", "否", "是", "是", "1件", "0件", "否", "130件", "2家", "甲公司 6件"] as const;

/**
 * The estimate input those answers make, as of `asOf` (the chat names clients
 * given only as a count 「专利清零客户 n」). Its maximum is 450,000: 130,000
 * （一） + 50,000 + 20,000 （二） + 100,000 （三） + 50,000 （四） + 30,000 + 20,000 + 50,000 （五）.
 */
export function agencyInput(asOf: string) {
  return {
    jurisdiction: "zibo" as const,
    year: 2021,
    asOf,
    agency: { inZone: true, patentAgencyQualified: true },
    pledgeLoans: 3,
    securitizations: 1,
    custody: { modes: ["full" as const, "single" as const], certifiedOutstanding: true },
    newPatentAttorneys: 2,
    brand: { national: false, provincial: true, afterJoiningZone: true },
    wonCases: [{ enterpriseInZone: true, kind: "foreign" as const }],
    inventionGrants: 130,
    abnormalApplications: false,
    clients: [
      { name: "专利清零客户 1", program: "zeroing" as const, inventionGrants: 1 },
      { name: "专利清零客户 2", program: "zeroing" as const, inventionGrants: 1 },
      { name: "甲公司", program: "doubling" as const, inventionGrants: 6 },
    ],
  };
}

/** A Zibo applicant's answers (after 「我想申报淄博的示范区」): no core area, three county facts. */
export const ZIBO_LINES = [
  "淄博测试科技园发展有限公司",
  ZIBO_CREDIT_CODE,
  "李四",
  "0533-1234567",
  "淄博市张店区某某路1号",
  "张店知识产权服务业集聚发展示范区",
  "经开区",
  "是",
  "3家",
  "专利、商标、版权",
  "有",
  "有",
  "没有",
] as const;
