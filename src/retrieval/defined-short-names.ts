/**
 * Short names a text defines for a document it names: Zhejiang's 第九条 says
 * 「制定《浙江省知识产权服务业集聚发展示范区建设工作方案》（以下简称《建设方案》）」,
 * and from then on writes only 《建设方案》 (第十五条, 第十六条). A question in the
 * full name's words (「工作方案要变更怎么弄」) speaks of the clauses that use the
 * short name, so those clauses are indexed with the full name's words as well.
 * Only names in 《》 are read: a short name in quotes (淄博's 「（以下简称“示范区”）」)
 * names the subject of every clause and would tell none apart.
 */

export interface DefinedShortName {
  full: string;
  short: string;
}

const DEFINITION = /《([^》]+)》[（(]以下简称《([^》]+)》[）)]/gu;

/** The short names a text defines, in the order it defines them. */
export function definedShortNames(text: string): DefinedShortName[] {
  return [...text.matchAll(DEFINITION)].map((m) => ({ full: m[1]!, short: m[2]! }));
}

/** The full names of the documents a clause refers to by a short name defined in its own text. */
export function fullNamesUsedIn(clause: string, defined: readonly DefinedShortName[]): string[] {
  return defined.filter((d) => clause.includes(`《${d.short}》`) && !clause.includes(d.full)).map((d) => d.full);
}
