import { expect, test, type APIRequestContext } from "@playwright/test";
import type { JobBaselineView, JobDetailView } from "@/lib/contracts/jobs";
import { readmeScreenshot } from "./support/screenshot";
import { waitForJob } from "./support/jobs";
import { startQuietSource } from "./support/quiet-source";
import { startSimJob } from "./support/sim";

// Tall enough that a DR job's phase rows are all inside the virtualised Gantt's view.
test.use({ viewport: { width: 1400, height: 1200 } });

const detail = async (request: APIRequestContext, id: string) =>
  (await (await request.get(`/api/jobs/${id}`)).json()) as JobDetailView;
const baseline = async (request: APIRequestContext, id: string) =>
  (await (await request.get(`/api/jobs/${id}/baseline`)).json()) as JobBaselineView;

test.describe("the job page", () => {
  test("a running Commvault job's Gantt gains a bar and its running bar grows, without a reload", async ({
    page,
    request,
  }) => {
    // 4 minutes per pair (a scripted length is taken as given), phases a few seconds apart.
    const vendorId = await startSimJob(request, "commvault", { durationMs: 240_000 });
    const job = await waitForJob(request, "commvault", vendorId);
    let reloaded = false;
    page.on("load", () => (reloaded = true));
    await page.goto(`/jobs/${job.id}`);
    const gantt = page.getByTestId("gantt");
    await expect(gantt).toHaveAttribute("data-started", /[1-9]/);
    const startedAtFirst = Number(await gantt.getAttribute("data-started"));
    reloaded = false;

    const running = page.locator('[data-testid="gantt-bar"][data-running="true"]');
    await expect(running.first()).toBeVisible();
    // A running bar grows: some phase, seen running again later, is longer than when first seen
    // (any phase may end between two looks, so every running one is followed).
    const firstSeen = new Map<string, number>();
    const grew = async () => {
      const bars = await running.evaluateAll((els) =>
        els.map(
          (e) =>
            [e.getAttribute("data-key") ?? "", Number(e.getAttribute("data-duration-ms"))] as const,
        ),
      );
      let seenGrowing = false;
      for (const [key, ms] of bars) {
        const first = firstSeen.get(key);
        if (first === undefined) firstSeen.set(key, ms);
        else if (ms > first + 1_500) seenGrowing = true;
      }
      return seenGrowing;
    };
    await expect.poll(grew, { timeout: 30_000 }).toBe(true);

    await expect
      .poll(async () => Number(await gantt.getAttribute("data-started")), { timeout: 120_000 })
      .toBeGreaterThan(startedAtFirst);
    expect(reloaded).toBe(false);
  });

  test("an Eyeglass failover's step tree collapses and expands", async ({ page, request }) => {
    const vendorId = await startSimJob(request, "eyeglass", {
      type: "failover",
      durationMs: 120_000,
    });
    const job = await waitForJob(request, "eyeglass", vendorId);
    await expect
      .poll(async () => (await detail(request, job.id)).phases.some((p) => p.parentKey !== null), {
        timeout: 60_000,
      })
      .toBe(true);
    await page.goto(`/jobs/${job.id}`);
    const toggle = page.getByTestId("gantt-toggle").first();
    await expect(toggle).toBeVisible();
    const parentRow = page.locator('[data-testid="gantt-row"]', { has: toggle }).first();
    const parentKey = await parentRow.getAttribute("data-key");
    const row = page.locator(`[data-testid="gantt-row"][data-key="${parentKey}"]`);
    await expect(row).toHaveAttribute("aria-expanded", "true");
    // The job is running, so phases keep arriving: the test follows the children the parent has
    // now, not a count of all rows, which grows while it looks.
    const childKeys = (await detail(request, job.id)).phases
      .filter((p) => p.parentKey === parentKey)
      .map((p) => p.key)
      // The chart draws only the rows in view; a parent's first children sit right under it.
      .slice(0, 3);
    expect(childKeys.length).toBeGreaterThan(0);
    const childRow = (key: string) => page.locator(`[data-testid="gantt-row"][data-key="${key}"]`);
    for (const key of childKeys) await expect(childRow(key)).toHaveCount(1);

    await row.getByTestId("gantt-toggle").click();
    await expect(row).toHaveAttribute("aria-expanded", "false");
    for (const key of childKeys) await expect(childRow(key)).toHaveCount(0);
    await expect(row).toContainText(/\(\+\d+\)/);

    await row.getByTestId("gantt-toggle").click();
    await expect(row).toHaveAttribute("aria-expanded", "true");
    for (const key of childKeys) await expect(childRow(key)).toHaveCount(1);
  });

  test('the ETA appears for a job kind with enough history and says "no estimate" without', async ({
    page,
    request,
  }) => {
    test.setTimeout(240_000);
    // A Commvault of the test's own: no history at all until the test makes some.
    const quiet = await startQuietSource("commvault", "CommServe without history");
    try {
      const openJob = async (id: string) => {
        const baselineRead = page.waitForResponse(
          (r) => r.url().endsWith(`/api/jobs/${id}/baseline`) && r.ok(),
        );
        await page.goto(`/jobs/${id}`);
        await baselineRead;
        await expect(page.getByTestId("state-badge").first()).toHaveAttribute(
          "data-state",
          "running",
        );
      };
      const firstId = await quiet.startJob({ type: "test-failover", durationMs: 3_600_000 });
      const truth = (await (await request.get(`${quiet.url}/__sim/jobs`)).json()) as Array<{
        jobId: number;
        drGroupId: number;
      }>;
      const drGroupId = truth.find((j) => String(j.jobId) === firstId)?.drGroupId;
      expect(drGroupId, "the simulator's DR group for the first job").toBeDefined();
      const first = await quiet.waitForJob(request, firstId);
      expect((await baseline(request, first.id)).runs).toBe(0);
      await openJob(first.id);
      await expect(page.getByTestId("freshness")).toBeVisible();
      await expect(page.getByTestId("eta")).toHaveText("no estimate");

      // Three short successful runs of the same kind (the fewest an estimate is made from) become the next run's history.
      const shortIds = await Promise.all(
        [15_000, 16_000, 17_000].map((durationMs) =>
          quiet.startJob({ type: "test-failover", drGroupId, durationMs }),
        ),
      );
      for (const shortId of shortIds) {
        const short = await quiet.waitForJob(request, shortId);
        await expect
          .poll(async () => (await detail(request, short.id)).job.state, { timeout: 150_000 })
          .toBe("succeeded");
      }
      const longId = await quiet.startJob({
        type: "test-failover",
        drGroupId,
        durationMs: 3_600_000,
      });
      const long = await quiet.waitForJob(request, longId);
      await expect.poll(async () => (await baseline(request, long.id)).runs).toBe(3);
      await openJob(long.id);
      await expect(page.getByTestId("eta")).toHaveText(/^est\. done \d{1,2}:\d{2}.*\(±\d+ min\)$/);
    } finally {
      await quiet.close();
    }
  });

  test("at 1920×1080 a running DR job shows its Gantt, feed and throughput (the README's screenshot)", async ({
    page,
    request,
  }) => {
    const vendorId = await startSimJob(request, "commvault", {
      type: "planned-failover",
      durationMs: 120_000,
    });
    const job = await waitForJob(request, "commvault", vendorId);
    await expect
      .poll(
        async () =>
          (await detail(request, job.id)).phases.filter((p) => p.startedAt !== null).length,
        { timeout: 120_000 },
      )
      .toBeGreaterThanOrEqual(8);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`/jobs/${job.id}`);
    await expect(page.getByTestId("gantt-bar").nth(3)).toBeVisible();
    await expect(page.getByTestId("feed-event").first()).toBeVisible();
    await readmeScreenshot(page, "job-1080p.png");
  });

  test("the progress feed shows a new event live", async ({ page, request }) => {
    const vendorId = await startSimJob(request, "commvault", { durationMs: 120_000 });
    const job = await waitForJob(request, "commvault", vendorId);
    await page.goto(`/jobs/${job.id}`);
    const events = page.getByTestId("feed-event");
    await expect(events.first()).toBeVisible();
    const newestAtOpen = await events.first().textContent();
    const countAtOpen = await events.count();
    let reloaded = false;
    page.on("load", () => (reloaded = true));
    await expect
      .poll(async () => events.count(), { timeout: 120_000 })
      .toBeGreaterThan(countAtOpen);
    await expect(events.first()).not.toHaveText(newestAtOpen ?? "");
    expect(reloaded).toBe(false);
  });
});
