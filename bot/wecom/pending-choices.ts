/**
 * Plain WeCom text has no buttons, so choices are shown as numbered lines
 * and the user answers with a number. The adapter remembers the last options
 * it showed each user (in memory, 30 minutes) and turns 「2」 back into the
 * option id, so the core receives `{ choice }` exactly as from a Telegram
 * button. On a multi-select several numbers may come at once (「1 3 5」) and
 * 0 means 完成.
 *
 * A number with nothing pending, out of range, or several numbers for a
 * single choice passes through as text: the core's intake accepts numbers
 * too, and an answer such as 「1200」 (square metres) must reach it unchanged.
 */
import type { ChoicesReply } from "./wecom-format.ts";

const DONE_ID = "done";
const TTL_MS = 30 * 60_000;

export interface PendingChoices {
  remember(userId: string, reply: ChoicesReply): void;
  forget(userId: string): void;
  /** The option ids the user's numeric reply stands for, in order; `undefined` when it is not such a reply. */
  resolve(userId: string, text: string): string[] | undefined;
}

export function createPendingChoices(options: { now?: () => number } = {}): PendingChoices {
  const now = options.now ?? Date.now;
  const pending = new Map<string, { reply: ChoicesReply; at: number }>();
  return {
    remember(userId, reply) {
      pending.delete(userId);
      pending.set(userId, { reply, at: now() });
      // Bounded: drop the oldest entries past 10,000 users.
      while (pending.size > 10_000) pending.delete(pending.keys().next().value!);
    },
    forget(userId) {
      pending.delete(userId);
    },
    resolve(userId, text) {
      const entry = pending.get(userId);
      if (!entry || now() - entry.at > TTL_MS) return undefined;
      const trimmed = text.trim();
      // A question that wants a number lists its buttons by name (wecom-format.ts):
      // the name typed back is the button, a number is the answer itself.
      if (entry.reply.numberAnswer) {
        const typed = trimmed.normalize("NFKC");
        const named = entry.reply.options.find((o) => o.label.replace(/^\s*\d+[.．、]\s*/u, "").normalize("NFKC") === typed);
        return named ? [named.id] : undefined;
      }
      if (!/^\d{1,3}(?:[\s,，、]+\d{1,3})*$/.test(trimmed)) return undefined;
      const numbers = trimmed.split(/[\s,，、]+/).map(Number);
      const { reply } = entry;
      const options = reply.multi ? reply.options.filter((o) => o.id !== DONE_ID) : reply.options;
      if (!reply.multi && numbers.length !== 1) return undefined;
      const ids: string[] = [];
      for (const n of numbers) {
        if (reply.multi && n === 0) ids.push(DONE_ID);
        else if (n >= 1 && n <= options.length) ids.push(options[n - 1]!.id);
        else return undefined;
      }
      return ids;
    },
  };
}
