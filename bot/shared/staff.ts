import type { ChannelId } from "../../src/assistant/message.types.ts";
import type { Config } from "../../src/config.ts";

/** Whether `userId` on `channel` is on the STAFF_IDS allow-list. */
export function isStaff(staff: Config["staff"], channel: ChannelId, userId: string): boolean {
  return staff.some((s) => s.channel === channel && s.userId === userId);
}
