import { idParams } from "@/lib/contracts/params";
import { getJobBaseline } from "@/lib/data/baselines";
import { notFound } from "@/lib/http/problem";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ params: idParams("job") }, async ({ params }) => {
  const baseline = await getJobBaseline(params.id);
  if (!baseline) throw notFound(`No job ${params.id}.`);
  return baseline;
});
