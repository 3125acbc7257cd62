import { route } from "@/lib/http/route";
import { getSourceView } from "@/lib/services/sources/list-sources";
import { editSource, removeSource } from "@/lib/services/sources/save-source";
import { sourceParams, sourcePatchBody } from "@/lib/contracts/sources";

export const dynamic = "force-dynamic";

export const GET = route({ params: sourceParams }, async ({ params }) => getSourceView(params.id));

export const PATCH = route(
  { role: "admin", params: sourceParams, body: sourcePatchBody },
  async ({ params, body }) => editSource(params.id, body),
);

export const DELETE = route({ role: "admin", params: sourceParams }, async ({ params }) => {
  await removeSource(params.id);
  return new Response(null, { status: 204 });
});
