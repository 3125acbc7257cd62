import { z } from "zod";
import { json, type SimRequest, type SimResponse } from "@/lib/simulators/engine/server";
import { Pace } from "@/lib/simulators/engine/clock";
import { vendorTextField } from "@/lib/simulators/engine/vendor-text";
import type { SimulatorModule } from "@/lib/simulators/engine/simulator";
import { SppEstate } from "./estate";
import { createSppHandler } from "./handler";
import { parseSppScenario, sppScenarioPatchSchema } from "./scenario";
import { LoginSessions } from "./sessions";
import { sessionState } from "./timeline";

const createJobBody = z.object({
  durationMs: z
    .number()
    .int()
    .positive()
    .max(7 * 24 * 3_600_000)
    .optional(),
  type: z.string().optional(),
  /** The job's name and its resources' names (which its log lines quote). */
  text: vendorTextField,
});

function control(estate: SppEstate) {
  return (req: SimRequest): SimResponse | null => {
    estate.advance();
    if (req.method === "POST" && req.path === "/__sim/jobs") {
      let body: unknown;
      try {
        body = JSON.parse(req.body || "{}");
      } catch {
        return json(400, { error: "body must be JSON" });
      }
      const parsed = createJobBody.safeParse(body);
      if (!parsed.success)
        return json(400, { error: parsed.error.issues.map((i) => i.message).join("; ") });
      const plan = estate.createNow(parsed.data);
      const text = parsed.data.text;
      if (text) {
        plan.jobName = text;
        plan.resources = plan.resources.map((r) => ({ ...r, name: text, location: text }));
      }
      return json(201, { vendorId: plan.id });
    }
    const fail = /^\/__sim\/jobs\/([^/]+)\/fail$/.exec(req.path);
    if (req.method === "POST" && fail?.[1]) {
      const plan = estate.get(fail[1]);
      if (!plan) return json(404, { error: `no job session ${fail[1]}` });
      if (sessionState(plan, estate.now(), estate.scenario.cancelingMs).status !== "RUNNING") {
        return json(409, { error: `job session ${fail[1]} is not running` });
      }
      estate.stop(
        plan.id,
        "fail",
        true,
        "Job session failed: the data mover stopped responding (simulated)",
      );
      return json(200, { vendorId: plan.id, status: "FAILED" });
    }
    if (req.method === "POST" && req.path === "/__sim/scenario") {
      const parsed = sppScenarioPatchSchema.safeParse(safeJson(req.body));
      if (!parsed.success)
        return json(400, { error: parsed.error.issues.map((i) => i.message).join("; ") });
      Object.assign(estate.scenario, parsed.data);
      return json(200, estate.scenario);
    }
    return null;
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text || "{}");
  } catch {
    return null;
  }
}

export const sppSimulator: SimulatorModule = {
  kind: "spp",
  credential: "password",
  create: (options) => {
    const pace = new Pace(options.speed);
    const scenario = parseSppScenario(options.scenario);
    // A cancel settles at the appliance's pace too; a value set later through /__sim/scenario is taken as given.
    scenario.cancelingMs = pace.span(scenario.cancelingMs);
    const estate = new SppEstate(options.clock, options.seed, scenario, pace);
    const logins = new LoginSessions(
      options.clock,
      options.user,
      options.password,
      scenario.sessionIdleMs,
      options.seed,
    );
    return {
      handler: createSppHandler(estate, logins, options.user),
      control: control(estate),
      groundTruth: () => estate.groundTruth(),
      source: (serverUrl) => ({
        baseUrl: serverUrl,
        username: options.user,
        secret: options.password,
        options: {},
      }),
    };
  },
};
