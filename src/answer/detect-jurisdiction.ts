/**
 * Which policy a question is about. 浙江/省级 → the Zhejiang measures,
 * 淄博/市级/区县 → the Zibo plan; a question naming neither gets both
 * (labelled) when both speak to it; 「两边」「两份政策」 name both. A question that names another place
 * (上海, 北京 …) and neither of ours is outside what the assistant knows.
 */
import type { Jurisdiction } from "../knowledge/jurisdictions.ts";

export { JURISDICTION_OF, POLICY_OF, type Jurisdiction } from "../knowledge/jurisdictions.ts";

// Cities of Zhejiang count as Zhejiang (the provincial measures apply there);
// Zibo's districts and counties as Zibo.
// 省级/市级 name a jurisdiction only when they qualify the zone or the policy
// itself (省级示范区); 「省级示范品牌」 in Zibo 第九条（三） is a brand level.
const LEVEL_SUBJECT = "(?:的)?(?:知识产权服务业)?(?:集聚发展)?(?:示范区|政策|办法|管理办法|方案|建设方案|规定|要求)";
const ZHEJIANG = new RegExp(
  `浙江|省级${LEVEL_SUBJECT}|省里|全省|我省|本省|省内|省知识产权局|省局|杭州|宁波|温州|嘉兴|湖州|绍兴|金华|衢州|舟山|台州|丽水|义乌|设区市`,
);
const ZIBO = new RegExp(
  `淄博|市级${LEVEL_SUBJECT}|本市|我市|市里|市知识产权事业发展中心|区县|张店|淄川|博山|临淄|周村|桓台|高青|沂源`,
);

/** Both policies at once, named by neither place: 「两边的要求差多少」「两份政策有什么不同」. */
const BOTH = /两边|两地|两份(政策|文件|办法|方案)?|两个地方|两个(政策|文件|办法|方案)|两家的(政策|规定)/;

/** Places other than ours; naming one (without ours) puts a question outside both policies. */
const OTHER_PLACES =
  /北京|上海|天津|重庆|广东|广州|深圳|江苏|南京|苏州|无锡|山东省(?!.*淄博)|济南|青岛|烟台|潍坊|河北|河南|湖北|武汉|湖南|长沙|四川|成都|福建|厦门|福州|安徽|合肥|江西|陕西|西安|山西|辽宁|沈阳|大连|吉林|黑龙江|哈尔滨|广西|云南|贵州|海南|甘肃|青海|宁夏|新疆|西藏|内蒙古|香港|澳门|台湾|美国|日本|欧盟|韩国|德国|英国/;

export interface JurisdictionMention {
  /** jurisdictions the question names; empty = none named */
  named: Jurisdiction[];
  /** another place is named and none of ours */
  otherPlaceOnly: boolean;
}

export function detectJurisdiction(text: string): JurisdictionMention {
  const named: Jurisdiction[] = [];
  if (ZHEJIANG.test(text)) named.push("zhejiang");
  if (ZIBO.test(text)) named.push("zibo");
  if (named.length === 0 && BOTH.test(text)) named.push("zhejiang", "zibo");
  return { named, otherPlaceOnly: named.length === 0 && OTHER_PLACES.test(text) };
}
