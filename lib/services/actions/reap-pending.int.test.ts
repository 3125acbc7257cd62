import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/actor";
import { getJobDetail } from "@/lib/data/job-detail";
import { connectorForSource } from "@/lib/sync/connector-for-source";
import { pollSource } from "@/lib/sync/poll-source";
import { startSimulatedSource } from "@/lib/testing/sim-source";
import { appTestDatabase } from "@/lib/testing/test-db";
import { performJobAction } from "./perform-job-action";
import { reapPendingActions } from "./reap-pending";

const t = appTestDatabase();

const operator: Actor = { kind: "user", id: null, name: "ops-anna", role: "operator" };

describe("an action whose process died after the vendor accepted it", () => {
  it("ends unknown past the deadline, then records the vendor's state in the audit trail and on the job page", async () => {
    const fx = await startSimulatedSource(t.db, "dfm", { name: "dfm-reaper", seed: 11 });
    try {
      const created = await fetch(`${fx.server.url}/__sim/jobs`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ durationMs: 600_000, type: "mirror" }),
      });
      const vendorId = String(((await created.json()) as { vendorId: unknown }).vendorId);
      fx.clock.advance(20_000);
      const source = await t.db.source.findUniqueOrThrow({ where: { id: fx.sourceId } });
      expect((await pollSource(t.db, source)).ok).toBe(true);
      const job = await t.db.job.findUniqueOrThrow({
        where: { sourceId_vendorId: { sourceId: fx.sourceId, vendorId } },
      });
      expect(job.state).toBe("running");

      // A real process asks for the abort. The vendor accepts it and, before the reply reaches
      // the process, the process is SIGKILLed: it never writes the outcome, the row stays pending.
      const key = "reaper-test-key-1";
      let accepted!: () => void;
      const vendorAccepted = new Promise<void>((resolve) => (accepted = resolve));
      let release!: () => void;
      const killed = new Promise<void>((resolve) => (release = resolve));
      fx.onNextRequest((req) => req.body.includes("<dp-job-abort>"), {
        after: async (reply) => {
          accepted();
          await killed;
          return reply;
        },
      });
      const worker = spawn(
        process.execPath,
        ["--import", "tsx", resolve("lib/testing/action-worker.ts"), t.url, job.id, "abort", key],
        {
          stdio: ["ignore", "pipe", "ignore"],
        },
      );
      let output = "";
      worker.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<NodeJS.Signals | null>((done) =>
        worker.once("exit", (_code, signal) => done(signal)),
      );
      await vendorAccepted;
      worker.kill("SIGKILL");
      expect(await exited).toBe("SIGKILL");
      release();
      expect(output).toBe("");
      const begun = {
        action: await t.db.action.findFirstOrThrow({ where: { idempotencyKey: key } }),
      };
      expect(begun.action.status).toBe("pending");
      // The vendor did act: its own view of the job says so.
      const connector = await connectorForSource(fx.sourceId, t.db);
      expect((await connector.getJob(vendorId))?.vendorState).toMatch(/^aborting/);

      // Within the deadline nothing is touched.
      expect(await reapPendingActions(t.db, 60_000)).toEqual({ markedUnknown: [], resolved: [] });
      expect((await t.db.action.findUniqueOrThrow({ where: { id: begun.action.id } })).status).toBe(
        "pending",
      );

      // Audit rows cannot be backdated (a trigger keeps requestedAt), so the deadline shrinks instead.
      const reaped = await reapPendingActions(t.db, 1);
      expect(reaped).toEqual({ markedUnknown: [begun.action.id], resolved: [begun.action.id] });

      const action = await t.db.action.findUniqueOrThrow({
        where: { id: begun.action.id },
        include: { audit: { orderBy: { id: "asc" } } },
      });
      expect(action.status).toBe("unknown");
      expect(action.audit.map((a) => a.stage)).toEqual(["requested", "unknown", "vendor-state"]);
      expect(action.audit[2]?.detail).toMatch(/vendor now reports the job as aborting/);
      expect(action.vendorReply).toBe(action.audit[2]?.detail);

      const page = await getJobDetail(job.id, { allowedActions: [], refreshError: null }, t.db);
      expect(page?.job.state).toBe("aborting");
      expect(page?.actions[0]).toMatchObject({
        id: begun.action.id,
        status: "unknown",
        vendorReply: action.vendorReply,
      });

      // A second round changes nothing; a retry with the same key replays the unknown outcome (no longer pending).
      expect(await reapPendingActions(t.db, 60_000)).toEqual({ markedUnknown: [], resolved: [] });
      const retry = await performJobAction(
        {
          jobId: job.id,
          action: "abort",
          params: {},
          reason: "wrong dataset",
          idempotencyKey: key,
          actor: operator,
        },
        t.db,
      );
      expect(retry.action.status).toBe("unknown");
    } finally {
      await fx.close();
    }
  });
});
