/**
 * Spoken and regional forms read as the written words the two texts use.
 *
 * People type the way they talk (「俺们评砸了咋办」「没通过会咋样」「啥时候」);
 * the texts are written in formal Chinese (「考核不合格的…」). Each entry is a
 * closed, general correspondence of spoken Chinese — a question word, a
 * pronoun, a negation — never a phrase taken from one question; the texts
 * themselves never use the spoken forms, so reading them cannot change what a
 * formally worded question means.
 */

interface SpokenForm {
  spoken: RegExp;
  written: string;
}

/**
 * A failed check said in spoken negation (没通过, 没过关, 不达标). Not after
 * a modal or 是 (「能不能通过」「是不通过吗」 ask, they do not report), and
 * only when the verb ends the clause or a question about it follows —
 * 「不通过中介」 (not via an agency) is another 通过 altogether.
 */
const FAILED_CHECK = /(?<![能会可要是])(没有|没|未|不)(通过|过关|达标)(?=$|[，。？！?!,.；;\s]|怎|咋|会|就|要|被|该|后|时|还|可|能)/g;
/** 「考核不行」「认定都没过」: an assessment that did not pass, said with 不行/没过 after the assessment itself. */
const FAILED_ASSESSMENT = /(考核|认定|评估|评审|评价)(结果)?(都|也|还|又)?(不行|不过|没过|不及格)/g;

/**
 * A question passed on for someone (「老板问申报先干啥」「领导让我问一下…」): who asks is
 * no part of what is asked. Only people who pass questions on, at the start.
 */
const PASSED_ON = /^(我们|我)?(的)?(老板|领导|同事|客户|朋友|经理|主任|上级|老师)(让我|叫我|要我)?(问|想问|想知道|打听)(一下|下)?[：:，,\s]*/u;

/**
 * The asker's own framing of the ask (「想知道…」「麻烦问下…」「请教一下…」): only at a clause's start
 * and before more words of it.
 */
const OWN_FRAMING = /(?<=^|[\s，,。？?！!～~：:])(?:我|就)?(?:想知道一?下?|想了解一下?|想请教一下?|请教一下|想问问?一?下?|麻烦问一?下?|打听一下|求问一?下?)(?=[\u4e00-\u9fff]{2})/gu;

/**
 * A demonstrative pointing back at the noun before it (「有没有现场考察这一环节」「专家评审这一步要不要」):
 * the noun is what is asked about; 这一环节 only repeats it. Only right after a word and before
 * the end of the clause, so 「这一步怎么做」 keeps its own subject.
 */
const POINTING_BACK = /(?<=[\u4e00-\u9fff])[这那](一|个|一个)?(步|环节|步骤|程序|流程|项|块|部分|关)(?=[吗么嘛呢啊吧？?，,。！!]|$|[要需能有算是][不没])/gu;

/**
 * Asking the crowd who knows before the question (「恁们谁知道淄博那个…」「有没有大佬知道…」): who knows is
 * no part of what is asked. Only at the start of a clause and before more words of it.
 */
const WHO_KNOWS = /(?<=^|[\s，,。？?！!])(?:恁们|你们|大家|大伙儿?|各位|诸位|群里|朋友们|兄弟们|老铁们|家人们)?(?:有没有)?(?:谁|哪位|有?人|大佬|大神)(?:知道|晓得|清楚|了解|(?:整|弄|搞)明白了?)(?:一下)?(?=[\u4e00-\u9fff]{2})/gu;

/**
 * A rumour put to the reader (「…对区县也有好处，真的假的？」「…是真是假」): asks whether what was said
 * holds, as 「…，是真的吗？」 does — a claim checked (hearsay.ts). Only at the end of a clause.
 */
const TRUE_OR_NOT = /[，,\s]*(?:是?真的假的|是真是假|真的还是假的)[啊呀哦吖]?(?=[？?！!。]|$)/gu;

/**
 * Chat's Latin-letter abbreviations of stance and politeness (「u1s1」 有一说一, 「yysy」, 「dbq」 对不起,
 * 「bdjw」 不懂就问, 「srds」 虽然但是, 「hhh」, 「emmm」, 「orz」, 「thx」「3q」 thanks, 「pls」): a closed class of the medium, never what is
 * asked. Only as whole Latin stretches, so no word of an English or mixed question is touched.
 */
const CHAT_ABBREVIATIONS = /(?<![A-Za-z0-9])(?:u1s1|yysy|yyds|xswl|dbq|nsdd|tql|srds|awsl|bdjw|kkp|h{3,}|2333*|em{2,}|orz|thx|3q|pls|plz)(?![A-Za-z0-9])/giu;

/**
 * A pointer back to what was said before (「刚才说的服务机构数量」「上面提到的申报书」「你说的那个」): the noun
 * after it is what is asked about; the pointer only says it was mentioned. At a clause's start, before a noun.
 */
const SAID_BEFORE = /(?<=^|[\s，,。？?！!：:])(?:刚才|刚刚|上面|前面|之前|你)(?:所)?(?:说|讲|提到|提|列)(?:了|过)?的(?=[\u4e00-\u9fff]{2})/gu;

const SPOKEN_FORMS: readonly SpokenForm[] = [
  { spoken: PASSED_ON, written: "" },
  { spoken: SAID_BEFORE, written: "" },
  { spoken: CHAT_ABBREVIATIONS, written: "" },
  { spoken: TRUE_OR_NOT, written: "，是真的吗" },
  { spoken: WHO_KNOWS, written: "" },
  // the trade's own short forms, read whole: 知产 is 知识产权; 专代 the attorney before 证书/资格/考试, else the agency work
  { spoken: /知产/g, written: "知识产权" },
  { spoken: /专代(?=证|资格|考试|人员)/g, written: "专利代理师" },
  { spoken: /专代/g, written: "专利代理" },
  // The programme's full name (「浙江省级知识产权服务业集聚示范区」) is what every clause is about; spelled
  // out, its rarer words would rank the few clauses that spell it too (the titles of the forms, 第十条)
  // over the one asked about. Its short name 示范区 says the same; 省级/市级 stay.
  { spoken: /知识产权服务业集聚(发展)?示范区/g, written: "示范区" },
  { spoken: POINTING_BACK, written: "" },
  // what to do now (northeastern 咋整): 怎么办
  { spoken: /咋整|怎么整/g, written: "怎么办" },
  // question words (Sichuan/northern 啥子/啥, 咋; 哪儿, 哪块儿)
  { spoken: /啥子|啥/g, written: "什么" },
  // Sichuan 好多 asks how much before a question mark (「能拿好多嘛？」); elsewhere it is 很多. 莫得: 没有.
  { spoken: /好多(?=(钱|万|家|件|个)?(嘛|喃|哦|嘞|哇)?[？?])/g, written: "多少" },
  { spoken: /莫得/g, written: "没有" },
  // chat's pinyin initials of the government (「zf最多给多少」)
  { spoken: /(?<![A-Za-z])zf(?![A-Za-z])/giu, written: "政府" },
  { spoken: /咋/g, written: "怎么" },
  // claiming twice, in everyday idiom (「薅两回羊毛」): 重复享受
  { spoken: /薅(两|几|好几)?(回|次|遍)?羊毛/g, written: "重复享受" },
  // putting up money, in speech (「自己要掏钱配套不」「区里出钱出人」): 出资金, as the texts say 配套资金
  { spoken: /自?掏(钱|腰包)|出钱/g, written: "出资金" },
  // money itself, in an idiom (「有没有真金白银」「给不给真金白银的支持」): 资金, as the texts say 配套资金
  { spoken: /真金白银/g, written: "资金" },
  // 「一分钱都捞不着」: not a cent, i.e. no money at all
  { spoken: /一分钱/g, written: "钱" },
  // 「能沾上边不」「沾不上边」: whether one qualifies at all
  { spoken: /沾不上边/g, written: "不符合" },
  { spoken: /沾得?上边/g, written: "符合" },
  // what one can get out of it (「区县自己能图个啥」) is a gain…
  { spoken: /(能|可以|会)图(个|点)?(啥|什么)/g, written: "能得到什么好处" },
  // …and the rest what for, whose word counts, making one — spoken idioms (「图个啥」「听谁的」「先整个方案」)
  { spoken: /图(个)?(啥|什么)/g, written: "目的是什么" },
  { spoken: /听谁的/g, written: "以什么为准" },
  // taking several at once, in speech (「几项补贴能不能叠着拿」「一起领」): stacking them, 叠加享受
  { spoken: /叠着(拿|领|享受|用)|(一起|同时|一块儿?)(拿|领)/g, written: "叠加享受" },
  // what good something does (「评上优秀有啥用」「挂牌有什么用处」): its benefit
  { spoken: /有什么(用处?|作用)(?![于在])/g, written: "有什么好处" },
  { spoken: /(?<=[先要得去来再想])整(一)?个(?=[\u4e00-\u9fff])/g, written: "做个" },
  // a way of doing, with the spoken pro-verbs 搞/弄/整 (「托管有几种搞法」; the texts never use them): 方式
  { spoken: /(搞|弄|整)法/g, written: "方式" },
  // what work there is, in speech (「平时要忙啥」「干些啥活」): 哪些工作
  { spoken: /忙(些|点)?什么(活儿?|事儿?)?|干(些|点)?(什么|哪些)活儿?/g, written: "有哪些工作" },
  { spoken: /哪块儿|哪儿/g, written: "哪里" },
  { spoken: /地儿/g, written: "地方" },
  // pronouns (northern 俺, 咱; Shanghainese 阿拉, 侬) and Shanghainese 事体 (事情)
  { spoken: /俺们|咱们|咱|阿拉/g, written: "我们" },
  { spoken: /俺/g, written: "我" },
  { spoken: /侬/g, written: "你" },
  { spoken: /事体/g, written: "事情" },
  // Sichuan 一哈 (一下)
  { spoken: /一哈/g, written: "一下" },
  // Sichuan 好大/好久 ask how big/long in a clause that asks (「核心区到底要好大面积才得行哦？」), as 好多 does
  { spoken: /好(大|久|长)(?=[^，,。！!]{0,10}[？?])/g, written: "多$1" },
  // northern 俩 (two of them: 「整来俩服务点儿」「就这俩够不够」), 这疙瘩/那疙瘩 (here, there), 搁 before a place (在)
  { spoken: /俩(?![人])/g, written: "两个" },
  { spoken: /(这|那)疙瘩/g, written: "$1里" },
  { spoken: /(?<=^|[我们你他园区所]|[，,\s])搁(?=[\u4e00-\u9fff]{2})/g, written: "在" },
  // Wu (Shanghainese) negation: 勿 (不), 拎勿清 (弄不清), 伐要 (不要). A closing 伐 (吗) is left as typed: read as
  // 吗 it made 「…一层楼够伐」 an ask of its own, whose nouns the texts never use.
  { spoken: /拎勿清|拎不清/g, written: "弄不清" },
  { spoken: /勿/g, written: "不" },
  { spoken: /伐(?=要)/g, written: "不" },
  // Cantonese grammar words, a closed class (「嗰个示范区要几多间机构先得㗎」「系唔系」「冇」): demonstratives,
  // question words, pronouns, negation, particles. 间 is Cantonese's classifier for an organisation.
  { spoken: /嗰/g, written: "那" },
  { spoken: /几多/g, written: "多少" },
  { spoken: /(?<=多少|几)间/g, written: "家" },
  { spoken: /乜嘢|咩嘢|乜/g, written: "什么" },
  // 咩 before a noun asks what (「有咩着数」); closing a clause it asks yes or no. 着数: what one gains, 好处.
  { spoken: /咩(?=[\u4e00-\u9fff])/g, written: "什么" },
  { spoken: /咩(?=[？?。！!，,\s]|$)/g, written: "吗" },
  { spoken: /着数/g, written: "好处" },
  { spoken: /点样/g, written: "怎样" },
  { spoken: /点解/g, written: "为什么" },
  { spoken: /边个/g, written: "谁" },
  { spoken: /边度/g, written: "哪里" },
  { spoken: /我哋/g, written: "我们" },
  { spoken: /你哋/g, written: "你们" },
  { spoken: /佢哋/g, written: "他们" },
  { spoken: /佢/g, written: "他" },
  { spoken: /系唔系/g, written: "是不是" },
  { spoken: /唔系/g, written: "不是" },
  { spoken: /唔该/g, written: "" },
  { spoken: /唔/g, written: "不" },
  { spoken: /冇/g, written: "没有" },
  { spoken: /嘅/g, written: "的" },
  { spoken: /咗/g, written: "了" },
  { spoken: /畀|俾/g, written: "给" },
  { spoken: /攞/g, written: "拿" },
  { spoken: /搵/g, written: "找" },
  { spoken: /睇/g, written: "看" },
  { spoken: /啲/g, written: "些" },
  { spoken: /㗎|喎|啩/g, written: "" },
  // the asker's own framing before the ask (「想知道…」「麻烦问下…」「请教一下…」): no part of what is asked
  { spoken: OWN_FRAMING, written: "" },
  // a chance of qualifying, in speech (「俺们这经开区有戏没」「有没有戏」): whether it can
  { spoken: /有没有戏|有戏(没有?|吗|不)?/g, written: "可以吗" },
  // who decides, in speech (「省局还是市局说了算」): the texts' word is 确定
  { spoken: /说了算/g, written: "确定" },
  // according to, in speech (「照着哪个文件定的」): 根据
  { spoken: /照着/g, written: "根据" },
  // help given, said in speech (帮一把, 帮个忙, 搭把手, 出把力): the texts' word is 支持
  { spoken: /帮(一|个)?把|帮(个|帮)?忙|搭把手|拉一把|出(把)?力/g, written: "支持" },
  // getting something, said in speech (捞着, 捞到, 落着; not 落到实处): 得到
  { spoken: /捞(着|到)|落着/g, written: "得到" },
  // money to be had (有钱拿, 没钱领): jieba reads 有钱 as "rich"; the texts' word for money given is 支持
  { spoken: /([有没])钱(拿|领|给|发|补)/g, written: "$1支持" },
  // negation (internet/southern 木有)
  { spoken: /木有/g, written: "没有" },
  // an assessment that went wrong (评砸了, 考砸, 搞砸了) is one that was failed
  { spoken: /(评|考|搞)砸了?/g, written: "不合格" },
  { spoken: FAILED_CHECK, written: "不合格" },
  { spoken: FAILED_ASSESSMENT, written: "$1不合格" },
];

/** The question with its spoken forms in the written words; anything else unchanged. */
export function readSpokenForms(question: string): string {
  let text = question;
  for (const { spoken, written } of SPOKEN_FORMS) text = text.replace(spoken, written);
  return text;
}
