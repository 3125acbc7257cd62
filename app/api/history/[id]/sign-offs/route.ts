import { z } from "zod";
import { route } from "@/lib/http/route";
import { signOffRun } from "@/lib/services/history/evidence";

const body = z.object({ note: z.string().trim().min(1, "must not be empty").max(4000) }).strict();

export const POST = route(
  { role: "operator", params: z.object({ id: z.string().uuid("must be a job id") }), body },
  async ({ params, body, actor }) => {
    return Response.json(await signOffRun(params.id, actor, body.note), { status: 201 });
  },
);
