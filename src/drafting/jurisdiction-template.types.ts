/**
 * The shape of a jurisdiction's documents: what differs between one
 * jurisdiction's drafts and another's (titles, who recommends, which clauses
 * each section answers, the plan's tasks, indicators, key projects and
 * timetable, the materials list). Each jurisdiction module carries one
 * (src/rules/jurisdictions/*.documents.ts); the builders read it. A leaf: types only.
 */
import type { Jurisdiction, PolicyId } from "../knowledge/jurisdictions.ts";
import type { Service } from "../rules/zone-profile.schema.ts";

export interface PolicyFigures {
  /** 现有知识产权服务机构 N 家以上 (zj2018:6.3) / 服务点（机构）N 家以上 (zb2020:5.3) */
  minServiceInstitutions: number;
  /** 核心区面积不少于 N 平方米 (zj2018:6.3); Zibo sets none */
  minCoreAreaSqm?: number;
  /**
   * What the institutions condition requires as groups: Zhejiang 第六条（三） is a
   * grid of IP kinds × service kinds; Zibo 第五条（三） one list.
   */
  serviceGroups: { title: string; services: Service[] }[];
  /** every required service, in the order the clause lists them */
  requiredServices: Service[];
  /** Zibo 第九条（五）: 「超过70件、120件、200件」 */
  inventionGrantTiers?: number[];
}

export interface PlanTask {
  title: string;
  /** the clauses this task answers item by item (zj2018:4.1, zj2018:7.2 …) */
  clauses: string[];
  /** what the policy asks, in the plan's words */
  content: string;
  /** what the applicant must add: concrete measures, names, dates */
  todo: string;
  /** the task that gathers service institutions: the profile's count and coverage are its current state */
  institutions?: boolean;
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
    /** the applicant's section where no carrier condition has one (zb2020:7.1) */
    applicantInfo?: string;
    /** where the policy says what to submit, when that is an article of its own (zb2020:8) */
    submission?: string;
    /** the support article (zb2020:9): cited by tasks, but not a task of the plan */
    support?: string;
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
  /** the construction plan's own sentences, with the clauses as the builder formats them */
  planTexts: {
    /** 「本方案依据…制定」 */
    basis: string;
    /** how the plan's parts answer the assessment (review edition); a1–a3 = the assessment items */
    structure: (c: { assessment: string; a1: string; a2: string; a3: string }) => string;
    /** how the building period meets the assessment cycle */
    period: (cycle: string) => string;
    /** who approves a change of the plan (zj2018:16 / zb2020:14) */
    adjustmentReviewer: string;
  };
  /** the plan's sentence on local support, where no county condition names it (zj2018:12) */
  localSupportText: string;
  tasks: PlanTask[];
  indicators: Indicator[];
  projects: KeyProject[];
  phases: Phase[];
  materials: MaterialTemplate[];
  /** attachments we suggest to prove each condition (not named by the policy) */
  attachments: { name: string; proves: string }[];
}

