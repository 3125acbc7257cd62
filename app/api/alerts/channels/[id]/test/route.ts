import { idParams } from "@/lib/contracts/params";
import { notFound } from "@/lib/http/problem";
import { route } from "@/lib/http/route";
import { sendTestMessage } from "@/lib/alerts/services/channels";

/** Queues a test message through the normal delivery path; the screen follows it at /api/alerts/deliveries/<id>. */
export const POST = route(
  { role: "admin", params: idParams("alert channel") },
  async ({ params }) => {
    const deliveryId = await sendTestMessage(params.id);
    if (!deliveryId) throw notFound(`No alert channel ${params.id}.`);
    return Response.json({ deliveryId }, { status: 202 });
  },
);
