import { expect, test } from "@playwright/test";
import { E2E } from "./support/e2e-env";
import { waitForJob } from "./support/jobs";
import { startSimJob } from "./support/sim";

// History and audit poll no more (audit keeps a once-a-minute fallback): what changes within a test reached the page over the live stream.
test.describe("pages that follow the live stream", () => {
  test("a DR test started at the vendor appears in failover history without a reload", async ({
    page,
    request,
  }) => {
    await page.goto("/history?kind=commvault&category=test");
    await expect(page.getByTestId("history-row").first()).toBeVisible();
    let reloaded = false;
    page.on("load", () => (reloaded = true));
    const vendorId = await startSimJob(request, "commvault", {
      type: "test-failover",
      durationMs: 120_000,
    });
    await expect(
      page.locator(`[data-testid="history-row"][data-vendor-id="${vendorId}"]`),
    ).toBeVisible({ timeout: 45_000 });
    expect(reloaded).toBe(false);
  });

  test("an action taken elsewhere appears in the audit trail without a reload", async ({
    page,
    request,
  }) => {
    await page.goto("/audit");
    await expect(page.getByTestId("audit-table")).toBeVisible();
    let reloaded = false;
    page.on("load", () => (reloaded = true));
    const reason = `e2e live audit ${Date.now()}`;
    const vendorId = await startSimJob(request, "ontap", {
      type: "volume-move",
      durationMs: 3_600_000,
    });
    const job = await waitForJob(request, "ontap", vendorId);
    const res = await request.post(`/api/jobs/${job.id}/actions`, {
      data: { action: "pause", reason },
      headers: { origin: E2E.baseUrl, "idempotency-key": `e2e-live-audit-${vendorId}` },
    });
    expect(res.status(), await res.text()).toBeLessThan(300);
    // Well inside the one-minute fallback: the job's change on the stream brought it.
    await expect(page.getByTestId("audit-row").filter({ hasText: reason })).toBeVisible({
      timeout: 30_000,
    });
    expect(reloaded).toBe(false);
  });
});
