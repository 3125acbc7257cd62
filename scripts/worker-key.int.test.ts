import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

describe("a standalone worker", () => {
  it("refuses to start against an external database without JOBDECK_SECRET_KEY, before touching it", () => {
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(
        ([k]) => k !== "JOBDECK_SECRET_KEY" && k !== "DATABASE_URL",
      ),
    );
    // Nothing listens there: the worker must stop on the missing key, not on the connection.
    const run = spawnSync(process.execPath, ["--import", "tsx", resolve("scripts/worker.ts")], {
      env: {
        ...inherited,
        NODE_ENV: "development",
        DATABASE_URL: "postgresql://jobdeck:jobdeck@127.0.0.1:9/jobdeck",
      },
      encoding: "utf8",
      timeout: 50_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("JOBDECK_SECRET_KEY is required");
  }, 60_000);
});
