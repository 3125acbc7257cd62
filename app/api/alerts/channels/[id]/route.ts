import { alertChannelInput } from "@/lib/contracts/alerts";
import { idParams } from "@/lib/contracts/params";
import { notFound } from "@/lib/http/problem";
import { route } from "@/lib/http/route";
import { deleteChannel, saveChannel } from "@/lib/alerts/services/channels";
import { assertActor } from "../../assert-actor";

export const PUT = route(
  { role: "admin", params: idParams("alert channel"), body: alertChannelInput },
  async ({ params, body, actor }) => {
    const saved = await saveChannel(body, assertActor(actor), params.id);
    return saved;
  },
);

export const DELETE = route(
  { role: "admin", params: idParams("alert channel") },
  async ({ params, actor }) => {
    if (!(await deleteChannel(params.id, assertActor(actor))))
      throw notFound(`No alert channel ${params.id}.`);
    return new Response(null, { status: 204 });
  },
);
