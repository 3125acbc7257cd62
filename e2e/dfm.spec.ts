import { expect, test } from "@playwright/test";
import type { ScheduledView } from "@/lib/contracts/explorer";
import type { JobDetailView } from "@/lib/contracts/jobs";
import { waitForJob } from "./support/jobs";
import { startSimJob } from "./support/sim";

test.describe("DFM / Protection Manager", () => {
  test("an operator aborts a running job from its page with the name typed and a reason; it goes aborting → aborted", async ({
    page,
    request,
  }) => {
    const vendorId = await startSimJob(request, "dfm", {
      type: "remote_backup",
      durationMs: 3_600_000,
    });
    const job = await waitForJob(request, "dfm", vendorId);
    await page.goto(`/jobs/${job.id}`);
    const badge = page.getByTestId("state-badge").first();
    await expect(badge).toHaveAttribute("data-state", "running");

    await page.getByTestId("action-abort").click();
    const submit = page.getByTestId("confirm-submit");
    await page.getByTestId("confirm-reason").fill("wrong dataset scheduled");
    await page.getByTestId("confirm-name").fill(`${job.name} (typo)`);
    await expect(submit).toBeDisabled();
    await page.getByTestId("confirm-name").fill(job.name);
    await submit.click();

    // DFM keeps a job "aborting" for abortDelayMs (30 s at the appliance's pace, 6 s at the e2e speed) before "aborted".
    await expect(badge).toHaveAttribute("data-state", "aborting");
    await expect(page.getByTestId("vendor-state")).toContainText("aborting");
    await expect(badge).toHaveAttribute("data-state", "aborted", { timeout: 60_000 });
    const audit = page.getByTestId("audit-line").and(page.locator('[data-action="abort"]')).first();
    await expect(audit).toHaveAttribute("data-status", "succeeded");
    await expect(audit).toContainText("wrong dataset scheduled");
  });

  test("a DFM job shows its phases on the Gantt, and DFM's schedules are listed as future jobs", async ({
    page,
    request,
  }) => {
    const vendorId = await startSimJob(request, "dfm", {
      type: "remote_backup",
      durationMs: 3_600_000,
    });
    const job = await waitForJob(request, "dfm", vendorId);
    let phases: JobDetailView["phases"] = [];
    await expect
      .poll(async () => {
        phases = ((await (await request.get(`/api/jobs/${job.id}`)).json()) as JobDetailView)
          .phases;
        return phases.length;
      })
      .toBeGreaterThan(0);
    await page.goto(`/jobs/${job.id}`);
    await expect(page.getByTestId("job-name")).toHaveText(job.name);
    for (const phase of phases.filter((p) => p.parentKey === null).slice(0, 3)) {
      await expect(page.getByText(phase.name).first()).toBeVisible();
    }

    const from = new Date();
    const res = await request.get(`/api/scheduled?from=${encodeURIComponent(from.toISOString())}`);
    expect(res.status()).toBe(200);
    const dfm = ((await res.json()) as { items: ScheduledView[] }).items.filter(
      (s) => s.kind === "dfm",
    );
    expect(dfm.length).toBeGreaterThan(0);
    for (const s of dfm)
      expect(new Date(s.startsAt).getTime()).toBeGreaterThanOrEqual(from.getTime());
  });
});
