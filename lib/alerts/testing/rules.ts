import { alertRuleInput, type AlertRuleInput } from "@/lib/contracts/alerts";
import type { Db } from "@/lib/db/client";
import { saveRule } from "../services/rules";
import { testAdmin } from "./workers";

/** A rule as the API would take it (defaults filled by the same schema). */
export async function createRule(
  db: Db,
  input: Record<string, unknown> & { kind: AlertRuleInput["kind"]; name: string },
): Promise<string> {
  return (await saveRule(alertRuleInput.parse(input), testAdmin, null, db)).id;
}
