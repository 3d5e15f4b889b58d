/**
 * When 什么/啥 ask "what", read the same way wherever a message is taken apart (message-clauses.ts,
 * split-asks.ts). Everyday uses that do not ask: 没什么/没啥 ("not any": 「没啥背景」), a list closed by
 * 什么的/啥的 ("and so on": 「有的就想单独办个年费监控啥的，」), and 什么都/谁也 (any, none at all).
 */

/** Not after 没/没有 (「有没有什么要求」 still asks). */
const NOT_ANY = "(?<!(?:^|[^有])没有?)";
/** 什么的/啥的 closing a clause lists; after a verb (干啥的, 是做什么的) it asks what for. */
const AND_SO_ON = "(?<![干做搞是为])(?:什么|啥)的(?=[，,。！!～~\\s…]|$)";

/** 什么/啥 that ask: a regex source fragment. Not 什么都/什么也 (anything at all). */
export const WHAT_ASKS = `(?!${AND_SO_ON})${NOT_ANY}(?:什么|啥)(?![都也])`;

/** 谁 that asks: not 谁也/谁都 (「最后谁也说服不了谁」: nobody), nor the 谁 that closes such a clause. */
export const WHO_ASKS = "(?<!谁[也都][^，,。？?！!]{0,8})谁(?![也都])";
