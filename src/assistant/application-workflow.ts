/**
 * The applicant's side of an application after the intake: drafts as Word
 * documents, submission to the bureau, status, and correcting a returned
 * application without re-entering everything.
 */
import type { Edition } from "../drafting/document-model.ts";
import type { IntakeFlow } from "../intake/index.ts";
import { checkJurisdiction, JURISDICTION_LABELS, todayInChina } from "../rules/index.ts";
import { parseStoredCheckResult } from "../rules/check-result.schema.ts";
import { profileFacts } from "../review/changes-since-return.ts";
import type { CheckResult } from "../rules/rule-result.types.ts";
import { zoneProfileSchema, type ZoneProfile } from "../rules/zone-profile.schema.ts";
import { ConcurrentUpdateError, type ApplicationRecord, type Store } from "../store/index.ts";
import { applicationActions, STATUS_LABELS } from "./application-actions.ts";
import { draftSummary } from "./draft-summary.ts";
import type { Reply } from "./message.types.ts";
import { pushNotices, staffToNotify } from "./notify.ts";
import { beginIntake } from "./run-intake.ts";
import type { SessionState } from "./session-state.schema.ts";
import type { TurnContext } from "./assistant-deps.types.ts";

const NO_APPLICATION: Reply = {
  kind: "text",
  text: "您还没有申报记录。回复「我想申报示范区」开始申报准备。",
};

/** The application this user is working on: the session's, else their newest. */
async function currentApplication(ctx: TurnContext, session: SessionState): Promise<ApplicationRecord | undefined> {
  const repo = ctx.deps.store.applications;
  if (session.applicationId) {
    const app = await repo.findById(session.applicationId);
    if (app && app.userId === ctx.user.id) return app;
  }
  const [newest] = await repo.listByUser(ctx.user.id, { limit: 1 });
  return newest;
}

export function storedProfile(app: ApplicationRecord): ZoneProfile {
  return zoneProfileSchema.parse(app.profile);
}

/** The pre-check stored with the application; null when there is none (or it no longer parses). */
export function storedCheckResult(app: ApplicationRecord): CheckResult | null {
  return parseStoredCheckResult(app.checkResult);
}

/** How many times staff returned it: the draft's revision number is one more. */
export async function returnNotes(store: Store, app: ApplicationRecord): Promise<{ revision: number; notes: string[] }> {
  const events = await store.audit.listBySubject(`application:${app.number}`);
  const returns = events.filter((e) => e.action === "application.return");
  // A transition's audit detail is `{ from, to, detail: { comment } }` (application.repository.ts).
  const notes = returns.map((e) => commentOf(e.detail)).filter((c): c is string => Boolean(c));
  return { revision: returns.length + 1, notes };
}

/** The staff comment in a return's audit detail (`{ from, to, detail: { comment } }`). */
export function commentOf(detail: unknown): string | undefined {
  if (!detail || typeof detail !== "object") return undefined;
  const d = detail as { comment?: unknown; detail?: unknown };
  if (typeof d.comment === "string") return d.comment;
  return commentOf(d.detail);
}

/**
 * The drafts as files. Applicants get the clean edition they sign; staff the
 * review edition, which shows under each heading the clauses it answers.
 */
export async function renderDrafts(ctx: TurnContext, app: ApplicationRecord, edition: Edition = "applicant"): Promise<Reply[]> {
  const { revision, notes } = await returnNotes(ctx.deps.store, app);
  const profile = storedProfile(app);
  // Without a usable stored pre-check, the draft carries one made now from the same facts.
  const check = storedCheckResult(app) ?? checkJurisdiction(app.jurisdiction, profile, { today: todayInChina(ctx.now) });
  // Drafting (and the docx package under it) is loaded on the first draft, not at every start.
  const { draftApplication, DOCX_MIME } = await import("../drafting/draft-application.ts");
  const draft = await draftApplication(profile, check, {
    now: ctx.now,
    revision,
    returnNotes: notes,
    editions: [edition],
  });
  // The chat gets a short summary; the pre-check report itself is one of the files.
  const replies: Reply[] = [draftSummary(app.number, check, draft.files, { revision, notes })];
  for (const file of draft.files) {
    replies.push({
      kind: "document",
      fileName: `${app.number}-${file.fileNames.docx}`,
      mimeType: DOCX_MIME,
      data: file.docx,
      caption: `${file.title}（${app.number}）${file.placeholders.length ? `，待补充 ${file.placeholders.length} 处` : ""}`,
    });
  }
  return replies;
}

export async function sendDrafts(ctx: TurnContext, session: SessionState): Promise<Reply[]> {
  const app = await currentApplication(ctx, session);
  if (!app) return [NO_APPLICATION];
  const replies = await renderDrafts(ctx, app);
  ctx.writes.push({ kind: "audit", entry: { actor: ctx.actor, action: "application.draft", subject: `application:${app.number}` } });
  return [...replies, applicationActions(app, `对 ${app.number} 可以：`)];
}

export async function submitApplication(ctx: TurnContext, session: SessionState): Promise<Reply[]> {
  const app = await currentApplication(ctx, session);
  if (!app) return [NO_APPLICATION];
  // This turn was cut after its submission committed: the submission as made, nothing sent twice.
  const earlier = ctx.turn?.resumed ? await ctx.deps.store.applications.findTransitionOfTurn(ctx.turn.key) : undefined;
  if (earlier) {
    session.applicationId = earlier.id;
    return submittedReply(earlier);
  }
  if (app.status !== "draft" && app.status !== "returned") {
    return [{ kind: "text", text: `申报 ${app.number} 当前状态为「${STATUS_LABELS[app.status]}」，无需再次提交。` }];
  }
  const check = storedCheckResult(app);
  const name = storedProfile(app).applicant?.name ?? "申报单位";
  const notice = `新的申报待审核：${app.number}（${JURISDICTION_LABELS[app.jurisdiction]}，${name}）。回复「查看 ${app.number}」查看预审结果。`;
  try {
    const staff = await staffToNotify(ctx);
    const { record, notices } = await ctx.deps.store.applications.transition({
      id: app.id,
      from: app.status,
      to: "submitted",
      expectedVersion: app.version,
      audit: { actor: ctx.actor, action: app.status === "returned" ? "application.resubmit" : "application.submit", detail: { verdict: check?.verdict } },
      notify: staff.map((user) => ({ userId: user.id, text: notice })),
      turn: ctx.turn,
    });
    session.applicationId = record.id;
    await pushNotices(ctx, staff.map((user, i) => ({ user, notice: notices[i]! })));
    return submittedReply(record);
  } catch (err) {
    if (err instanceof ConcurrentUpdateError) return [{ kind: "text", text: "这份申报刚刚被更新过，请回复「我的申报」查看最新状态后再操作。" }];
    throw err;
  }
}

function submittedReply(submitted: ApplicationRecord): Reply[] {
  const check = storedCheckResult(submitted);
  const warn = check && check.verdict !== "eligible" ? `\n注意：自检结果为「${check.verdict === "not-eligible" ? "不符合" : "需进一步确认"}」，主管部门可能会退回补充。` : "";
  return [{ kind: "text", text: `已提交：${submitted.number}。主管部门审核后我会通知您，也可以随时回复「我的申报」查看进度。${warn}` }];
}

export async function showStatus(ctx: TurnContext): Promise<Reply[]> {
  const apps = await ctx.deps.store.applications.listByUser(ctx.user.id, { limit: 10 });
  if (!apps.length) return [NO_APPLICATION];
  const lines = ["您的申报："];
  for (const app of apps) {
    const check = storedCheckResult(app);
    lines.push(`· ${app.number} ${JURISDICTION_LABELS[app.jurisdiction]} — ${STATUS_LABELS[app.status]}${check ? `；自检：${verdictText(check)}` : ""}`);
    if (app.status === "returned" && app.staffComment) lines.push(`  退回意见：${app.staffComment}`);
  }
  const newest = apps[0]!;
  return [{ kind: "text", text: lines.join("\n") }, applicationActions(newest, `对 ${newest.number} 可以：`)];
}

function verdictText(check: CheckResult): string {
  return check.verdict === "eligible" ? "符合条件" : check.verdict === "not-eligible" ? "不符合条件" : "需进一步确认";
}

/** Re-opens the intake on the stored facts, straight to the summary, to correct and resubmit. */
export async function editApplication(ctx: TurnContext, session: SessionState): Promise<Reply[]> {
  const app = await currentApplication(ctx, session);
  if (!app) return [NO_APPLICATION];
  if (app.status !== "draft" && app.status !== "returned") {
    return [{ kind: "text", text: `申报 ${app.number} 当前状态为「${STATUS_LABELS[app.status]}」，不能修改。如需重新申报，请回复「我想申报示范区」。` }];
  }
  session.applicationId = app.id;
  const flow: IntakeFlow = "application";
  const before: Reply[] = app.status === "returned" && app.staffComment ? [{ kind: "text", text: `退回意见：${app.staffComment}` }] : [];
  const replies = await beginIntake(ctx, session, flow, { prefill: profileFacts(storedProfile(app)), keepApplication: true });
  return [...before, ...replies];
}
