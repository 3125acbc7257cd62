import { targetBody } from "@/lib/contracts/history-targets";
import { route } from "@/lib/http/route";
import { saveTarget, targetsView } from "@/lib/services/history/targets";

export const dynamic = "force-dynamic";

/** RTO targets per DR group: anyone signed in reads them, admins set them (audited). */
export const GET = route({}, async () => targetsView("rto"));

export const PUT = route({ role: "admin", body: targetBody }, async ({ body, actor }) =>
  saveTarget("rto", body, actor),
);
