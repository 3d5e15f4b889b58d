/**
 * The intake's questions in the words of 《淄博市…建设方案（试行）》 (zb2020),
 * where they differ from the intake's general words (src/intake/application-questions.ts).
 * A text that shows a number reads it from the parameters in force.
 */
import type { IntakeWording } from "../jurisdiction.types.ts";

const FORM = { why: "填入《淄博市知识产权服务业集聚发展示范区申报书》。", clause: "zb2020:8.1" };
const COUNTY = { clause: "zb2020:5.1" };

export const ziboIntakeWording: IntakeWording = {
  "applicant.name": { ...FORM, prompt: "示范区创建单位（申报单位）的全称是什么？", example: "淄博某某科技园发展有限公司" },
  "applicant.creditCode": { clause: FORM.clause },
  "applicant.contactName": FORM,
  "applicant.contactPhone": FORM,
  "applicant.address": { ...FORM, example: "淄博市张店区某某路 1 号" },
  "zone.name": { why: "用于申报书的标题。", clause: "zb2020:8.1" },
  "zone.areaType": {
    why: "优先考虑在创新创业园区、示范区、经济（技术）开发区等区域建设示范区；其他区域不一定不行，但会提示。",
    clause: "zb2020:3",
  },
  "zone.industryAdvantage": {
    prompt: "示范区内产业优势是否明显——聚集了一批创新型企业和骨干龙头企业，创新主体对知识产权服务有较强需求？",
    why: "示范区内产业优势明显，是申报条件之一。",
    clause: "zb2020:5.2",
  },
  "zone.serviceInstitutions": {
    prompt: "示范区内已有知识产权服务点（机构）多少家？",
    why: (p) => `要求已有知识产权服务点（机构）${String(p.minServiceInstitutions)} 家以上。`,
    clause: "zb2020:5.3",
    example: "3家",
  },
  "zone.services": {
    why: "要求能基本保障专利、商标、版权、地理标志、植物新品种和专利检索分析、导航预警、评议评估、质押融资、转移转化及托管等服务需求。",
    clause: "zb2020:5.3",
  },
  "county.managementMechanism": COUNTY,
  "county.developmentPlan": COUNTY,
  "county.supportPolicies": COUNTY,
};
