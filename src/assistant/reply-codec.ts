/**
 * A turn's replies as stored — in the turn journal (committed with the
 * conversation) and in a channel's inbox between answering and delivery — so
 * a message worked again delivers the same replies instead of a second answer.
 * Documents keep their bytes (base64). Read back through zod: a row written
 * by another version of the program is refused rather than half-delivered.
 */
import { z } from "zod";
import type { Reply } from "./message.types.ts";

const option = z.object({ id: z.string(), label: z.string() });
const storedReply = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), text: z.string(), markdown: z.string().optional() }),
  z.object({
    kind: z.literal("choices"),
    text: z.string(),
    options: z.array(option),
    multi: z.boolean().optional(),
    selected: z.array(z.string()).optional(),
    numberAnswer: z.boolean().optional(),
  }),
  z.object({ kind: z.literal("document"), fileName: z.string(), mimeType: z.string(), base64: z.string(), caption: z.string().optional() }),
]);
const storedReplies = z.array(storedReply);

export function encodeReplies(replies: readonly Reply[]): string {
  return JSON.stringify(
    replies.map((reply) => {
      if (reply.kind !== "document") return reply;
      const { data, ...rest } = reply;
      return { ...rest, base64: Buffer.from(data).toString("base64") };
    }),
  );
}

export function decodeReplies(text: string): Reply[] {
  return storedReplies.parse(JSON.parse(text)).map((reply) => {
    if (reply.kind !== "document") return reply;
    const { base64, ...rest } = reply;
    return { ...rest, data: new Uint8Array(Buffer.from(base64, "base64")) };
  });
}
