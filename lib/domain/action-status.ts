/** An action's outcome as the audit trail records it (Prisma's ActionStatus), shared with the browser. */
export const ACTION_STATUSES = ["pending", "succeeded", "refused", "failed", "unknown"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
