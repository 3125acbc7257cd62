import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E } from "./support/e2e-env";
import { findJob, waitForJob } from "./support/jobs";
import { simRequestCounts, startSimJob } from "./support/sim";

async function eyeglassSourceId(request: APIRequestContext): Promise<string> {
  return (await findJob(request, "kind=eyeglass&limit=1", () => true)).sourceId;
}

/** Launch POSTs the Eyeglass simulator has served on one jobs endpoint. */
async function launchPosts(request: APIRequestContext, endpoint: string): Promise<number> {
  return (await simRequestCounts(request, "eyeglass"))[`POST /sera/v2/jobs/${endpoint}`] ?? 0;
}

test.describe("Superna Eyeglass", () => {
  test("an operator launches a readiness check from the source's launch page and it appears as a job", async ({
    page,
    request,
  }) => {
    const sourceId = await eyeglassSourceId(request);
    const before = await launchPosts(request, "readiness");
    await page.goto(`/sources/${sourceId}/launch?op=readiness`);
    await expect(page.getByTestId("launch-op-readiness")).toHaveAttribute("aria-pressed", "true");
    await page.getByTestId("launch-reason").fill("weekly DR readiness");
    await page.getByTestId("launch-submit").click();

    const result = page.getByTestId("launch-result");
    await expect(result).toHaveAttribute("data-status", "succeeded");
    const vendorId = (await result.getAttribute("data-vendor-id")) ?? "";
    expect(vendorId).toMatch(/^readiness:/);
    expect(await launchPosts(request, "readiness")).toBe(before + 1);

    const job = await waitForJob(request, "eyeglass", vendorId);
    expect(job.type).toContain("readiness");
    await page.getByTestId("launch-job-link").click();
    await page.waitForURL(`**/jobs/${job.id}`);
    await expect(page.getByTestId("job-name")).toHaveText(job.name);
  });

  test("an operator may not launch a failover; the form says which role it needs", async ({
    page,
    request,
  }) => {
    const sourceId = await eyeglassSourceId(request);
    await page.goto(`/sources/${sourceId}/launch?op=failover`);
    await expect(page.getByTestId("launch-needs-role")).toContainText(
      "needs the admin role; you are operator",
    );
    await expect(page.getByTestId("launch-submit")).toBeDisabled();
  });

  test.describe("as an admin", () => {
    test.use({ storageState: E2E.storage.admin });

    test("a failover launch asks for the source name and a reason, then starts exactly one vendor job", async ({
      page,
      request,
    }) => {
      const sourceId = await eyeglassSourceId(request);
      const before = await launchPosts(request, "failover");
      await page.goto(`/sources/${sourceId}/launch?op=failover`);
      const sourceName = (await page.getByTestId("launch-source-name").textContent()) ?? "";
      await page.getByLabel("sourceid").fill("bos-ps01");
      await page.getByLabel("targetid").fill("nyc-ps01");
      await page.getByLabel("failovertarget").fill("p2-zone-media");
      await page.getByLabel("datasync").selectOption("true");
      const submit = page.getByTestId("launch-submit");
      await expect(submit).toBeDisabled();
      await page.getByTestId("launch-confirm").fill(sourceName);
      await expect(submit).toBeDisabled();
      await page.getByTestId("launch-reason").fill("planned site move");
      await submit.click();

      const result = page.getByTestId("launch-result");
      await expect(result).toHaveAttribute("data-status", "succeeded");
      expect(await result.getAttribute("data-vendor-id")).toMatch(/^failover:/);
      expect(await launchPosts(request, "failover")).toBe(before + 1);
    });
  });

  test("an operator cancels a running failover from its page and it ends as canceled", async ({
    page,
    request,
  }) => {
    const vendorId = await startSimJob(request, "eyeglass", {
      type: "failover",
      durationMs: 3_600_000,
    });
    expect(vendorId).toMatch(/^failover:/);
    const job = await waitForJob(request, "eyeglass", vendorId);
    await page.goto(`/jobs/${job.id}`);
    const badge = page.getByTestId("state-badge").first();
    await expect(badge).toHaveAttribute("data-state", "running");

    await page.getByTestId("action-cancel").click();
    await page.getByTestId("confirm-name").fill(job.name);
    await page.getByTestId("confirm-reason").fill("wrong zone");
    await page.getByTestId("confirm-submit").click();

    // The simulator's scripted failover does not roll back renamed shares, so nothing keeps it running after the cancel.
    await expect(badge).toHaveAttribute("data-state", "canceled", { timeout: 60_000 });
    await expect(
      page.getByTestId("audit-line").and(page.locator('[data-action="cancel"]')).first(),
    ).toHaveAttribute("data-status", "succeeded");
    await expect(page.getByTestId("action-cancel")).toHaveCount(0);
  });
});
