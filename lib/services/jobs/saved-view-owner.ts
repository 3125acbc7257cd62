import type { Actor } from "@/lib/auth/actor";
import { forbidden } from "@/lib/http/problem";

/** Saved views belong to people: a wall display's token has no views of its own. */
export function personOf(actor: Actor | null): string {
  if (!actor || actor.kind !== "user" || !actor.id) throw forbidden("Saved views belong to signed-in people.");
  return actor.id;
}
