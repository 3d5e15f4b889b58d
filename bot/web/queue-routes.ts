/** The queue page (filters, counts, search, paging; htmx swaps the table) and its CSV/XLSX export. */
import type { FastifyInstance } from "fastify";
import { filterQueue, queueQuerySchema, STATUSES, VERDICTS } from "../../src/review/queue.ts";
import { chinaDateTime } from "../../src/review/china-time.ts";
import { queueDate } from "../../src/review/queue.ts";
import { page, requireStaff, type DeskContext } from "./desk-page.ts";
import { DESK_STATUS_LABELS, DESK_VERDICT_LABELS, JURISDICTION_LABELS } from "./desk-labels.ts";
import { queueCsv, queueXlsx } from "./queue-export.ts";

export function registerQueueRoutes(app: FastifyInstance, ctx: DeskContext): void {
  app.get("/queue", { preHandler: requireStaff() }, async (request, reply) => {
    const query = queueQuerySchema.parse(request.query ?? {});
    // The default view is the work to do: 待审.
    const raw = request.query as Record<string, string | undefined>;
    if (raw.status === undefined) query.status = "submitted";
    if (raw.status === "all") query.status = undefined;
    const result = filterQueue(await ctx.store.applications.listAll(), query);
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, status: query.status ?? "all", page: undefined })) if (v !== undefined && v !== "") params.set(k, String(v));
    const data = {
      title: "申报审核列表",
      query,
      result,
      params: params.toString(),
      STATUSES,
      VERDICTS,
      DESK_STATUS_LABELS,
      DESK_VERDICT_LABELS,
      JURISDICTION_LABELS,
      when: (row: (typeof result.rows)[number]) => (row.app.submittedAt ? chinaDateTime(queueDate(row.app)) : "—"),
    };
    if (request.headers["hx-request"] === "true" && request.headers["hx-target"] === "queue-results") {
      return reply.header("cache-control", "no-store").view("queue-results.eta", { ...data, principal: request.principal });
    }
    return page(reply, request, "queue.eta", data);
  });

  app.get("/export.:format", { preHandler: requireStaff() }, async (request, reply) => {
    const format = (request.params as { format: string }).format;
    if (format !== "csv" && format !== "xlsx") return reply.callNotFound();
    const query = queueQuerySchema.parse(request.query ?? {});
    const rows = filterQueue(await ctx.store.applications.listAll(), { ...query, page: 1 }, Number.MAX_SAFE_INTEGER).rows;
    await ctx.store.audit.record({ actor: request.principal!.actor, action: "desk.export", subject: "applications", detail: { format, count: rows.length } });
    const stamp = chinaDateTime(ctx.now()).slice(0, 10);
    const name = `申报列表-${stamp}.${format}`;
    reply.header("content-disposition", `attachment; filename="applications-${stamp}.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`);
    reply.header("cache-control", "no-store");
    if (format === "csv") return reply.type("text/csv; charset=utf-8").send(queueCsv(rows));
    return reply.type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").send(await queueXlsx(rows, ctx.now()));
  });
}
