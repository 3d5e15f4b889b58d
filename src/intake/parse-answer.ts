/**
 * Reads a typed answer for one question with the parser its kind names.
 * "exact" mode is used when the text also reads like a question: then only an
 * unmistakable answer counts (「是」, 「3」, 「1200平米？」), free text never does.
 */
import { asRange, type FactRange } from "../rules/fact-range.ts";
import { implausibleQuestion, plausibleBound, readableQuantity } from "../rules/plausibility.ts";
import type { FactValue } from "./intake-state.schema.ts";
import type { ResolvedQuestion } from "./question.types.ts";
import { parseArea } from "./parsers/parse-area.ts";
import { parseChoice, parseMultiChoice } from "./parsers/parse-choice.ts";
import { parseClientList } from "./parsers/parse-client-list.ts";
import { parseCount } from "./parsers/parse-count.ts";
import { parseCreditCode } from "./parsers/parse-credit-code.ts";
import { parseDate } from "./parsers/parse-date.ts";
import { parsePhone } from "./parsers/parse-mobile.ts";
import { fail, ok, type ParseResult } from "./parsers/parse-result.ts";
import { ADDRESS, ORG_NAME, PERSON_NAME, ZONE_NAME, parseText } from "./parsers/parse-text.ts";
import { parseYear } from "./parsers/parse-year.ts";
import { parseYesNo } from "./parsers/parse-yes-no.ts";

export type ParseMode = "exact" | "lenient";

/** Counts that the input turns into one list entry each: beyond this, no confirmation makes them usable. */
const LIST_HARD_MAX = 100_000;

/**
 * Beyond its plausible bound (rules/plausibility.ts) a figure is asked back —
 * 「您填写的是 1 万亿件，确认吗？」 — instead of being recorded at once.
 */
function plausible(q: ResolvedQuestion, r: ParseResult<number | FactRange>): ParseResult<FactValue> {
  if (!r.ok) return r;
  const bound = plausibleBound(q.id) ?? plausibleBound(q.id.split(".")[0]!);
  const high = asRange(r.value)!.max;
  const unit = q.unit ?? bound?.unit ?? "";
  if (/^(wonCases|clients)\./.test(q.id) && high > LIST_HARD_MAX)
    return fail(`${readableQuantity(high)} ${unit}超出可以处理的范围，请核对`, q.example);
  if (bound && high > bound.max) return { ...r, confirm: `${implausibleQuestion(high, unit)}（通常不超过 ${readableQuantity(bound.max)} ${unit}）` };
  return r;
}

export function parseAnswer(
  q: ResolvedQuestion,
  raw: string,
  now: Date,
  mode: ParseMode = "lenient",
): ParseResult<FactValue> {
  const options = q.options ?? [];
  // 「25？」: the question mark of an unsure answer is not part of it.
  if (mode === "exact") raw = raw.replace(/[?？\s]+$/u, "");
  const freeText = (r: ParseResult<string>) =>
    mode === "exact" ? fail<string>("这句话像是一个问题", q.example) : r;
  switch (q.kind) {
    case "org-name":
      return freeText(parseText(raw, { ...ORG_NAME, example: q.example }));
    case "zone-name":
      return freeText(parseText(raw, { ...ZONE_NAME, example: q.example }));
    case "person-name":
      return freeText(parseText(raw, PERSON_NAME));
    case "address":
      return freeText(parseText(raw, { ...ADDRESS, example: q.example }));
    case "credit-code":
      return parseCreditCode(raw);
    case "phone":
      return parsePhone(raw);
    case "count":
      // Counts that become one entry each (won cases) must be one number.
      return plausible(q, parseCount(raw, q.unit, { allowRange: !q.id.startsWith("wonCases.") }));
    case "area":
      return plausible(q, parseArea(raw));
    case "yes-no":
      return parseYesNo(raw, mode);
    case "choice":
      return parseChoice(raw, options, mode);
    case "multi-choice": {
      const r = parseMultiChoice(raw, options);
      if (!r.ok) return r;
      return ok(r.value.ids, r.value.unrecognized ? `未识别「${r.value.unrecognized}」，已忽略` : undefined);
    }
    case "year":
      return parseYear(raw, now);
    case "date":
      return parseDate(raw, now);
    case "clients":
      return parseClientList(raw);
  }
}
