import { targetBody } from "@/lib/contracts/history-targets";
import { badRequest, unauthorized } from "@/lib/http/problem";
import { route } from "@/lib/http/route";
import { saveTarget, targetsView } from "@/lib/services/history/targets";

export const dynamic = "force-dynamic";

/** RTO targets per DR group: anyone signed in reads them, admins set them (audited). */
export const GET = route({}, async () => targetsView("rto"));

export const PUT = route({ role: "admin", body: targetBody }, async ({ body, actor }) => {
  if (!actor) throw unauthorized();
  const saved = await saveTarget("rto", body, actor);
  if (!saved.ok) throw badRequest("No such source.", [{ parameter: "sourceId", message: "no source has this id" }]);
  return saved.target;
});
