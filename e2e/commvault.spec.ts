import { expect, test } from "@playwright/test";
import type { JobDetailView } from "@/lib/contracts/jobs";
import { phaseName } from "../lib/connectors/commvault/phase-codes";
import { waitForJob } from "./support/jobs";
import { startSimJob } from "./support/sim";

test.describe("Commvault DR orchestration", () => {
  test("an operator kills a running DR failover from its page; its phases carry the code table's names", async ({
    page,
    request,
  }) => {
    const vendorId = await startSimJob(request, "commvault", {
      type: "planned-failover",
      durationMs: 3_600_000,
    });
    const job = await waitForJob(request, "commvault", vendorId);
    await page.goto(`/jobs/${job.id}`);
    const badge = page.getByTestId("state-badge").first();
    await expect(badge).toHaveAttribute("data-state", "running");

    // A planned failover starts with phase code 52 on every replication pair.
    await expect(page.getByText(phaseName(52)).first()).toBeVisible();
    const detail = (await (await request.get(`/api/jobs/${job.id}`)).json()) as JobDetailView;
    expect(detail.phases.length).toBeGreaterThan(0);
    for (const p of detail.phases) {
      const code = Number(p.key.split(":").at(-2));
      expect(Number.isInteger(code), p.key).toBe(true);
      expect(p.name).toBe(phaseName(code));
    }

    await page.getByTestId("action-kill").click();
    await page.getByTestId("confirm-name").fill(job.name);
    await page.getByTestId("confirm-reason").fill("DR window closed");
    await page.getByTestId("confirm-submit").click();

    await expect(badge).toHaveAttribute("data-state", "aborted", { timeout: 60_000 });
    await expect(page.getByTestId("vendor-state")).toContainText("Killed");
    await expect(
      page.getByTestId("audit-line").and(page.locator('[data-action="kill"]')).first(),
    ).toHaveAttribute("data-status", "succeeded");
  });
});
