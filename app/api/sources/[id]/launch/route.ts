import { z } from "zod";
import { actionHttpStatus } from "@/lib/http/action-status";
import { requireIdempotencyKey } from "@/lib/http/idempotency-key";
import { route } from "@/lib/http/route";
import { launchOperation } from "@/lib/services/actions/launch-operation";

const body = z
  .object({
    operation: z.string().min(1).max(100),
    params: z.record(z.string(), z.unknown()).default({}),
    reason: z.string().trim().max(2000).optional(),
    confirmation: z.string().max(200).optional(),
  })
  .strict();

export const POST = route(
  { role: "operator", params: z.object({ id: z.string().uuid("must be a source id") }), body },
  async ({ request, params, body, actor }) => {
    const key = requireIdempotencyKey(request);
    const outcome = await launchOperation({
      sourceId: params.id,
      operation: body.operation,
      params: body.params,
      reason: body.reason ?? null,
      confirmation: body.confirmation ?? null,
      idempotencyKey: key,
      actor,
    });
    return Response.json(outcome, { status: actionHttpStatus(outcome.action.status) });
  },
);
