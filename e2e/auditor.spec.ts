import { expect, test } from "@playwright/test";
import { expectNoActions, signedInAs } from "./support/auditor";
import { E2E } from "./support/e2e-env";
import { waitForJob } from "./support/jobs";
import { startSimJob } from "./support/sim";

const AUDITOR = {
  email: `auditor-${Date.now()}@e2e.jobdeck.local`,
  password: "e2e-Auditor-passw0rd",
  name: "Ada Auditor",
};

test.use({ storageState: E2E.storage.admin });

test("an admin makes someone an auditor, who reads every page, acts on nothing and signs off a run", async ({
  page,
  browser,
  request,
}) => {
  // The admin assigns the role on the users screen.
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("Name").fill(AUDITOR.name);
  await form.getByLabel("Email").fill(AUDITOR.email);
  await form.getByLabel("Initial password").fill(AUDITOR.password);
  await form.getByLabel("Role").selectOption("auditor");
  await form.getByRole("button", { name: "Add user" }).click();
  await expect(page.getByLabel(`Role of ${AUDITOR.email}`)).toHaveValue("auditor");

  // A run of its own to review: a Commvault DR test, synced.
  const vendorId = await startSimJob(request, "commvault", {
    type: "test-failover",
    rtoMs: 20_000,
  });
  const job = await waitForJob(request, "commvault", vendorId);

  const { context, page: auditor } = await signedInAs(browser, AUDITOR);
  await expect(auditor.getByTestId("actor-role")).toHaveText("auditor");

  // Jobs list, with the run's row visible.
  await auditor.goto(`/jobs?q=${encodeURIComponent(vendorId)}`);
  await expect(auditor.locator(`a[href="/jobs/${job.id}"]`).first()).toBeVisible();
  await expectNoActions(auditor);

  // The job's page: no action buttons, and a note saying why.
  await auditor.goto(`/jobs/${job.id}`);
  await expect(auditor.getByTestId("read-only")).toContainText("auditor");
  await expectNoActions(auditor);

  for (const path of ["/wall", "/history", "/sources", "/audit", "/incidents", "/timeline"]) {
    await auditor.goto(path);
    await expect(auditor.getByRole("heading").first()).toBeVisible();
    await expectNoActions(auditor);
  }

  // The server refuses an action even if the auditor sends it without a button.
  const refused = await auditor.request.post(`/api/jobs/${job.id}/actions`, {
    data: { action: "cancel", reason: "auditor tries" },
    headers: { origin: E2E.baseUrl, "idempotency-key": crypto.randomUUID() },
  });
  expect(refused.status()).toBe(403);

  // The run's evidence page: the auditor signs it off under their own name.
  const note = `Audited ${Date.now()}: evidence complete.`;
  await auditor.goto(`/history/${job.id}`);
  await expectNoActions(auditor);
  await auditor.getByRole("textbox", { name: "Add a sign-off note" }).fill(note);
  await auditor.getByRole("button", { name: "Sign off" }).click();
  const signOff = auditor.getByTestId("sign-off").filter({ hasText: note });
  await expect(signOff).toContainText(AUDITOR.name);
  await context.close();
});
