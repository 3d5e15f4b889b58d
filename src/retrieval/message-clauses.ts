/**
 * The roles of a message's clauses: which ask (「淄博一共能支持多少钱？」), which tell the
 * asker's situation (「所里今年有2位同事新考下证书」), which are small talk around the question
 * (「求科普」「先谢谢啦」) and which are the asker's own story told beside an ask that says
 * everything itself. Topic coverage (topic-coverage.ts) weighs a question's words by them.
 */
import { ASKS_HOW_MANY, statesFigure } from "./counting-words.ts";
import { WHAT_ASKS, WHO_ASKS } from "./what-asks.ts";
import { DOMAIN_TERMS } from "./domain-terms.ts";

/**
 * A clause asks when it has a question word (not 几 of 好几, 几乎, 十几, 几十: several, almost), a yes/no particle
 * or form (a closing 么 as 吗, not 那么/这么/多么), or a question mark.
 */
const ASKING = new RegExp(
  `${WHAT_ASKS}|哪|多少|多[久长大高远]|何时|如何|${ASKS_HOW_MANY}|${WHO_ASKS}|怎|咋|吗|嘛|呢|(?<![那这多要什怎])么(?=[？?！!。，,～~\\s]|$)|是否|能否|可否|([\\u4e00-\\u9fff])[不没]\\1|[不没][？?]?$|[？?]$`,
  "u",
);

/**
 * Where the clauses that ask nothing lie, in a question with a clause that
 * asks: 「所里今年有2位同事新考下证书，淄博一共能支持多少钱？」 — the first
 * clause says who asks and in what situation, the second what about.
 */
export function situationSpans(question: string): [number, number][] {
  const clauses = clauseSpans(question);
  const text = ([from, to]: readonly [number, number]): string => question.slice(from, to).trim();
  // The first half of a choice asked over two clauses (「是直接送到市里，还是得先过区县一道？」) asks too.
  // A clause that is only a tag (「…往后不用管了，中不中？」) asks whether the clause before it holds.
  const asking = clauses.filter(
    (c, i) =>
      asks(text(c)) ||
      (i + 1 < clauses.length && OFFERS_ALTERNATIVE.test(text(clauses[i + 1]!)) && ASKING.test(text(clauses[i + 1]!))) ||
      (i + 1 < clauses.length && TAG_QUESTION.test(text(clauses[i + 1]!))),
  );
  return asking.length > 0 ? clauses.filter((c) => !asking.includes(c)) : [];
}

/**
 * A clause that asks: ASKING, unless it closes with the 了 of something that has happened and carries no question
 * mark or particle (「同事们都在掰着指头算能拿几份钱了💰」「不知道忙了多少天了」), or its question word is under 没
 * (NOT_MUCH): a question word there tells, not asks; nor does a rhetorical question (RHETORICAL).
 */
function asks(clause: string): boolean {
  if (RHETORICAL.test(clause)) return false;
  return ASKING.test(clause.replace(NOT_MUCH, "").replace(INDEFINITE_FEW, "")) && !(HAPPENED.test(clause) && !/[？?吗呢嘛么]/u.test(clause));
}
/**
 * 「跟淄博几家企业谈专利托管」「给几个朋友打听过」: 几 with its classifier inside a phrase of a preposition, with the verb
 * still to come after it, is a few — indefinite, never asked (「和哪几家银行合作」 asks: 哪几); so is 几 after
 * 前面/前/头/这/那 before what it counts (「前面几个胜诉案子」「这几家机构」: the earlier or those few).
 */
export const INDEFINITE_FEW = /(?<=(跟|和|与|同|给|帮|替|为)[^，,。？?！!几]{0,4})(?<!哪)几[家个位件笔项次](?=[^，,。？?！!]{0,8}?[\u4e00-\u9fff][^，,。？?！!]*[谈聊说打问做办签合])|(?<=(前面|前头|之前|先前|头|前|这|那|上)的?)几[家个位件笔项次起单](?=[\u4e00-\u9fff])/gu;
/** 「总不能光园区使劲吧」「总不至于让我们自己掏钱吧」: a rhetorical question, which tells what the asker takes for granted. */
export const RHETORICAL = /^(总不能|总不会|总不至于|不至于|总得|总归得)[^，,。？?！!]*(吧|啊|呀)?[？?！!。～~\s]*$/u;
/**
 * 「没推多少」「没几家」「没多久」「才几家」「没啥背景」「没什么经验」: not much, not many, nothing much — a question word
 * under 没 (or 几 after 才/就/只) tells, never asks.
 */
export const NOT_MUCH = /没有?[^，,。？?！!]{0,3}?(多少|几|多久|多长)|(?<!有)没有?(什么|啥)|(才|就|只有?)几/gu;
const HAPPENED = /了[\s\p{Extended_Pictographic}\u200d\ufe0f～~！!。，,…]*$/u;

/**
 * A tag question (「中不中」「对吧」「是不是」「行不行」), a closed class of Chinese: it asks nothing of its own, only
 * whether what was just said holds.
 */
const TAG_QUESTION = /^(那|这样)?(中不中|对不对|是不是|行不行|成不成|好不好|可不可以|对吗|是吗|行吗|对吧|是吧|对不|是不|行不|中不|真的吗|没错吧|靠谱吗|可以吗|能行吗|是这样吗|对伐|是伐)[？?！!。～~\s啊呀呢哈]*$/u;

/** A clause that opens with the other side of a choice (「…，还是先找市里？」). */
const OFFERS_ALTERNATIVE = /^(还是|或者是?|或是)/u;

/**
 * Where a message's clauses lie. Chat writes a space, an ellipsis, a colon, a tilde or an emoji where a comma would
 * be (「今天下大雨 堵了一个钟头 对了问下 …」「在线等挺急的：…」「我整个人都懵了🙃浙江这边…」); an emoji joined to the
 * next (a ZWJ sequence, a variation selector) is one.
 */
function clauseSpans(question: string): [number, number][] {
  const spans: [number, number][] = [];
  let at = 0;
  for (const clause of question.split(/(?<=[，,。；;！!？?…：:～~])|(?<=[\u4e00-\u9fff]\s+)(?=[\u4e00-\u9fff])|(?<=\p{Extended_Pictographic}[\ufe0f]?\s*)(?![\p{Extended_Pictographic}\u200d\ufe0f\s，,。；;！!？?…：:～~]|$)/u)) {
    spans.push([at, at + clause.length]);
    at += clause.length;
  }
  return spans;
}

/**
 * Words that close small talk and turn to the question (「对了」「言归正传」「不说这个了」「说人话：」「说白了」), and thanks,
 * after which a message only signs off (「先谢谢啦 今天降温注意加衣服」). General Chinese discourse
 * markers: only they tell chatter from a situation that carries the topic (「我们公司要交年费 淄博有补贴吗」,
 * whose first clause is what the subsidy would be for).
 */
const TURNS_TO_QUESTION =
  /对了|言归正传|说人话|说白了|直说吧?|简单(点|说|讲)|通俗(点|地?说|地?讲)|一句话(说|讲)?|不说这个了?|不扯了|说正事|说正经的|回到正题|话说回来|闲话少说|扯远了|废话不多说|长话短说|不啰嗦了|(背景|前面的?|别的)[^，,。]{0,4}不(多说|啰嗦|细说)了?|(其实|反正)?我?(就|只|就只)想(知道|问)|我想问的是|我的问题是|问题是这样|你就告诉我|直接告诉我/u;
const SIGNS_OFF = /谢谢|多谢|感谢|先谢|辛苦了/u;

/**
 * A clause that only greets or addresses the reader (「家人们，」「哈喽～」「各位老师好」「侬好」): chat's
 * vocatives and greetings, a closed class, never what is asked.
 */
const ONLY_ADDRESSES = /^(哈喽|嗨|hi|hello|你好|您好|侬好|大家好|各位|诸位|各位(老师|大佬|领导|朋友|同仁)们?好?|家人们|老铁们?|亲们?|宝子们|朋友们|兄弟们|姐妹们|大佬们|老师们?好?|领导们?好?)[～~！!，,。：:\s]*$/iu;

/**
 * An ask about who knows, not about the texts (「有大佬知道吗」「谁整明白了吱一声」「有人懂吗」): chat
 * asks the crowd before asking the question. Only when nothing is named after it: 「有没有人知道号码」 asks for the 号码.
 */
const ASKS_WHO_KNOWS = /(大佬|大神|有人|谁|哪位)[^，,。？?！!\s]{0,3}(知道|懂|晓得|了解|清楚|明白)(一下|的)?[吗么嘛不没啊呀吧呢]*(?:[，,。？?！!～~\s\p{Extended_Pictographic}\u200d\ufe0f]|急|在线等)*$|吱一声/u;

/**
 * The small talk around a question: the clauses that ask nothing (or only who knows), name nothing of
 * the domain and no figure, and are either up to a clause turning to the question (that clause too) or
 * from a thanks on, or only greet or address (ONLY_ADDRESSES), or use no word the texts use at all (「求科普」「在线等挺急的」「俺看得云里雾里的」) —
 * the last only while the rest of the message names something of the domain or uses at least
 * MIN_OWN_WORDS words of the texts of its own (「…：浙江那个申报是直接报省局还是先报市里」), so a
 * situation that carries the topic (「年费减免 淄博有补贴吗」: 补贴 for what) is never dropped.
 * @param usesTextWords whether a clause uses any word the texts use, or is a bare noun phrase (「…打哪个电话 有没有人知道号码」:
 * the thing asked for, whatever the texts say) — createTopicCoverage knows
 * @param ownTextWords the words of the texts a stretch uses, besides the programme and places
 */
export function smallTalkSpans(
  query: string,
  situation: readonly [number, number][] = situationSpans(query),
  usesTextWords: (clause: string) => boolean = () => true,
  ownTextWords: (text: string) => readonly string[] = () => [],
): [number, number][] {
  const clauseOf = ([from, to]: readonly [number, number]): string => query.slice(from, to);
  const asides = [...situation, ...clauseSpans(query).filter((s) => ASKS_WHO_KNOWS.test(clauseOf(s)) && !situation.some((t) => t[0] === s[0]))];
  const turnAt = Math.max(-1, ...asides.filter((s) => TURNS_TO_QUESTION.test(clauseOf(s))).map((s) => s[1]));
  const thanksAt = Math.min(Infinity, ...asides.filter((s) => SIGNS_OFF.test(clauseOf(s))).map((s) => s[0]));
  const plain = asides.filter((s) => !namesDomainOrFigure(clauseOf(s)));
  const marked = plain.filter((s) => s[1] <= turnAt || s[0] >= thanksAt || ASKS_WHO_KNOWS.test(clauseOf(s)) || ONLY_ADDRESSES.test(clauseOf(s).trim()));
  const foreign = plain.filter((s) => !marked.includes(s) && !usesTextWords(clauseOf(s)));
  // 「…我们园区要搞浙江省那个示范区，我被拉去写材料……前面的背景我就不啰嗦了，你就告诉我，…」: the asker sets
  // the story aside, named domain and all, once the rest says what is asked of its own.
  // A figure told before the turn (「园区有18家服务机构 不说这个了 够申报吗」) is the asker's situation and stays.
  const setAside = asides.filter((s) => s[1] <= turnAt && !plain.includes(s) && !statesFigure(clauseOf(s)));
  const rest = withoutSpans(query, [...marked, ...foreign, ...setAside]);
  const restSaysWhat = DOMAIN_TERMS.some((t) => rest.includes(t)) || new Set(ownTextWords(rest)).size >= MIN_OWN_WORDS;
  return restSaysWhat ? [...marked, ...foreign, ...setAside] : marked;
}

/** The text with these stretches taken out. */
export function withoutSpans(text: string, spans: readonly (readonly [number, number])[]): string {
  return [...spans].sort((a, b) => b[0] - a[0]).reduce((t, [from, to]) => t.slice(0, from) + t.slice(to), text);
}

/** A clause with a figure (「我们园区有3家服务机构」) or a term of the domain (「比如植物新品种」) is what an ask is about, never talk around it. */
function namesDomainOrFigure(clause: string): boolean {
  return /\d/.test(clause) || DOMAIN_TERMS.some((t) => clause.includes(t));
}

/** The programme both texts are about; a clause naming it (「淄博示范区的认定结果分几档」) says itself what it asks about. */
export const NAMES_PROGRAMME = /示范区|集聚区|集聚发展/u;
/**
 * An ask for a thing, an amount, a person, a time or a way (分几档, 由谁负责, 要交哪些材料). A yes/no ask
 * (「会影响申报浙江示范区吗」「…考核优秀的，能不能往国家推荐？」) is asked of the situation told with it.
 */
export const ASKS_FOR_SOMETHING = /什么|啥|哪|谁|多少|几|多久|多长|多大|怎|咋|如何|何时/u;
/**
 * A story is several clauses (two when they tell of the asker: 我们, 俺, 咱); one clause (「我们是孵化器，能申报吗」)
 * or a topic put first (「浙江和淄博的示范区，评为不合格且整改仍不合格的，后果有什么不同」) is what is asked about.
 */
const MIN_STORY_CLAUSES = 3;
export const TELLS_OF_ASKER = /我|俺|咱|本人|本单位/u;
/** Whether the clauses told beside an ask are a story (MIN_STORY_CLAUSES). */
export function isStory(told: readonly string[]): boolean {
  return told.length >= MIN_STORY_CLAUSES || (told.length >= MIN_STORY_CLAUSES - 1 && told.some((c) => TELLS_OF_ASKER.test(c)));
}

/** How many words of the texts of its own (besides the programme and places) make an ask specific: 认定+结果, 申报+材料; not 补贴 alone. */
const MIN_OWN_WORDS = 2;

/**
 * The asker's own story told beside an ask that names its own subject (「淄博示范区的认定结果分几档？
 * 我们所在张店，主要做商标，最近还在招实习生，办公室也在重新装修。」). When the clauses that ask
 * ask for something (ASKS_FOR_SOMETHING) or are a yes/no question told before all of the story, name
 * the programme, use at least MIN_OWN_WORDS words of the texts of their own and lean on nothing said
 * before (它, 其, a 这/那 standing alone), they hold everything an answer rests on; the clauses that ask nothing and state no figure (「我们园区有3家服务
 * 机构」 is what 「够不够」 asks about) are then context, whether or not the texts happen to use their
 * words (商标, 办公室; 装修). An ask that leaves its subject to the situation (「我们公司要交年费，
 * 淄博有补贴吗」: 补贴 for what) keeps it.
 * @param ownTextWords the words of the texts a stretch uses, besides the programme and places
 * @param leansBack whether a stretch points back at something said before it
 * @param askedKinds how many kinds of answer (answer-kinds.ts: a period, an amount) a stretch asks for
 */
export function askerContextSpans(
  query: string,
  situation: readonly [number, number][],
  ownTextWords: (text: string) => readonly string[],
  leansBack: (text: string) => boolean,
  askedKinds: (text: string) => number = () => 0,
): [number, number][] {
  if (situation.length === 0) return [];
  const clauses = clauseSpans(query);
  // A who-knows aside (「家人们谁懂啊」) asks the crowd, not for something.
  const asks = withoutSpans(query, [...situation, ...clauses.filter(([from, to]) => ASKS_WHO_KNOWS.test(query.slice(from, to)))]);
  // A yes/no ask takes a situation told before it as its subject (「…需求不高，会影响申报吗」); one told
  // after a whole yes/no question (「是每年认定一次吗？我刚跳槽到一家代理所…」) is only more news.
  const lastAsk = Math.max(...clauses.filter(([from]) => !situation.some((s) => s[0] === from)).map(([from]) => from));
  const askedFirst = situation.every(([from]) => from > lastAsk);
  // Beside a long story (MIN_STORY_CLAUSES), the programme may be named in the story (「…老板说今年要冲省级…
  // 示范区…区里的服务机构得凑够多少家、核心区要多大」), which then only frames an ask that names the rest itself,
  // and a kind of answer the ask wants (askedKinds: 「隔多久考一回」 asks a period) names what is wanted as a
  // word of the texts does. One clause told (「淄博示范区机构代理涉外专利案件胜诉，单件…补助最高多少」) is the subject.
  const long = isStory(situation.map(([from, to]) => query.slice(from, to)));
  const ownWords = new Set(ownTextWords(asks)).size + (long ? Math.min(1, askedKinds(asks)) : 0);
  const specific =
    (ASKS_FOR_SOMETHING.test(asks) || askedFirst) &&
    (NAMES_PROGRAMME.test(asks) || (long && NAMES_PROGRAMME.test(query) && ownWords >= MIN_OWN_WORDS + 1)) &&
    ownWords >= MIN_OWN_WORDS &&
    !leansBack(asks);
  return specific ? situation.filter((s) => !statesFigure(query.slice(s[0], s[1]))) : [];
}
