/**
 * A message that checks what the asker was told (「领导说浙江那个示范区每两年要考核一次，我寻思是不是听岔了」
 * 「隔壁园区的哥们儿说…只认国企，真是这样吗？」). What was told is the topic; who told it (领导, 哥们儿,
 * 隔壁所的老哥) and the words that doubt it (听岔, 真的假的, 瞎说) are how the asker came by it and what
 * they want done with it — confirm or correct — never what the texts are asked about.
 */
import { ASKS_FOR_SOMETHING } from "./message-clauses.ts";

/**
 * Who told it: the words of a clause before a verb of telling (说, 讲, 提到, 告诉我) or of asking on (问), up to MAX_SOURCE
 * characters; not 说明/说法/说了算/说不定/说实话 (explaining, a wording, deciding, maybe, honestly),
 * nor 怎么说/这么说/是说 (how it is put, what is meant), nor 听说/据说/我说 (no one named), nor a text
 * (「办法里说」: A_TEXT).
 */
const MAX_SOURCE = 14;
/** A verb of telling (说, 讲, 提到, 告诉我, 透露). */
const SAYS = "(?<![怎么咋何样是])(?:跟我|和我|对我|给我)?(?:说|讲|提到|告诉我|透露)(?:过|了)?(?![明法了不实话清楚])";
/**
 * Someone else asking the asker (「领导天天问…」「老板一直问我…」): who passes the question on, as who told
 * something does. Not the asker's own 想问/请问/再问, nor 问题/问下/询问/提问/审问.
 */
const ASKS_ON = "(?<![想请要再来先顺询提访发疑学审我俺咱])问(?:过|了)?(?:我|俺)?(?![题下一询候问卷责])";
/**
 * Someone setting the asker to find something out (「领导让我打听打听」「老板叫我先查清楚」「处长派我来问问」): who
 * set the task passes the question on, as who told something does.
 */
const TASKS = "(?:让|叫|要|派|安排|交代)(?:我|俺)(?:先|去|来|帮忙|帮他|给他)?(?:查|打听|问|了解|咨询|摸|弄清|搞清|研究|看看|找找)";
/** A verb of telling, of asking on or of setting a task: a regex source fragment, read the same way by TOLD_BY and TELLING. */
const TELL_VERB = `(?:${SAYS}|${ASKS_ON}|${TASKS})`;
const TOLD_BY = new RegExp(
  `(?:^|(?<=[，,。；;！!？?…～~\\s]))(?:听|据|那天|上次|前两天|之前)?([^，,。；;！!？?…～~\\s]{1,${MAX_SOURCE}}?)${TELL_VERB}`,
  "gu",
);
/** A telling with no one named, or the asker themself. */
const NOBODY = /^(听|据|我|俺|咱|人家|别人|有人|大家|都|也|还|又|就|要|再)$/u;
/** What a text says (「办法里说」「第六条讲」「方案上提到」) is no hearsay: its words are the topic. */
const A_TEXT = /[里上中内]$|条|款|办法|方案|文件|政策|规定|通知|原文/u;

/**
 * Words that doubt or check something heard: mishearing or misremembering (听岔, 听错, 记错, 记混),
 * asking whether it is true (真的假的, 是真的, 真是这样, 靠谱, 没错吧), or calling it idle talk (瞎说,
 * 忽悠, 吹牛, 瞎白活). A closed class of everyday Chinese.
 */
const DOUBTS =
  /听岔|听错|听差|记错|记岔|记混|搞混|看错|弄错|搞错|真的假的|是真的|真是这样|真这样|真有这事|真有这回事|靠谱|靠不靠谱|没错吧|对不对|是不是这样|瞎说|乱说|忽悠|吹牛|瞎白活|瞎掰/gu;

/** Where a message names who told the asker something: the source before each verb of telling. */
export function reportedSourceSpans(query: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of query.matchAll(TOLD_BY)) {
    const source = m[1]!;
    if (NOBODY.test(source) || A_TEXT.test(source)) continue;
    const from = m.index! + m[0].indexOf(source);
    out.push([from, from + source.length]);
  }
  return out;
}

/** Where a message doubts or checks what it heard (DOUBTS). */
export function doubtSpans(query: string): [number, number][] {
  return [...query.matchAll(DOUBTS)].map((m): [number, number] => [m.index!, m.index! + m[0].length]);
}

/** A verb of telling, with no one named or someone named (听说, 据说, 领导说, 他讲). */
const TELLING = new RegExp(`听说|据说|${TELL_VERB}`, "gu");

/**
 * What the asker heard and now checks: the stretch after the last telling before the first doubt, up to
 * that doubt's clause (「听说浙江示范区…优先推荐…，是真的吗」 → 「浙江示范区…优先推荐…，」); undefined
 * when the message doubts nothing, or what comes before the doubt asks for something itself. A yes or no
 * answers this claim, not the doubting words.
 */
export function checkedClaim(query: string): string | undefined {
  const doubt = doubtSpans(query)[0];
  if (!doubt) return undefined;
  const clauseStart = Math.max(0, ...[...query.slice(0, doubt[0]).matchAll(/[，,。；;！!？?]/gu)].map((m) => m.index! + 1));
  const tellings = [...query.slice(0, clauseStart).matchAll(TELLING)];
  const from = tellings.length > 0 ? tellings.at(-1)!.index! + tellings.at(-1)![0].length : 0;
  const claim = query.slice(from, clauseStart);
  // 「…能拿多少钱，靠谱不？」 asks for an amount and then whether it is worth it: a question is no claim.
  return claim.trim() && !ASKS_FOR_SOMETHING.test(claim) ? claim : undefined;
}
