import { z } from "zod";
import { json, type SimRequest, type SimResponse } from "@/lib/simulators/engine/server";
import { vendorTextField } from "@/lib/simulators/engine/vendor-text";
import type { EyeglassEstate, Family } from "./estate";
import { scriptedRequest } from "./history";
import { stopJob } from "./planned-job";
import { FAILOVER_KINDS } from "./scenario";

const createSchema = z.object({
  type: z.enum([...FAILOVER_KINDS, "readiness", "replication"]).default("failover"),
  durationMs: z.number().int().positive().optional(),
  /** Service restored this long after start (failover kinds). */
  rtoMs: z.number().int().positive().optional(),
  /** Failover kinds only: the job's name, its steps' and groups' names and infos, so its log too. */
  text: vendorTextField,
});

/**
 * Jobdeck's vendorId for a job: the connector prefixes the family, since Eyeglass ids are only
 * unique per endpoint and getJob must know which one to ask.
 */
const vendorId = (family: Family, id: string) => `${family}:${id}`;

function createJob(estate: EyeglassEstate, body: string, demoCount: number): SimResponse {
  let data: unknown = {};
  if (body.trim()) {
    try {
      data = JSON.parse(body);
    } catch {
      return json(400, { error: "body must be JSON" });
    }
  }
  const parsed = createSchema.safeParse(data);
  if (!parsed.success)
    return json(400, {
      error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    });
  const { type, durationMs, rtoMs, text } = parsed.data;
  const now = estate.now();
  if (type === "readiness")
    return json(201, { vendorId: vendorId("readiness", estate.addReadiness(now, durationMs).id) });
  if (type === "replication")
    return json(201, {
      vendorId: vendorId("replication", estate.addReplication(now, durationMs).id),
    });
  const job = estate.addFailover(
    scriptedRequest(type, demoCount),
    { submittedAt: now, immediate: true },
    "success",
    { durationMs, rtoMs },
  );
  if (text) {
    job.name = text;
    job.plan = job.plan.map((leaf) => ({
      ...leaf,
      path: leaf.path.map((p) => ({ ...p, name: text })),
      label: { ...leaf.label, name: text },
      info: text,
    }));
  }
  return json(201, { vendorId: vendorId("failover", job.id) });
}

function failJob(estate: EyeglassEstate, rawId: string): SimResponse {
  const now = estate.now();
  const [prefix, ...rest] = rawId.split(":");
  const families: Family[] =
    rest.length > 0 ? [prefix as Family] : ["failover", "readiness", "replication"];
  const id = rest.length > 0 ? rest.join(":") : rawId;
  const stop = {
    at: now,
    kind: "fail" as const,
    info: "Step failed: target cluster stopped responding (simulated)",
  };
  for (const family of families) {
    const placed =
      family === "failover"
        ? estate.placedFailovers(now)
        : family === "readiness"
          ? estate.placedReadiness(now)
          : family === "replication"
            ? estate.placedReplication(now)
            : [];
    const result = stopJob(placed, id, stop);
    if (result === "stopped") return json(200, { vendorId: vendorId(family, id), failedAt: now });
    if (result === "not-running") return json(409, { error: `${rawId} is not running` });
  }
  return json(404, { error: `no job ${rawId}` });
}

/** POST /__sim/jobs and POST /__sim/jobs/<vendorId>/fail, for browser tests and demos. */
export function eyeglassControl(estate: EyeglassEstate): (req: SimRequest) => SimResponse | null {
  let created = 0;
  return (req) => {
    if (req.method !== "POST") return null;
    if (req.path === "/__sim/jobs") return createJob(estate, req.body, created++);
    const match = /^\/__sim\/jobs\/([^/]+)\/fail$/.exec(req.path);
    if (!match?.[1]) return null;
    try {
      return failJob(estate, decodeURIComponent(match[1]));
    } catch {
      return json(400, { error: "malformed vendorId" });
    }
  };
}
