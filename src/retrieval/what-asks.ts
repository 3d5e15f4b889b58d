/**
 * When 什么/啥 ask "what", read the same way wherever a message is taken apart (message-clauses.ts,
 * split-asks.ts). Two everyday uses do not ask: 没什么/没啥 ("not any": 「没啥背景」) and a list closed by
 * 什么的/啥的 ("and so on": 「有的就想单独办个年费监控啥的，」).
 */

/** Not after 没/没有 (「有没有什么要求」 still asks). */
const NOT_ANY = "(?<!(?:^|[^有])没有?)";
/** 什么的/啥的 closing a clause lists; after a verb (干啥的, 是做什么的) it asks what for. */
const AND_SO_ON = "(?<![干做搞是为])(?:什么|啥)的(?=[，,。！!～~\\s…]|$)";

/** 什么/啥 that ask: a regex source fragment. */
export const WHAT_ASKS = `(?!${AND_SO_ON})${NOT_ANY}(?:什么|啥)`;
