/**
 * The review queue: applications filtered by status, jurisdiction, pre-check
 * verdict, submission date and a search by number or applicant name, with
 * the count of each status and verdict under the other filters, and paging.
 * A pure function over the stored applications (a bureau has hundreds a
 * year, not millions).
 */
import { jurisdictionSchema } from "../knowledge/jurisdictions.ts";
import { z } from "zod";
import type { ApplicationRecord } from "../store/index.ts";
import type { CheckResult } from "../rules/rule-result.types.ts";

export const STATUSES = ["submitted", "returned", "accepted", "draft"] as const;
export const VERDICTS = ["eligible", "not-eligible", "needs-review"] as const;

/** Query string of the queue page and the exports; anything malformed is dropped, not an error. */
export const queueQuerySchema = z.object({
  status: z.enum(STATUSES).optional().catch(undefined),
  jurisdiction: jurisdictionSchema.optional().catch(undefined),
  verdict: z.enum(VERDICTS).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
});
export type QueueQuery = z.infer<typeof queueQuerySchema>;

export interface QueueRow {
  app: ApplicationRecord;
  applicantName: string | undefined;
  verdict: CheckResult["verdict"] | undefined;
}

export interface QueuePage {
  rows: QueueRow[];
  total: number;
  page: number;
  pages: number;
  statusCounts: Record<(typeof STATUSES)[number], number>;
  verdictCounts: Record<(typeof VERDICTS)[number] | "none", number>;
}

export const PAGE_SIZE = 20;

export function toQueueRow(app: ApplicationRecord): QueueRow {
  const profile = app.profile as { applicant?: { name?: unknown } } | null;
  const name = typeof profile?.applicant?.name === "string" ? profile.applicant.name : undefined;
  const check = app.checkResult as { verdict?: CheckResult["verdict"] } | null;
  return { app, applicantName: name, verdict: check?.verdict };
}

/** YYYY-MM-DD of a moment in China. */
function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Submission date (or creation date for drafts never submitted). */
export function queueDate(app: ApplicationRecord): Date {
  return app.submittedAt ?? app.createdAt;
}

export function filterQueue(apps: readonly ApplicationRecord[], query: QueueQuery, pageSize = PAGE_SIZE): QueuePage {
  const needle = query.q?.toUpperCase();
  const base = apps.map(toQueueRow).filter((row) => {
    if (query.jurisdiction && row.app.jurisdiction !== query.jurisdiction) return false;
    const day = chinaDay(queueDate(row.app));
    if (query.from && day < query.from) return false;
    if (query.to && day > query.to) return false;
    if (needle && !row.app.number.includes(needle) && !(row.applicantName ?? "").toUpperCase().includes(needle)) return false;
    return true;
  });
  const statusCounts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as QueuePage["statusCounts"];
  const verdictCounts = { eligible: 0, "not-eligible": 0, "needs-review": 0, none: 0 } as QueuePage["verdictCounts"];
  for (const row of base) {
    if (!query.verdict || row.verdict === query.verdict) statusCounts[row.app.status]++;
    if (!query.status || row.app.status === query.status) verdictCounts[row.verdict ?? "none"]++;
  }
  const matching = base
    .filter((row) => (!query.status || row.app.status === query.status) && (!query.verdict || row.verdict === query.verdict))
    // Waiting longest first, as a desk works through a queue.
    .sort((a, b) => queueDate(a.app).getTime() - queueDate(b.app).getTime() || a.app.id - b.app.id);
  const pages = Math.max(1, Math.ceil(matching.length / pageSize));
  const page = Math.min(query.page, pages);
  return { rows: matching.slice((page - 1) * pageSize, page * pageSize), total: matching.length, page, pages, statusCounts, verdictCounts };
}
