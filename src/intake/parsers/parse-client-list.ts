/**
 * Clients of 专利清零/专利倍增 (第九条（五）), kept usable in chat: either a
 * count of qualifying clients (「3家」「没有」) or a list of names with their
 * invention grants (「甲公司 2件；乙公司 1件」). A list lets the estimate apply
 * "a client named twice counts once"; a count is quicker to type.
 */
import { cleanAnswer } from "./normalize-input.ts";
import { parseCount } from "./parse-count.ts";
import { parseNumeral, NUMERAL_CHARS } from "./parse-chinese-number.ts";
import { fail, ok, type ParseResult } from "./parse-result.ts";

export type ClientAnswer =
  | { count: number }
  | { clients: { name: string; inventionGrants: number }[] };

const EXAMPLE = "「3家」，或「甲公司 2件；乙公司 1件」；没有请回复「没有」";
const ENTRY = new RegExp(`^(.+?)[\\s:：(（]*(?:授权|发明专利授权|发明)?[\\s:：]*([${NUMERAL_CHARS}]+)\\s*件?[)）]?$`, "u");

export function parseClientList(raw: string): ParseResult<ClientAnswer> {
  const text = cleanAnswer(raw);
  const count = parseCount(text, "家", { allowRange: false });
  if (count.ok && typeof count.value === "number") return ok({ count: count.value }, count.note);
  const entries = text.split(/[;；\n、,，]+/u).map((e) => e.trim()).filter((e) => e !== "");
  const clients: { name: string; inventionGrants: number }[] = [];
  for (const entry of entries) {
    const m = ENTRY.exec(entry);
    const grants = m ? parseNumeral(m[2]!) : undefined;
    const name = m?.[1]?.trim() ?? "";
    if (!m || grants === undefined || !Number.isInteger(grants) || [...name].length < 2) {
      return fail(`没能读懂「${entry}」：请写企业名称和为其代理的发明专利授权件数`, EXAMPLE);
    }
    clients.push({ name, inventionGrants: grants });
  }
  if (clients.length === 0) return fail("请填写家数或企业名单", EXAMPLE);
  return ok({ clients });
}
