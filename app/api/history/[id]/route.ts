import { z } from "zod";
import { notFound } from "@/lib/http/problem";
import { route } from "@/lib/http/route";
import { getEvidenceReport } from "@/lib/services/history/evidence";

export const dynamic = "force-dynamic";

export const GET = route({ params: z.object({ id: z.string().uuid("must be a job id") }) }, async ({ params }) => {
  const report = await getEvidenceReport(params.id);
  if (!report) throw notFound(`No failover, test or readiness run ${params.id}.`);
  return report;
});
