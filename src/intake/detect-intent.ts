/**
 * Words that steer the intake rather than answer it: 「退出」「跳过」「为什么问」
 * 「保持」「确认」「上一步」, 「修改 3」「修改面积为1200」 and 「其实是1200平米」.
 * Only the wording is read here; which question a target names is resolved by
 * the engine against the current state.
 */
import { cleanAnswer } from "./parsers/normalize-input.ts";

export type Intent =
  | { kind: "cancel" }
  | { kind: "skip" }
  | { kind: "explain" }
  | { kind: "keep" }
  | { kind: "confirm" }
  | { kind: "back" }
  | { kind: "done" }
  /** 「修改 3」「修改 面积」「修改面积为1200」; `loose` for a bare 「改…」 that must name a known item */
  | { kind: "edit"; target: string; value?: string; loose: boolean }
  /** 「其实是1200平米」「面积其实是1200」: a new value for an earlier answer */
  | { kind: "correct"; target: string; value: string };

const words = (...w: string[]) => new Set(w);

const CANCEL = words("退出", "取消", "结束", "不填了", "不做了", "不弄了", "退出填报", "取消填报", "结束填报", "停止", "算了不填了", "exit", "quit", "cancel", "/cancel");
const SKIP = words(
  "不知道", "不清楚", "不确定", "不了解", "不晓得", "说不清", "不好说", "待定", "未知", "跳过", "跳过这题", "跳过此题",
  "跳过这一题", "先跳过", "略过", "下一题", "下一个", "暂时不知道", "没统计", "没有统计", "稍后再填", "以后再说", "暂不填写",
  "不方便透露", "不方便说", "skip", "pass", "不知", "不详",
);
const EXPLAIN = words(
  "说明", "帮助", "为什么问", "为什么要问", "为什么问这个", "为什么要问这个", "为啥问这个", "为啥要问", "什么意思",
  "这是什么意思", "啥意思", "看说明", "政策说明", "政策原文", "看原文", "help", "?", "求助",
);
const KEEP = words("保持", "保持不变", "不改了", "不改", "不用改", "不修改", "保留", "维持", "保持原答案", "维持原答案", "原样", "算了");
const CONFIRM = words(
  "确认", "确定", "没问题", "无误", "确认无误", "正确", "都对", "对", "对的", "是", "是的", "好", "好的", "可以", "行",
  "提交", "开始", "开始自检", "开始测算", "自检", "测算", "ok", "yes", "没错", "嗯", "确认提交",
);
const BACK = words("上一步", "上一题", "返回", "返回上一步", "返回上一题", "后退", "回到上一题", "back");
const DONE = words("完成", "好了", "选好了", "就这些", "没有了", "选完了", "done");

const EDIT =
  /^(?:我要|我想|想|请|帮我|麻烦)?(修改|更改|更正|修正|重新填写|重新填|重填|改一下|改下|改)\s*(?:一下)?\s*(.*?)(?:\s*(?:为|成|到|:)\s*(.+))?$/u;
const CORRECT =
  /^(.*?)(?:其实是|其实有|其实|实际是|实际上是|实际有|应该是|应为|应当是|更正为|改为|改成|正确的是|准确地说是|准确说是)\s*(.+)$/u;
const TARGET_FILLER = /(不对|不好意思|抱歉|对不起|刚才|刚刚|前面|上面|填错了|写错了|说错了|搞错了|弄错了|错了|那个|这个|我们的|我们|的|呀|啊)/gu;

/** The target words of an edit, without fillers and item suffixes: 「第3项」 → 「3」. */
export function cleanTarget(target: string): string {
  return target
    .replace(TARGET_FILLER, "")
    .replace(/^[第\s]+/u, "")
    .replace(/[项条个步题\s,，:：。]+$/u, "")
    .replace(/^[,，:：\s]+/u, "")
    .trim();
}

export function detectIntent(raw: string): Intent | undefined {
  const original = cleanAnswer(raw);
  const text = original.toLowerCase();
  if (text === "") return undefined;
  if (CANCEL.has(text)) return { kind: "cancel" };
  if (SKIP.has(text)) return { kind: "skip" };
  if (EXPLAIN.has(text.replace(/[?？]+$/u, "")) || text === "?") return { kind: "explain" };
  if (KEEP.has(text)) return { kind: "keep" };
  if (CONFIRM.has(text)) return { kind: "confirm" };
  if (BACK.has(text)) return { kind: "back" };
  if (DONE.has(text)) return { kind: "done" };
  const edit = EDIT.exec(original);
  if (edit) {
    const value = edit[3]?.trim();
    return {
      kind: "edit",
      target: cleanTarget(edit[2] ?? ""),
      ...(value ? { value } : {}),
      loose: edit[1] === "改",
    };
  }
  const correct = CORRECT.exec(original);
  if (correct && correct[2]!.trim() !== "") {
    return { kind: "correct", target: cleanTarget(correct[1] ?? ""), value: correct[2]!.trim() };
  }
  return undefined;
}
