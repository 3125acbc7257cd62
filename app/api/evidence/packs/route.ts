import { createPackBody, packListQuery } from "@/lib/contracts/evidence";
import { route } from "@/lib/http/route";
import { issuePack } from "@/lib/evidence/issue-pack";
import { getPack, listPacks, periodOf } from "@/lib/evidence/packs";
import { startPrintingIssuedPack } from "@/lib/evidence/pack-pdf";

export const dynamic = "force-dynamic";

export const GET = route({ query: packListQuery }, async ({ query }) => listPacks(query));

/** Issues a pack for a quarter or any range; evidence managers only (lib/domain/evidence-roles.ts). */
export const POST = route({ body: createPackBody, auditor: true }, async ({ body, actor }) => {
  const pack = await issuePack(periodOf(body), actor, { trigger: "manual" });
  if (!pack) return Response.json(pack, { status: 201 });
  startPrintingIssuedPack(pack.id);
  return Response.json(await getPack(pack.id), { status: 201 });
});
