import { HttpError } from "@/lib/http/problem";

/** The alert routes need a named person: the route wrapper has already refused anonymous callers. */
export function assertActor<T>(actor: T | null): T {
  if (!actor) throw new HttpError(401, "Unauthorized", "Sign in to use Jobdeck.");
  return actor;
}
