import { idParams } from "@/lib/contracts/params";
import { jobLogQuery } from "@/lib/contracts/jobs";
import { listJobLog } from "@/lib/data/job-detail";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    params: idParams("job"),
    query: jobLogQuery,
  },
  async ({ params, query }) => ({
    lines: await listJobLog(params.id, { q: query.q, afterSeq: query.after, limit: query.limit }),
  }),
);
