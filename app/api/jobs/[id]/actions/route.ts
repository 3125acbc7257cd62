import { z } from "zod";
import { JOB_ACTIONS } from "@/lib/domain/actions";
import { badRequest } from "@/lib/http/problem";
import { route } from "@/lib/http/route";
import { performJobAction } from "@/lib/services/actions/perform-job-action";

const body = z
  .object({
    action: z.enum(JOB_ACTIONS),
    reason: z.string().trim().max(2000).optional(),
    params: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();

const idempotencyKey = z.string().min(8).max(200).regex(/^[\w.:-]+$/);

export const POST = route(
  { role: "operator", params: z.object({ id: z.string().uuid("must be a job id") }), body },
  async ({ request, params, body, actor }) => {
    const key = idempotencyKey.safeParse(request.headers.get("idempotency-key"));
    if (!key.success) {
      throw badRequest("An Idempotency-Key header (8-200 letters, digits, . : _ -) is required.", [
        { parameter: "Idempotency-Key", message: "missing or malformed" },
      ]);
    }
    if (!actor) throw badRequest("No caller.");
    const outcome = await performJobAction({
      jobId: params.id,
      action: body.action,
      params: body.params,
      reason: body.reason ?? null,
      idempotencyKey: key.data,
      actor,
    });
    return Response.json(outcome.action, { status: outcome.httpStatus });
  },
);
