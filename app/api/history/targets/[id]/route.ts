import { targetIdParams } from "@/lib/contracts/history-targets";
import { notFound, unauthorized } from "@/lib/http/problem";
import { route } from "@/lib/http/route";
import { removeTarget } from "@/lib/services/history/targets";

export const DELETE = route({ role: "admin", params: targetIdParams }, async ({ params, actor }) => {
  if (!actor) throw unauthorized();
  if (!(await removeTarget("rto", params.id, actor))) throw notFound(`No RTO target ${params.id}.`);
  return new Response(null, { status: 204 });
});
