import { z } from "zod";
import { listJobLog } from "@/lib/data/job-detail";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    params: z.object({ id: z.string().uuid("must be a job id") }),
    query: z
      .object({
        q: z.string().trim().max(200).optional(),
        after: z.coerce.number().int().min(-1).optional(),
        limit: z.coerce.number().int().min(1).max(5000).default(1000),
      })
      .strict(),
  },
  async ({ params, query }) => ({ lines: await listJobLog(params.id, { q: query.q, afterSeq: query.after, limit: query.limit }) }),
);
