/** Words the desk shows for stored values (one place, shared by pages and exports). */
import { JURISDICTION_LABELS } from "../../src/rules/index.ts";
import type { ApplicationStatus } from "../../src/store/index.ts";

export const DESK_STATUS_LABELS: Record<ApplicationStatus, string> = {
  submitted: "待审",
  returned: "已退回",
  accepted: "已受理",
  draft: "草稿",
};

export const DESK_VERDICT_LABELS: Record<"eligible" | "not-eligible" | "needs-review" | "none", string> = {
  eligible: "符合",
  "not-eligible": "不符合",
  "needs-review": "待确认",
  none: "无自检",
};

export { JURISDICTION_LABELS };
