import { z } from "zod";
import { listJobEvents } from "@/lib/data/job-detail";
import { SEVERITIES } from "@/lib/domain/job-state";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(
  {
    params: z.object({ id: z.string().uuid("must be a job id") }),
    query: z
      .object({
        before: z.string().regex(/^\d+$/, "must be an event id").transform(BigInt).optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(200),
        severity: z.union([z.enum(SEVERITIES), z.array(z.enum(SEVERITIES))]).transform((v) => (Array.isArray(v) ? v : [v])).optional(),
      })
      .strict(),
  },
  async ({ params, query }) => listJobEvents(params.id, { before: query.before, limit: query.limit, severities: query.severity }),
);
