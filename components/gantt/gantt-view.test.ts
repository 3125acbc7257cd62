import { describe, expect, it } from "vitest";
import { panView, visibleWindow, zoomView } from "./gantt-view";

describe("zoomView and panView", () => {
  it("zooms in around the centre and back out to everything", () => {
    const zoomed = zoomView(null, 100_000, 0.5);
    expect(zoomed).toEqual([25_000, 75_000]);
    expect(zoomView(zoomed, 100_000, 2)).toBeNull();
  });
  it("pans by a fraction of the window and stops at the ends", () => {
    expect(panView([25_000, 75_000], 100_000, 0.25)).toEqual([37_500, 87_500]);
    expect(panView([25_000, 75_000], 100_000, 1)).toEqual([50_000, 100_000]);
    expect(panView([25_000, 75_000], 100_000, -1)).toEqual([0, 50_000]);
    expect(panView(null, 100_000, 0.5)).toBeNull();
  });
  it("never zooms below a second", () => {
    expect(zoomView([0, 1_500], 100_000, 0.1)).toEqual([250, 1_250]);
  });
  it("shows the whole run when not zoomed, at least a second wide", () => {
    expect(visibleWindow(null, 0)).toEqual([0, 1_000]);
    expect(visibleWindow([5, 10], 100)).toEqual([5, 10]);
  });
});
