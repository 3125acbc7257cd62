import { expect, test } from "@playwright/test";
import { E2E } from "./support/e2e-env";
import { startQuietSource, type QuietSource } from "./support/quiet-source";

/**
 * The alerting loop in the browser, against the real worker: an admin makes a rule on the admin
 * screen, a scripted simulator job fails, the incident appears (page and header badge), it is
 * acknowledged with a note, and it resolves by itself when the job's next run succeeds.
 */
test.use({ storageState: E2E.storage.admin });

let quiet: QuietSource;
test.beforeAll(async () => {
  quiet = await startQuietSource("ontap", "alerts e2e");
});
test.afterAll(async () => {
  await quiet.close();
});

test("create a rule, trigger it from a simulator, see the incident, acknowledge it, see it resolve", async ({
  page,
  request,
}) => {
  const ruleName = `backups fail ${Date.now()}`;
  await page.goto("/admin/alerts");
  const form = page.getByRole("form", { name: "New alert rule" });
  await form.getByLabel("Name", { exact: true }).fill(ruleName);
  await form.getByLabel("When", { exact: true }).selectOption("job_failed");
  await form.getByLabel("Source", { exact: true }).selectOption({ label: quiet.name });
  await form.getByRole("button", { name: "Add rule" }).click();
  await expect(page.getByTestId("alert-rule").filter({ hasText: ruleName })).toBeVisible();

  const failing = await quiet.startJob({ type: "cluster-backup", durationMs: 3_600_000 });
  await quiet.waitForJob(request, failing);
  await quiet.failJob(failing);

  await page.goto("/incidents");
  const incident = page
    .getByTestId("incident")
    .filter({ hasText: `Cluster Backup Job failed on ${quiet.name}` });
  await expect(incident).toBeVisible({ timeout: 60_000 });
  await expect(incident.locator("[data-status]")).toHaveAttribute("data-status", "open");
  await expect(incident).toContainText(`Rule “${ruleName}”`);
  await expect(page.getByTestId("incident-badge")).not.toHaveText(/Incidents 0\b/);

  await incident
    .getByPlaceholder("What are you doing about it?")
    .fill("Looking at the aggregate's free space");
  await incident.getByRole("button", { name: "Acknowledge" }).click();
  await expect(incident.locator("[data-status]")).toHaveAttribute("data-status", "acknowledged");
  await expect(incident).toContainText("Looking at the aggregate's free space");
  await expect(incident).toContainText(E2E.admin.email);

  // The next run of the same job succeeds: the incident resolves on its own.
  const fixed = await quiet.startJob({ type: "cluster-backup", durationMs: 1_000 });
  await quiet.waitForJob(request, fixed);
  await page.getByRole("tab", { name: "Resolved", exact: true }).click();
  const resolved = page
    .getByTestId("incident")
    .filter({ hasText: `Cluster Backup Job failed on ${quiet.name}` });
  await expect(resolved.locator("[data-status]")).toHaveAttribute("data-status", "resolved", {
    timeout: 60_000,
  });
  await expect(resolved).toContainText("Looking at the aggregate's free space");

  // The acknowledgement is in the audit trail, as an action on Jobdeck itself.
  const audit = await request.get("/api/audit?action=acknowledge-incident&limit=5");
  expect(audit.status()).toBe(200);
  expect(JSON.stringify(await audit.json())).toContain("Looking at the aggregate's free space");

  const rules = (await (await request.get("/api/alerts/rules")).json()) as {
    items: Array<{ id: string; name: string }>;
  };
  const mine = rules.items.find((r) => r.name === ruleName);
  if (mine)
    await request.delete(`/api/alerts/rules/${mine.id}`, { headers: { origin: E2E.baseUrl } });
});

test("a new incident appears on the open incidents page and in the header badge without a reload", async ({
  page,
  request,
}) => {
  const rule = await request.post("/api/alerts/rules", {
    data: { kind: "job_failed", name: `live incidents ${Date.now()}`, sourceId: quiet.id },
    headers: { origin: E2E.baseUrl },
  });
  expect(rule.status(), await rule.text()).toBe(201);
  const ruleId = ((await rule.json()) as { id: string }).id;

  await page.goto("/incidents");
  await expect(page.getByText(/No incidents here\.|Rule “/).first()).toBeVisible();
  const badge = page.getByTestId("incident-badge");
  await expect(badge).toHaveAttribute("aria-label", /^\d+ open/);
  const openBefore = Number(/^(\d+)/.exec((await badge.getAttribute("aria-label")) ?? "")?.[1]);
  let reloads = 0;
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) reloads += 1;
  });

  const failing = await quiet.startJob({ type: "volume-move", durationMs: 3_600_000 });
  const job = await quiet.waitForJob(request, failing);
  await quiet.failJob(failing);

  // Nothing on the page polls incidents: the stream's `incidents` event brings them.
  const incident = page
    .getByTestId("incident")
    .filter({ hasText: `${job.name} failed on ${quiet.name}` });
  await expect(incident).toBeVisible({ timeout: 60_000 });
  await expect(badge).toHaveAttribute("aria-label", new RegExp(`^${openBefore + 1} open`));
  expect(reloads).toBe(0);

  const deleted = await request.delete(`/api/alerts/rules/${ruleId}`, {
    headers: { origin: E2E.baseUrl },
  });
  expect(deleted.status()).toBe(204);
});
