import { Pace } from "@/lib/simulators/engine/clock";
import type {
  Simulator,
  SimulatorModule,
  SimulatorOptions,
} from "@/lib/simulators/engine/simulator";
import type { DfmContext } from "./context";
import { createControl } from "./control";
import { DATASETS } from "./catalog";
import { Estate } from "./estate";
import { createHandler } from "./handler";
import { TagStore } from "./iterators";
import { isBroken, parseScenario } from "./scenario";

import { jobAt } from "./timeline";

/** The simulator plus its state, so contract tests can compare what the connector saw with the truth. */
export function createDfmSimulator(options: SimulatorOptions): Simulator & { context: DfmContext } {
  const scenario = parseScenario(options.scenario);
  const { clock } = options;
  const tags = (prefix: string) => new TagStore(prefix, clock, scenario.tagTtlMs, scenario.maxTags);
  const context: DfmContext = {
    estate: new Estate(options.seed, clock, scenario, new Pace(options.speed)),
    user: options.user,
    tags: {
      jobs: tags("dp_job_list"),
      events: tags("dp_job_progress_event_list"),
      schedule: tags("dp_job_schedule_list"),
    },
    schedule: {
      lastChangedSec: Math.floor(clock.now() / 1000) - 3 * 86_400,
      edits: DATASETS.map(() => 0),
    },
  };
  context.estate.advance();
  context.estate.ensureLiveWork();
  return {
    context,
    handler: createHandler(context, options.password),
    control: createControl(context),
    groundTruth: () => {
      context.estate.advance();
      const now = clock.now();
      // Purged jobs are gone on purpose (an operator asked); everything else DFM lists is here.
      return context.estate.list().map((job) => {
        const at = jobAt(job, now);
        return {
          vendorId: String(job.id),
          vendorState: `${at.state} · ${at.progress}`,
          final: at.completedMs !== null,
          broken: isBroken(scenario.brokenJobEvery, job.id),
        };
      });
    },
    source: (serverUrl) => ({
      baseUrl: serverUrl,
      username: options.user,
      secret: options.password,
      options: {},
    }),
  };
}

/** NetApp DFM / Protection Manager answering the dp-job ZAPI (API 3.6R2) at /apis/XMLrequest. */
export const dfmSimulator: SimulatorModule = {
  kind: "dfm",
  credential: "password",
  create: createDfmSimulator,
};
