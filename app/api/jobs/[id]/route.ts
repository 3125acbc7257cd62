import { idParams } from "@/lib/contracts/params";
import { notFound } from "@/lib/http/problem";
import { route } from "@/lib/http/route";
import { loadJobPage } from "@/lib/services/jobs/load-job-page";

export const dynamic = "force-dynamic";

export const GET = route({ params: idParams("job") }, async ({ params }) => {
  const detail = await loadJobPage(params.id);
  if (!detail) throw notFound(`No job ${params.id}.`);
  return detail;
});
