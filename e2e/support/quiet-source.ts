import { expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import type { JobSummary } from "@/lib/contracts/jobs";
import type { SourceKind } from "../../lib/domain/source-kind";
import { realClock, type Clock } from "../../lib/simulators/engine/clock";
import { startSimServer, type RunningSim } from "../../lib/simulators/engine/server";
import { SIMULATORS } from "../../lib/simulators/registry";
import { signInWithApi } from "./auth";
import { E2E } from "./e2e-env";
import { findJob } from "./jobs";

const YEAR_MS = 365 * 86_400_000;
const PASSWORD = "quiet-Passw0rd";

/** Per kind: no starting estate and no live work, and a year between the jobs it makes up itself. */
const QUIET_SCENARIO: Partial<Record<SourceKind, Record<string, unknown>>> = {
  ontap: { initialJobs: 0, meanIntervalMs: YEAR_MS },
  commvault: {
    liveJobs: false,
    historyDensity: 0,
    meanIntervalMs: YEAR_MS,
    historyMs: 30 * 86_400_000,
  },
  dfm: { historyHours: 0.001, meanIntervalMs: YEAR_MS },
  eyeglass: {
    historyMs: 1,
    demoFailovers: false,
    randomFailovers: false,
    readinessIntervalMs: YEAR_MS,
    replicationIntervalMs: YEAR_MS,
  },
  spp: { historyMs: 0, meanIntervalMs: YEAR_MS },
};

/**
 * The simulators' clock, except that while the simulator is built it reads a day earlier: a
 * spawner schedules its first job at the clock's "now" when built, so that job ran (and an ONTAP
 * cluster deleted it) a day before the test, and the estate shows only what the test starts.
 */
class BackdatedStartClock implements Clock {
  private building = true;
  constructor(private readonly inner: Clock) {}
  now(): number {
    return this.building ? this.inner.now() - 86_400_000 : this.inner.now();
  }
  built(): void {
    this.building = false;
  }
}

export interface QuietSource {
  id: string;
  name: string;
  url: string;
  /** The password or API token the simulator expects, for tests that call the vendor API itself. */
  secret: string;
  startJob(body?: Record<string, unknown>): Promise<string>;
  failJob(vendorId: string): Promise<void>;
  /** Jobdeck's copy of this source's job, once the worker has stored it (vendor ids repeat across sources). */
  waitForJob(request: APIRequestContext, vendorId: string): Promise<JobSummary>;
  close(): Promise<void>;
}

/**
 * A vendor simulator of the test's own, in the test process, registered as a source through the
 * admin API: nothing happens on it except what the test makes happen, so a test that needs "no
 * other failure" or "no history" holds on every run, whatever the random demo estate does.
 */
export async function startQuietSource(kind: SourceKind, label: string): Promise<QuietSource> {
  const simulator = SIMULATORS[kind];
  const scenario = QUIET_SCENARIO[kind];
  if (!simulator || !scenario) throw new Error(`no quiet scenario for ${kind}`);
  const clock = new BackdatedStartClock(realClock);
  const sim = simulator.create({
    seed: 7,
    clock,
    speed: E2E.simSpeed,
    user: "admin",
    password: PASSWORD,
    scenario,
  });
  clock.built();
  const server: RunningSim = await startSimServer({
    name: kind,
    handler: sim.handler,
    control: sim.control,
    port: 0,
  });
  const cfg = sim.source(server.url);

  const admin: APIRequestContext = await playwrightRequest.newContext({ baseURL: E2E.baseUrl });
  await signInWithApi(admin, E2E.admin);
  const name = `${label} ${Date.now()}`;
  const res = await admin.post("/api/sources", {
    data: {
      kind,
      name,
      baseUrl: cfg.baseUrl,
      username: cfg.username,
      secret: cfg.secret,
      options: cfg.options,
      pollIntervalMs: 2_000,
    },
    headers: { origin: E2E.baseUrl },
  });
  expect(res.status(), `add source ${name}: ${await res.text()}`).toBe(201);
  const id = ((await res.json()) as { id: string }).id;

  const control = async (path: string, body?: Record<string, unknown>) => {
    const r = await fetch(`${server.url}/__sim${path}`, {
      method: "POST",
      body: JSON.stringify(body ?? {}),
    });
    if (!r.ok) throw new Error(`${kind} simulator refused ${path}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<{ vendorId: string }>;
  };
  return {
    id,
    name,
    url: server.url,
    secret: cfg.secret,
    startJob: async (body = {}) => (await control("/jobs", body)).vendorId,
    failJob: async (vendorId) => void (await control(`/jobs/${encodeURIComponent(vendorId)}/fail`)),
    waitForJob: (request, vendorId) =>
      findJob(
        request,
        `source=${id}&q=${encodeURIComponent(vendorId)}&limit=50`,
        (j) => j.vendorId === vendorId,
      ),
    close: async () => {
      // Gone again, so later specs see the estate they expect; one with history cannot be deleted
      // (it is refused, 409) and is archived instead, which takes it off every default list and the wall.
      const gone = await admin.delete(`/api/sources/${id}`, { headers: { origin: E2E.baseUrl } });
      if (gone.status() === 409) {
        const archived = await admin.patch(`/api/sources/${id}`, {
          data: { archived: true },
          headers: { origin: E2E.baseUrl },
        });
        expect(archived.status(), await archived.text()).toBe(200);
      } else expect(gone.status(), await gone.text()).toBe(204);
      await admin.dispose();
      await server.close();
    },
  };
}
