import { describe, expect, it } from "vitest";
import { gridFor } from "./grid-layout";

describe("gridFor", () => {
  it("lays all five panels out in three columns, two tall, timeline across the bottom", () => {
    const g = gridFor(["running", "failures", "sources", "dr", "timeline"], false);
    expect(g.areas).toBe(
      '"running failures sources" "running failures dr" "timeline timeline timeline"',
    );
    expect(g.rowSizes).toBe("minmax(0, 1fr) minmax(0, 1fr) minmax(0, 0.75fr)");
    expect(g.columns).toBe(3);
  });
  it("uses two columns in portrait, the first panel tall", () => {
    expect(gridFor(["running", "failures", "sources"], true).areas).toBe(
      '"running failures" "running sources"',
    );
  });
  it("gives a lone panel or a lone timeline the whole screen", () => {
    expect(gridFor(["dr"], false)).toMatchObject({ areas: '"dr"', rowSizes: "minmax(0, 1fr)" });
    expect(gridFor(["timeline"], false)).toMatchObject({
      areas: '"timeline"',
      rowSizes: "minmax(0, 1fr)",
    });
  });
  it("fills exactly when panels divide evenly", () => {
    expect(gridFor(["running", "failures", "sources"], false).areas).toBe(
      '"running failures sources"',
    );
  });
});
