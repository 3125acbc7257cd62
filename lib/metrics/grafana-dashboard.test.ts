import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const RENDER = readFileSync(path.join(import.meta.dirname, "render.ts"), "utf8");
const dashboard = JSON.parse(
  readFileSync(path.join(import.meta.dirname, "../../ops/grafana/jobdeck.json"), "utf8"),
) as {
  panels: Array<{ title: string; targets: Array<{ expr: string }> }>;
};

describe("ops/grafana/jobdeck.json", () => {
  it("queries only metrics Jobdeck exports", () => {
    const exported = new Set([...RENDER.matchAll(/"(jobdeck_[a-z_]+)"/g)].map((m) => m[1]));
    const used = dashboard.panels.flatMap((p) =>
      p.targets.flatMap((t) => [...t.expr.matchAll(/jobdeck_[a-z_]+/g)].map((m) => m[0])),
    );
    expect(used.length).toBeGreaterThan(10);
    for (const name of used) expect(exported, name).toContain(name);
  });
});
