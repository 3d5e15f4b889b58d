/**
 * Who is signed in to the review desk, re-checked on every request: an
 * account that still exists and is not disabled, or a chat identity still on
 * STAFF_IDS. A session whose identity lost staff rights is refused, whatever
 * the cookie says.
 */
import type { Store, StaffRole } from "../../src/store/index.ts";

/** What the session cookie holds. */
export type SessionIdentity = { kind: "account"; name: string } | { kind: "chat"; key: string };

export interface DeskPrincipal {
  /** how the audit trail names them: desk:zhangsan, telegram:42 */
  actor: string;
  /** shown in the header */
  name: string;
  role: StaffRole;
  canDecide: boolean;
}

export const ROLE_LABELS: Record<StaffRole, string> = { reviewer: "审核人员", viewer: "只读（查看与统计）" };

export async function resolvePrincipal(
  store: Store,
  staff: readonly { channel: string; userId: string }[],
  identity: SessionIdentity | undefined,
): Promise<DeskPrincipal | undefined> {
  if (!identity) return undefined;
  if (identity.kind === "account") {
    const account = await store.staffAccounts.findByName(identity.name);
    if (!account || account.disabledAt) return undefined;
    return { actor: `desk:${account.name}`, name: account.displayName ?? account.name, role: account.role, canDecide: account.role === "reviewer" };
  }
  const [channel, ...rest] = identity.key.split(":");
  const userId = rest.join(":");
  if (!staff.some((s) => s.channel === channel && s.userId === userId)) return undefined;
  const user = await store.users.findByChannelId(channel!, userId);
  return { actor: identity.key, name: user?.displayName ?? identity.key, role: "reviewer", canDecide: true };
}
