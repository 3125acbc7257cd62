import { idParams } from "@/lib/contracts/params";
import { notFound } from "@/lib/http/problem";
import { route } from "@/lib/http/route";
import { getIncident } from "@/lib/alerts/services/incidents";

export const GET = route({ params: idParams("incident") }, async ({ params }) => {
  const incident = await getIncident(params.id);
  if (!incident) throw notFound(`No incident ${params.id}.`);
  return incident;
});
