import { rtoTargetBody } from "@/lib/contracts/history";
import { route } from "@/lib/http/route";
import { rtoTargetsView, saveRtoTarget } from "@/lib/services/history/rto-targets";

export const dynamic = "force-dynamic";


export const GET = route({}, async () => rtoTargetsView());

export const PUT = route({ role: "admin", body: rtoTargetBody }, async ({ body, actor }) => {
  const saved = await saveRtoTarget(body, actor);
  return { id: saved.id, sourceId: saved.sourceId, group: saved.group, targetMs: saved.targetMs };
});
