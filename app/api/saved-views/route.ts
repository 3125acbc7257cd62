import { savedViewBody } from "@/lib/contracts/explorer";
import { listSavedViews, saveView } from "@/lib/data/saved-views";
import { route } from "@/lib/http/route";
import { personOf } from "@/lib/services/jobs/saved-view-owner";

export const dynamic = "force-dynamic";

export const GET = route({}, async ({ actor }) => ({
  items: await listSavedViews(personOf(actor)),
}));

export const POST = route({ auditor: true, body: savedViewBody }, async ({ actor, body }) =>
  Response.json(await saveView(personOf(actor), body), { status: 201 }),
);
