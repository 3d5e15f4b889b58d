/**
 * What the Zibo drafts say (zb2020): 申报书, 建设工作方案, 材料清单与预审报告.
 * Every entry names the clause it comes from; numbers come from the rule parameters.
 */
import { joinLabels, SERVICE_LABELS } from "../labels.ts";
import { formatCitation } from "../../knowledge/citation.ts";
import type { JurisdictionTemplate } from "../../drafting/jurisdiction-template.types.ts";

export const ziboDocuments: JurisdictionTemplate = {
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
    applicantInfo: "zb2020:7.1",
    submission: "zb2020:8",
    support: "zb2020:9",
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
  planTexts: {
    basis: `本方案依据${formatCitation("zb2020:13")}关于《建设方案》的规定制定，是认定示范区建设的重要依据。`,
    structure: ({ assessment, a1, a2, a3 }) =>
      `结构与${assessment}的认定内容相对应：主要任务、重点项目和进度安排中确定的各项工作对应${a1}（各项工作落实情况及成效），保障措施与体制机制创新对应${a2}，后续工作思路对应${a3}。`,
    period: (cycle) => `建设期与${cycle}每年度一次的认定相衔接。`,
    adjustmentReviewer: "所在区县知识产权管理部门审核后，报市知识产权事业发展中心同意",
  },
  // With a county condition (zb2020:5.1) the plan states the county's support instead.
  localSupportText: "争取区县在扶持政策、公共服务平台搭建、服务体系建设、人才培养等方面加大支持力度。",
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
      institutions: true,
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

