import { expect, test } from "@playwright/test";
import { E2E, simUrl } from "./support/e2e-env";
import { waitForJob } from "./support/jobs";
import { startSimJob } from "./support/sim";

test.describe("sign-in", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("a wrong password shows an error and stays on the form; the right one lands on /jobs", async ({
    page,
  }) => {
    await page.goto("/jobs");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fjobs/);
    await page.getByLabel("Email").fill(E2E.operator.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "Wrong email or password." }),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);

    await page.getByLabel("Password").fill(E2E.operator.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/jobs$/);
    await expect(page.getByTestId("actor-role")).toHaveText("operator");
  });
});

test.describe("a viewer", () => {
  test.use({ storageState: E2E.storage.viewer });

  test("sees a running job read-only: a read-only badge and no action buttons", async ({
    page,
    request,
  }) => {
    const vendorId = await startSimJob(request, "ontap", {
      type: "volume-move",
      durationMs: 3_600_000,
    });
    const job = await waitForJob(request, "ontap", vendorId);
    await page.goto(`/jobs/${job.id}`);
    await expect(page.getByTestId("state-badge").first()).toHaveAttribute("data-state", "running");
    await expect(page.getByTestId("actor-role")).toHaveText("read-only");
    await expect(page.getByTestId("read-only")).toBeVisible();
    await expect(page.locator('[data-testid^="action-"]')).toHaveCount(0);

    await page.goto("/sources");
    await expect(page.getByTestId("source-row").first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Add source" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
  });
});

test.describe("an admin", () => {
  test.use({ storageState: E2E.storage.admin });

  test("adds an Eyeglass source after testing the connection, and the worker polls it", async ({
    page,
  }) => {
    const name = `Eyeglass DR site ${Date.now()}`;
    await page.goto("/sources");
    await page.getByRole("button", { name: "Add source" }).click();
    await expect(page).toHaveURL(/\/sources\?add=1$/);
    const form = page.getByRole("form", { name: "Add a source" });
    await form.getByLabel("Kind").selectOption("eyeglass");
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByLabel("Base URL").fill(`${simUrl("eyeglass")}/sera`);
    await form.getByLabel("API token").fill("not-the-token");
    await form.getByRole("button", { name: "Test connection" }).click();
    await expect(form.getByTestId("test-result")).toHaveAttribute("data-ok", "false");

    await form.getByLabel("API token").fill("demo-Passw0rd");
    await form.getByRole("button", { name: "Test connection" }).click();
    const result = form.getByTestId("test-result");
    await expect(result).toHaveAttribute("data-ok", "true");
    await expect(result).toContainText("Eyeglass answered");
    await form.getByRole("button", { name: "Add source" }).click();

    await expect(page).toHaveURL(/\/sources$/);
    const row = page.locator(`[data-testid="source-row"][data-name="${name}"]`);
    await expect(row).toContainText("Superna Eyeglass");
    await expect(row.getByTestId("source-health")).toHaveAttribute("data-status", "healthy", {
      timeout: 60_000,
    });
    await expect(page.getByTestId("sources-table")).not.toContainText("demo-Passw0rd");

    await row.getByRole("button", { name: "Edit" }).click();
    await expect(
      page.getByRole("form", { name: `Edit ${name}` }).getByLabel("API token"),
    ).toHaveValue("");
  });
});

test.describe("an operator", () => {
  test("aborts a running DFM job with a reason, and the abort is in /audit and its CSV", async ({
    page,
    request,
  }) => {
    const reason = `e2e abort ${Date.now()}: wrong dataset`;
    const vendorId = await startSimJob(request, "dfm", { type: "mirror", durationMs: 3_600_000 });
    const job = await waitForJob(request, "dfm", vendorId);
    await page.goto(`/jobs/${job.id}`);
    await expect(page.getByTestId("state-badge").first()).toHaveAttribute(
      "data-state",
      /queued|running/,
    );

    await page.getByTestId("action-abort").click();
    const submit = page.getByTestId("confirm-submit");
    await expect(submit).toBeDisabled();
    await page.getByTestId("confirm-name").fill(job.name);
    await expect(submit).toBeDisabled();
    await page.getByTestId("confirm-reason").fill(reason);
    await submit.click();
    await expect(page.getByTestId("audit-line").filter({ hasText: reason })).toHaveAttribute(
      "data-status",
      "succeeded",
    );

    await page.goto(`/audit?job=${job.id}`);
    const row = page.getByTestId("audit-row").filter({ hasText: reason });
    await expect(row).toHaveAttribute("data-action", "abort");
    await expect(row).toContainText(E2E.operator.name);
    // The email beside the name is who acted, whatever the display name says.
    await expect(row.getByTestId("identity")).toContainText(E2E.operator.email);
    await expect(row).toContainText(job.name);
    await expect(row.getByTestId("audit-outcome")).toHaveAttribute("data-status", "succeeded");
    await expect(row.getByTestId("audit-outcome")).toContainText("succeeded");
    await expect(row).toContainText("dp-job-abort accepted");

    const href = await page.getByTestId("audit-export").getAttribute("href");
    expect(href).toBe(`/api/audit/export?job=${job.id}`);
    const csv = await page.request.get(href ?? "");
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    const lines = (await csv.text()).trimEnd().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      new RegExp(
        `,${E2E.operator.name},${E2E.operator.email.replace(/\./g, "\\.")},[0-9a-f-]{36},abort,succeeded,`,
      ),
    );
    expect(lines[1]).toContain(`,${reason},${job.id},`);
  });
});
