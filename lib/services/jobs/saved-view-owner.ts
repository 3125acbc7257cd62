import type { Actor } from "@/lib/domain/actor";
import { Forbidden } from "@/lib/domain/errors";

/** Saved views belong to people: a wall display's token has no views of its own. */
export function personOf(actor: Actor | null): string {
  if (!actor || actor.kind !== "user" || !actor.id)
    throw new Forbidden("Saved views belong to signed-in people.");
  return actor.id;
}
