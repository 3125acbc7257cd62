/**
 * An operator's action in its own process, for the pending-action test to kill with SIGKILL after
 * the vendor accepted the call and before the outcome is written:
 * `node --import tsx lib/testing/action-worker.ts <database url> <job id> <action> <idempotency key>`.
 */
import { createDb } from "@/lib/db/client";
import { JOB_ACTIONS } from "@/lib/domain/actions";
import { performJobAction } from "@/lib/services/actions/perform-job-action";

const [databaseUrl, jobId, action, idempotencyKey] = process.argv.slice(2);
const known = JOB_ACTIONS.find((a) => a === action);
if (!databaseUrl || !jobId || !known || !idempotencyKey)
  throw new Error("usage: action-worker <database url> <job id> <action> <idempotency key>");
const db = createDb(databaseUrl);
const outcome = await performJobAction(
  {
    jobId,
    action: known,
    params: {},
    reason: "killed mid-call",
    idempotencyKey,
    actor: { kind: "user", id: null, name: "ops-anna", role: "operator" },
  },
  db,
);
process.stdout.write(`finished ${outcome.action.status}\n`);
await db.$disconnect();
