import { describe, expect, it } from "vitest";
import {
  VendorAuthError,
  VendorHttpError,
  VendorNotFoundError,
  VendorRefusedError,
} from "@/lib/connectors/errors";
import type { JobView } from "@/lib/connectors/types";
import type { JobState } from "@/lib/domain/job-state";
import { ontapCapabilities } from "./actions";
import { ontapFailure } from "./errors";

const view = (type: string, state: JobState): JobView => ({
  vendorId: "u",
  type,
  state,
  vendorState: state,
  raw: {},
});

describe("ontapCapabilities", () => {
  it("offers pause only while running, resume only while paused, cancel while unfinished", () => {
    expect(ontapCapabilities(view("volume-move", "running"))).toEqual(["pause", "cancel"]);
    expect(ontapCapabilities(view("volume-move", "paused"))).toEqual(["resume", "cancel"]);
    expect(ontapCapabilities(view("volume-move", "queued"))).toEqual(["cancel"]);
    expect(ontapCapabilities(view("volume-move", "succeeded"))).toEqual([]);
  });

  it("offers only what the job type supports", () => {
    expect(ontapCapabilities(view("cluster-backup", "running"))).toEqual(["cancel"]);
    expect(ontapCapabilities(view("app-snapshot", "running"))).toEqual([]);
    expect(ontapCapabilities(view("rest-patch-storage-volumes", "running"))).toEqual([]);
  });
});

describe("ontapFailure", () => {
  const error = (code: string, message = "vendor text") => ({ code, message });

  it("turns each documented PATCH code into a refusal naming the code", () => {
    for (const code of ["458762", "458771", "458776", "458783", "458784", "458773"]) {
      const err = ontapFailure("c1", 400, error(code), true);
      expect(err).toBeInstanceOf(VendorRefusedError);
      expect((err as VendorRefusedError).vendorCode).toBe(code);
      expect(err.message).toContain(`ONTAP ${code}: vendor text`);
    }
    expect(ontapFailure("c1", 400, error("458783"), true).message).toContain("cannot be paused");
    expect(ontapFailure("c1", 400, error("458784"), true).message).toContain("cannot be cancelled");
  });

  it("says a job is gone on code 4, but a missing collection is an HTTP error", () => {
    expect(ontapFailure("c1", 404, error("4", "entry doesn't exist"), true)).toBeInstanceOf(
      VendorNotFoundError,
    );
    expect(ontapFailure("c1", 404, null, false)).toBeInstanceOf(VendorHttpError);
  });

  it("reports auth failures without echoing anything but the status", () => {
    const err = ontapFailure("c1", 401, error("6691623", "not authorized for that command"), false);
    expect(err).toBeInstanceOf(VendorAuthError);
    expect(err.message).toBe("c1: ONTAP rejected the user name or password (HTTP 401)");
  });
});
