import { jobListQuery } from "@/lib/api/job-query";
import { decodeJobCursor } from "@/lib/data/job-cursor";
import { listJobs } from "@/lib/data/jobs";
import { badRequest } from "@/lib/http/problem";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route({ query: jobListQuery }, async ({ query }) => {
  const cursor = query.cursor ? decodeJobCursor(query.cursor) : null;
  if (query.cursor && !cursor) throw badRequest("Invalid cursor.", [{ parameter: "cursor", message: "not a cursor from this API" }]);
  return listJobs({
    sourceIds: query.source,
    kinds: query.kind,
    states: query.state,
    types: query.type,
    text: query.q,
    from: query.from,
    to: query.to,
    includeGone: query.gone === "include",
    cursor,
    limit: query.limit,
  });
});
