import { describe, expect, it } from "vitest";
import type { JobView } from "@/lib/connectors/types";
import { sppCancelParamsSchema, sppCapabilities } from "./actions";

const view = (vendorState: string): JobView => ({
  vendorId: "1",
  type: "protection",
  state: "running",
  vendorState,
  raw: null,
});

describe("sppCapabilities", () => {
  it("offers cancel while SPP would accept it, and never pause or resume", () => {
    for (const s of ["RUNNING", "PENDING", "WAITING", "HELD"])
      expect(sppCapabilities(view(s))).toEqual(["cancel"]);
    for (const s of [
      "CANCELING",
      "CANCELED",
      "COMPLETED",
      "FAILED",
      "PARTIAL",
      "PAUSED",
      "UNKNOWN",
    ]) {
      expect(sppCapabilities(view(s))).toEqual([]);
    }
  });
});

describe("sppCancelParamsSchema", () => {
  it("requires an explicit keep-or-discard choice", () => {
    expect(sppCancelParamsSchema.parse({ catalogCompletedObjects: true })).toEqual({
      catalogCompletedObjects: true,
    });
    expect(sppCancelParamsSchema.parse({ catalogCompletedObjects: false })).toEqual({
      catalogCompletedObjects: false,
    });
    expect(sppCancelParamsSchema.safeParse({}).success).toBe(false);
    expect(sppCancelParamsSchema.safeParse({ catalogCompletedObjects: "yes" }).success).toBe(false);
    expect(
      sppCancelParamsSchema.safeParse({ catalogCompletedObjects: true, extra: 1 }).success,
    ).toBe(false);
  });
});
