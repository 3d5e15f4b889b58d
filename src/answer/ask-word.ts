/**
 * What is left of a question (a side's, a follow-up's, a claim) still asks something: a question word or a yes/no
 * form. Read by compare-sides.ts, side-claims.ts and resolve-follow-up.ts.
 */
export const ASK_WORD = /什么|啥|哪|多少|几|谁|怎|如何|吗|么|是否|能否|有没有|是不是|(.)[不没]\1/;
