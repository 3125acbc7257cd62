import { idParams } from "@/lib/contracts/params";
import { deleteSavedView } from "@/lib/data/saved-views";
import { notFound } from "@/lib/http/problem";
import { route } from "@/lib/http/route";
import { personOf } from "@/lib/services/jobs/saved-view-owner";

export const DELETE = route(
  { auditor: true, params: idParams("saved view") },
  async ({ actor, params }) => {
    if (!(await deleteSavedView(personOf(actor), params.id)))
      throw notFound(`No saved view ${params.id}.`);
    return new Response(null, { status: 204 });
  },
);
