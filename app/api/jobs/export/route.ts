import { jobListQuery } from "@/lib/contracts/jobs";
import { route } from "@/lib/http/route";
import { streamJobsCsv } from "@/lib/services/jobs/jobs-csv";

export const dynamic = "force-dynamic";

/** The whole view from its first row, whatever page the screen is on. */
export const GET = route({ query: jobListQuery }, async ({ query }) => {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return new Response(streamJobsCsv({ ...query, cursor: undefined }), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="jobdeck-jobs-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
});
