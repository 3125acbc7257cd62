import { describe, expect, it } from "vitest";
import { alertRuleInput } from "@/lib/contracts/alerts";
import { paramsFrom } from "./rule-fields";

describe("rule form params", () => {
  it("leaves empty fields to the server's defaults and sends numbers", () => {
    const form = new FormData();
    form.set("param.limitMinutes", "");
    form.set("param.factor", "1.5");
    expect(paramsFrom("job_slow", form)).toEqual({ factor: 1.5 });
    expect(
      alertRuleInput.parse({ kind: "job_slow", name: "x", params: paramsFrom("job_slow", form) })
        .params,
    ).toEqual({ factor: 1.5, minRuns: 3 });
  });

  it("a required setting left empty is refused by the schema, naming it", () => {
    const result = alertRuleInput.safeParse({
      kind: "rpo_missed",
      name: "x",
      params: paramsFrom("rpo_missed", new FormData()),
    });
    expect(result.error?.issues[0]?.path).toEqual(["params", "rpoMinutes"]);
  });
});
