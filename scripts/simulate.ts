/**
 * Runs one vendor simulator on its own, for anyone who wants a vendor to point at:
 *   npm run simulate -- <kind> [--port N] [--user U] [--password P | --token T] [--seed N] [--speed X]
 *     [--scenario JSON]   e.g. --scenario '{"bulkJobs":100000,"retainFinished":true}' (each vendor's scenario.ts)
 */
import { parseArgs } from "node:util";
import { SOURCE_KINDS, type SourceKind } from "@/lib/domain/source-kind";
import { realClock } from "@/lib/simulators/engine/clock";
import { startSimServer } from "@/lib/simulators/engine/server";
import { SIMULATORS } from "@/lib/simulators/registry";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: "string", default: "0" },
    host: { type: "string", default: "127.0.0.1" },
    user: { type: "string", default: "admin" },
    password: { type: "string", default: "netapp1!" },
    token: { type: "string" },
    seed: { type: "string", default: "1" },
    speed: { type: "string", default: "1" },
    scenario: { type: "string" },
  },
});

const kind = positionals[0] as SourceKind | undefined;
const simModule = kind ? SIMULATORS[kind] : undefined;
if (!kind || !simModule) {
  const known = SOURCE_KINDS.filter((k) => SIMULATORS[k]).join(", ");
  console.error(
    `usage: npm run simulate -- <kind> [--port N] [--user U] [--password P] [--token T]\nkinds: ${known}`,
  );
  process.exit(2);
}

const secret =
  simModule.credential === "token" ? (values.token ?? "igls-demo-token") : values.password;
const sim = simModule.create({
  seed: Number(values.seed),
  clock: realClock,
  speed: Number(values.speed),
  user: values.user,
  password: secret,
  scenario: values.scenario ? (JSON.parse(values.scenario) as Record<string, unknown>) : undefined,
});
const server = await startSimServer({
  name: kind,
  handler: sim.handler,
  control: sim.control,
  groundTruth: sim.groundTruth,
  port: Number(values.port),
  host: values.host,
});
const source = sim.source(server.url);
console.log(`${kind} simulator listening`);
console.log(`  base URL: ${source.baseUrl}`);
if (source.username) console.log(`  user:     ${source.username}`);
console.log(`  ${simModule.credential}: ${source.secret}`);
console.log(`  faults:   POST ${server.url}/__sim/faults  (see lib/simulators/engine/faults.ts)`);

const shutdown = async () => {
  await server.close();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);
