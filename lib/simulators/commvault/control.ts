import type { Clock } from "@/lib/simulators/engine/clock";
import { json, type SimRequest, type SimResponse } from "@/lib/simulators/engine/server";
import { endAt, pairPhasesAt, statusAt } from "./job";
import { createJobSchema } from "./options";
import type { DrJobStore } from "./store";

/**
 * /__sim/ controls: start a DR job now, fail a running one, and read the simulator's own view of
 * every job (the ground truth tests compare the connector against).
 */
export function createControl(clock: Clock, store: DrJobStore) {
  return (req: SimRequest): SimResponse | null => {
    store.advance();
    if (req.path === "/__sim/jobs" && req.method === "POST") {
      let body: unknown = {};
      try {
        body = req.body.trim() ? JSON.parse(req.body) : {};
      } catch {
        return json(400, { error: "body must be JSON" });
      }
      const parsed = createJobSchema.safeParse(body);
      if (!parsed.success)
        return json(400, {
          error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
        });
      const job = store.create(parsed.data);
      const text = parsed.data.text;
      if (text) {
        job.group = { ...job.group, name: text };
        job.user = text;
        job.pairs = job.pairs.map((pair) => ({ ...pair, clientName: text }));
      }
      return json(201, { vendorId: String(job.jobId) });
    }
    if (req.path === "/__sim/jobs" && req.method === "GET")
      return json(200, groundTruth(clock, store));
    const fail = /^\/__sim\/jobs\/(\d+)\/fail$/.exec(req.path);
    if (fail && req.method === "POST") {
      const jobId = Number(fail[1]);
      if (!store.get(jobId)) return json(404, { error: `no DR job ${jobId}` });
      return store.fail(jobId)
        ? json(200, { vendorId: String(jobId) })
        : json(409, { error: `DR job ${jobId} is not running` });
    }
    return null;
  };
}

function groundTruth(clock: Clock, store: DrJobStore) {
  const now = clock.now();
  return store.list().map((job) => ({
    jobId: job.jobId,
    type: job.type,
    drGroupId: job.group.id,
    drGroup: job.group.name,
    status: statusAt(job, now),
    startAt: job.startAt,
    endAt: endAt(job, now),
    pairs: job.pairs.map((pair) => ({
      replicationId: pair.replicationId,
      clientId: pair.clientId,
      clientName: pair.clientName,
      phases: pairPhasesAt(job, pair, now),
    })),
  }));
}
