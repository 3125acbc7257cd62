import { idParams } from "@/lib/contracts/alerts";
import { acknowledgeBody } from "@/lib/contracts/incidents";
import { route } from "@/lib/http/route";
import { acknowledgeIncident } from "@/lib/alerts/services/incidents";
import { assertActor, saveProblem } from "../../../alerts/save-problems";

export const POST = route(
  { role: "operator", params: idParams, body: acknowledgeBody },
  async ({ params, body, actor }) => {
    const result = await acknowledgeIncident(params.id, body.note, assertActor(actor));
    if (!result.ok) throw saveProblem(result);
    return result.incident;
  },
);
