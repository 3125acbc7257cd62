import { alertChannelInput, idParams } from "@/lib/contracts/alerts";
import { notFound } from "@/lib/http/problem";
import { route } from "@/lib/http/route";
import { deleteChannel, saveChannel } from "@/lib/alerts/services/channels";
import { assertActor, saveProblem } from "../../save-problems";

export const PUT = route(
  { role: "admin", params: idParams, body: alertChannelInput },
  async ({ params, body, actor }) => {
    const saved = await saveChannel(body, assertActor(actor), params.id);
    if (!saved.ok) throw saveProblem(saved);
    return saved.channel;
  },
);

export const DELETE = route({ role: "admin", params: idParams }, async ({ params, actor }) => {
  if (!(await deleteChannel(params.id, assertActor(actor))))
    throw notFound(`No alert channel ${params.id}.`);
  return new Response(null, { status: 204 });
});
