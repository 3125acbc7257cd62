import { idParams } from "@/lib/contracts/params";
import { jobActionBody } from "@/lib/contracts/actions";
import { actionHttpStatus } from "@/lib/http/action-status";
import { requireIdempotencyKey } from "@/lib/http/idempotency-key";
import { route } from "@/lib/http/route";
import { performJobAction } from "@/lib/services/actions/perform-job-action";

export const POST = route(
  { role: "operator", params: idParams("job"), body: jobActionBody },
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
    return Response.json(outcome.action, {
      status: actionHttpStatus(outcome.action.status, outcome.paramsRejected),
    });
  },
);
