import { idParams } from "@/lib/contracts/params";
import { acknowledgeBody } from "@/lib/contracts/incidents";
import { route } from "@/lib/http/route";
import { acknowledgeIncident } from "@/lib/alerts/services/incidents";

export const POST = route(
  { role: "operator", params: idParams("incident"), body: acknowledgeBody },
  async ({ params, body, actor }) => {
    const result = await acknowledgeIncident(params.id, body.note, actor);
    return result;
  },
);
