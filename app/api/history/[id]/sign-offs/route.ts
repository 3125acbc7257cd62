import { idParams } from "@/lib/contracts/params";
import { signOffBody } from "@/lib/contracts/history";
import { route } from "@/lib/http/route";
import { signOffRun } from "@/lib/services/history/evidence";

export const POST = route(
  { role: "operator", auditor: true, params: idParams("job"), body: signOffBody },
  async ({ params, body, actor }) => {
    return Response.json(await signOffRun(params.id, actor, body.note), { status: 201 });
  },
);
