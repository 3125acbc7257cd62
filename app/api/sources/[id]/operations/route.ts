import { z } from "zod";
import { notFound } from "@/lib/http/problem";
import { route } from "@/lib/http/route";
import { listLaunchOperations } from "@/lib/services/actions/launch-operation";

export const dynamic = "force-dynamic";

export const GET = route({ params: z.object({ id: z.string().uuid("must be a source id") }) }, async ({ params }) => {
  const view = await listLaunchOperations(params.id);
  if (!view) throw notFound(`No source ${params.id}.`);
  return view;
});
