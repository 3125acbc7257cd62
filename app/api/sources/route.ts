import { route } from "@/lib/http/route";
import { listSourceViews } from "@/lib/services/sources/list-sources";
import { addSource } from "@/lib/services/sources/save-source";
import { newSourceBody, sourceListQuery } from "@/lib/contracts/sources";

export const dynamic = "force-dynamic";

export const GET = route({ query: sourceListQuery }, async ({ query }) => ({
  items: await listSourceViews({ includeArchived: query.archived === "include" }),
}));

export const POST = route({ role: "admin", body: newSourceBody }, async ({ body }) =>
  Response.json(await addSource(body), { status: 201 }),
);
