import { alertChannelInput } from "@/lib/contracts/alert-channels";
import { idParams } from "@/lib/contracts/params";
import { notFound } from "@/lib/http/problem";
import { route } from "@/lib/http/route";
import { deleteChannel, saveChannel } from "@/lib/alerts/services/channels";

export const PUT = route(
  { role: "admin", params: idParams("alert channel"), body: alertChannelInput },
  async ({ params, body, actor }) => {
    const saved = await saveChannel(body, actor, params.id);
    return saved;
  },
);

export const DELETE = route(
  { role: "admin", params: idParams("alert channel") },
  async ({ params, actor }) => {
    if (!(await deleteChannel(params.id, actor))) throw notFound(`No alert channel ${params.id}.`);
    return new Response(null, { status: 204 });
  },
);
