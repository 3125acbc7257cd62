import { idParams } from "@/lib/contracts/params";
import { notFound } from "@/lib/http/problem";
import { route } from "@/lib/http/route";
import { getDelivery } from "@/lib/alerts/services/deliveries-view";

export const GET = route(
  { role: "admin", auditor: true, params: idParams("delivery") },
  async ({ params }) => {
    const delivery = await getDelivery(params.id);
    if (!delivery) throw notFound(`No delivery ${params.id}.`);
    return delivery;
  },
);
