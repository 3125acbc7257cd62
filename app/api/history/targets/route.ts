import { z } from "zod";
import { route } from "@/lib/http/route";
import { rtoTargetsView, saveRtoTarget } from "@/lib/services/history/rto-targets";

export const dynamic = "force-dynamic";

const body = z
  .object({
    sourceId: z.string().uuid("must be a source id").nullable().default(null),
    group: z.string().trim().min(1).max(200),
    targetMs: z.number().int().min(1000).max(30 * 86_400_000),
  })
  .strict();

export const GET = route({}, async () => rtoTargetsView());

export const PUT = route({ role: "admin", body }, async ({ body, actor }) => {
  const saved = await saveRtoTarget(body, actor);
  return { id: saved.id, sourceId: saved.sourceId, group: saved.group, targetMs: saved.targetMs };
});
