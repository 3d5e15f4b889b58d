/**
 * The figures a bureau asks for, computed from the stored records: applications
 * per week and status, pre-check verdicts, the most asked policy topics and
 * the share of questions the assistant could not answer (from the masked
 * question log), and the estimates requested per 第九条 item.
 */
import { articleOf, formatClause, parseCitation } from "../knowledge/citation.ts";
import { policyNames } from "../knowledge/jurisdictions.ts";
import { getArticle } from "../knowledge/load-policies.ts";
import type { ApplicationRecord, EstimateRecord, QuestionLogRecord } from "../store/index.ts";
import { queueDate, STATUSES, toQueueRow, VERDICTS } from "./queue.ts";

export interface WeekBucket {
  /** Monday of the week, YYYY-MM-DD (China) */
  week: string;
  counts: Record<(typeof STATUSES)[number], number>;
}

export interface Overview {
  weeks: WeekBucket[];
  statusCounts: Record<(typeof STATUSES)[number], number>;
  verdictCounts: Record<(typeof VERDICTS)[number] | "none", number>;
  questions: { total: number; unanswered: number; unhelpful: number };
  topics: { id: string; label: string; count: number }[];
  /** the latest questions the assistant could not answer (masked at storage) */
  unansweredSamples: { at: Date; question: string }[];
  estimateItems: { clause: string; title: string; count: number; totalMax: number }[];
  estimates: number;
}

const DAY = 24 * 3600_000;

function mondayOf(at: Date): string {
  const china = new Date(at.getTime() + 8 * 3600_000);
  const weekday = (china.getUTCDay() + 6) % 7;
  return new Date(china.getTime() - weekday * DAY).toISOString().slice(0, 10);
}

export function topicLabel(citationId: string): string {
  const article = articleOf(citationId);
  const c = parseCitation(article);
  if (!c) return citationId;
  const heading = getArticle(article)?.heading;
  // 「浙江 第六条（三）」: the short name people type for the jurisdiction (its first alias)
  return `${policyNames(c.doc).aliases[0]} ${formatClause(article)}${heading ? ` ${heading}` : ""}`;
}

interface EstimateLike {
  items?: { clause?: unknown; title?: unknown; maxAmount?: unknown }[];
}

export function buildOverview(
  input: { applications: readonly ApplicationRecord[]; questions: readonly QuestionLogRecord[]; estimates: readonly EstimateRecord[] },
  options: { now: Date; weeks?: number; topics?: number },
): Overview {
  const weekCount = options.weeks ?? 12;
  const weeks: WeekBucket[] = [];
  const thisMonday = mondayOf(options.now);
  for (let i = weekCount - 1; i >= 0; i--) {
    const week = new Date(Date.parse(`${thisMonday}T00:00:00Z`) - i * 7 * DAY).toISOString().slice(0, 10);
    weeks.push({ week, counts: Object.fromEntries(STATUSES.map((s) => [s, 0])) as WeekBucket["counts"] });
  }
  const statusCounts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Overview["statusCounts"];
  const verdictCounts = { eligible: 0, "not-eligible": 0, "needs-review": 0, none: 0 } as Overview["verdictCounts"];
  for (const app of input.applications) {
    const row = toQueueRow(app);
    statusCounts[app.status]++;
    verdictCounts[row.verdict ?? "none"]++;
    const bucket = weeks.find((w) => w.week === mondayOf(queueDate(app)));
    if (bucket) bucket.counts[app.status]++;
  }

  const topicCounts = new Map<string, number>();
  let unanswered = 0;
  let unhelpful = 0;
  for (const q of input.questions) {
    if (q.refused) unanswered++;
    if (q.feedback === "unhelpful") unhelpful++;
    const first = Array.isArray(q.retrievedIds) ? q.retrievedIds.find((id): id is string => typeof id === "string" && parseCitation(id) !== undefined) : undefined;
    if (q.refused || !first) continue;
    const article = articleOf(first);
    topicCounts.set(article, (topicCounts.get(article) ?? 0) + 1);
  }
  const topics = [...topicCounts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, options.topics ?? 8)
    .map(([id, count]) => ({ id, label: topicLabel(id), count }));
  const unansweredSamples = input.questions.filter((q) => q.refused).slice(0, 10).map((q) => ({ at: q.createdAt, question: q.question }));

  const items = new Map<string, { clause: string; title: string; count: number; totalMax: number }>();
  for (const e of input.estimates) {
    for (const item of (e.result as EstimateLike | null)?.items ?? []) {
      if (typeof item.clause !== "string") continue;
      const key = `${item.clause}|${String(item.title ?? "")}`;
      const entry = items.get(key) ?? { clause: item.clause, title: String(item.title ?? ""), count: 0, totalMax: 0 };
      entry.count++;
      entry.totalMax += typeof item.maxAmount === "number" ? item.maxAmount : 0;
      items.set(key, entry);
    }
  }
  const estimateItems = [...items.values()].sort((a, b) => a.clause.localeCompare(b.clause, "en", { numeric: true }) || a.title.localeCompare(b.title));

  return {
    weeks,
    statusCounts,
    verdictCounts,
    questions: { total: input.questions.length, unanswered, unhelpful },
    topics,
    unansweredSamples,
    estimateItems,
    estimates: input.estimates.length,
  };
}
