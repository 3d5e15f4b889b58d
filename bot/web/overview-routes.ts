/** The overview page: the figures a bureau asks for, as charts. */
import type { FastifyInstance } from "fastify";
import { formatClause } from "../../src/knowledge/citation.ts";
import { chinaDateTime } from "../../src/review/china-time.ts";
import { buildOverview } from "../../src/review/overview.ts";
import { STATUSES, VERDICTS } from "../../src/review/queue.ts";
import { formatYuan } from "../../src/rules/index.ts";
import { page, requireStaff, type DeskContext } from "./desk-page.ts";
import { DESK_STATUS_LABELS, DESK_VERDICT_LABELS } from "./desk-labels.ts";
import { barChart, PALETTE, stackedColumns } from "./svg-charts.ts";

const STATUS_COLORS: Record<(typeof STATUSES)[number], string> = { submitted: "#1f5fa8", returned: "#b7791f", accepted: "#2e8b57", draft: "#8a8f98" };
const VERDICT_COLORS: Record<(typeof VERDICTS)[number] | "none", string> = { eligible: "#2e8b57", "not-eligible": "#c0392b", "needs-review": "#b7791f", none: "#8a8f98" };

/** How many logged questions and estimates the overview reads (newest first). */
const RECENT_LIMIT = 5000;

export function registerOverviewRoutes(app: FastifyInstance, ctx: DeskContext): void {
  app.get("/overview", { preHandler: requireStaff() }, async (request, reply) => {
    const [applications, questions, estimates] = await Promise.all([
      ctx.store.applications.listAll(),
      ctx.store.questions.recent(RECENT_LIMIT),
      ctx.store.estimates.recent(RECENT_LIMIT),
    ]);
    const o = buildOverview({ applications, questions, estimates }, { now: ctx.now() });
    const share = (n: number, of: number) => (of ? `${Math.round((n / of) * 100)}%` : "—");
    const charts = {
      weeks: stackedColumns(
        o.weeks.map((w) => ({ label: w.week.slice(5), values: STATUSES.map((s) => w.counts[s]) })),
        STATUSES.map((s) => ({ label: DESK_STATUS_LABELS[s], color: STATUS_COLORS[s] })),
        { title: "每周申报（按提交日期，草稿按创建日期）" },
      ),
      status: barChart(
        STATUSES.map((s) => ({ label: DESK_STATUS_LABELS[s], value: o.statusCounts[s], color: STATUS_COLORS[s] })),
        { title: "申报状态", labelWidth: 90, width: 420 },
      ),
      verdicts: barChart(
        [...VERDICTS, "none" as const].map((v) => ({ label: DESK_VERDICT_LABELS[v], value: o.verdictCounts[v], color: VERDICT_COLORS[v] })),
        { title: "预审结论", labelWidth: 90, width: 420 },
      ),
      topics: barChart(o.topics.map((t) => ({ label: t.label, value: t.count, color: PALETTE[0] })), { title: "最常问到的政策条款", labelWidth: 230 }),
      answered: barChart(
        [
          { label: "已回答", value: o.questions.total - o.questions.unanswered, color: "#2e8b57", note: share(o.questions.total - o.questions.unanswered, o.questions.total) },
          { label: "未能回答", value: o.questions.unanswered, color: "#c0392b", note: share(o.questions.unanswered, o.questions.total) },
        ],
        { title: "问题回答情况", labelWidth: 90, width: 420 },
      ),
      estimates: barChart(
        o.estimateItems.map((e) => ({ label: `${formatClause(e.clause)} ${e.title}`, value: e.count, color: "#6b4fa0" })),
        { title: "资助测算涉及的第九条各项", labelWidth: 260 },
      ),
    };
    await ctx.store.audit.record({ actor: request.principal!.actor, action: "desk.overview", subject: "overview" });
    return page(reply, request, "overview.eta", { title: "统计概览", o, charts, share, formatClause, formatYuan, chinaDateTime, generatedAt: chinaDateTime(ctx.now()) });
  });
}
