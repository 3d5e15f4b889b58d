/**
 * Messages that try to change the assistant's rules instead of asking about
 * the policies ("忽略之前的指令…", "ignore previous instructions"). They are
 * refused before anything is retrieved; retrieved policy text itself is only
 * ever quoted, never obeyed (see llm-prompt.ts).
 */
const PATTERNS: readonly RegExp[] = [
  /(忽略|无视|忘掉|忘记|不要理会|别管).{0,12}(指令|指示|规则|提示|设定|约束|限制|要求|政策|规定|身份|系统)/,
  // 跳过, 绕过 and 覆盖 are also words of the texts' world (「覆盖范围」 a zone's services cover, 「绕过区县直接报」):
  // only an order about the assistant's own instructions is one.
  /(跳过|绕过|覆盖)(你|之前|以上|上面|前面|所有|原来|原有|的){0,3}(指令|指示|提示|设定|身份|系统)/,
  /(系统|初始|隐藏)(提示|指令|设定|prompt)/i,
  /提示词|越狱|开发者模式|不受限制|没有限制的|角色扮演|你现在是|从现在起你/,
  // Playing a part is asked of the assistant (「请扮演…」「你扮演…」); 「园区在其中扮演什么角色」 asks about the texts.
  /(^|[。！？!?]\s*|你|请|现在)(来|就)?扮演/,
  /\b(ignore|disregard|forget|override)\b.{0,30}\b(instructions?|rules?|prompts?|above|previous)\b/i,
  /\b(system prompt|jailbreak|developer mode|you are now)\b/i,
  // 「Act as a lawyer」「please pretend …」「you will act as …」: an order to the assistant, at the start of a
  // sentence or after 「you」/「please」. 「Could a science park act as the host?」 asks about the texts.
  /(^|[.!?]\s+|\b(?:please|you|now)\s+(?:(?:will|must|should|shall|can|to)\s+)?)(act as|pretend)\b/i,
];

export function looksLikeInjection(text: string): boolean {
  return PATTERNS.some((p) => p.test(text));
}
