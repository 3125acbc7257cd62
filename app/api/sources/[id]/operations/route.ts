import { idParams } from "@/lib/contracts/params";
import { notFound } from "@/lib/http/problem";
import { route } from "@/lib/http/route";
import { listLaunchOperations } from "@/lib/services/actions/launch-operation";

export const dynamic = "force-dynamic";

export const GET = route({ params: idParams("source") }, async ({ params }) => {
  const view = await listLaunchOperations(params.id);
  if (!view) throw notFound(`No source ${params.id}.`);
  return view;
});
