import { route } from "@/lib/http/route";
import { healthReport } from "@/lib/services/health/health-report";

export const dynamic = "force-dynamic";

export const GET = route({ role: "public" }, async () => {
  const report = await healthReport();
  return Response.json(report, {
    status: report.database === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
});
