import type { ActionStatus } from "@/lib/domain/action-status";

/**
 * The HTTP status that answers an operator's action (or launch) with the audit row's outcome:
 * a refusal over bad parameters is the caller's mistake (400), one by the vendor a conflict (409);
 * an action whose answer was never recorded (see reap-pending) is like a gateway timeout.
 */
export function actionHttpStatus(status: ActionStatus, paramsRejected = false): number {
  switch (status) {
    case "succeeded":
      return 200;
    case "pending":
      return 202;
    case "refused":
      return paramsRejected ? 400 : 409;
    case "unknown":
      return 504;
    case "failed":
      return 502;
  }
}
