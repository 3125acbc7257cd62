import { idParams } from "@/lib/contracts/params";
import { route } from "@/lib/http/route";
import { removeRtoTarget } from "@/lib/services/history/rto-targets";

export const DELETE = route({ role: "admin", params: idParams("target") }, async ({ params, actor }) => {
  await removeRtoTarget(params.id, actor);
  return new Response(null, { status: 204 });
});
