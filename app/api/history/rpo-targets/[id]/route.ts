import { idParams } from "@/lib/contracts/params";
import { route } from "@/lib/http/route";
import { removeTarget } from "@/lib/services/history/targets";

export const DELETE = route(
  { role: "admin", params: idParams("target") },
  async ({ params, actor }) => {
    await removeTarget("rpo", params.id, actor);
    return new Response(null, { status: 204 });
  },
);
