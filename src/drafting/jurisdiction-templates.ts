/**
 * What differs between the Zhejiang and the Zibo drafts: document titles, who
 * recommends, which clauses each section answers, the plan's tasks, indicators,
 * key projects and timetable, and the materials list. Data only — the
 * builders read it. Every entry names the clause it comes from.
 */
import type { PolicyId } from "../knowledge/jurisdictions.ts";
import type { Jurisdiction } from "../rules/zone-profile.schema.ts";
import { joinLabels, SERVICE_LABELS } from "../rules/labels.ts";
import type { PolicyFigures } from "./policy-figures.ts";

export interface PlanTask {
  title: string;
  /** the clauses this task answers item by item (zj2018:4.1, zj2018:7.2 …) */
  clauses: string[];
  /** what the policy asks, in the plan's words */
  content: string;
  /** what the applicant must add: concrete measures, names, dates */
  todo: string;
  /** sub-tasks (Zibo 第六条（七）: 专利清零、专利倍增、对标找差 …) */
  subtasks?: { title: string; clauses: string[]; content: string; todo: string }[];
}

export type IndicatorBaseline = "serviceInstitutions" | "coreAreaSqm" | "serviceCoverage";

export interface Indicator {
  category: "机构" | "人才" | "服务" | "平台" | "载体" | "管理";
  name: string;
  /** a profile fact that gives the current value; otherwise the baseline is a placeholder */
  baseline?: IndicatorBaseline;
  /** what the policy says about it (「20家以上」), numbers from the rule parameters */
  requirement: string | ((f: PolicyFigures) => string);
  clause: string;
}

export interface KeyProject {
  name: string;
  clauses: string[];
  todo: string;
}

export interface Phase {
  when: string;
  work: string;
  clause?: string;
}

export interface MaterialTemplate {
  name: string;
  /** undefined: not named by the policy, recommended */
  clause?: string;
  source: "generated" | "applicant" | "authority";
  /** for generated items, which draft holds it */
  document?: "application-form" | "construction-plan" | "precheck-report";
  /** printed inside that draft rather than being a draft of its own (承诺书 at the end of 申报书) */
  embedded?: boolean;
  note: string;
}

export interface JurisdictionTemplate {
  jurisdiction: Jurisdiction;
  policyId: PolicyId;
  formTitle: string;
  planTitle: string;
  reportTitle: string;
  /** 依托单位 (zj2018:5) / 创建单位 (zb2020:6) */
  applicantRole: string;
  /** who recommends: 设区市知识产权主管部门 (zj2018:9.1) / 区县知识产权管理部门 (zb2020:7.3) */
  recommender: string;
  /** who decides: 省知识产权局 (zj2018:10) / 市知识产权事业发展中心 (zb2020:8.2) */
  approver: string;
  /** the approver as addressed in a letter: 浙江省知识产权局 / 淄博市知识产权事业发展中心 */
  approverFull: string;
  /** the title applied for: 浙江省知识产权服务业集聚发展示范区 */
  programName: string;
  /** the policy's own words, so one jurisdiction's documents never borrow the other's */
  terms: {
    /** 现有知识产权服务机构 (zj2018:6.3) / 已有知识产权服务点（机构） (zb2020:5.3) */
    institutions: string;
    /** where the zone lies: 所在县（市、区） (zj2018:8) / 所在区县 (zb2020:5.1) */
    county: string;
    /** the recommender for a named place: 杭州市 → 杭州市知识产权局 (zj2018:9); 张店区 → 张店区知识产权管理部门 (zb2020:7.2) */
    recommenderAt: (place: { city?: string; county?: string }) => string | undefined;
    /** 考核 (zj2018:14) / 认定 (zb2020:12) */
    assessment: string;
  };
  clauses: {
    location: string;
    carrier?: string;
    industry: string;
    institutions: string;
    management: string;
    county?: string;
    procedure: string;
    form: string;
    plan: string;
    recommendation: string;
    /** where the approver decides (zj2018:10 / zb2020:8.2) */
    approval: string;
    commitment?: string;
    assessment: string;
    assessmentItems: [string, string, string];
    assessmentCycle: string;
    safeguards: string;
    localSupport: string;
    planAdjustment: string;
    goals: string;
    /**
     * the assessment item that reads the plan's goals and indicators: zj2018:15.1
     * (目标、任务、重点项目和各项指标). Zibo's 第十三条（一） assesses 「各项工作落实情况」
     * only, so its goals and indicators cite none.
     */
    goalsAssessment?: string;
  };
  goalText: string;
  tasks: PlanTask[];
  indicators: Indicator[];
  projects: KeyProject[];
  phases: Phase[];
  materials: MaterialTemplate[];
  /** attachments we suggest to prove each condition (not named by the policy) */
  attachments: { name: string; proves: string }[];
}

const ZHEJIANG: JurisdictionTemplate = {
  jurisdiction: "zhejiang",
  policyId: "zj2018",
  formTitle: "浙江省知识产权服务业集聚发展示范区建设申报书",
  planTitle: "浙江省知识产权服务业集聚发展示范区建设工作方案",
  reportTitle: "浙江省知识产权服务业集聚发展示范区申报材料清单与预审报告",
  applicantRole: "依托单位",
  recommender: "设区市知识产权主管部门",
  approver: "省知识产权局",
  approverFull: "浙江省知识产权局",
  programName: "浙江省知识产权服务业集聚发展示范区",
  terms: {
    institutions: "现有知识产权服务机构",
    county: "所在县（市、区）",
    recommenderAt: (p) => (p.city ? `${p.city}知识产权局` : undefined),
    assessment: "考核",
  },
  clauses: {
    location: "zj2018:5",
    carrier: "zj2018:6.1",
    industry: "zj2018:6.2",
    institutions: "zj2018:6.3",
    management: "zj2018:6.4",
    procedure: "zj2018:9",
    form: "zj2018:9.2",
    plan: "zj2018:9.3",
    recommendation: "zj2018:9.1",
    approval: "zj2018:10",
    commitment: "zj2018:9.4",
    assessment: "zj2018:15",
    assessmentItems: ["zj2018:15.1", "zj2018:15.2", "zj2018:15.3"],
    assessmentCycle: "zj2018:14",
    safeguards: "zj2018:13",
    localSupport: "zj2018:12",
    planAdjustment: "zj2018:16",
    goals: "zj2018:2",
    goalsAssessment: "zj2018:15.1",
  },
  // 第六条（三）: 专利、商标、版权等各类知识产权的代理、法律、信息、商用化、咨询、培训等服务需求
  goalText:
    "加快高端知识产权服务机构聚集，吸引高层次知识产权服务人才，以品牌引领知识产权服务企业集群发展，形成集专利、商标、版权等知识产权全门类，创造、保护、运用全方位的知识产权服务链，为创新驱动发展提供服务支撑。",
  tasks: [
    {
      title: "集聚知识产权服务机构，完善服务产业链",
      clauses: ["zj2018:4.1", "zj2018:7.2"],
      content:
        "引进专利、商标、版权、地理标识等品牌知识产权服务机构，培育本土知识产权服务机构；优化代理、信息、维权、咨询、托管、商用评估、法律等服务资源配置，形成涵盖代理服务、维权援助、信息利用、战略分析、复审诉讼、交易运营等环节的服务产业链；强化品牌建设，突出特色服务，辐射带动周边发展。",
      todo: "拟引进和培育的服务机构名单、引进方式和时间安排",
    },
    {
      title: "集聚知识产权服务专业人才",
      clauses: ["zj2018:4.2", "zj2018:7.4"],
      content:
        "吸纳知识产权优秀人才，培养知识产权服务领军人才，壮大实务型人才队伍；激励与引导服务机构引进高端人才和紧缺人才，加快培养本土高层次知识产权服务人才，拓宽服务领域，创新服务模式。",
      todo: "人才引进和培养的具体措施（人才政策、培训计划、与高校院所合作等）",
    },
    {
      title: "搭建知识产权全流程服务平台",
      clauses: ["zj2018:4.3"],
      content: "打造一站式知识产权服务平台，整合知识产权代理、战略运营、维权援助、标准制定等服务内容，促进各类知识产权服务有机衔接和互动发展。",
      todo: "平台的建设内容、场地、运营主体和上线时间",
    },
    {
      title: "服务区内优势产业和重点企业",
      clauses: ["zj2018:7.3"],
      content: "服务区内优势产业及重点企业，促进服务机构与企业、高校、院所等创新主体之间的供求对接，激活服务市场，支撑科技创新和经济发展。",
      todo: "重点服务的产业和企业名单、供需对接活动安排",
    },
    {
      title: "探索行业管理模式，规范服务市场",
      clauses: ["zj2018:4.4", "zj2018:7.5"],
      content:
        "推动知识产权服务行业协会发展，强化行业自律；建立规范知识产权服务市场引导机制，推动建立反恶性低价竞争的自律制度，引导优质服务机构参与重大项目，形成奖惩分明的规范化管理模式。",
      todo: "行业自律制度、机构考核和奖惩办法",
    },
    {
      title: "制定集聚发展措施，营造发展环境",
      clauses: ["zj2018:7.1"],
      content: "制定知识产权服务业集聚发展的措施，营造促进知识产权服务业发展的有利环境，探索知识产权服务业发展新举措。",
      todo: "拟出台的集聚发展措施（入驻优惠、奖励办法等）",
    },
    {
      title: "深化国际交流合作",
      clauses: ["zj2018:7.6"],
      content: "借鉴先进理念，促进知识产权服务业与国际接轨；加强与海外知名服务机构合作，拓展国际业务，扩大服务范围。",
      todo: "拟合作的境外机构和国际业务拓展计划",
    },
  ],
  indicators: [
    { category: "机构", name: "入驻知识产权服务机构（家）", baseline: "serviceInstitutions", requirement: (f) => `${f.minServiceInstitutions}家以上`, clause: "zj2018:6.3" },
    { category: "机构", name: "引进品牌知识产权服务机构（家）", requirement: "引进品牌机构", clause: "zj2018:4.1" },
    { category: "服务", name: "服务覆盖（门类）", baseline: "serviceCoverage", requirement: (f) => f.serviceGroups.map((g) => joinLabels(g.services, SERVICE_LABELS)).join("×"), clause: "zj2018:6.3" },
    { category: "载体", name: "核心区面积（平方米）", baseline: "coreAreaSqm", requirement: (f) => `不少于${f.minCoreAreaSqm}平方米`, clause: "zj2018:6.3" },
    { category: "人才", name: "知识产权服务从业人员（人）", requirement: "数量充足、结构优化", clause: "zj2018:4.2" },
    { category: "人才", name: "专利代理师等执业人员（人）", requirement: "壮大实务型人才队伍", clause: "zj2018:4.2" },
    { category: "人才", name: "高层次、领军人才（人）", requirement: "培养领军人才", clause: "zj2018:7.4" },
    { category: "服务", name: "年服务企业（家）", requirement: "服务优势产业及重点企业", clause: "zj2018:7.3" },
    { category: "服务", name: "供需对接活动（场/年）", requirement: "促进供求对接", clause: "zj2018:7.3" },
    { category: "平台", name: "一站式知识产权服务平台", requirement: "打造一站式服务平台", clause: "zj2018:4.3" },
    { category: "管理", name: "行业自律制度与协会", requirement: "形成规范化管理模式", clause: "zj2018:4.4" },
  ],
  projects: [
    { name: "一站式知识产权服务平台建设", clauses: ["zj2018:4.3"], todo: "建设内容、投资额" },
    { name: "品牌知识产权服务机构引进培育", clauses: ["zj2018:4.1", "zj2018:7.2"], todo: "拟引进机构与培育措施" },
    { name: "知识产权服务人才培养", clauses: ["zj2018:4.2", "zj2018:7.4"], todo: "培养计划与规模" },
  ],
  phases: [
    { when: "获批后第1—3个月", work: "成立示范区建设领导小组，出台集聚发展措施和管理制度，启动一站式服务平台建设。", clause: "zj2018:13" },
    { when: "获批后第4—12个月", work: "按计划引进和培育服务机构、集聚人才，平台投入运行，开展供需对接。", clause: "zj2018:4" },
    { when: "获批后第13—21个月", work: "深化行业自律和国际合作，完善服务链条，对照指标查漏补缺。", clause: "zj2018:7" },
    { when: "获批后第22—24个月", work: "总结建设成效和经验，准备省知识产权局两年一次的考核。", clause: "zj2018:14" },
  ],
  materials: [
    { name: "设区市知识产权主管部门的推荐意见", clause: "zj2018:9.1", source: "authority", note: "申报书已留推荐意见栏（盖章、日期）" },
    { name: "《浙江省知识产权服务业集聚发展示范区建设申报书》", clause: "zj2018:9.2", source: "generated", document: "application-form", note: "补全待补充项后由依托单位盖章" },
    { name: "《浙江省知识产权服务业集聚发展示范区建设工作方案》", clause: "zj2018:9.3", source: "generated", document: "construction-plan", note: "提纲初稿，需填写目标值、举措和重点项目" },
    { name: "申报材料真实性承诺书", clause: "zj2018:9.4", source: "generated", document: "application-form", embedded: true, note: "附于申报书末，需法定代表人签字并加盖公章" },
    { name: "相关附件材料", clause: "zj2018:9.5", source: "applicant", note: "由依托单位提供，建议附件见下表" },
  ],
  attachments: [
    { name: "依托单位营业执照或法人登记证书复印件", proves: "zj2018:6.1" },
    { name: "载体资质证明（如孵化器、众创空间、大学科技园认定文件）", proves: "zj2018:6.1" },
    { name: "区域产业基础说明（主导产业、创新型企业和骨干龙头企业名单）", proves: "zj2018:6.2" },
    { name: "入驻知识产权服务机构名单及营业执照、入驻协议", proves: "zj2018:6.3" },
    { name: "核心区场地证明（产权证或租赁合同、平面图）", proves: "zj2018:6.3" },
    { name: "知识产权管理制度文件及配套资金、政策证明", proves: "zj2018:6.4" },
  ],
};

const ZIBO: JurisdictionTemplate = {
  jurisdiction: "zibo",
  policyId: "zb2020",
  formTitle: "淄博市知识产权服务业集聚发展示范区申报书",
  planTitle: "淄博市知识产权服务业集聚发展示范区建设工作方案",
  reportTitle: "淄博市知识产权服务业集聚发展示范区申报材料清单与预审报告",
  applicantRole: "申报单位（创建单位）",
  recommender: "区县知识产权管理部门",
  approver: "市知识产权事业发展中心",
  approverFull: "淄博市知识产权事业发展中心",
  programName: "淄博市知识产权服务业集聚发展示范区",
  terms: {
    institutions: "已有知识产权服务点（机构）",
    county: "所在区县",
    recommenderAt: (p) => (p.county ? `${p.county}知识产权管理部门` : undefined),
    assessment: "认定",
  },
  clauses: {
    location: "zb2020:3",
    industry: "zb2020:5.2",
    institutions: "zb2020:5.3",
    management: "zb2020:11",
    county: "zb2020:5.1",
    procedure: "zb2020:7",
    form: "zb2020:8.1",
    plan: "zb2020:13.1",
    recommendation: "zb2020:7.3",
    approval: "zb2020:8.2",
    assessment: "zb2020:13",
    assessmentItems: ["zb2020:13.1", "zb2020:13.2", "zb2020:13.3"],
    assessmentCycle: "zb2020:12",
    safeguards: "zb2020:11",
    localSupport: "zb2020:10",
    planAdjustment: "zb2020:14",
    goals: "zb2020:2",
  },
  goalText:
    "引导和培育知识产权服务业集聚发展，完善集聚区知识产权服务业管理体系，优化服务结构，提高服务能力，推动知识产权与区县内产业、科技和经济的深入融合。",
  tasks: [
    {
      title: "制定集聚发展措施，探索质押融资、转移转化、托管和高价值专利培育新举措",
      clauses: ["zb2020:6.1"],
      content: "制定知识产权服务业集聚发展的措施，营造有利环境；探索知识产权服务业发展和质押融资、转移转化、知识产权托管及高价值专利培育的新举措。",
      todo: "拟出台的集聚发展措施和新举措",
    },
    {
      title: "招引和培育知识产权服务机构，构建完整服务链条",
      clauses: ["zb2020:6.2"],
      content: "招引和培育知识产权服务机构，集聚服务力量；优化代理、信息、维权、咨询、托管、商用评估、法律等服务资源配置，强化品牌建设，突出特色服务，辐射带动周边发展。",
      todo: "拟招引和培育的服务机构名单与时间安排",
    },
    {
      title: "服务区内产业及企业，促进供需对接",
      clauses: ["zb2020:6.3"],
      content: "服务区内产业及企业，促进服务机构与创新主体之间的供求对接，激活服务市场，支撑科技创新和经济发展。",
      todo: "重点服务的产业和企业名单、对接活动安排",
    },
    {
      title: "引进和培育知识产权服务人才",
      clauses: ["zb2020:6.4", "zb2020:9.2"],
      content: "激励与引导服务机构引进高端人才和紧缺人才，强化人才培育，加快培养本土高层次知识产权服务人才；鼓励从业人员取得国家专利代理师证书（第九条（二）对新获证书给予一次性支持）。",
      todo: "人才引进、培养和专利代理师考试辅导计划",
    },
    {
      title: "规范知识产权服务市场",
      clauses: ["zb2020:6.5"],
      content: "建立规范知识产权服务市场引导机制，推动建立反恶性低价竞争的自律制度，倡导专业优质服务，营造健康的服务市场环境。",
      todo: "自律制度和服务质量管理办法",
    },
    {
      title: "深化国际交流合作",
      clauses: ["zb2020:6.6"],
      content: "借鉴先进理念，促进知识产权服务业与国际接轨；加强与海外知名服务机构合作，拓展国际业务，扩大服务范围。",
      todo: "拟合作的境外机构和国际业务计划",
    },
    {
      title: "开展“专利清零”“专利倍增”“对标找差”等行动",
      clauses: ["zb2020:6.7"],
      content: "组织区内服务机构开展企业“专利清零”“专利倍增”“对标找差”等行动，贯彻《企业知识产权管理规范》，推进专利质押融资，实施知识产权托管工程，促进知识产权运营。",
      todo: "各项行动的服务企业名单和年度目标",
      subtasks: [
        { title: "“专利清零”行动", clauses: ["zb2020:6.7", "zb2020:9.5"], content: "帮助区内尚无专利的企业实现专利“清零”（消除零专利企业）。", todo: "目标企业名单和数量" },
        { title: "“专利倍增”行动", clauses: ["zb2020:6.7", "zb2020:9.5"], content: "帮助有基础的企业实现专利数量倍增，注重发明专利质量。", todo: "目标企业名单和倍增目标" },
        { title: "“对标找差”行动", clauses: ["zb2020:6.7"], content: "组织企业对标行业先进查找知识产权差距，制定改进措施。", todo: "对标企业和对标内容" },
        { title: "贯彻《企业知识产权管理规范》", clauses: ["zb2020:6.7"], content: "推动区内企业贯彻《企业知识产权管理规范》，提升知识产权管理水平。", todo: "贯标企业数量" },
        { title: "推进专利质押融资", clauses: ["zb2020:6.7", "zb2020:9.1"], content: "服务机构为企业提供专利质押融资服务，对接本市银行政银保专利权保险质押贷款，探索知识产权证券化。", todo: "合作银行和年度质押融资目标" },
        { title: "实施知识产权托管工程", clauses: ["zb2020:6.7", "zb2020:9.2"], content: "有专利代理资质的服务机构以完全式、顾问式、单项式三种方式为权利人提供专利托管服务，开展权益维护、预警分析和运营。", todo: "托管企业数量和托管方式" },
        { title: "促进知识产权运营", clauses: ["zb2020:6.7"], content: "推动专利转移转化和运营，提升知识产权价值实现。", todo: "运营项目和转化目标" },
      ],
    },
  ],
  indicators: [
    { category: "机构", name: "知识产权服务点（机构）（家）", baseline: "serviceInstitutions", requirement: (f) => `${f.minServiceInstitutions}家以上`, clause: "zb2020:5.3" },
    { category: "机构", name: "其中有专利代理资质的机构（家）", requirement: "第九条支持对象", clause: "zb2020:9" },
    { category: "服务", name: "服务覆盖（门类）", baseline: "serviceCoverage", requirement: (f) => joinLabels(f.requiredServices, SERVICE_LABELS), clause: "zb2020:5.3" },
    { category: "人才", name: "知识产权服务从业人员（人）", requirement: "引进高端和紧缺人才", clause: "zb2020:6.4" },
    { category: "人才", name: "新获国家专利代理师证书（人/年）", requirement: "新获证书给予支持", clause: "zb2020:9.2" },
    { category: "服务", name: "“专利清零”服务企业（家）", requirement: "开展专利清零行动", clause: "zb2020:6.7" },
    { category: "服务", name: "“专利倍增”服务企业（家）", requirement: "开展专利倍增行动", clause: "zb2020:6.7" },
    { category: "服务", name: "“对标找差”服务企业（家）", requirement: "开展对标找差行动", clause: "zb2020:6.7" },
    { category: "服务", name: "代理本市发明专利授权（件/年）", requirement: (f) => `超过${(f.inventionGrantTiers ?? []).join("、")}件分档支持`, clause: "zb2020:9.5" },
    { category: "服务", name: "专利质押融资（笔/年）", requirement: "推进专利质押融资", clause: "zb2020:6.7" },
    { category: "服务", name: "知识产权托管企业（家）", requirement: "实施知识产权托管工程", clause: "zb2020:6.7" },
    { category: "平台", name: "知识产权公共服务平台（窗口）", requirement: "区县加大公共服务平台搭建支持", clause: "zb2020:10" },
  ],
  projects: [
    { name: "企业“专利清零”“专利倍增”行动", clauses: ["zb2020:6.7"], todo: "服务企业名单与目标" },
    { name: "知识产权托管工程", clauses: ["zb2020:6.7", "zb2020:9.2"], todo: "托管企业与方式" },
    { name: "专利质押融资服务", clauses: ["zb2020:6.1", "zb2020:9.1"], todo: "合作银行与融资目标" },
  ],
  phases: [
    { when: "获批后第1—2个月", work: "成立示范区建设工作机构，完善管理制度，落实配套资金和政策。", clause: "zb2020:11" },
    { when: "获批后第3—9个月", work: "招引服务机构，启动“专利清零”“专利倍增”“对标找差”、托管和质押融资等行动。", clause: "zb2020:6" },
    { when: "获批后第10—12个月", work: "总结各项工作落实情况和成效，准备市知识产权事业发展中心年度认定。", clause: "zb2020:12" },
  ],
  materials: [
    { name: "《淄博市知识产权服务业集聚发展示范区申报书》", clause: "zb2020:8.1", source: "generated", document: "application-form", note: "第七条第1项由申报单位填写；补全待补充项后盖章" },
    { name: "向区县知识产权管理部门提出的申报申请", clause: "zb2020:7.2", source: "applicant", note: "由申报单位向辖区区县知识产权管理部门提出" },
    { name: "区县知识产权管理部门审核推荐意见", clause: "zb2020:7.3", source: "authority", note: "区县审核合格后向市知识产权事业发展中心推荐；申报书已留推荐意见栏（盖章、日期）" },
    { name: "示范区建设工作方案（《建设方案》）", clause: "zb2020:13.1", source: "generated", document: "construction-plan", note: "第十三条、第十四条以《建设方案》为认定依据；提纲初稿，需填写目标值、举措和重点项目" },
    { name: "申报材料真实性承诺书", source: "generated", document: "application-form", embedded: true, note: "《建设方案（试行）》未列明，建议随申报书一并提交；需法定代表人签字并加盖公章" },
    { name: "相关证明材料", source: "applicant", note: "《建设方案（试行）》未列明，建议附上，见下表" },
  ],
  attachments: [
    { name: "区县知识产权管理机制、服务业发展规划和扶持政策文件", proves: "zb2020:5.1" },
    { name: "区内产业基础说明（创新型企业和骨干龙头企业名单）", proves: "zb2020:5.2" },
    { name: "区内知识产权服务点（机构）名单、营业执照及专利代理资质证明", proves: "zb2020:5.3" },
    { name: "申报单位营业执照或法人登记证书复印件", proves: "zb2020:7.1" },
  ],
};

export const JURISDICTION_TEMPLATES: Record<Jurisdiction, JurisdictionTemplate> = { zhejiang: ZHEJIANG, zibo: ZIBO };

export function templateFor(jurisdiction: Jurisdiction): JurisdictionTemplate {
  return JURISDICTION_TEMPLATES[jurisdiction];
}

/** An indicator's requirement as printed, its numbers from the rule parameters. */
export function indicatorRequirement(i: Indicator, figures: PolicyFigures): string {
  return typeof i.requirement === "string" ? i.requirement : i.requirement(figures);
}
