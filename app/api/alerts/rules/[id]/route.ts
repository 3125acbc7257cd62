import { alertRuleInput } from "@/lib/contracts/alerts";
import { idParams } from "@/lib/contracts/params";
import { notFound } from "@/lib/http/problem";
import { route } from "@/lib/http/route";
import { deleteRule, saveRule } from "@/lib/alerts/services/rules";

export const PUT = route(
  { role: "admin", params: idParams("alert rule"), body: alertRuleInput },
  async ({ params, body, actor }) => {
    const saved = await saveRule(body, actor, params.id);
    return saved;
  },
);

export const DELETE = route(
  { role: "admin", params: idParams("alert rule") },
  async ({ params, actor }) => {
    if (!(await deleteRule(params.id, actor))) throw notFound(`No alert rule ${params.id}.`);
    return new Response(null, { status: 204 });
  },
);
