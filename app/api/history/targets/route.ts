import { z } from "zod";
import { listRtoTargets, setRtoTarget } from "@/lib/data/history";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const body = z
  .object({
    sourceId: z.string().uuid("must be a source id").nullable().default(null),
    group: z.string().trim().min(1).max(200),
    targetMs: z.number().int().min(1000).max(30 * 86_400_000),
  })
  .strict();

export const GET = route({}, async () => ({ items: await listRtoTargets() }));

export const PUT = route({ role: "admin", body }, async ({ body }) => {
  const saved = await setRtoTarget(body);
  return { id: saved.id, sourceId: saved.sourceId, group: saved.group, targetMs: saved.targetMs };
});
