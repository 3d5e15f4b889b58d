/** The buttons offered for an application, by its status. */
import type { ApplicationRecord } from "../store/index.ts";
import { ACTION } from "./detect-command.ts";
import type { Reply } from "./message.types.ts";

export const STATUS_LABELS: Record<ApplicationRecord["status"], string> = {
  draft: "草稿（未提交）",
  submitted: "已提交，待主管部门审核",
  returned: "已退回，待修改",
  accepted: "已受理",
};

export function applicationActions(app: Pick<ApplicationRecord, "status">, text: string): Reply {
  const options: { id: string; label: string }[] = [{ id: ACTION.draft, label: "生成申报材料（Word）" }];
  if (app.status === "draft" || app.status === "returned") {
    options.push({ id: ACTION.edit, label: "修改信息" });
    options.push({ id: ACTION.submit, label: app.status === "returned" ? "重新提交" : "提交给主管部门" });
  }
  return { kind: "choices", text, options };
}
