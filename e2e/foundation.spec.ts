import { expect, test } from "@playwright/test";
import { startSimJob } from "./support/sim";
import { waitForJob } from "./support/jobs";

test.describe("the whole path on ONTAP", () => {
  test("the jobs list shows the demo estate's ONTAP jobs", async ({ page }) => {
    await page.goto("/jobs?kind=ontap");
    const rows = page.getByTestId("job-row");
    await expect(rows.first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThan(5);
    await expect(page.getByTestId("jobs-table")).toContainText("NetApp ONTAP");
  });

  test("a job's state changes on screen without a reload", async ({ page, request }) => {
    // A scripted length is taken as given (the simulators' speed paces only the jobs they make up).
    const vendorId = await startSimJob(request, "ontap", {
      type: "volume-move",
      durationMs: 12_000,
    });
    const job = await waitForJob(request, "ontap", vendorId);
    await page.goto(`/jobs/${job.id}`);
    const badge = page.getByTestId("state-badge").first();
    await expect(badge).toHaveAttribute("data-state", /queued|running/);
    let reloaded = false;
    page.on("load", () => (reloaded = true));
    await expect(badge).toHaveAttribute("data-state", "succeeded", { timeout: 60_000 });
    expect(reloaded).toBe(false);
  });

  test("an operator pauses and resumes a running job from its page, and the audit trail shows both", async ({
    page,
    request,
  }) => {
    const vendorId = await startSimJob(request, "ontap", {
      type: "volume-move",
      durationMs: 3_600_000,
    });
    const job = await waitForJob(request, "ontap", vendorId);
    await page.goto(`/jobs/${job.id}`);
    const badge = page.getByTestId("state-badge").first();
    await expect(badge).toHaveAttribute("data-state", "running");

    await page.getByTestId("action-pause").click();
    await expect(page.getByRole("dialog")).toContainText("pause this job?");
    await page.getByTestId("confirm-submit").click();
    await expect(badge).toHaveAttribute("data-state", "paused");
    await expect(page.getByTestId("vendor-state")).toContainText("paused");

    await page.getByTestId("action-resume").click();
    await page.getByTestId("confirm-submit").click();
    await expect(badge).toHaveAttribute("data-state", "running");

    const audit = page.getByTestId("audit-line");
    await expect(audit.filter({ hasText: "pause" }).first()).toHaveAttribute(
      "data-status",
      "succeeded",
    );
    await expect(audit.filter({ hasText: "resume" }).first()).toHaveAttribute(
      "data-status",
      "succeeded",
    );
    await expect(page.getByTestId("audit-lines")).toContainText("Olga Operator");
  });

  test("a job the simulator deleted 300 s after it finished is still listed, marked gone at the vendor", async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    const vendorId = await startSimJob(request, "ontap", {
      type: "volume-move",
      durationMs: 2_000,
    });
    const job = await waitForJob(request, "ontap", vendorId);
    // Finishes after 2 s; ONTAP deletes it 300 s of the cluster's time (60 s at the e2e speed) later.
    await expect
      .poll(
        async () =>
          (
            (await (await request.get(`/api/jobs/${job.id}`)).json()) as {
              job: { goneAt: string | null };
            }
          ).job.goneAt,
        {
          timeout: 150_000,
          intervals: [2_000],
        },
      )
      .not.toBeNull();
    await page.goto(`/jobs?kind=ontap&q=${vendorId}`);
    const row = page.locator(`[data-testid="job-row"][data-vendor-id="${vendorId}"]`);
    await expect(row).toBeVisible();
    await expect(row.getByTestId("gone-badge")).toHaveText("gone at vendor");
  });
});
