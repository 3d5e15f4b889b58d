/**
 * Yes/no in the many ways people say it: 是/有/对/具备/已建立/yes/✓ and
 * 否/没有/还没有/尚未/不具备/no/✗. "exact" mode accepts only a whole-answer
 * token (used when the text also looks like a question, so「有管理制度是什么意思」
 * is not read as "yes"); "lenient" also accepts an answer that starts with one
 * (「有，去年建立的」「还没有，正在筹备」).
 */
import { cleanAnswer } from "./normalize-input.ts";
import { fail, ok, type ParseResult } from "./parse-result.ts";

const YES = new Set([
  "是", "是的", "是滴", "有", "有的", "有了", "对", "对的", "具备", "已具备", "具有", "符合", "满足", "已满足",
  "已", "已经", "已有", "已经有", "已经有了", "已建立", "已建", "建立了", "已制定", "已出台", "出台了", "已获得", "获得了",
  "已认定", "认定了", "嗯", "嗯嗯", "好", "没错", "正确", "肯定", "当然", "当然有", "确认", "确实", "明显", "很明显",
  "比较明显", "健全", "比较健全", "完善", "比较完善", "明确", "在", "在的", "进驻了", "已进驻", "已入驻", "入驻了",
  "yes", "y", "yep", "yeah", "true", "ok", "√", "✓", "✔", "☑", "✅", "⭕",
]);

const NO = new Set([
  "否", "不是", "没有", "无", "不", "没", "没呢", "还没", "还没有", "尚未", "未", "暂无", "暂时没有", "目前没有",
  "没有的", "不具备", "不具有", "不符合", "不满足", "未获得", "没获得", "未认定", "没认定", "未建立", "没建立",
  "不明显", "不太明显", "不健全", "不完善", "不在", "未进驻", "没进驻", "未入驻", "都没有", "一个都没有",
  "no", "n", "nope", "false", "×", "✗", "✘", "❌", "x",
]);

const NOT_AN_ANSWER = /^(不知道|不清楚|不确定|不了解|说不清|不好说|不晓得)/u;
const YES_PREFIX = /^(是的|是|有的|有|对的|对|具备|具有|已经|已|符合|满足|yes)(?=[,，;；、:： ]|$)/iu;
const NO_PREFIX = /^(还没有|还没|没有|尚未|不具备|不具有|不符合|不满足|不是|暂无|没|未|无|否|no)/iu;
const YES_LEADING = /^(已经|已|有|具备|具有|符合|满足)/u;
const MIXED = /(有没有|是不是|是否|有无|对不对|行不行)/u;

const EXAMPLE = "「是」或「否」（也可以说 有/没有、具备/不具备）";

export function parseYesNo(raw: string, mode: "exact" | "lenient" = "lenient"): ParseResult<boolean> {
  const text = cleanAnswer(raw).toLowerCase().replace(/[?？]+$/u, "");
  if (text === "") return fail("请回答是或否", EXAMPLE);
  if (NOT_AN_ANSWER.test(text)) return fail("这是一道是/否题；如果不清楚，可以回复「跳过」", EXAMPLE);
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  if (mode === "exact" || MIXED.test(text)) return fail("请回答是或否", EXAMPLE);
  // Negation first: 「没有建立」 starts with 没, 「未建立」 with 未.
  if (NO_PREFIX.test(text)) return ok(false);
  if (YES_PREFIX.test(text) || YES_LEADING.test(text)) return ok(true);
  return fail("请回答是或否", EXAMPLE);
}
