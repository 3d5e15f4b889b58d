/**
 * A zone of a level neither text governs. The Zhejiang measures govern
 * provincial zones and the Zibo plan municipal ones; the national scheme
 * (国家知识产权服务业集聚区 / 集聚发展区) has rules of its own. Both texts name it
 * only as the next step for an excellent zone (zj2018 第十六条, zb2020 第十四条:
 * 「优秀的优先推荐申报国家知识产权服务业集聚区」; zb2020 第四条: the centre
 * 「负责向国家、省知识产权局推荐」). So a question about how to apply for, or
 * qualify as, a national zone is not answered by either text — unless it asks
 * about that recommendation, which they do state.
 *
 * 国家级示范品牌 (zb2020 第九条（三）) is a brand level, not a zone: only a level
 * word directly qualifying a zone counts.
 */
const NATIONAL_ZONE = /(国家级?|全国性?|国家知识产权局)的?(知识产权服务业)?(集聚发展示范区|集聚发展区|集聚区|示范区)/;
/** The one relation the texts state between our zones and the national scheme. */
const RECOMMENDATION = /推荐/;

/** A sentence of the texts that speaks of the national scheme. */
export const NATIONAL_MENTION = /国家[^。；]{0,20}(集聚发展区|集聚区)/;

/** The national-level zone a question is about (as written), or undefined. */
export function otherLevelZone(question: string): string | undefined {
  if (RECOMMENDATION.test(question)) return undefined;
  // A document's title in 《》 (「《国家知识产权服务业集聚发展区工作实施办法》文号是多少」) is a
  // document the Zibo plan cites, not a zone the asker wants to join.
  return NATIONAL_ZONE.exec(question.replace(/《[^》]*》/gu, ""))?.[0];
}
