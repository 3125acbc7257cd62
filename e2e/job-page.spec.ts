import { expect, test, type APIRequestContext } from "@playwright/test";
import type { JobBaselineView, JobDetailView, JobPage } from "../lib/api/job-types";
import { waitForJob } from "./support/jobs";
import { simUrl } from "./support/e2e-env";
import { startSimJob } from "./support/sim";

// Tall enough that a DR job's phase rows are all inside the virtualised Gantt's view.
test.use({ viewport: { width: 1400, height: 1200 } });

const detail = async (request: APIRequestContext, id: string) => (await (await request.get(`/api/jobs/${id}`)).json()) as JobDetailView;
const baseline = async (request: APIRequestContext, id: string) => (await (await request.get(`/api/jobs/${id}/baseline`)).json()) as JobBaselineView;

test.describe("the job page", () => {
  test("a running Commvault job's Gantt gains a bar and its running bar grows, without a reload", async ({ page, request }) => {
    // 20 simulated minutes per pair: about 4 real minutes at the e2e clock speed, phases a few seconds apart.
    const vendorId = await startSimJob(request, "commvault", { durationMs: 1_200_000 });
    const job = await waitForJob(request, "commvault", vendorId);
    let reloaded = false;
    page.on("load", () => (reloaded = true));
    await page.goto(`/jobs/${job.id}`);
    const gantt = page.getByTestId("gantt");
    await expect(gantt).toHaveAttribute("data-started", /[1-9]/);
    const startedAtFirst = Number(await gantt.getAttribute("data-started"));
    reloaded = false;

    const running = page.locator('[data-testid="gantt-bar"][data-running="true"]').first();
    await expect(running).toBeVisible();
    const key = await running.getAttribute("data-key");
    const bar = page.locator(`[data-testid="gantt-bar"][data-key="${key}"]`);
    const firstDuration = Number(await bar.getAttribute("data-duration-ms"));
    await expect.poll(async () => Number(await bar.getAttribute("data-duration-ms")), { timeout: 30_000 }).toBeGreaterThan(firstDuration + 1_500);

    await expect.poll(async () => Number(await gantt.getAttribute("data-started")), { timeout: 120_000 }).toBeGreaterThan(startedAtFirst);
    expect(reloaded).toBe(false);
  });

  test("an Eyeglass failover's step tree collapses and expands", async ({ page, request }) => {
    const vendorId = await startSimJob(request, "eyeglass", { type: "failover", durationMs: 600_000 });
    const job = await waitForJob(request, "eyeglass", vendorId);
    await expect.poll(async () => (await detail(request, job.id)).phases.some((p) => p.parentKey !== null), { timeout: 60_000 }).toBe(true);
    await page.goto(`/jobs/${job.id}`);
    const gantt = page.getByTestId("gantt");
    const toggle = page.getByTestId("gantt-toggle").first();
    await expect(toggle).toBeVisible();
    const parentRow = page.locator('[data-testid="gantt-row"]', { has: toggle }).first();
    const parentKey = await parentRow.getAttribute("data-key");
    const row = page.locator(`[data-testid="gantt-row"][data-key="${parentKey}"]`);
    const children = page.locator('[data-testid="gantt-row"][data-depth="1"]');
    await expect(row).toHaveAttribute("aria-expanded", "true");
    const rowsOpen = Number(await gantt.getAttribute("data-rows"));
    expect(await children.count()).toBeGreaterThan(0);

    await row.getByTestId("gantt-toggle").click();
    await expect(row).toHaveAttribute("aria-expanded", "false");
    await expect.poll(async () => Number(await gantt.getAttribute("data-rows"))).toBeLessThan(rowsOpen);
    await expect(row).toContainText(/\(\+\d+\)/);

    await row.getByTestId("gantt-toggle").click();
    await expect(row).toHaveAttribute("aria-expanded", "true");
    await expect.poll(async () => Number(await gantt.getAttribute("data-rows"))).toBeGreaterThanOrEqual(rowsOpen);
  });

  test("the ETA appears for a job kind with history and is absent without", async ({ page, request }) => {
    test.setTimeout(180_000);
    // Two runs of the same DR group: the first (5 simulated minutes a pair) becomes the second's history.
    const shortId = await startSimJob(request, "commvault", { durationMs: 300_000 });
    const truth = (await (await request.get(`${simUrl("commvault")}/__sim/jobs`)).json()) as Array<{ jobId: number; type: string; drGroupId: number }>;
    const sameKind = truth.find((j) => String(j.jobId) === shortId);
    expect(sameKind).toBeDefined();
    const short = await waitForJob(request, "commvault", shortId);
    await expect.poll(async () => (await detail(request, short.id)).job.state, { timeout: 90_000 }).toBe("succeeded");
    const longId = await startSimJob(request, "commvault", { durationMs: 3_600_000, drGroupId: sameKind?.drGroupId, type: sameKind?.type });
    const long = await waitForJob(request, "commvault", longId);
    await expect.poll(async () => (await baseline(request, long.id)).runs).toBeGreaterThan(0);
    await page.goto(`/jobs/${long.id}`);
    await expect(page.getByTestId("state-badge").first()).toHaveAttribute("data-state", "running");
    await expect(page.getByTestId("eta")).toHaveText(/^est\. done \d{1,2}:\d{2}.*\(±\d+ min\)$/);

    const running = (await (await request.get("/api/jobs?state=running&limit=100")).json()) as JobPage;
    let withoutHistory: string | undefined;
    for (const j of running.items) {
      if ((await baseline(request, j.id)).runs === 0) {
        withoutHistory = j.id;
        break;
      }
    }
    expect(withoutHistory, "a running job with no successful runs of its kind").toBeDefined();
    await page.goto(`/jobs/${withoutHistory}`);
    await expect(page.getByTestId("job-name")).toBeVisible();
    await expect(page.getByTestId("freshness")).toBeVisible();
    await expect(page.getByTestId("eta")).toHaveCount(0);
  });

  test("the progress feed shows a new event live", async ({ page, request }) => {
    const vendorId = await startSimJob(request, "commvault", { durationMs: 600_000 });
    const job = await waitForJob(request, "commvault", vendorId);
    await page.goto(`/jobs/${job.id}`);
    const events = page.getByTestId("feed-event");
    await expect(events.first()).toBeVisible();
    const newestAtOpen = await events.first().textContent();
    const countAtOpen = await events.count();
    let reloaded = false;
    page.on("load", () => (reloaded = true));
    await expect.poll(async () => events.count(), { timeout: 120_000 }).toBeGreaterThan(countAtOpen);
    await expect(events.first()).not.toHaveText(newestAtOpen ?? "");
    expect(reloaded).toBe(false);
  });
});
