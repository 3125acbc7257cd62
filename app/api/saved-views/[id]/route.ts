import { z } from "zod";
import { deleteSavedView } from "@/lib/data/saved-views";
import { notFound } from "@/lib/http/problem";
import { route } from "@/lib/http/route";
import { personOf } from "@/lib/services/jobs/saved-view-owner";

export const DELETE = route({ params: z.object({ id: z.string().uuid("must be a saved view id") }) }, async ({ actor, params }) => {
  if (!(await deleteSavedView(personOf(actor), params.id))) throw notFound(`No saved view ${params.id}.`);
  return new Response(null, { status: 204 });
});
