import { z } from "zod";
import { route } from "@/lib/http/route";
import { removeRtoTarget } from "@/lib/services/history/rto-targets";

export const DELETE = route({ role: "admin", params: z.object({ id: z.string().uuid("must be a target id") }) }, async ({ params, actor }) => {
  await removeRtoTarget(params.id, actor);
  return new Response(null, { status: 204 });
});
