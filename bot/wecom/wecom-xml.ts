/**
 * The XML of WeCom callbacks, parsed with fast-xml-parser and checked with
 * zod. Values stay strings (`MsgId` is a 64-bit number; `Content` may be digits).
 */
import { XMLParser } from "fast-xml-parser";
import { z } from "zod";
import { WecomCallbackError } from "./wecom-errors.ts";

const parser = new XMLParser({ parseTagValue: false, parseAttributeValue: false, ignoreAttributes: true, trimValues: true });

const envelopeSchema = z.object({
  xml: z.object({
    ToUserName: z.string().optional(),
    AgentID: z.string().optional(),
    Encrypt: z.string().min(1),
  }),
});

export const inboundSchema = z.object({
  ToUserName: z.string(),
  FromUserName: z.string().min(1),
  CreateTime: z.coerce.number().int(),
  MsgType: z.string().min(1),
  Content: z.string().optional(),
  MsgId: z.string().optional(),
  AgentID: z.string().optional(),
  Event: z.string().optional(),
  EventKey: z.string().optional(),
});
/** A decrypted message or event. */
export type WecomInbound = z.infer<typeof inboundSchema>;

function parse(xml: string): unknown {
  try {
    return parser.parse(xml);
  } catch (err) {
    throw new WecomCallbackError("bad-request", 400, `XML 无法解析：${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The outer `<xml><Encrypt>…</Encrypt></xml>` of a POSTed callback. */
export function parseEnvelope(xml: string): z.infer<typeof envelopeSchema>["xml"] {
  const result = envelopeSchema.safeParse(parse(xml));
  if (!result.success) throw new WecomCallbackError("bad-request", 400, "回调内容缺少 Encrypt");
  return result.data.xml;
}

/** The decrypted inner message. */
export function parseInbound(xml: string): WecomInbound {
  const result = z.object({ xml: inboundSchema }).safeParse(parse(xml));
  if (!result.success) throw new WecomCallbackError("bad-request", 400, `消息格式不符：${result.error.issues[0]?.message ?? ""}`);
  return result.data.xml;
}
