/**
 * The intake's questions in the words of 《浙江省…管理办法（试行）》 (zj2018),
 * where they differ from the intake's general words (src/intake/application-questions.ts).
 * A text that shows a number reads it from the parameters in force.
 */
import type { IntakeWording } from "../jurisdiction.types.ts";

const FORM = { why: "填入《浙江省知识产权服务业集聚发展示范区建设申报书》。", clause: "zj2018:9.2" };

export const zhejiangIntakeWording: IntakeWording = {
  "applicant.name": { ...FORM, prompt: "示范区依托单位（申报单位）的全称是什么？", example: "杭州某某科技园发展有限公司" },
  "applicant.creditCode": { clause: FORM.clause },
  "applicant.contactName": FORM,
  "applicant.contactPhone": FORM,
  "applicant.address": { ...FORM, example: "杭州市西湖区某某路 1 号" },
  "zone.name": { why: "用于申报书和《建设工作方案》的标题。", clause: "zj2018:9.3" },
  "zone.areaType": {
    why: "示范区一般围绕高新园区、科技城、高新技术特色小镇等产业特色明显的地区布局；其他区域不一定不行，但会提示。",
    clause: "zj2018:5",
  },
  "carrier.type": { clause: "zj2018:6.1" },
  "carrier.ownership": { clause: "zj2018:6.1" },
  "zone.industryAdvantage": {
    prompt: "所在区域产业优势是否明显——聚集了一批创新型企业和骨干龙头企业，企业、高校、院所对知识产权服务有较强需求？",
    why: "依托单位所在区域产业优势明显，是申报条件之一。",
    clause: "zj2018:6.2",
  },
  "zone.serviceInstitutions": {
    prompt: "区内现有知识产权服务机构多少家？",
    why: (p) => `要求现有知识产权服务机构 ${String(p.minServiceInstitutions)} 家以上。`,
    clause: "zj2018:6.3",
    example: "25家",
  },
  "zone.coreAreaSqm": { why: (p) => `要求核心区面积不少于 ${String(p.minCoreAreaSqm)} 平方米。`, clause: "zj2018:6.3" },
  "zone.services": {
    why: "要求能基本保障专利、商标、版权等各类知识产权的代理、法律、信息、商用化、咨询、培训等服务需求。",
    clause: "zj2018:6.3",
  },
  "zone.ipManagementSystem": { clause: "zj2018:6.4" },
};
