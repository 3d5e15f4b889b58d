/**
 * Rule results as readable Chinese reports (pure: result in, text out). The
 * chat replies, staff pre-check summaries and the CLI all print these; the
 * rules themselves stay free of presentation.
 */
export { renderCheckReport, renderSideBySideReport, VERDICT_LABELS, CONDITION_STATUS_LABELS, POLICY_STATUS_LABELS } from "./render-check-report.ts";
export type { RenderOptions } from "./render-check-report.ts";
export { renderEstimateReport } from "./render-estimate-report.ts";
