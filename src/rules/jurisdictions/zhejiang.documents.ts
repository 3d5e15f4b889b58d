/**
 * What the Zhejiang drafts say (zj2018): 申报书, 建设工作方案, 材料清单与预审报告.
 * Every entry names the clause it comes from; numbers come from the rule parameters.
 */
import { joinLabels, SERVICE_LABELS } from "../labels.ts";
import { formatCitation } from "../../knowledge/citation.ts";
import type { JurisdictionTemplate } from "../../drafting/jurisdiction-template.types.ts";

export const zhejiangDocuments: JurisdictionTemplate = {
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
  planTexts: {
    basis: `本方案依据${formatCitation("zj2018:9.3")}制定，是示范区建设和考核的依据。`,
    structure: ({ assessment, a1, a2, a3 }) =>
      `结构与${assessment}的考核评价内容相对应：建设目标、主要任务、重点项目和指标对应${a1}，保障措施与体制机制创新对应${a2}，后续工作思路对应${a3}。`,
    period: (cycle) => `建设期与${cycle}每两年一次的考核相衔接。`,
    adjustmentReviewer: "所在设区市知识产权管理部门审核后，报省知识产权局同意",
  },
  localSupportText: "争取设区市和所在地知识产权管理部门在扶持政策、公共服务平台搭建、服务体系建设、人才培养等方面加大支持力度。",
  goalText:
    "加快高端知识产权服务机构聚集，吸引高层次知识产权服务人才，以品牌引领知识产权服务企业集群发展，形成集专利、商标、版权等知识产权全门类，创造、保护、运用全方位的知识产权服务链，为创新驱动发展提供服务支撑。",
  tasks: [
    {
      title: "集聚知识产权服务机构，完善服务产业链",
      clauses: ["zj2018:4.1", "zj2018:7.2"],
      institutions: true,
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

