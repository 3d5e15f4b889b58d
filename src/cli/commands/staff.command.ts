/**
 * `staff add|passwd|disable|enable|list`: review desk accounts for bureau staff
 * who are not on a chat channel. The password is typed twice without echo
 * in a terminal, read from the first line of piped input, or generated with
 * --generate (printed once). Stored as an argon2id hash.
 */
import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { loadConfig } from "../../config.ts";
import { createLogger } from "../../logging/logger.ts";
import { hashPassword, passwordProblem } from "../../review/passwords.ts";
import { chinaDateTime } from "../../review/china-time.ts";
import { createStore, migrateDatabase, StaffAccountExistsError, type StaffRole } from "../../store/index.ts";
import { CliUsageError, type CliCommand } from "../command.types.ts";

const USAGE = "staff add <账号> [--name 姓名] [--role reviewer|viewer] [--generate] | staff passwd <账号> | staff disable|enable <账号> | staff list";
const NAME = /^[A-Za-z0-9._-]{2,64}$/u;

async function readHidden(prompt: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  let asked = false;
  out._writeToOutput = (s: string) => {
    if (!asked) {
      process.stderr.write(s);
      asked = true;
    }
  };
  try {
    return await new Promise<string>((resolve) => rl.question(prompt, resolve));
  } finally {
    process.stderr.write("\n");
    rl.close();
  }
}

async function readFirstLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return "";
}

async function askPassword(generate: boolean): Promise<{ password: string; generated: boolean }> {
  if (generate) return { password: randomBytes(12).toString("base64url"), generated: true };
  if (!process.stdin.isTTY) return { password: (await readFirstLine()).trim(), generated: false };
  const first = await readHidden("密码：");
  const second = await readHidden("再输入一次：");
  if (first !== second) throw new CliUsageError("两次输入的密码不一致，账号未改动。");
  return { password: first, generated: false };
}

const command: CliCommand = {
  name: "staff",
  summary: "审核台账号：添加、改密码、停用/启用、列出",
  usage: USAGE,
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        options: { name: { type: "string" }, role: { type: "string" }, generate: { type: "boolean" } },
        allowPositionals: true,
      });
    } catch {
      throw new CliUsageError(`参数有误。用法：npm run -s cli -- ${USAGE}`);
    }
    const [action, account] = parsed.positionals;
    if (!action || !["add", "passwd", "disable", "enable", "list"].includes(action)) throw new CliUsageError(`用法：npm run -s cli -- ${USAGE}`);
    if (action !== "list" && (!account || !NAME.test(account))) {
      throw new CliUsageError("账号名应为 2–64 个字母、数字或 . _ -，例如 zhangsan。");
    }
    const role = (parsed.values.role ?? "reviewer") as StaffRole;
    if (role !== "reviewer" && role !== "viewer") throw new CliUsageError("--role 只能是 reviewer（审核）或 viewer（只读）。");

    const config = loadConfig();
    const logger = createLogger(process.env.LOG_LEVEL ? config.env.LOG_LEVEL : "warn");
    await migrateDatabase(config, logger);
    const store = await createStore(config);
    try {
      if (action === "list") {
        const accounts = await store.staffAccounts.list();
        if (!accounts.length) process.stdout.write("还没有审核台账号。用 staff add <账号> 添加。\n");
        for (const a of accounts) {
          process.stdout.write(`${a.name}\t${a.displayName ?? ""}\t${a.role}\t${a.disabledAt ? `已停用（${chinaDateTime(a.disabledAt)}）` : "启用"}\n`);
        }
        return 0;
      }
      if (action === "disable" || action === "enable") {
        const ok = await store.staffAccounts.setDisabled(account!, action === "disable");
        if (!ok) throw new CliUsageError(`没有账号「${account}」。`);
        await store.audit.record({ actor: "cli", action: `staff.${action}`, subject: `staff:${account}` });
        process.stdout.write(`账号「${account}」已${action === "disable" ? "停用（已登录的会话随即失效）" : "启用"}。\n`);
        return 0;
      }
      if (action === "passwd" && !(await store.staffAccounts.findByName(account!))) throw new CliUsageError(`没有账号「${account}」。`);
      if (action === "add" && (await store.staffAccounts.findByName(account!))) throw new CliUsageError(`账号「${account}」已存在。改密码请用 staff passwd ${account}。`);
      const { password, generated } = await askPassword(parsed.values.generate === true);
      const problem = passwordProblem(password);
      if (problem) throw new CliUsageError(`${problem}，账号未改动。`);
      const passwordHash = await hashPassword(password);
      if (action === "add") {
        await store.staffAccounts.create({ name: account!, displayName: parsed.values.name, passwordHash, role });
        await store.audit.record({ actor: "cli", action: "staff.add", subject: `staff:${account}`, detail: { role } });
        process.stdout.write(`已添加审核台账号「${account}」（${role === "reviewer" ? "审核" : "只读"}）。\n`);
      } else {
        await store.staffAccounts.setPassword(account!, passwordHash);
        await store.audit.record({ actor: "cli", action: "staff.passwd", subject: `staff:${account}` });
        process.stdout.write(`已修改「${account}」的密码。\n`);
      }
      if (generated) process.stdout.write(`初始密码（只显示这一次）：${password}\n`);
      return 0;
    } catch (err) {
      if (err instanceof StaffAccountExistsError) throw new CliUsageError(err.message);
      throw err;
    } finally {
      await store.close();
    }
  },
};

export default command;
