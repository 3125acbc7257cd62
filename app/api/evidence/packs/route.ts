import { createPackBody, packListQuery } from "@/lib/contracts/evidence";
import { route } from "@/lib/http/route";
import { issuePack } from "@/lib/evidence/issue-pack";
import { listPacks, periodOf } from "@/lib/evidence/packs";

export const dynamic = "force-dynamic";

export const GET = route({ query: packListQuery }, async ({ query }) => listPacks(query));

/** Issues a pack for a quarter or any range; evidence managers only (lib/domain/evidence-roles.ts). */
export const POST = route({ body: createPackBody, auditor: true }, async ({ body, actor }) => {
  const pack = await issuePack(periodOf(body), actor, { trigger: "manual" });
  return Response.json(pack, { status: 201 });
});
