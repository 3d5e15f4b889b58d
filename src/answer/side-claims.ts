/**
 * A comparison that puts up what the asker believes of each side, to be confirmed: 「浙江要20家、淄博只要2家，
 * 对吧？」「是浙江两年考一次、淄博一年认定一次吗」「淄博有试用期，浙江没有，对吧」. Each side is asked of its own
 * claim only (compare-sides.ts asks them), read off grammar: the places' names, the commas between the claims and
 * the words that put a statement up for confirmation.
 */
import { JURISDICTIONS, jurisdictionNames } from "../knowledge/jurisdictions.ts";
import { measuresIn } from "../retrieval/answer-kinds.ts";
import { ASK_WORD } from "./ask-word.ts";
import type { SideQuestion } from "./side-question.types.ts";

/** How a statement is put up to be confirmed at its end: 「…，对吗？」「…吧」. */
const CONFIRM_CLOSE = /[，,\s]*(对吗|对吧|对不对|对么|是吗|是吧|是不是|没错吧|没错吗|吗|吧|么)?[？?。！!\s]*$/u;
/** …or at its start, right before the first side's name: 「是不是浙江…，淄博…？」「是浙江两年、淄博一年吗」. */
const CONFIRM_OPEN = /(是不是|是否|是|就是)\s*$/u;
/** Between one side's claim and the next side's name: a comma or a 、 (「浙江两年、淄博一年」). */
const CLAIM_BREAK = /[，,、；;]\s*$/u;
/** The verb a claim opens with (有, 没有, 要, 不是 …), with its adverb. */
const CLAIM_VERB = /^(也|都|就|却|倒|只|才)?(没有|有|没|不是|是|不要|要|不需要|需要|不用|用)/u;
/** A claim that is that verb alone (「淄博没有」「浙江也要」): the object is the claim's before it. */
const BARE_CLAIM = new RegExp(`${CLAIM_VERB.source}$`, "u");
/** Words pointing back at what another side was said to have (这个要求, 同样, 类似). */
const POINTS_BACK = /这[个种样项条些]|此|同样|类似/u;
/** What only leads a side's claim in (「淄博那边是…」「浙江呢，…」). */
const CLAIM_LEAD = /^(的|那边|这边|那里|这里|呢)?[，,\s]*(是|就是)?/u;

/**
 * 「是浙江两年考一次、淄博一年认定一次吗」「浙江要20家，淄博只要2家，对吧？」: each side named once with a
 * claim of its own, the whole put up to be confirmed. Each side is asked whether its own claim holds, as a
 * claim checked (「浙江要20家，对不对？」: 没错/不对, yes-no-ask.ts), never the other side's. A clause before the
 * first side that states no figure (「关于考核，」) says what the claims are about and leads each.
 * Undefined for any other shape (「浙江和淄博分别…」, a claim that asks for something: 「浙江要几家、淄博要几家」).
 */
export function sideClaims(question: string): SideQuestion[] | undefined {
  const close = CONFIRM_CLOSE.exec(question)!;
  const body = question.slice(0, close.index);
  const names = JURISDICTIONS.flatMap((j) => {
    const n = jurisdictionNames(j);
    return n.aliases.filter((a) => a !== n.level).map((alias) => ({ j, alias }));
  }).sort((a, b) => b.alias.length - a.alias.length);
  const pattern = new RegExp(names.map((n) => n.alias).join("|"), "gu");
  const found = [...body.matchAll(pattern)].map((m) => ({ at: m.index!, end: m.index! + m[0].length, j: names.find((n) => n.alias === m[0])!.j, alias: m[0] }));
  if (found.length < 2 || new Set(found.map((f) => f.j)).size !== found.length) return undefined;
  const before = body.slice(0, found[0]!.at);
  // A bare 吗 (「淄博要求…，浙江的办法里有这个要求吗」) asks of the last side; only 「是…吗」 puts both up.
  if ((!close[1] || /^(吗|么)$/u.test(close[1])) && !CONFIRM_OPEN.test(before)) return undefined;
  const context = before.replace(CONFIRM_OPEN, "");
  // A lead stating figures of its own (「一边两年考一次、一边每年认定一次」) would be checked with each claim.
  const lead = CLAIM_BREAK.test(context) && context.replace(/[\p{P}\s]/gu, "").length >= 2 && measuresIn(context).length === 0 ? context.replace(CLAIM_BREAK, "，") : "";
  const sides: (SideQuestion & { claim: string })[] = [];
  for (const [i, f] of found.entries()) {
    let claim = body.slice(f.end, found[i + 1]?.at ?? body.length);
    if (i + 1 < found.length) {
      if (!CLAIM_BREAK.test(claim)) return undefined;
      claim = claim.replace(CLAIM_BREAK, "");
    }
    claim = claim.replace(CLAIM_LEAD, "");
    // 「浙江有试用期，淄博没有」: a bare verb says its own polarity of the claim before it (没有试用期).
    const bare = BARE_CLAIM.exec(claim);
    const earlier = sides.at(-1)?.claim.replace(CLAIM_VERB, "");
    if (bare && earlier) claim = `${claim}${earlier}`;
    // A claim says something of its own (two characters at least) and asks nothing (「要几家」).
    // Nor does it point back at another's (「也有这个要求」「同样的规定」): that side is asked of, the other told.
    if (claim.replace(/[\p{P}\s]/gu, "").length < 2 || ASK_WORD.test(claim) || POINTS_BACK.test(claim)) return undefined;
    sides.push({ jurisdiction: f.j, claim, text: `${lead}${f.alias}${claim}，对不对？` });
  }
  return sides.map(({ jurisdiction, text }) => ({ jurisdiction, text }));
}
