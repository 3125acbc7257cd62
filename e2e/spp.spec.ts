import { expect, test } from "@playwright/test";
import { waitForJob } from "./support/jobs";
import { startSimJob } from "./support/sim";

test.describe("IBM Spectrum Protect Plus", () => {
  test("an operator cancels a running session keeping completed data; SPP shows CANCELING, then CANCELED", async ({
    page,
    request,
  }) => {
    const vendorId = await startSimJob(request, "spp", { durationMs: 3_600_000 });
    const job = await waitForJob(request, "spp", vendorId);
    await page.goto(`/jobs/${job.id}`);
    const badge = page.getByTestId("state-badge").first();
    await expect(badge).toHaveAttribute("data-state", "running");

    await page.getByTestId("action-cancel").click();
    await page.getByTestId("confirm-name").fill(job.name);
    await page.getByTestId("confirm-reason").fill("backup window over");
    const keep = page.getByTestId("confirm-keep-data");
    await keep.check();
    await expect(keep).toBeChecked();
    await page.getByTestId("confirm-submit").click();

    // SPP keeps a cancelled session CANCELING for cancelingMs (20 s at the appliance's pace, 4 s at the e2e speed).
    const vendorState = page.getByTestId("vendor-state");
    await expect(vendorState).toContainText("CANCELING");
    await expect(badge).toHaveAttribute("data-state", "aborting");
    await expect(vendorState).toContainText("CANCELED", { timeout: 60_000 });
    await expect(badge).toHaveAttribute("data-state", "canceled");
    const audit = page
      .getByTestId("audit-line")
      .and(page.locator('[data-action="cancel"]'))
      .first();
    await expect(audit).toHaveAttribute("data-status", "succeeded");
    await expect(audit).toContainText("completed objects will be cataloged");
  });
});
