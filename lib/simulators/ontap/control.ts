import { z } from "zod";
import { json, type SimRequest, type SimResponse } from "@/lib/simulators/engine/server";
import type { Clock } from "@/lib/simulators/engine/clock";
import { vendorTextField } from "@/lib/simulators/engine/vendor-text";
import { JOB_KINDS, findKind } from "./catalogue";
import type { OntapEstate } from "./estate";
import { failNow } from "./job";

const createBody = z.object({
  durationMs: z.number().int().positive().optional(),
  /** A catalogue key ("volume-move") or an ONTAP description ("Vol Move"). */
  type: z.string().optional(),
  text: vendorTextField,
});

/** /__sim/ controls for tests and demos: start a job now, make a running job fail now. */
export function ontapControl(
  estate: OntapEstate,
  clock: Clock,
): (req: SimRequest) => SimResponse | null {
  return (req) => {
    if (req.method !== "POST") return null;
    if (req.path === "/__sim/jobs") {
      let body: unknown = {};
      try {
        body = req.body.trim() ? JSON.parse(req.body) : {};
      } catch {
        return json(400, { error: "body must be JSON" });
      }
      const parsed = createBody.safeParse(body);
      if (!parsed.success)
        return json(400, { error: parsed.error.issues.map((i) => i.message).join("; ") });
      const wanted = parsed.data.type ?? "volume-move";
      const kind = findKind(wanted);
      if (!kind)
        return json(400, {
          error: `unknown job type "${wanted}"; one of ${JOB_KINDS.map((k) => k.key).join(", ")}`,
        });
      estate.advance();
      const job = estate.startNow(kind, parsed.data.durationMs ?? null);
      const text = parsed.data.text;
      if (text)
        Object.assign(job, {
          description: text,
          svm: { ...job.svm, name: text },
          planned: { state: "failure", code: 1, message: text },
        });
      return json(201, { vendorId: job.uuid });
    }
    const fail = /^\/__sim\/jobs\/([^/]+)\/fail$/.exec(req.path);
    if (fail) {
      estate.advance();
      const job = estate.get(decodeURIComponent(fail[1] ?? ""));
      if (!job) return json(404, { error: "no such job" });
      if (!failNow(job, clock.now())) return json(409, { error: "job is not running" });
      return json(200, { vendorId: job.uuid, state: "failure" });
    }
    return null;
  };
}
