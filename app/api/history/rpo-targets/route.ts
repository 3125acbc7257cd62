import { targetBody } from "@/lib/contracts/history-targets";
import { route } from "@/lib/http/route";
import { saveTarget, targetsView } from "@/lib/services/history/targets";

export const dynamic = "force-dynamic";

/** RPO targets per replication or DR group: anyone signed in reads them, admins set them (audited). */
export const GET = route({}, async () => targetsView("rpo"));

export const PUT = route({ role: "admin", body: targetBody }, async ({ body, actor }) =>
  saveTarget("rpo", body, actor),
);
