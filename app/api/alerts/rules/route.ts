import { alertRuleInput } from "@/lib/contracts/alerts";
import { route } from "@/lib/http/route";
import { listRules, saveRule } from "@/lib/alerts/services/rules";

export const dynamic = "force-dynamic";

export const GET = route({}, async () => ({ items: await listRules() }));

export const POST = route({ role: "admin", body: alertRuleInput }, async ({ body, actor }) => {
  const saved = await saveRule(body, actor, null);
  return Response.json(saved, { status: 201 });
});
