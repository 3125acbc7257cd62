import { z } from "zod";
import { json, type SimRequest, type SimResponse } from "@/lib/simulators/engine/server";
import { vendorTextField, xmlSafe } from "@/lib/simulators/engine/vendor-text";
import { DATASETS } from "./catalog";
import type { DfmContext } from "./context";
import { JOB_TYPES } from "./scenario";

const newJobSchema = z.object({
  durationMs: z.number().int().positive().optional(),
  type: z.enum(JOB_TYPES).optional(),
  dataset: z.string().optional(),
  /** Bytes per transfer, as a decimal string so values near 2^63 stay exact. */
  bytes: z.string().regex(/^\d+$/).optional(),
  text: vendorTextField,
});

/** /__sim/ controls for tests and demos: start a job now, fail a running one, edit a schedule. */
export function createControl(ctx: DfmContext) {
  return (req: SimRequest): SimResponse | null => {
    if (req.method !== "POST") return null;
    ctx.estate.advance();
    if (req.path === "/__sim/jobs") {
      let body: unknown = {};
      try {
        body = req.body.trim() === "" ? {} : JSON.parse(req.body);
      } catch {
        return json(400, { error: "body must be JSON" });
      }
      const parsed = newJobSchema.safeParse(body);
      if (!parsed.success)
        return json(400, { error: parsed.error.issues.map((i) => i.message).join("; ") });
      const { bytes, text, ...rest } = parsed.data;
      const job = ctx.estate.create({
        ...rest,
        bytes: bytes === undefined ? undefined : BigInt(bytes),
      });
      if (text) {
        const t = xmlSafe(text);
        Object.assign(job, {
          description: t,
          submittedBy: t,
          dataset: { ...job.dataset, name: t },
        });
        for (const step of job.transfers)
          Object.assign(step, {
            startMessage: t,
            endMessage: t,
            errorMessage: step.fails ? t : null,
          });
        for (const point of job.points) point.message = t;
      }
      return json(201, { vendorId: String(job.id) });
    }
    const fail = /^\/__sim\/jobs\/(\d+)\/fail$/.exec(req.path);
    if (fail) {
      const id = Number(fail[1]);
      return ctx.estate.fail(id)
        ? json(200, { vendorId: String(id), failed: true })
        : json(409, { error: `job ${id} is not running` });
    }
    if (req.path === "/__sim/schedules/change") {
      const i = ctx.schedule.edits.reduce((sum, n) => sum + n, 0) % DATASETS.length;
      ctx.schedule.edits[i] = (ctx.schedule.edits[i] ?? 0) + 1;
      ctx.schedule.lastChangedSec = Math.floor(ctx.estate.now() / 1000);
      return json(200, { lastChanged: ctx.schedule.lastChangedSec });
    }
    return null;
  };
}
