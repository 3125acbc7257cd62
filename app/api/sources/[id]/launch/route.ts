import { idParams } from "@/lib/contracts/params";
import { launchBody } from "@/lib/contracts/actions";
import { actionHttpStatus } from "@/lib/http/action-status";
import { requireIdempotencyKey } from "@/lib/http/idempotency-key";
import { route } from "@/lib/http/route";
import { launchOperation } from "@/lib/services/actions/launch-operation";

export const POST = route(
  { role: "operator", params: idParams("source"), body: launchBody },
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
