import { z } from "zod";
import { deleteRtoTarget } from "@/lib/data/history";
import { notFound } from "@/lib/http/problem";
import { route } from "@/lib/http/route";

export const DELETE = route({ role: "admin", params: z.object({ id: z.string().uuid("must be a target id") }) }, async ({ params }) => {
  if (!(await deleteRtoTarget(params.id))) throw notFound(`No RTO target ${params.id}.`);
  return new Response(null, { status: 204 });
});
