import { alertRuleInput, idParams } from "@/lib/contracts/alerts";
import { notFound } from "@/lib/http/problem";
import { route } from "@/lib/http/route";
import { deleteRule, saveRule } from "@/lib/alerts/services/rules";
import { assertActor, saveProblem } from "../../save-problems";

export const PUT = route(
  { role: "admin", params: idParams, body: alertRuleInput },
  async ({ params, body, actor }) => {
    const saved = await saveRule(body, assertActor(actor), params.id);
    if (!saved.ok) throw saveProblem(saved);
    return saved.rule;
  },
);

export const DELETE = route({ role: "admin", params: idParams }, async ({ params, actor }) => {
  if (!(await deleteRule(params.id, assertActor(actor))))
    throw notFound(`No alert rule ${params.id}.`);
  return new Response(null, { status: 204 });
});
