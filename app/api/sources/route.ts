import { route } from "@/lib/http/route";
import { listSourceViews } from "@/lib/services/sources/list-sources";
import { addSource } from "@/lib/services/sources/save-source";
import { newSourceBody } from "@/lib/services/sources/source-input";

export const dynamic = "force-dynamic";

export const GET = route({}, async () => ({ items: await listSourceViews() }));

export const POST = route({ role: "admin", body: newSourceBody }, async ({ body }) => Response.json(await addSource(body), { status: 201 }));
