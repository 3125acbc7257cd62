import { idParams } from "@/lib/contracts/params";
import { jobEventsQuery } from "@/lib/contracts/jobs";
import { listJobEvents } from "@/lib/data/job-detail";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    params: idParams("job"),
    query: jobEventsQuery,
  },
  async ({ params, query }) =>
    listJobEvents(params.id, {
      before: query.before,
      limit: query.limit,
      severities: query.severity,
    }),
);
