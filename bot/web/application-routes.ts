/**
 * One application: the pre-check first (verdict, each condition with its
 * evidence and clause, warnings), the three documents readable in the page
 * and as .docx, the collected answers, the history, what changed since a
 * return — and the decision form.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { returnNotes } from "../../src/assistant/application-workflow.ts";
import { decideApplication, precheckOf } from "../../src/assistant/review-decision.ts";
import { loadReviewRecord } from "../../src/assistant/review-record.ts";
import { draftApplication, DOCX_MIME } from "../../src/drafting/draft-application.ts";
import { formatClause } from "../../src/knowledge/citation.ts";
import { describeProfile } from "../../src/review/changes-since-return.ts";
import { chinaDateTime } from "../../src/review/china-time.ts";
import { CONDITION_STATUS_LABELS, VERDICT_LABELS } from "../../src/reports/index.ts";
import { zoneProfileSchema } from "../../src/rules/zone-profile.schema.ts";
import type { ApplicationRecord } from "../../src/store/index.ts";
import { page, requireStaff, type DeskContext } from "./desk-page.ts";
import { DESK_STATUS_LABELS, DESK_VERDICT_LABELS, JURISDICTION_LABELS } from "./desk-labels.ts";
import { markdownToHtml } from "./markdown-html.ts";

const NUMBER = /^Z[JB]-\d{4}-\d{4,}$/u;

const decisionSchema = z.object({
  decision: z.enum(["accepted", "returned"]),
  comment: z.string().max(2000).optional(),
  reason: z.string().max(2000).optional(),
  version: z.coerce.number().int().optional(),
});

const NOTICES: Record<string, string> = {
  accepted: "已受理，并已通知申报单位。",
  returned: "已退回，意见已转告申报单位。",
};

async function drafts(ctx: DeskContext, app: ApplicationRecord) {
  const check = precheckOf(app);
  if (!check) return undefined;
  const { revision, notes } = await returnNotes(ctx.store, app);
  // Staff read the review edition (clauses under each heading); the applicant's clean edition is downloadable too.
  return draftApplication(zoneProfileSchema.parse(app.profile), check, { now: ctx.now(), revision, returnNotes: notes, editions: ["review", "applicant"] });
}

async function findApp(ctx: DeskContext, request: FastifyRequest): Promise<ApplicationRecord | undefined> {
  const number = String((request.params as { number?: string }).number ?? "").toUpperCase();
  return NUMBER.test(number) ? ctx.store.applications.findByNumber(number) : undefined;
}

async function showApplication(
  ctx: DeskContext,
  request: FastifyRequest,
  reply: FastifyReply,
  app: ApplicationRecord,
  form: { error?: string; comment?: string; reason?: string; notice?: string; needsReason?: boolean } = {},
) {
  const check = precheckOf(app);
  const record = await loadReviewRecord(ctx.store, app);
  const draft = await drafts(ctx, app);
  const profile = app.profile as { applicant?: { name?: string } };
  return page(reply, request, "application.eta", {
    title: `${app.number} ${profile.applicant?.name ?? ""}`,
    app,
    applicantName: profile.applicant?.name ?? "（未填单位名称）",
    check,
    record,
    documents: (draft?.files ?? [])
      .filter((f) => f.edition === "review")
      .map((f) => ({ kind: f.kind, title: f.title, html: markdownToHtml(f.markdown), placeholders: f.placeholders.length })),
    answers: describeProfile(app.profile, app.jurisdiction),
    form,
    decidedByName: app.decidedBy ? [...record.history].reverse().find((h) => h.actor === app.decidedBy)?.actorName ?? app.decidedBy : undefined,
    formatClause,
    chinaDateTime,
    VERDICT_LABELS,
    CONDITION_STATUS_LABELS,
    DESK_STATUS_LABELS,
    DESK_VERDICT_LABELS,
    JURISDICTION_LABELS,
  });
}

export function registerApplicationRoutes(app: FastifyInstance, ctx: DeskContext): void {
  app.get("/applications/:number", { preHandler: requireStaff() }, async (request, reply) => {
    const found = await findApp(ctx, request);
    if (!found) return page(reply.code(404), request, "message.eta", { title: "没有找到申报", message: "没有这个编号的申报，请核对编号（例如 ZJ-2026-0001）。", back: "/queue" });
    await ctx.store.audit.record({ actor: request.principal!.actor, action: "application.open", subject: `application:${found.number}`, detail: { via: "desk" } });
    const notice = NOTICES[(request.query as { notice?: string }).notice ?? ""];
    return showApplication(ctx, request, reply, found, { notice });
  });

  app.get("/applications/:number/documents/:kind", { preHandler: requireStaff() }, async (request, reply) => {
    const found = await findApp(ctx, request);
    const kind = (request.params as { kind: string }).kind.replace(/\.docx$/u, "");
    const edition = (request.query as { edition?: string }).edition === "applicant" ? "applicant" : "review";
    const file = found ? (await drafts(ctx, found))?.files.find((f) => f.kind === kind && f.edition === edition) : undefined;
    if (!found || !file) return page(reply.code(404), request, "message.eta", { title: "没有找到文件", message: "没有这份文件。", back: "/queue" });
    await ctx.store.audit.record({ actor: request.principal!.actor, action: "application.download", subject: `application:${found.number}`, detail: { kind, edition } });
    const name = `${found.number}-${file.fileNames.docx}`;
    return reply
      .header("content-disposition", `attachment; filename="${found.number}-${file.kind}-${edition}.docx"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .header("cache-control", "no-store")
      .type(DOCX_MIME)
      .send(Buffer.from(file.docx));
  });

  app.post("/applications/:number/decision", { preHandler: [app.csrfProtection, requireStaff("decide")] }, async (request, reply) => {
    const found = await findApp(ctx, request);
    if (!found) return page(reply.code(404), request, "message.eta", { title: "没有找到申报", message: "没有这个编号的申报。", back: "/queue" });
    const parsed = decisionSchema.safeParse(request.body);
    if (!parsed.success) return showApplication(ctx, request, reply.code(400), found, { error: "请选择「受理」或「退回」。" });
    const { decision, comment, reason, version } = parsed.data;
    const principal = request.principal!;
    const outcome = await decideApplication(ctx.notify, { actor: principal.actor, canDecide: principal.canDecide }, {
      number: found.number,
      decision,
      comment,
      reason,
      expectedVersion: version,
    });
    switch (outcome.kind) {
      case "decided":
        return reply.redirect(`/applications/${found.number}?notice=${decision}`, 303);
      case "needs-comment":
        return showApplication(ctx, request, reply.code(400), outcome.app, { error: "退回必须填写意见（将原文转告申报单位）。", reason });
      case "needs-reason":
        return showApplication(ctx, request, reply.code(400), outcome.app, {
          error: "该申报自检结论为「不符合申报条件」。确认仍要受理，请填写受理理由（记入审核记录）。",
          comment,
          needsReason: true,
        });
      case "not-pending":
      case "conflict": {
        const current = outcome.app;
        const record = await loadReviewRecord(ctx.store, current);
        const who = current.decidedBy ? ([...record.history].reverse().find((h) => h.actor === current.decidedBy)?.actorName ?? current.decidedBy) : undefined;
        const when = current.decidedAt ? chinaDateTime(current.decidedAt) : undefined;
        return showApplication(ctx, request, reply.code(409), current, {
          error: `您的决定未生效：该申报${who ? `已由 ${who}${when ? ` 于 ${when}` : ""} ` : ""}处理，当前状态为「${DESK_STATUS_LABELS[current.status]}」。`,
        });
      }
      case "forbidden":
        return page(reply.code(403), request, "message.eta", { title: "无权操作", message: "您的账号不能作出审核决定。", back: "/queue" });
      case "not-found":
        return page(reply.code(404), request, "message.eta", { title: "没有找到申报", message: "没有这个编号的申报。", back: "/queue" });
    }
  });
}
