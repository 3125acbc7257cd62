import { describe, expect, it } from "vitest";
import { Rng } from "@/lib/simulators/engine/rng";
import { DATASETS } from "./catalog";
import { changeShare, planJob } from "./plan";

const T0 = Date.UTC(2026, 10, 23, 12);

function nightly(datasetIndex: number, runs: number) {
  const dataset = DATASETS[datasetIndex];
  if (!dataset) throw new Error("no dataset");
  return Array.from({ length: runs }, (_, i) =>
    planJob(
      {
        id: 7000 + i,
        type: "remote_backup",
        dataset,
        startMs: T0 + i * 86_400_000,
        mishaps: false,
      },
      new Rng(100 + i),
    ),
  );
}

describe("DFM job plan", () => {
  it("moves about the same change for the same object every run, and a heavy day now and then", () => {
    const draws = Array.from({ length: 200 }, (_, i) => (i + 0.5) / 200);
    const shares = draws.map((d) => changeShare("snapvault|fas3170-nyc-a:/vol_exch/qt_logs", d));
    const normal = shares.filter((_, i) => (draws[i] ?? 0) < 0.95);
    expect(Math.max(...normal) / Math.min(...normal)).toBeLessThan(1.7);
    expect(Math.max(...shares)).toBeGreaterThan(2 * Math.min(...normal));
    for (const s of shares) expect(s).toBeGreaterThan(0);
    for (const s of shares) expect(s).toBeLessThanOrEqual(1);
    const others = DATASETS.map((d) => changeShare(`snapvault|${d.volume}`, 0.5));
    expect(new Set(others).size).toBeGreaterThan(1);
  });

  it("a transfer lasts as long as its bytes take, so a dataset's nightly runs have similar lengths", () => {
    const runs = nightly(1, 40);
    const lengths = runs.map((j) => j.endOffsetMs).sort((a, b) => a - b);
    const median = lengths[20] ?? 0;
    const near = lengths.filter((l) => Math.abs(l - median) <= median * 0.35).length;
    expect(near).toBeGreaterThanOrEqual(32);
    const first = runs[0]?.transfers[0];
    if (!first) throw new Error("no transfer");
    const reference = first.durationMs / Number(first.bytes);
    for (const job of runs)
      for (const t of job.transfers) {
        const perByte = t.durationMs / Number(t.bytes);
        expect(perByte / reference).toBeGreaterThan(0.5);
        expect(perByte / reference).toBeLessThan(2);
      }
  });
});
