import { expect, test, type Request } from "@playwright/test";
import { startQuietSource } from "./support/quiet-source";

/** The wall's reads of /api/wall: whole snapshots, and re-reads of some parts (`parts=`). */
function wallReads(requests: Request[]) {
  const reads = requests.map((r) => new URL(r.url())).filter((u) => u.pathname === "/api/wall");
  return {
    whole: reads.filter((u) => !u.searchParams.has("parts")).length,
    parts: reads.flatMap((u) => {
      const parts = u.searchParams.get("parts");
      return parts ? [parts.split(",")] : [];
    }),
  };
}

test.describe("the NOC wall, kept live by the stream", () => {
  test("a job that starts and then fails reaches the wall through the stream, without re-reading the whole wall", async ({
    page,
    request,
  }) => {
    // A cluster of the test's own: no other job changes what this wall shows.
    const quiet = await startQuietSource("ontap", "Live wall cluster");
    try {
      const requests: Request[] = [];
      page.on("request", (r) => requests.push(r));
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.goto(`/wall?set=running,failures,sources,timeline&sources=${quiet.id}`);
      await expect(page.getByTestId("source-row")).toHaveCount(1);
      await expect(page.getByTestId("wall-stream")).toHaveAttribute("data-live", "true");
      await expect.poll(() => wallReads(requests).whole).toBe(1);

      const vendorId = await quiet.startJob({ type: "volume-move", durationMs: 3_600_000 });
      const job = await quiet.waitForJob(request, vendorId);
      const running = page.locator(`[data-testid="running-job"][data-job-id="${job.id}"]`);
      await expect(running).toBeVisible();
      // The new job joined the running list through a re-read of the parts it touched.
      expect(wallReads(requests).parts.some((p) => p.includes("running"))).toBe(true);

      await quiet.failJob(vendorId);
      const failure = page.locator(
        `[data-panel="failures"] [data-testid="failure-row"][data-job-id="${job.id}"]`,
      );
      await expect(failure).toBeVisible();
      await expect(failure.locator('[data-state="failed"]')).toContainText("failed");
      await expect(running).toHaveCount(0);

      const reads = wallReads(requests);
      // One whole read when the screen opened; everything since came as patches and part re-reads.
      expect(reads.whole).toBe(1);
      expect(reads.parts.some((p) => p.includes("failures"))).toBe(true);
      // No part re-read carried the readiness panel, which no job here touched.
      expect(reads.parts.flat()).not.toContain("readiness");
    } finally {
      await quiet.close();
    }
  });
});
