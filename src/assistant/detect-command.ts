/**
 * Top-level commands a user can type (or a channel maps its menu to): help,
 * starting an intake, status, application actions and the staff review
 * commands. Anything else is a policy question or an intake answer.
 */
import { looksLikeQuestion } from "../intake/index.ts";
import { jurisdictionsNamedIn, type Jurisdiction } from "../knowledge/jurisdictions.ts";

export type Command =
  | { kind: "help" }
  | { kind: "start-application"; jurisdiction?: Jurisdiction }
  | { kind: "start-estimate" }
  | { kind: "status" }
  | { kind: "restart" }
  | { kind: "cancel" }
  | { kind: "draft" }
  | { kind: "submit" }
  | { kind: "edit-application" }
  | { kind: "feedback"; helpful: boolean }
  | { kind: "staff-queue" }
  | { kind: "staff-desk-link" }
  | { kind: "staff-open"; number: string }
  | { kind: "staff-accept"; number: string; reason: string }
  | { kind: "staff-return"; number: string; comment: string };

/** The bureau's review commands (their kinds start with `staff-`). */
export type StaffCommand = Extract<Command, { kind: `staff-${string}` }>;

export function isStaffCommand(command: Command | undefined): command is StaffCommand {
  return command !== undefined && command.kind.startsWith("staff-");
}

/** Button ids the assistant itself offers (intake buttons have their own ids). */
export const ACTION = {
  draft: "app:draft",
  submit: "app:submit",
  edit: "app:edit",
  accept: "staff:accept:",
  return: "staff:return:",
  open: "staff:open:",
  /** the buttons offered after a question about applying or estimating */
  startApplication: "offer:apply",
  startEstimate: "offer:estimate",
} as const;

const clean = (s: string) => s.normalize("NFKC").trim().replace(/[。！!～~]+$/u, "").replace(/\s+/gu, " ");
const NUMBER = /\b(Z[JB]-\d{4}-\d{4,})\b/iu;
const STAFF = /^(?:\/)?(通过|受理|同意|accept|退回|驳回|return|查看|打开|open)\s*(Z[JB]-\d{4}-\d{4,})\s*[:：,，]?\s*(.*)$/isu;

const HELP = /^(\/start|\/help|帮助|help|菜单|你好|您好|hi|hello|你能做什么|能做什么|怎么用|使用说明|功能)$/iu;
const STATUS = /^(\/status|我的申报|申报进度|查看进度|进度|状态|我的申请|申报状态)$/u;
const RESTART = /^(重新开始|重来|从头开始|重新填写全部)$/u;
const CANCEL = /^(\/cancel|取消|退出|结束)$/u;
const APPLY = /(我想申报|我要申报|准备申报|开始申报|申报准备|资格自检|自检一下|帮我自检|想申请示范区|^\/apply$|^申报$)/u;
const ESTIMATE = /(测算|能拿多少|可以拿多少|能领多少|能申请多少|资助估算|^\/estimate$)/u;
// Asking to be walked through the estimate, question-like or not: 「帮我测算一下吗？」「算算我们能拿多少」.
const ESTIMATE_REQUEST = /(测算|估算|算一下|算一算|算算|帮我算)/u;
const DRAFT = /^(生成申报材料|生成材料|起草申报材料|生成申报书|出材料|下载材料)$/u;
const SUBMIT = /^(提交申报|提交给主管部门|正式提交|重新提交)$/u;
const EDIT = /^(修改申报|修改信息|修改后重新提交|修改申报信息)$/u;
const HELPFUL = /^(有用|有帮助|👍|谢谢|感谢)$/u;
const UNHELPFUL = /^(没用|没有用|没帮助|不对|👎|答非所问)$/u;

export function detectCommand(raw: string | undefined, choice: string | undefined): Command | undefined {
  if (choice) {
    if (choice === ACTION.draft) return { kind: "draft" };
    if (choice === ACTION.submit) return { kind: "submit" };
    if (choice === ACTION.edit) return { kind: "edit-application" };
    if (choice === ACTION.startApplication) return { kind: "start-application" };
    if (choice === ACTION.startEstimate) return { kind: "start-estimate" };
        if (choice.startsWith(ACTION.accept)) return { kind: "staff-accept", number: choice.slice(ACTION.accept.length), reason: "" };
    if (choice.startsWith(ACTION.open)) return { kind: "staff-open", number: choice.slice(ACTION.open.length) };
    if (choice.startsWith(ACTION.return)) return { kind: "staff-return", number: choice.slice(ACTION.return.length), comment: "" };
    return undefined;
  }
  if (!raw) return undefined;
  const text = clean(raw);
  if (!text) return undefined;

  // The comment is forwarded to the applicant word for word, so it is read from the raw text, not the normalised one.
  const staff = STAFF.exec(raw.trim()) ?? STAFF.exec(text);
  if (staff) {
    const verb = staff[1]!.toLowerCase();
    const number = staff[2]!.toUpperCase();
    // 「通过 ZB-2026-0001 理由：…」 gives the reason for accepting against the pre-check at once.
    const rest = staff[3]!.trim().replace(/^(理由|原因|受理理由)\s*[:：]?\s*/u, "");
    if (["通过", "受理", "同意", "accept"].includes(verb)) return { kind: "staff-accept", number, reason: rest };
    if (["退回", "驳回", "return"].includes(verb)) return { kind: "staff-return", number, comment: staff[3]!.trim() };
    return { kind: "staff-open", number };
  }
  if (/^(\/desk|登录审核台|审核台|登录审核系统|审核台登录)$/u.test(text)) return { kind: "staff-desk-link" };
  if (/^(\/queue|\/inbox|待审|待审核|待审申报|审核列表|待审列表|待审核列表|审核队列)$/u.test(text)) return { kind: "staff-queue" };
  if (NUMBER.test(text) && /^(查看|打开)?\s*Z[JB]-/iu.test(text)) return { kind: "staff-open", number: NUMBER.exec(text)![1]!.toUpperCase() };

  if (HELP.test(text)) return { kind: "help" };
  if (STATUS.test(text)) return { kind: "status" };
  if (RESTART.test(text)) return { kind: "restart" };
  if (CANCEL.test(text)) return { kind: "cancel" };
  if (DRAFT.test(text)) return { kind: "draft" };
  if (SUBMIT.test(text)) return { kind: "submit" };
  if (EDIT.test(text)) return { kind: "edit-application" };
  if (HELPFUL.test(text)) return { kind: "feedback", helpful: true };
  if (UNHELPFUL.test(text)) return { kind: "feedback", helpful: false };

  // 「测算一下我们能拿多少资助」 (the help text's own example) asks for the estimate, though 多少 reads like a question.
  if (ESTIMATE_REQUEST.test(text)) return { kind: "start-estimate" };
  // 「申报浙江示范区要什么材料？」 is a question about applying, not a request to start.
  if (looksLikeQuestion(text) && !/^\/(apply|estimate)$/u.test(text)) return undefined;
  if (ESTIMATE.test(text)) return { kind: "start-estimate" };
  if (APPLY.test(text)) {
    // 「申报浙江示范区」: the first jurisdiction the message names by one of its aliases (src/knowledge/jurisdictions.ts).
    const [jurisdiction] = jurisdictionsNamedIn(text);
    return { kind: "start-application", jurisdiction };
  }
  return undefined;
}

/**
 * A question about applying or estimating (「我们园区想申报那个示范区，怎么弄」
 * 「我们机构能拿多少资助？」) is answered as a question, and the intake is then
 * offered. Only the wording is read here.
 */
const APPLY_TOPIC = /(想|要|准备|打算|计划|如何|怎么|怎样|怎么样|咋)(去|来|才能)?(申报|申请|报)|(申报|申请)(流程|步骤|程序|条件|材料|怎么|如何)/u;
const ESTIMATE_TOPIC = /(能|可以|可)(拿|领|申请|获得|得到)(到)?多少|(资助|补贴|奖励|支持)(有)?多少|多少(资助|补贴|奖励|钱)/u;

export function intakeTopic(raw: string): "application" | "agency-estimate" | undefined {
  const text = clean(raw);
  if (ESTIMATE_TOPIC.test(text)) return "agency-estimate";
  if (APPLY_TOPIC.test(text)) return "application";
  return undefined;
}
