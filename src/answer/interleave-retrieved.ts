/**
 * Retrieval of several asks (or sides, or English asks) in turn, best first:
 * the first pieces of each come before the rest, each piece once.
 */
export function interleave(lists: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  for (let r = 0; r < Math.max(0, ...lists.map((l) => l.length)); r++) {
    for (const l of lists) if (l[r] !== undefined && !out.includes(l[r]!)) out.push(l[r]!);
  }
  return out;
}
