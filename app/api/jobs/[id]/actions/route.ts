import { z } from "zod";
import { JOB_ACTIONS } from "@/lib/domain/actions";
import { actionHttpStatus } from "@/lib/http/action-status";
import { requireIdempotencyKey } from "@/lib/http/idempotency-key";
import { route } from "@/lib/http/route";
import { performJobAction } from "@/lib/services/actions/perform-job-action";

const body = z
  .object({
    action: z.enum(JOB_ACTIONS),
    reason: z.string().trim().max(2000).optional(),
    params: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

export const POST = route(
  { role: "operator", params: z.object({ id: z.string().uuid("must be a job id") }), body },
  async ({ request, params, body, actor }) => {
    const key = requireIdempotencyKey(request);
    const outcome = await performJobAction({
      jobId: params.id,
      action: body.action,
      params: body.params,
      reason: body.reason ?? null,
      idempotencyKey: key,
      actor,
    });
    return Response.json(outcome.action, { status: actionHttpStatus(outcome.action.status, outcome.paramsRejected) });
  },
);
