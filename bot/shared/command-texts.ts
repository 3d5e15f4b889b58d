/**
 * Menu commands and the plain text each one stands for. Channels do not
 * interpret commands: they turn `/apply` into the sentence a user would have
 * typed (「我想申报示范区」) and hand that to the core, so the core has one
 * input language. Telegram shows these in its command menu; the WeCom app
 * menu can send the same names as click-event keys.
 *
 * Change the sentences here if the core's wording changes; nothing else
 * needs to move.
 */
export interface ChannelCommand {
  /** lowercase, 1–32 characters (Telegram's rule) */
  name: string;
  /** menu description, 1–256 characters */
  description: string;
  staffOnly: boolean;
  /** the text for the core, or `undefined` when the arguments are missing */
  toText(args: string): string | undefined;
  /** told to the user when `toText` gives `undefined` */
  usage?: string;
}

const fixed = (text: string) => () => text;

export const channelCommands: readonly ChannelCommand[] = [
  { name: "start", description: "开始使用", staffOnly: false, toText: fixed("帮助") },
  { name: "help", description: "能做什么、怎么用", staffOnly: false, toText: fixed("帮助") },
  {
    name: "ask",
    description: "问政策问题，例如 /ask 核心区面积有什么要求",
    staffOnly: false,
    toText: (args) => args || undefined,
    usage: "请在 /ask 后面写上问题，例如：/ask 申报浙江省示范区，核心区面积至少要多少平方米？",
  },
  { name: "apply", description: "申报示范区：资格自检与材料起草", staffOnly: false, toText: fixed("我想申报示范区") },
  { name: "estimate", description: "测算服务机构可获资助（淄博第九条）", staffOnly: false, toText: fixed("测算一下我们能拿多少资助") },
  { name: "status", description: "查看我的申报", staffOnly: false, toText: fixed("我的申报") },
  { name: "cancel", description: "取消当前操作", staffOnly: false, toText: fixed("取消") },
  { name: "inbox", description: "待审申报（工作人员）", staffOnly: true, toText: fixed("待审申报") },
  {
    name: "accept",
    description: "受理申报：/accept 编号（工作人员）",
    staffOnly: true,
    toText: (args) => (args ? `受理 ${args}` : undefined),
    usage: "请写上申报编号，例如：/accept ZJ-2026-0001",
  },
  {
    name: "return",
    description: "退回申报：/return 编号 原因（工作人员）",
    staffOnly: true,
    toText: (args) => (args ? `退回 ${args}` : undefined),
    usage: "请写上申报编号和退回原因，例如：/return ZJ-2026-0001 核心区面积证明缺失",
  },
  { name: "desk", description: "登录网页审核台（工作人员，一次性链接）", staffOnly: true, toText: fixed("登录审核台") },
];

export type CommandResolution =
  | { kind: "text"; text: string }
  | { kind: "usage"; text: string }
  | { kind: "staff-only" }
  | { kind: "unknown" };

/**
 * Resolves `/name args` for a user. Unknown commands are reported as such so
 * the channel can fall back to the help text.
 *
 * @example resolveCommand("ask", "核心区面积？", { staff: false }) // { kind: "text", text: "核心区面积？" }
 */
export function resolveCommand(name: string, args: string, who: { staff: boolean }): CommandResolution {
  const command = channelCommands.find((c) => c.name === name.toLowerCase());
  if (!command) return { kind: "unknown" };
  if (command.staffOnly && !who.staff) return { kind: "staff-only" };
  const text = command.toText(args.trim());
  if (text === undefined) return { kind: "usage", text: command.usage ?? "命令缺少参数。" };
  return { kind: "text", text };
}

/** `/ask@SomeBot 问题` → `{ name: "ask", args: "问题" }`; not a command → `undefined`. */
export function parseCommand(text: string): { name: string; args: string } | undefined {
  const m = /^\/([A-Za-z0-9_]{1,32})(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!m) return undefined;
  return { name: m[1]!.toLowerCase(), args: (m[2] ?? "").trim() };
}
