import { badRequest, conflict, HttpError, notFound } from "@/lib/http/problem";

/** A service's refusal as the problem+json the alert routes answer with. */
export function saveProblem(refusal: {
  reason: string;
  detail: string;
  parameter?: string;
}): HttpError {
  switch (refusal.reason) {
    case "not-found":
      return notFound(refusal.detail);
    case "name-taken":
      return conflict(refusal.detail);
    case "resolved":
      return conflict(refusal.detail);
    default: {
      const parameter =
        refusal.parameter ??
        (refusal.reason === "unknown-channel"
          ? "channelIds"
          : refusal.reason === "unknown-source"
            ? "sourceId"
            : "body");
      return badRequest(refusal.detail, [{ parameter, message: refusal.detail }]);
    }
  }
}

export function assertActor<T>(actor: T | null): T {
  if (!actor) throw new HttpError(401, "Unauthorized", "Sign in to use Jobdeck.");
  return actor;
}
