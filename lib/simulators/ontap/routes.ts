import { json, type SimRequest, type SimResponse } from "@/lib/simulators/engine/server";
import type { Clock } from "@/lib/simulators/engine/clock";
import type { OntapEstate } from "./estate";
import { QueryError, RECORD_MEMBERS, parseFields } from "./fields";
import { applyAction, viewAt, type JobAction } from "./job";
import { JobLister } from "./list";
import { JOBS_PATH, ontapError, renderJob } from "./render";
import { cancelOutcome, isBrokenJob, type OntapScenario } from "./scenario";

/** Broken jobs (scenario brokenJobEvery) list with a start_time that is not a time. */
function breakRecords<T extends { body: Record<string, unknown> }>(
  page: T,
  scenario: OntapScenario,
): T {
  const records = page.body.records;
  if (scenario.brokenJobEvery === 0 || !Array.isArray(records)) return page;
  const broken = records.map((r: Record<string, unknown>) =>
    typeof r.uuid === "string" && isBrokenJob(scenario, r.uuid) && "start_time" in r
      ? { ...r, start_time: "2021-13-45T99:99:99" }
      : r,
  );
  return { ...page, body: { ...page.body, records: broken } };
}

const ACTIONS: readonly JobAction[] = ["pause", "resume", "cancel"];
const NOT_FOUND = ontapError("entry doesn't exist", "4", "uuid");

export interface OntapRoutesOptions {
  estate: OntapEstate;
  clock: Clock;
  scenario: OntapScenario;
  user: string;
  password: string;
}

/** The vendor's HTTP contract for /api/cluster/jobs, per the ONTAP 9.12.1 reference. */
export function ontapRoutes(
  options: OntapRoutesOptions,
): (req: SimRequest) => SimResponse | Promise<SimResponse> {
  const { estate, clock, scenario } = options;
  const lister = new JobLister();
  const expected = `Basic ${Buffer.from(`${options.user}:${options.password}`).toString("base64")}`;

  return (req) => {
    if (req.headers.authorization !== expected) {
      return json(401, ontapError("not authorized for that command", "6691623"), {
        "www-authenticate": 'Basic realm="ONTAP"',
      });
    }
    const hal = (req.headers.accept ?? "").includes("application/hal+json");
    const reply = (status: number, data: unknown) =>
      json(status, data, { "content-type": hal ? "application/hal+json" : "application/json" });
    estate.advance();
    const now = clock.now();
    try {
      if (req.path === JOBS_PATH || req.path === `${JOBS_PATH}/`) {
        if (req.method !== "GET")
          return reply(405, ontapError(`The method ${req.method} is not allowed.`, "3"));
        const ctx = {
          jobs: estate.all(),
          version: estate.version,
          now,
          hal,
          offsetMinutes: scenario.utcOffsetMinutes,
          timeoutPageRecords: scenario.timeoutPageRecords,
          recordCostMs: scenario.recordCostMs,
        };
        const { body, costMs } = breakRecords(lister.list(req.query, ctx), scenario);
        if (costMs === 0) return reply(200, body);
        return new Promise<SimResponse>((resolve) =>
          setTimeout(() => resolve(reply(200, body)), costMs),
        );
      }
      const match = /^\/api\/cluster\/jobs\/([^/]+)$/.exec(req.path);
      if (!match) return reply(404, ontapError("API not found", "3"));
      const job = estate.get(decodeURIComponent(match[1] ?? ""));
      if (req.method === "GET") {
        for (const name of req.query.keys()) {
          if (name !== "fields") throw new QueryError(`Unexpected argument "${name}".`, name);
        }
        if (!job) return reply(404, NOT_FOUND);
        const members = parseFields(req.query.getAll("fields"), RECORD_MEMBERS);
        return reply(
          200,
          renderJob(job, viewAt(job, now), {
            members,
            hal,
            selfLink: true,
            offsetMinutes: scenario.utcOffsetMinutes,
          }),
        );
      }
      if (req.method !== "PATCH")
        return reply(405, ontapError(`The method ${req.method} is not allowed.`, "3"));
      const action = ACTIONS.find((a) => a === req.query.get("action"));
      if (!action) {
        const given = req.query.get("action") ?? "";
        return reply(
          400,
          ontapError(
            `"${given}" is an invalid value for field "action" (<pause|resume|cancel>)`,
            "262196",
            "action",
          ),
        );
      }
      if (!job) return reply(404, NOT_FOUND);
      if (!scenario.jobManagerReady) {
        return reply(
          scenario.patchErrorStatus,
          ontapError("The Job Manager is not initialized.", "458773"),
        );
      }
      const refusal = applyAction(job, action, now, cancelOutcome(scenario));
      if (refusal)
        return reply(scenario.patchErrorStatus, ontapError(refusal.message, refusal.code, "uuid"));
      return reply(200, {});
    } catch (err) {
      if (err instanceof QueryError)
        return reply(400, ontapError(err.message, "262197", err.target));
      throw err;
    }
  };
}
