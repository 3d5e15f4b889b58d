/**
 * Domain vocabulary for segmentation and matching.
 *
 * `DOMAIN_TERMS` go into jieba's dictionary so that policy terms stay whole
 * (示范区, 质押融资, 专利代理师 …); the tokenizer still adds their dictionary
 * sub-words, so a question that says only 质押 finds 质押融资.
 *
 * `SYNONYMS` map everyday words to the words the two texts use (people say
 * 补贴/补多少钱, the texts say 支持/补助/万元). They are vocabulary of the
 * domain, not answers to particular questions.
 */
import { ASKS_HOW_MANY } from "./counting-words.ts";

export const DOMAIN_TERMS: readonly string[] = [
  // the subject
  "示范区", "集聚区", "集聚发展", "知识产权服务业", "知识产权服务机构", "知识产权服务", "服务机构", "服务点",
  "依托单位", "创建单位", "建设单位", "申报单位", "申请单位", "建设主体", "核心区", "核心区面积",
  // carriers and areas (zj2018 第五条、第六条; zb2020 第三条)
  "科创服务中心", "科技企业孵化器", "孵化器", "众创空间", "科技大市场", "大学科技园", "技术转移服务机构",
  "创新创业载体", "高新园区", "科技城", "特色小镇", "高新技术特色小镇", "创新创业园区", "开发区", "经济开发区", "技术开发区",
  // services
  "专利代理", "专利代理资质", "专利代理师", "代理师", "专利代理师证书", "专利托管", "知识产权托管", "托管方式", "托管工程",
  "完全式", "顾问式", "单项式", "服务券", "知识产权服务券", "质押融资", "专利质押融资", "质押贷款", "专利质押贷款",
  "政银保", "专利权保险", "知识产权证券化", "证券化", "地理标志", "植物新品种", "专利检索", "检索分析", "导航预警",
  "评议评估", "转移转化", "维权援助", "维权代理费", "维权诉讼", "涉外", "胜诉", "发明专利", "非正常申请", "恶意非正常申请",
  "专利清零", "专利倍增", "对标找差", "高价值专利", "示范品牌", "重点资质", "商用化", "商用评估",
  // bodies and documents
  "省知识产权局", "设区市", "设区市知识产权局", "区县", "市知识产权事业发展中心", "知识产权事业发展中心",
  "知识产权管理部门", "知识产权主管部门", "申报书", "承诺书", "真实性承诺书", "建设方案", "工作方案", "推荐意见",
  "申报材料", "申报程序", "附件材料", "管理办法", "上级文件", "上位文件",
  // process and outcomes
  "择优遴选", "专家评估", "现场考察", "考核评价", "摘牌", "挂牌", "取消资格", "取消称号", "限期整改", "加分奖励",
  "试用期", "管理机制", "发展规划", "扶持政策", "配套资金", "公共服务平台", "知识产权管理制度", "人才培养",
];

/**
 * Everyday word → words the texts use. Matching a synonym counts a little less
 * than the word itself (see `SYNONYM_WEIGHT` in the BM25 query).
 */
export const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  补贴: ["支持", "补助"],
  补助: ["支持", "补贴"],
  资助: ["支持", "补助"],
  奖励: ["支持", "补助", "奖励"],
  奖补: ["支持", "补助"],
  扶持: ["支持", "扶持政策"],
  补: ["支持", "补助"],
  钱: ["万元", "支持"],
  奖金: ["万元", "支持"],
  金额: ["万元"],
  多少钱: ["万元", "支持"],
  代理机构: ["服务机构", "专利代理"],
  // the application form, in everyday words (the texts: 申报书)
  申请表: ["申报书"],
  申报表: ["申报书"],
  申请书: ["申报书"],
  // paperwork in general (「要准备哪份文书」): the texts' forms and materials
  文书: ["申报书", "材料"],
  // who applies, in everyday words: Zhejiang's 依托单位, Zibo's 建设单位/创建单位
  申报单位: ["依托单位", "建设单位", "创建单位"],
  申请单位: ["依托单位", "建设单位", "创建单位"],
  申报主体: ["依托单位", "建设单位", "创建单位"],
  中介: ["服务机构"],
  公司: ["企业", "机构"],
  厂家: ["企业"],
  律所: ["服务机构", "法律"],
  代理人: ["专利代理师"],
  代理师: ["专利代理师"],
  资格证: ["证书", "资格"],
  资格证书: ["证书", "专利代理师证书"],
  执业证: ["证书", "专利代理师证书"],
  证: ["证书"],
  官司: ["案件", "胜诉", "诉讼"],
  打官司: ["案件", "胜诉", "诉讼"],
  赢: ["胜诉"],
  打赢: ["胜诉"],
  贷款: ["质押贷款"],
  保险: ["专利权保险"],
  证券: ["证券化"],
  园区: ["高新园区", "创新创业园区", "示范区"],
  // changing a plan's contents or targets (the texts: 调整)
  改: ["调整"],
  修改: ["调整"],
  更改: ["调整"],
  变更: ["调整"],
  改动: ["调整"],
  // while a plan is carried out (the texts: 实施过程中)
  中途: ["过程"],
  半途: ["过程"],
  // a document's number (淄政办字〔2018〕132号)
  文号: ["#docno"],
  发文字号: ["#docno"],
  文件号: ["#docno"],
  // a second chance after failing a review (「有没有缓冲的余地」「一点回旋余地都没有」「还能补救吗」): the texts' 限期整改
  余地: ["整改"],
  回旋余地: ["整改"],
  缓冲: ["整改"],
  补救: ["整改"],
  挽回: ["整改"],
  // how many zones are approved (the texts: 严格把握数量, 成熟一家，审定一家)
  名额: ["数量"],
  // undercutting prices, in everyday words (the texts: 恶性低价竞争)
  价格战: ["低价竞争"],
  压价: ["低价竞争"],
  杀价: ["低价竞争"],
  // rules of conduct for a trade (the texts: 行业自律, 规范化管理)
  规矩: ["自律", "规范"],
  行规: ["自律", "规范"],
  // the opening provisions of a document (the texts: 总则)
  开头: ["总则"],
  开篇: ["总则"],
  // the area around a zone (the texts: 辐射带动周边发展)
  周边地区: ["周边"],
  // being in charge, in everyday words (「省局管哪些事」「归谁管」; the texts: 负责, 管理)
  管: ["负责", "管理"],
  // what a chain or a scope takes in (the texts: 涵盖)
  包含: ["涵盖"],
  // order in a market (the texts: 规范…市场, 健康的服务市场环境)
  秩序: ["规范", "环境"],
  // a zone's title, a cluster, deciding, not agreeing — in everyday words
  名头: ["称号"],
  名号: ["称号"],
  扎堆: ["集聚"],
  拍板: ["确定", "审定"],
  // approving a zone: Zhejiang 审定一家, Zibo 确定市级示范区建设单位
  审定: ["确定"],
  // who owns a carrier, in everyday words (the texts: 国有或民营的…创新创业载体)
  国企: ["国有"],
  国有企业: ["国有"],
  民企: ["民营"],
  私企: ["民营"],
  民营企业: ["民营"],
  // choosing the zones, in everyday words (the texts: 择优遴选)
  挑: ["择优遴选", "遴选"],
  挑选: ["择优遴选", "遴选"],
  筛选: ["择优遴选", "遴选"],
  选拔: ["择优遴选", "遴选"],
  对不上: ["冲突"],
  // abroad, in everyday words (the texts: 海外, 国际)
  国外: ["海外", "国际"],
  境外: ["海外", "国际"],
  外国: ["海外", "国际"],
  // an agency moving into a zone (the texts: 进驻, 落户)
  入驻: ["进驻", "落户"],
  迁入: ["进驻", "落户"],
  搬进: ["进驻", "落户"],
  搬入: ["进驻", "落户"],
  场地: ["核心区面积", "面积"],
  面积: ["核心区面积"],
  平米: ["平方米"],
  规模: ["规模", "家"],
  要求: ["条件"],
  资格: ["条件", "资质"],
  门槛: ["条件"],
  满足: ["具备", "条件"],
  符合: ["具备", "条件", "符合条件"],
  标准: ["条件"],
  生效: ["实施"],
  施行: ["实施"],
  实行: ["实施"],
  开始: ["实施", "起"],
  有效期: ["试用期"],
  到期: ["试用期", "一年"],
  期满: ["试用期", "一年"],
  截止: ["试用期"],
  失效: ["试用期"],
  // Purpose and basis questions are answered by the general provisions (总则,
  // 第一、二条; the Zibo preamble): 「为促进…」「根据…制订本办法」 (`#purpose`, `#basis`).
  目的: ["总则", "促进", "#purpose"],
  意义: ["总则", "促进", "#purpose"],
  初衷: ["总则", "促进", "#purpose"],
  目标: ["#purpose"],
  效果: ["#purpose"],
  作用: ["#purpose"],
  宗旨: ["#purpose"],
  背景: ["#basis", "根据"],
  由来: ["#basis", "根据"],
  出处: ["#basis", "根据"],
  试行期: ["试用期"],
  试行: ["试用期", "试行"],
  期限: ["试用期"],
  过期: ["试用期"],
  // Zibo calls its yearly assessment 认定 where Zhejiang says 考核.
  考核: ["认定"],
  评估: ["考核", "评估"],
  评比: ["考核", "认定"],
  检查: ["考核"],
  考评: ["考核", "认定"],
  评定: ["认定", "考核"],
  复核: ["认定", "考核"],
  撤销: ["取消", "摘牌"],
  撤牌: ["摘牌"],
  降级: ["不合格"],
  // passing or failing a check, said in everyday words (过关, 达标; 不过关, 砸)
  过关: ["合格"],
  达标: ["合格"],
  不过关: ["不合格", "合格"],
  砸: ["不合格", "合格"],
  材料: ["申报材料"],
  // handing something up to a higher body (「得往上交啥材料」): the texts' 提交, 报送, 申报
  上交: ["提交", "报送", "申报"],
  // the materials are what an application is handed in as (Zibo 第七条: 填写申报书, 提出申报申请)
  申报材料: ["申报书", "申报申请"],
  资料: ["申报材料", "材料"],
  流程: ["程序", "申报程序"],
  步骤: ["程序"],
  // the trade's word for putting the enterprise IP management standard into practice (贯彻《企业知识产权管理规范》)
  贯标: ["贯彻", "管理规范"],
  // a step of a procedure named by its place in it (「第一步先干啥」「下一步呢」)
  第一步: ["程序"],
  头一步: ["程序"],
  下一步: ["程序"],
  手续: ["程序", "申报程序"],
  怎么申请: ["申报程序"],
  申请: ["申报"],
  审批: ["审核", "审批", "审查", "审定"],
  主管: ["负责", "主管部门"],
  // keeping what one has (「还能保住资格不」「保住牌子」): the texts' 保留
  保住: ["保留"],
  实惠: ["支持", "优先推荐"],
  甜头: ["支持", "优先推荐"],
  优惠: ["优惠政策", "支持"],
  依据: ["根据", "#basis"],
  // the documents a policy rests on (「依据哪些上级文件」)
  上级文件: ["根据", "#basis"],
  上位文件: ["根据", "#basis"],
  上位: ["根据", "#basis"],
  有权: ["负责"],
  领钱: ["支持", "万元"],
  拿钱: ["支持", "万元"],
  给钱: ["支持", "万元"],
  发钱: ["支持", "万元"],
  授权量: ["授权数量"],
  省局: ["省知识产权局"],
  市局: ["市知识产权事业发展中心", "设区市知识产权局"],
  国家级: ["国家"],
  集聚区: ["集聚发展区", "集聚发展"],
  获评: ["评为"],
  评审: ["评估", "审核", "审查"],
  有效: ["实施", "试用期"],
  管用: ["实施", "试用期"],
  好使: ["实施", "试用期"],
  // a region, as either text words it (浙江 地区, 淄博 区域)
  区域: ["地区", "区域"],
  // what a text favours (「选址偏向哪些区域」): the texts say 优先考虑
  偏向: ["优先"],
  倾向: ["优先"],
  侧重: ["优先", "重点"],
  执行: ["实施"],
  适用: ["实施"],
  区里: ["区内", "区县"],
  县里: ["区县", "县"],
  解释权: ["解释"],
  托管费: ["托管"],
  代管: ["托管"],
  品牌: ["示范品牌"],
  人才: ["人才", "人才培养"],
  培训: ["培训", "人才培养"],
  地区: ["区域", "地区"],
  选址: ["区域", "布局"],
  频率: ["每年度", "每两年", "#period"],
  周期: ["每年度", "每两年", "#period"],
  多久: ["每年度", "每两年", "#period"],
  多长时间: ["每年度", "每两年", "一年", "#period"],
  几年: ["每两年", "一年", "#period"],
  每年: ["每年度", "年度"],
  一年: ["每年度", "年度", "一年"],
  当年: ["当年度", "年度"],
  今年: ["当年度", "年度"],
  重复: ["重复支持", "只享受一次"],
  同时: ["重复支持", "只享受一次"],
  叠加: ["重复支持", "只享受一次"],
  冲突: ["冲突", "为准"],
  地方: ["地区", "区域"],
  建: ["建设"],
  建在: ["建设", "布局"],
  批: ["审定", "批复", "确定"],
  批准: ["审定", "确定", "审查确认"],
  文件: ["意见", "通知", "办法"],
  制定: ["制订", "制定"],
  覆盖: ["保障", "涵盖"],
  // how many pieces (件数门槛): the texts count grants as 数量 in 件
  件数: ["数量", "件"],
  涵盖: ["保障", "涵盖"],
  类型: ["各类", "类"],
  种类: ["各类", "类"],
};

/**
 * Ways to reach an office (电话, 地址, 邮箱 …). Neither text gives any, so asked for (「咨询电话是多少」) such a
 * word is what the texts lack however everyday it is (电话 is commoner than FOCUS_NOUN_MIN_IDF allows).
 */
export const CONTACT_DETAILS: ReadonlySet<string> = new Set(["电话", "号码", "手机", "手机号", "地址", "网址", "邮箱", "传真", "微信", "官网", "联系方式"]);

/** Function words and question words; they carry no topic. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  "的", "了", "是", "有", "在", "和", "与", "及", "或", "对", "把", "被", "给", "从", "向", "为", "以", "于", "到", "由",
  "吗", "呢", "吧", "啊", "呀", "嘛", "么", "哦", "哈", "嘞", "噻", "咧", "哟", "呗", "啦", "嗯", "请问", "请", "想", "想要", "想问", "问", "问下", "问一下", "问问", "一下",
  "我", "我们", "你", "你们", "您", "他", "她", "它", "他们", "咱们", "自己", "这", "那", "这个", "那个", "这些", "那些",
  "什么", "怎么", "怎样", "怎么样", "如何", "多少", "哪些", "哪个", "哪家", "哪几", "哪几种", "哪几个", "几", "几个", "几种",
  "哪", "谁", "啥", "吗？", "是否", "能否", "可否", "是不是", "有没有", "能不能", "可不可以", "会不会", "要不要",
  "能", "能够", "可以", "会", "要", "需要", "应该", "应当", "得", "必须", "就", "都", "也", "还", "又", "再", "才", "只",
  "很", "最", "更", "才能", "比较", "一些", "一个", "一", "个", "些", "等", "等等", "之", "其", "其中", "所", "所有",
  "上", "下", "里", "中", "内", "后", "前", "时", "时候", "现在", "目前", "如果", "要是", "假如", "倘若", "万一", "那么", "那", "然后", "所以", "因为",
  "但是", "而且", "并且", "或者", "还是", "以及", "关于", "对于", "方面", "情况", "具体", "一般", "主要", "呢？",
  "获得", "取得", "获取", "领取", "得到", "拿", "拿到", "能拿", "给予", "提供", "进行", "开展", "做", "做到", "搞", "办", "弄",
  "够", "行", "可", "很多", "许多", "多少家", "吗?", "好", "这边", "那边", "这里", "那里", "里面", "一共", "总共", "到底", "究竟", "大概",
  // wondering or recalling, which only introduces the ask (「俺就寻思这玩意儿得有多少家」「我就纳闷了」「我印象里」)
  "寻思", "琢磨", "纳闷", "好奇", "觉得", "记得", "印象",
  // both documents at once (「两份政策…有什么不同」): which ones, not what about
  "两份", "两地", "两边", "两者", "二者", "两个地方",
  // nouns that only frame a question (「是什么意思」「叫什么名字」「做到什么程度」)
  "的话", "意思", "名字", "名称", "全称", "简称", "程度", "事", "事情", "东西", "时会", "玩意", "玩意儿",
  // who and when only frame the ask (「我们所有人都能拿吗」「以后还有吗」「额外有啥」)
  "所有人", "大家", "每个人", "以后", "之后", "以前", "之前", "额外", "下来", "最后", "最终",
  // a clause of the text pointed at (「机构数量这条够不够」「这一条」「有没有规定试用期」「这两项对应多少」): which clause, not what about
  "条", "这条", "那条", "这一条", "那一条", "规定", "条款", "条文", "说法", "对应",
  // whether a text states something (「哪个文件点名了植物新品种」「有没有写明」「提到…了吗」): the ask, not its topic
  "提到", "提及", "写到", "写明", "写进", "写了", "点名", "点到", "列出", "列明", "载明", "讲到", "说到", "涉及",
  // whether two sides agree (「一样吗」「有区别吗」「有什么不同」): the ask, not its topic
  "一样", "不一样", "相同", "不同", "一致", "区别", "差别", "差异", "异同", "差距",
  // bare negations: 「不合格」「没有通过」 carry their topic in the word they negate
  "不", "没", "没有",
  // 「…往省局一交就完事了」「…就得了」: that is all there is to it — how the asker closes a guess, not a topic
  "完事", "完事儿", "得了",
  // how directly (「直接交省局」「是直接发钱还是发券」): whether a step comes first is read by the yes/no answer, never a topic
  "直接",
]);

/**
 * Everyday verbs that carry no topic (「交给谁」「看哪些」「去创建」):
 * they weigh like adverbs in topic coverage, not like content verbs (注册, 登记).
 * Only verbs the texts do use need to be here: a common verb the texts never
 * use (填好, 办完, 准备) already weighs like an adverb (topic-coverage.ts).
 */
export const LIGHT_VERBS: ReadonlySet<string> = new Set([
  "看", "去", "来", "叫", "找", "帮", "当", "算", "领", "交", "交给", "填", "做成", "办成", "达到", "实现", "遇到",
  "还有", "听", "跟", "管", "归", "负", "成为", "选", "分", "讲", "说", "问", "用", "干",
]);

/**
 * Words that only say which policy is meant. They choose the document (see
 * src/answer/detect-jurisdiction.ts) and are not topic words.
 */
export const JURISDICTION_WORDS: ReadonlySet<string> = new Set([
  "浙江", "浙江省", "省级", "省里", "全省", "我省", "省内", "省", "淄博", "淄博市", "市级", "市里", "本市", "我市", "市",
]);

/**
 * What kind of clause answers a question, independent of its topic. A
 * question asking 「依据是什么」 is answered by a clause of the form
 * 「根据…制订本办法」, one asking 「几家」 by a count threshold 「20家以上」.
 * Both sides are mapped onto synthetic index terms (`#basis`, `#qty:家` …):
 * `QUESTION_KINDS` reads them off a question, `CLAUSE_KINDS` off a piece of
 * the texts, and keyword search and topic coverage treat them like words.
 * They describe the form of an answer, never the answer to one question.
 */
export interface KindCue {
  term: string;
  pattern: RegExp;
}

/**
 * What follows from an outcome is asked (「不合格会怎样」「没通过怎么办」), or whether a zone keeps or
 * loses its title (「还能保住资格不」: 资格 held, not the conditions to earn it); see QUESTION_KINDS.
 */
export const CONSEQUENCE_ASK = /(保留|保住|留住|取消|撤销|失去|丢掉?|丧失)[^，,。？?]{0,4}(资格|称号|牌子)|(会|将|要)(怎样|怎么样|咋样|咋着|如何)|(?<!(想|打算|准备|计划)[^，。？?]{0,10})怎么办|后果|怎么处理|如何处理|会不会[^，,。？?]{0,3}被|就(没|完(?!事)|取消|撤|摘)/;

/**
 * Whether a title, once won, is kept for good is asked (「评上是不是就一劳永逸了」「牌子一直挂着了？」「往后就没人管了」):
 * the texts answer it with their periodic review and the title's withdrawal (`#lasting` clauses). Whether the
 * policy itself still applies (「这个办法一直有效吗」) is `#validity`; 一直有效 is the title's only after 评上/挂牌.
 */
export const LASTING_ASK =
  /一劳永逸|一评定?终身|终身制|(管|挂|保留|有效|享受)一辈子|(一直|永远|永久|终身|长期|始终|从此)[^，,。？?]{0,3}(挂|保留|享有|拥有|留着|是示范区|算示范区)|(以后|往后|后面|之后|评上|拿到)[^，,。？?]{0,5}(没人|没有人|无人|不用|不再|不需要|用不着)[^，,。？?]{0,2}(管|查|考核|检查|过问|监管)|(不用|不再|无需|不需要|用不着)再?(考核|认定|复核|复查|年检)|(评上|拿到|获得|授牌|挂牌|挂上)[^，,。？?]{0,5}(一直|永远|永久|终身|长期)有效/u;
/** How often a zone's title is reviewed (「每两年考核一次」「每年度认定一次」). */
export const PERIODIC_REVIEW = /每[^。，；]{0,4}年度?[^。，；]{0,6}(考核|认定)一次/u;
/** When a title is withdrawn (「整改仍不合格的，取消称号并予以摘牌」). */
export const TITLE_WITHDRAWN = /取消(称号|资格)|摘牌/u;
/** A periodic review or the withdrawal of a title: what `#lasting` asks for. */
export const TITLE_REVIEWED = new RegExp(`${PERIODIC_REVIEW.source}|${TITLE_WITHDRAWN.source}`, "u");

/**
 * How many zones are approved at a time is asked (「一年批几家」「有没有名额限制」「统一批还是攒够了一起批」): the texts
 * answer how zones are chosen (「成熟一家，审定一家」「择优遴选」), not a count, so the ask is no `#qty:家`.
 */
export const QUOTA_ASK =
  /名额|配额|限额|指标数|(一年|每年|每批|一批|每次|一次)[^，,。？?]{0,3}(批|评|认定|审定|选)[^，,。？?]{0,2}(几|多少)(家|个)|(统一|集中|一起|分批|成批)[^，,。？?]{0,2}(批|评|认定|审定)|批次/u;
/** How zones are chosen (「成熟一家，审定一家」「择优遴选」): what `#quota` asks for. */
export const ZONES_CHOSEN = /成熟一[家个]|把握数量|择优遴选/u;

/** A wait asked: a duration before a verb of outcome, or after one (see `#wait`). */
// 前几天/这几个月 (a few days ago, these months) tell when, not how long.
const WAIT_TIME = "(多久|多长时间|(?<![前近这那上好])几个月|(?<![前近这那上好])几天|多少天|几个工作日|多少个工作日)";
// 「批下来以后多久考核一次」 asks how often after the outcome, a period: a duration before 一次 is no wait.
export const WAIT_ASK = new RegExp(
  `${WAIT_TIME}[^，,。？?！!一]{0,2}(能|才|就|可以|会)|等(上)?${WAIT_TIME}|(到账|下来|出来|批复|结果|审批|审核|办结|办完|公示|拿到|通知|回复|答复)[^，,。？?！!]{0,3}(要|得|需要|用)?${WAIT_TIME}(?![^，,。？?！!]{0,4}一次)`,
  "u",
);

/**
 * What a zone or its district gains is asked (「对区县有啥好处」「评上优秀有啥buff加成」「能捞到啥」); speech names
 * gains in words the texts never use. See QUESTION_KINDS.
 */
export const BENEFIT_ASK = /好处|甜头|实惠|搞头|奔头|盼头|激励|着数|buff|加成|福利|待遇|红利|优待|(啥|什么|哪些)[^，,。？?]{0,4}好事|(能|可以|会)(得到|拿到|得着|捞到|享受到?)(什么|啥|哪些)|有(什么|啥)用(?!途)|图(个|点)?啥/i;
/** A clause that grants something (「年度考核予以加分奖励」「优先推荐申报…」「给予不超过5万元…支持」): what `#benefit` asks for. */
export const GRANTS = /加分|优先推荐|给予[^。；]{0,40}(支持|奖励|补助|资助|补贴)/;

/** The role a body plays (「区县知识产权管理部门起什么作用」「市中心负责什么」): what it does, not what something is for. */
const BODY_ROLE_ASK = /(部门|局|中心|单位|机关|政府)[^，,。？?]{0,6}(起|发挥|扮演|担任|承担)了?(什么|啥|哪些|怎样的)(作用|角色|职责)/u;

export const QUESTION_KINDS: readonly KindCue[] = [
  // what a rule is based on (第一条 「根据…制订本办法」; the Zibo preamble 「根据…精神…制定」)
  { term: "#basis", pattern: /依据|根据|背景|由来|出处|上位法|(哪些|哪个|什么|哪两个|哪几个)(上级|上位)?(政策)?文件|上级文件|上位文件/ },
  // what it is for (general provisions: 「为促进…」「通过…做大做强…」)
  { term: "#purpose", pattern: /目标|目的|意义|效果|(?<!(部门|局|中心|单位|机关|政府)[^，,。？?]{0,6}(起|发挥|扮演|担任|承担)了?(什么|啥|哪些|怎样的))作用|初衷|宗旨|为什么|为何|为啥|干什么用|想达到|要达到|达到什么|(想|为了|图个?)(干嘛|干什么|什么)|是干(嘛|什么)的/ },
  // how often / how long (「每两年考核一次」「每年度认定一次」「试用期一年」)
  // also asked as a choice of periods (「一年一次还是两年一次」「一年查一回」)
  // 隔 (「隔多久认定一回」「每隔多长时间」) is the interval asked, not a topic; what happens that often
  // (考 of 「两年考一次」) is (formKindCues leaves out the `activity` group)
  { term: "#period", pattern: new RegExp(`(每?隔)?(多久|多长时间|多长)|${ASKS_HOW_MANY}年|多少年|频率|频繁|周期|[一每]年${ASKS_HOW_MANY}次|[一两二三每]年(?<activity>[^，。？?]{0,4})[一几](次|回)`, "u") },
  // how long one waits for something to happen (「多久能批下来」「几个月才出结果」「到账要等多久」): a time
  // limit, which neither text states — they state how often (每两年考核一次) and the trial period, not how
  // long anything takes; asked so, it is no `#period` (questionKindTerms drops that)
  { term: "#wait", pattern: WAIT_ASK },
  // a document's number (「淄政办字〔2018〕132号」)
  { term: "#docno", pattern: /文号|发文字号|文件号|字号/ },
  // a calendar date (「自2018年1月1日起实施」); a month the asker states (「2021年10月还在试用期内吗」) is
  // their situation, not what they ask; 哪天 inside a yes/no ask or a supposition (「会不会哪天被摘掉」) is
  // some day, not a day asked for
  { term: "#date", pattern: /什么时候|何时|(?<!(会不会|是不是|万一|说不定|保不齐|保不准|要是|如果)[^，,。？?]{0,2})哪一?天|几号|哪年|哪一年|几月|日期|\d{4}年(?!\s*\d{1,2}\s*月)|(更|比较?|最)(早|晚)[^，。？?]{0,3}(实施|施行|出台|发布|印发|生效|试行)|(实施|施行|出台|发布|印发|生效)[^，。？?]{0,3}(更|比较?|最)(早|晚)|先后/ },
  // which services a zone must cover (「能基本保障区内对专利、商标…等服务需求」「重点发展领域」)
  { term: "#scope", pattern: /覆盖|涵盖|服务范围|服务领域|(哪些|什么|哪类|哪几类)(类型的|种类的|类)?(知识产权)?服务(?!机构|平台|券|点)/ },
  // who does something (「交给谁」「哪个部门负责」 → 「向…提出申报申请」「由…组织实施」)
  // 「浙江和淄博谁有…」 asks which of the two, and 「促进谁和谁的对接」 between whom, not who does it.
  // what a body does (「区县知识产权管理部门起什么作用」) is asked of the clauses where it acts
  { term: "#who", pattern: new RegExp(`(?<!(和|跟|与)[\u4e00-\u9fff]{2,3}|谁(和|跟|与))谁(?!(和|跟|与)谁)|哪个部门|哪个单位|哪家单位|哪个机构|哪些部门|哪些单位|哪个机关|${BODY_ROLE_ASK.source}`, "u") },
  // where zones are built (「建在哪些地方」「选在什么样的区域」 → 「围绕…的地区进行布局」)
  { term: "#place", pattern: /(哪些|什么|哪类|什么样的?)(地方|地区|区域|园区)|哪里建|建在哪|选址|布局在/ },
  // a physical location: an address, where an office is or where something is done
  // (「办公地址在哪里」「在哪个位置办公」「证书在哪里考」「中心在哪」). The texts state only where zones
  // are built; a where-question that no clause of that form answers stays uncovered.
  // 「差在哪」「区别在哪」「难在哪」 ask which respect, not where: an adjective or an abstract noun before 在哪.
  { term: "#location", pattern: /地址|地点|(哪个|什么)位置|(?<!(差|缺|难|好|强|弱|错|卡|区别|不同|差别|差距|问题|原因|关键|难点|重点|亮点|优势|不足|短板))在哪(?![些个一])|在什么地方/ },
  // where to hand an application in (「在哪儿申报」「在什么地方交」 → 「向设区市知识产权局提出申报申请」): a body,
  // not a place (questionKindTerms drops `#location` then)
  // or with the verb first (「材料要先交到啥地方去」「报到哪里」), or as a choice (「是直接交到市里，还是先过区县」), or
  // whether it may go straight somewhere (「直接找市里交材料行不行」)
  { term: "#destination", pattern: /(在哪(里|儿)?|在什么地方)(交|报|申报|申请|提交|递交|提出)|(交|报|递|送|提交|递交)(到|给|去|往)(哪(里|儿|个地方)?|啥地方|什么地方)|(交|报|递|送|提交|递交)(到|给|去|往)[^。？?]{1,14}还是|直接(找|去|向|到)?[^，,。？?]{0,10}(交|报|递|送|提交|递交)[^，,。？?]{0,12}(吗|么|行不行|行吗|成吗|可以吗|可不可以|能不能|中不中)|(是不是|是否|能不能|可不可以)直接[^，,。？?]{0,12}(交|报|递|送|提交|递交)/ },
  // what it takes to qualify (「申报需要什么条件」「门槛高吗」「有啥前提」「申请资格」「依托单位得是什么样的」; officialese
  // speech calls them 硬杠杠/硬指标)
  // → the article that lists them (「应具备以下条件」「应当具备下列条件」)
  {
    term: "#condition",
    pattern: /条件|(?<!(保留|保住|留住|取消|撤销|失去|丢掉?|丧失|没了)[^，,。？?]{0,2})资格(?!证)|门槛|前提|杠杠|硬指标|硬性要求|(什么|哪些|有何|啥)(要求|标准)|要求是|够格|符合什么|满足什么|具备什么|(得|要|须|需|应|该)是?什么样/,
  },
  // what follows from an outcome (「不合格会怎样」「没通过怎么办」「是不是就没了」); 怎么办 after what
  // the asker means to do (「想改指标怎么办」) asks how to go about it, not what follows
  // → a clause that states it (「…不合格的，限期整改」「…的，取消…」)
  { term: "#consequence", pattern: CONSEQUENCE_ASK },
  // whether a text still applies (「现在还有效吗」「还在执行吗」「过期了没」) → the clause stating when it took
  // effect and for how long (「自…起实施，试用期一年」)
  // …and how long a text is on trial (「试行多久」「试用期多长」「试行期几年」): its trial, which the clause of its
  // date of effect states or not
  { term: "#validity", pattern: /(还|现在|目前|仍|依然)[^，。？?]{0,6}(有效|管用|好使|执行|适用|能用|作数|算数|实施)|有效期|过期|失效|废止|(在|过了?)[^，。？?]{0,3}试用期(内|里)?[吗么没]|试(行|用)期?[^，。？?]{0,2}(多久|多长|几年|多少年|到什么时候|到哪天)/ },
  // whether a title is kept for good → the periodic review and the withdrawal of the title
  { term: "#lasting", pattern: LASTING_ASK },
  // how many zones are approved at a time → how they are chosen
  { term: "#quota", pattern: QUOTA_ASK },
  // what a zone or its district gains → a clause that grants something (「年度考核予以加分奖励」「优先推荐申报…」「给予…支持」)
  { term: "#benefit", pattern: BENEFIT_ASK },
  // how many zones there are, or which have been named (「目前已经认定了多少个示范区」「一共有几个示范区」「哪些园区
  // 已经被认定」): a fact of the world after the texts, which state rules, not a register of zones
  {
    term: "#tally",
    pattern: /(一共|总共|共|已经?|目前|现在|至今|迄今|截至)[^，,。？?]{0,8}(多少|几)个[^，,。？?]{0,16}(示范区|集聚区)|哪(些|几)[个家所]?[^，,。？?]{0,10}(已经|已|目前|现在)[^，,。？?]{0,4}(被)?(认定|评上|批|命名|授牌|挂牌|确定)|(已经?|目前|现在|至今)[^，,。？?]{0,6}(认定|评上|批|命名|授牌|挂牌)的[^，,。？?]{0,12}(示范区|集聚区|园区)[^，,。？?]{0,4}(有|是)?(哪些|哪几|多少|几)/,
  },
  // a fee the applicant pays (「申报要交多少申报费」「评审收费吗」「申请要不要花钱」「专利年费多少」): neither text charges or
  // states one
  {
    term: "#fee",
    pattern: /(申报|申请|评审|审核|认定|管理|挂牌|入驻|进驻)费|年费|收费|收不收钱|要不要(交|花)?钱|(交|缴|付|花)[^，,。？?]{0,3}(多少|啥|什么)?钱(?!.{0,4}(补|奖|资助|支持))/,
  },
  // which firms by name (「合作银行有哪几家」「是哪家保险公司承保」「贷款银行的名单」「服务机构给我一个名单」): the texts
  // name kinds of lender (本市银行) and of agency, never a firm; 「哪些银行的贷款算」 asks the kind and is answered by it
  {
    term: "#named",
    pattern: /(银行|保险公司|保险机构|金融机构|担保公司|券商)[^，,。？?]{0,6}(有)?(哪几家|哪家|是哪|名单|叫什么)|(哪几家|哪家|哪一家)[^，,。？?]{0,8}(银行|保险公司|保险机构|金融机构|担保公司|券商)|(机构|服务机构|企业|单位)[^，,。？?]{0,4}名单|给[^，,。？?]{0,4}名单/,
  },
  // the areas something is done in (「在哪些方面支持」 → 「在扶持政策、…人才培养等方面加大支持力度」)
  { term: "#aspects", pattern: /(哪些|什么|哪几个|啥)方面/ },
  // the level a zone is of (「是哪一级的」「属于什么级别」 → 「布局建设一批市级示范区」); not 「交到哪一级」 (#who)
  { term: "#level", pattern: /(?<!(交|报|送|递)(到|给|往|至))(哪一?级|什么级别|哪个级别|几级)|(国家级|省级|市级|县级)的?(还是|或者?|或是)?(国家级|省级|市级|县级)/ },
  // counts, areas, amounts asked for without a figure
  // agencies are counted in 家 however the count is asked (「多少服务机构」「服务机构是多少」「机构有多少」)
  { term: "#qty:家", pattern: new RegExp(`(${ASKS_HOW_MANY}|多少)家|多少个?(知识产权)?(服务)?(机构|服务点)|(机构|服务点)(的)?(数量|数目|个数)?[是有要得需]{0,2}多少|机构(的)?数量|数量(的)?要求`, "u") },
  { term: "#qty:平方米", pattern: /面积|场地|(区|地方|空间|场所)(至少|最少|起码|最小|[要得需有]){0,3}多大|多大(的)?(面积|地方|场地|空间)/ },
  { term: "#qty:件", pattern: new RegExp(`(${ASKS_HOW_MANY}|多少)件|授权量|授权数量`, "u") },
  // 「能给点钱」「有钱拿吗」: money asked for in speech is an amount asked
  { term: "#qty:万元", pattern: /多少钱|多少万|金额|(给|拿|领|发|补|奖)(点|些|一?笔|几个)钱|有钱(拿|领)|(补|奖|给|拿|领|支持|补助|补贴|奖励|资助)(了)?多少|最高多少|最多多少|封顶/ },
];

export const CLAUSE_KINDS: readonly KindCue[] = [
  { term: "#basis", pattern: /根据[^。]{0,150}(制定|制订)/ },
  { term: "#purpose", pattern: /(^|\n|：)(为|通过)[^。]{0,160}(促进|提升|提高|做大做强|推动|支撑)/ },
  { term: "#period", pattern: /[每一两二三四五六\d]+个?(年|月|季度)度?[^。，；]{0,6}一次|试用期|有效期/ },
  { term: "#docno", pattern: /〔\d{4}〕\d+号/ },
  { term: "#date", pattern: /\d{4}年\d{1,2}月\d{1,2}日/ },
  {
    term: "#who",
    pattern: /负责|组织|会同|向[^。；]{2,30}(提出|提交|推荐|报)|报[^。；]{2,20}(同意|审核)|由[^。；]{2,20}(实施|解释)|(中心|局|厅|委|办)[^。，；]{0,3}(制定|制订|印发|发布)/,
  },
  { term: "#scope", pattern: /保障[^。]{0,80}服务需求|重点发展领域/ },
  { term: "#level", pattern: /(省级|市级)[^。，；]{0,16}示范区/ },
  { term: "#validity", pattern: /试用期|有效期|自\d{4}年\d{1,2}月\d{1,2}日起(实施|施行)/ },
  // the areas something is judged in (「在…等方面」, or 「在…等工作成绩显著」)
  { term: "#aspects", pattern: /(?<!所)在[^。；]{2,80}等(方面|工作)/ },
  { term: "#location", pattern: /(围绕|优先考虑在|选择)[^。]{0,60}(地区|区域)|(地区|区域|区县)(进行)?布局/ },
  { term: "#destination", pattern: /向[^。；]{2,30}(提出|提交|推荐|报)/ },
  { term: "#place", pattern: /(围绕|优先考虑在|选择)[^。]{0,60}(地区|区域)|(地区|区域|区县)(进行)?布局/ },
  { term: "#consequence", pattern: /的，[^。；]{0,40}(整改|取消|摘牌|撤销|保留|不予|加分|优先推荐)/ },
  { term: "#benefit", pattern: GRANTS },
  { term: "#lasting", pattern: TITLE_REVIEWED },
  { term: "#quota", pattern: ZONES_CHOSEN },
  // a register of zones (「首批…名单」「已认定…12个示范区」); neither text has one
  { term: "#tally", pattern: /名单|(已|共)(认定|命名|批准|授予)[^。；]{0,10}\d+个/ },
  // a list of qualifying conditions, not a back-reference to them (第九条 「符合条件的依托单位」)
  { term: "#condition", pattern: /(具备|符合|满足)(以下|下列|如下)条件/ },
];

/**
 * Words that say what meeting a condition or threshold is for (「申报…需要什么条件」
 * 「多少家才能申请」「评上…要几家」), not what the question is about. When the
 * question asks for a condition or a figure, they weigh like adverbs, so the
 * article stating the conditions (第六条, which never says 申报) is not
 * outscored by the procedure article (第九条 申报程序) that merely names them.
 */
export const FRAMING_WORDS: ReadonlySet<string> = new Set([
  "申报", "申请", "报名", "评上", "评为", "评选", "获评", "认定", "入选", "获批", "批准", "创建", "成为", "当上", "够格",
]);

/**
 * Nouns that name an attribute any rule states about its subject — how much
 * (额度, 标准, 上限), how long (期限), at which level (档次, 等级), with what
 * consequence (后果), whose duty (职责), by which steps (流程), within which
 * scope (范围). 「服务券的额度是多少」 asks about 服务券; when the text words it
 * otherwise (「不超过5万元」), the attribute noun says which aspect is wanted,
 * as an answer kind does: it weighs like an adverb and never decides a refusal
 * as the asked-for thing. Contact details, addresses or taxes are no attribute
 * of a rule and stay out. Matched on a word's last two characters (主要职责).
 */
export const RULE_ATTRIBUTES: ReadonlySet<string> = new Set([
  "额度", "金额", "数额", "数量", "标准", "上限", "下限", "幅度", "比例", "期限", "时限", "档次", "等级", "级别",
  "后果", "结果", "职责", "职能", "角色", "责任", "义务", "权限", "流程", "步骤", "范围", "内容", "规定", "方式", "形式", "类型",
  // spoken forms of the same attributes: 封顶 is how people say 上限 (「一年封顶多少」)
  "封顶",
]);

/**
 * Words that only ask for conditions. When the question asks for `#condition`
 * the kind stands for them (as `#qty:家` stands for 「家」), so they are not
 * counted twice, and 第九条's back-reference 「符合条件的」 earns nothing.
 */
export const CONDITION_WORDS: ReadonlySet<string> = new Set(["条件", "资格", "门槛", "前提", "要求", "标准", "够格", "杠杠", "硬指标", "硬性"]);

/**
 * Units a figure is stated in, with the forms people write them in. A figure
 * with a unit (「15家」「1200平米」「授权130件」) is indexed as `#qty:<unit>`,
 * so it meets the threshold of that unit in the texts (「20家以上」).
 */
export const QUANTITY_UNITS: Readonly<Record<string, readonly string[]>> = {
  家: ["家"],
  平方米: ["平方米", "平米", "平方", "㎡", "平"],
  件: ["件"],
  万元: ["万元", "万"],
  项: ["项"],
};
