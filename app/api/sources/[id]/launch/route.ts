import { z } from "zod";
import { badRequest } from "@/lib/http/problem";
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

const idempotencyKey = z.string().min(8).max(200).regex(/^[\w.:-]+$/);

export const POST = route(
  { role: "operator", params: z.object({ id: z.string().uuid("must be a source id") }), body },
  async ({ request, params, body, actor }) => {
    const key = idempotencyKey.safeParse(request.headers.get("idempotency-key"));
    if (!key.success) {
      throw badRequest("An Idempotency-Key header (8-200 letters, digits, . : _ -) is required.", [
        { parameter: "Idempotency-Key", message: "missing or malformed" },
      ]);
    }
    if (!actor) throw badRequest("No caller.");
    const { httpStatus, ...outcome } = await launchOperation({
      sourceId: params.id,
      operation: body.operation,
      params: body.params,
      reason: body.reason ?? null,
      confirmation: body.confirmation ?? null,
      idempotencyKey: key.data,
      actor,
    });
    return Response.json(outcome, { status: httpStatus });
  },
);
