import { describe, expect, it } from "vitest";
import { mapOntapJob, ontapJobType, ontapUnifiedState } from "./map";
import { ontapJobSchema } from "./schemas";

/** The doc's GET /api/cluster/jobs/{uuid} example, verbatim. */
const DOC_RUNNING = {
  uuid: "b5145e1d-b53b-11e8-8252-005056bbd8f5",
  code: 0,
  description: "Cluster Backup Job",
  state: "running",
  message: "creating_node_backups",
  _links: { self: { href: "/api/cluster/jobs/b5145e1d-b53b-11e8-8252-005056bbd8f5" } },
};

const FAILED_REST_JOB = {
  uuid: "1cd8a442-86d1-11e0-ae1c-123478563412",
  code: 917927,
  description: "PATCH /api/storage/volumes/02c9e252-41be-11e9-81d5-00a0986138f7",
  end_time: "2021-04-10T09:51:13+02:00",
  error: {
    arguments: [],
    code: "917927",
    message: "The specified volume was not found.",
    target: "uuid",
  },
  message: "The specified volume was not found.",
  node: { name: "cluster1-01" },
  start_time: "2021-04-10T09:50:58+02:00",
  state: "failure",
  svm: { name: "svm1", uuid: "02c9e252-41be-11e9-81d5-00a0986138f7" },
};

describe("ontapJobType", () => {
  it("names known descriptions and REST-started jobs without their object uuid", () => {
    expect(ontapJobType("Vol Move")).toBe("volume-move");
    expect(ontapJobType("Volume Move")).toBe("volume-move");
    expect(ontapJobType("SnapMirror initialize")).toBe("snapmirror-initialize");
    expect(ontapJobType("Cluster Backup Job")).toBe("cluster-backup");
    expect(ontapJobType("Vol Clone Split")).toBe("clone-split");
    expect(ontapJobType(FAILED_REST_JOB.description)).toBe("rest-patch-storage-volumes");
    expect(ontapJobType("POST /api/storage/volumes")).toBe("rest-post-storage-volumes");
    expect(ontapJobType("App Snapshot Job")).toBe("app-snapshot");
    expect(ontapJobType(undefined)).toBe("job");
  });
});

describe("ontapUnifiedState", () => {
  it("maps the documented states", () => {
    expect(ontapUnifiedState({ state: "queued" })).toBe("queued");
    expect(ontapUnifiedState({ state: "paused" })).toBe("paused");
    expect(ontapUnifiedState({ state: "success", message: "Complete: Successful" })).toBe(
      "succeeded",
    );
    expect(ontapUnifiedState({ state: "failure", message: "out of space" })).toBe("failed");
  });

  it("reads a cancel from the message, since ONTAP has no cancelled state", () => {
    expect(ontapUnifiedState({ state: "failure", message: "Job canceled by user request." })).toBe(
      "canceled",
    );
    expect(ontapUnifiedState({ state: "success", message: "Operation was cancelled" })).toBe(
      "canceled",
    );
  });

  it("keeps an unknown state without throwing: over if it has an end time", () => {
    expect(ontapUnifiedState({ state: "aborting" })).toBe("running");
    expect(ontapUnifiedState({ state: "destroyed", end_time: "2021-04-10T09:51:13+00:00" })).toBe(
      "failed",
    );
  });
});

describe("mapOntapJob", () => {
  it("maps the doc's running example with one stable phase and progress from nothing", () => {
    const job = mapOntapJob(ontapJobSchema.parse(DOC_RUNNING));
    expect(job).toMatchObject({
      vendorId: DOC_RUNNING.uuid,
      type: "cluster-backup",
      name: "Cluster Backup Job",
      state: "running",
      vendorState: "running",
      progress: null,
      message: "creating_node_backups",
      startedAt: null,
      events: [],
    });
    expect(job.phases).toEqual([
      expect.objectContaining({
        key: "job",
        parentKey: null,
        order: 0,
        state: "running",
        vendorStatus: "running",
      }),
    ]);
    expect(job.raw).toEqual(DOC_RUNNING);
  });

  it("maps a failed REST job: offset times, svm as dataset, node as cluster", () => {
    const job = mapOntapJob(ontapJobSchema.parse(FAILED_REST_JOB));
    expect(job.state).toBe("failed");
    expect(job.startedAt?.toISOString()).toBe("2021-04-10T07:50:58.000Z");
    expect(job.endedAt?.toISOString()).toBe("2021-04-10T07:51:13.000Z");
    expect(job).toMatchObject({
      dataset: "svm1",
      cluster: "cluster1-01",
      message: "The specified volume was not found.",
    });
    expect(job.phases?.[0]).toMatchObject({ key: "job", state: "failed", endedAt: job.endedAt });
  });

  it("takes progress from a running job's message", () => {
    const job = mapOntapJob(
      ontapJobSchema.parse({
        uuid: "u1",
        description: "Vol Move",
        state: "running",
        message: "Replicating data: 37% complete",
      }),
    );
    expect(job.progress).toBe(37);
  });
});

describe("ontapJobSchema", () => {
  it("rejects replies without a uuid or with an unparsable time, and keeps unknown members", () => {
    expect(ontapJobSchema.safeParse({ state: "running" }).success).toBe(false);
    expect(ontapJobSchema.safeParse({ uuid: "u", start_time: "yesterday" }).success).toBe(false);
    expect(ontapJobSchema.parse({ uuid: "u", extra: 1 })).toEqual({ uuid: "u", extra: 1 });
  });
});
