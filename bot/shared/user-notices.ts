/**
 * The few sentences a channel says on its own, without the assistant.
 * Everything else the user reads comes from the core.
 */
export const userNotices = {
  failure: "抱歉，处理您的消息时出了点问题，请稍后再试；如果一直不行，请联系工作人员。",
  rateLimited: "您发送得有点快，请稍等一分钟再继续。",
  textOnly: "目前只能处理文字消息，请直接输入文字，或发送 /help 查看可用命令。",
  staffOnly: "该命令仅供主管部门工作人员使用。",
  expiredButton: "这个按钮已失效，请重新发送命令。",
} as const;
