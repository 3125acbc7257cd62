import { idParams } from "@/lib/contracts/params";
import { notFound } from "@/lib/http/problem";
import { route } from "@/lib/http/route";
import { getEvidenceReport } from "@/lib/services/history/evidence";

export const dynamic = "force-dynamic";

export const GET = route({ params: idParams("job") }, async ({ params }) => {
  const report = await getEvidenceReport(params.id);
  if (!report) throw notFound(`No failover, test or readiness run ${params.id}.`);
  return report;
});
