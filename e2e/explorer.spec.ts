import { expect, test, type Page } from "@playwright/test";
import type { JobPage } from "@/lib/contracts/jobs";
import { waitForJob } from "./support/jobs";
import { startSimJob } from "./support/sim";

const rows = (page: Page) => page.getByTestId("job-row");

async function rowAttrs(page: Page, name: string): Promise<string[]> {
  return rows(page).evaluateAll((els, attr) => els.map((e) => e.getAttribute(attr) ?? ""), name);
}

/** RFC 4180 enough for our own export: quoted fields may hold commas, quotes and newlines. */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      out.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  return out;
}

test.describe("jobs explorer", () => {
  test("filtering by two vendors and a state narrows the table and survives a reload from the URL", async ({
    page,
  }) => {
    await page.goto("/jobs");
    await expect(rows(page).first()).toBeVisible();

    await page.getByTestId("filter-kind-ontap").click();
    await page.getByTestId("filter-kind-spp").click();
    await page.getByTestId("filter-state-succeeded").click();
    await expect(page).toHaveURL(/kind=ontap%2Cspp&state=succeeded/);

    const check = async () => {
      await expect(rows(page).first()).toBeVisible();
      await expect
        .poll(async () =>
          (await rowAttrs(page, "data-kind")).every((k) => k === "ontap" || k === "spp"),
        )
        .toBe(true);
      await expect
        .poll(async () => (await rowAttrs(page, "data-state")).every((s) => s === "succeeded"))
        .toBe(true);
      expect(await rows(page).count()).toBeGreaterThan(0);
    };
    await check();

    // The unfiltered list has jobs these filters drop: the table really narrowed.
    const all = (await (await page.request.get("/api/jobs?limit=200")).json()) as JobPage;
    expect(
      all.items.some((j) => !(j.kind === "ontap" || j.kind === "spp") || j.state !== "succeeded"),
    ).toBe(true);

    await page.reload();
    await expect(page.getByTestId("filter-kind-ontap")).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByTestId("filter-kind-spp")).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByTestId("filter-state-succeeded")).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(page.getByTestId("filter-kind-dfm")).toHaveAttribute("aria-pressed", "false");
    await check();
  });

  test("a job started by a simulator appears in the table without a reload, and the vendor counter counts it", async ({
    page,
    request,
  }) => {
    await page.goto("/jobs?kind=ontap");
    await expect(rows(page).first()).toBeVisible();
    let reloaded = false;
    page.on("load", () => (reloaded = true));
    const vendorId = await startSimJob(request, "ontap", {
      type: "volume-move",
      durationMs: 3_600_000,
    });
    await expect(page.locator(`[data-testid="job-row"][data-vendor-id="${vendorId}"]`)).toBeVisible(
      { timeout: 60_000 },
    );
    const counts = (await (await request.get("/api/jobs/counts")).json()) as {
      vendors: Array<{ kind: string; running: number }>;
    };
    expect(counts.vendors.find((v) => v.kind === "ontap")?.running).toBeGreaterThan(0);
    await expect(
      page.locator('[data-testid="vendor-count"][data-kind="ontap"] [data-testid="count-running"]'),
    ).not.toHaveText(/^▶ 0 /);
    expect(reloaded).toBe(false);
  });

  test("CSV export holds exactly the filtered view's rows, in its order", async ({ page }) => {
    // A settled week (two to nine days ago): every job in it finished long ago, so no job can enter or
    // leave the view between the file and the pages it is compared with; a year of demo history is
    // too much to page through in a test.
    const day = 86_400_000;
    const from = new Date(Date.now() - 9 * day).toISOString();
    const to = new Date(Date.now() - 2 * day).toISOString();
    const range = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    await page.goto(`/jobs?state=succeeded,failed&${range}&sort=name&order=asc`);
    await expect(rows(page).first()).toBeVisible();
    const onScreen = await rowAttrs(page, "data-job-id");
    const href = await page.getByTestId("export-csv").getAttribute("href");
    expect(href).toContain("state=succeeded%2Cfailed");
    const res = await page.request.get(href ?? "");
    expect(res.headers()["content-type"]).toContain("text/csv");
    const [header, ...body] = parseCsv(await res.text());
    expect(header?.slice(0, 2)).toEqual(["id", "state"]);
    expect(body.every((r) => r[1] === "succeeded" || r[1] === "failed")).toBe(true);
    // The screen shows the first page; the file holds every page of the same view, in the same order.
    expect(body.slice(0, onScreen.length).map((r) => r[0])).toEqual(onScreen);
    let all: string[] = [];
    let cursor: string | null = null;
    do {
      const page2 = (await (
        await page.request.get(
          `/api/jobs?state=succeeded,failed&${range}&sort=name&order=asc&limit=500${cursor ? `&cursor=${cursor}` : ""}`,
        )
      ).json()) as JobPage;
      all = [...all, ...page2.items.map((j) => j.id)];
      cursor = page2.nextCursor;
    } while (cursor);
    expect(body.map((r) => r[0])).toEqual(all);
  });

  test("sorting by a column keeps the server's keyset order, and a saved view brings the view back", async ({
    page,
  }) => {
    await page.goto("/jobs?kind=ontap");
    await expect(rows(page).first()).toBeVisible();
    await page.getByTestId("sort-name").click();
    await expect(page).toHaveURL(/sort=name&order=asc/);
    const api = (await (
      await page.request.get("/api/jobs?kind=ontap&sort=name&order=asc")
    ).json()) as JobPage;
    await expect
      .poll(async () => (await rowAttrs(page, "data-job-id")).slice(0, 5))
      .toEqual(api.items.slice(0, 5).map((j) => j.id));

    const name = `ontap by name ${Date.now()}`;
    await page.getByTestId("saved-view-name").fill(name);
    await page.getByTestId("saved-view-save").click();
    const saved = page.getByTestId("saved-view").filter({ hasText: name });
    await expect(saved).toBeVisible();
    await page.goto("/jobs");
    await page.getByTestId("saved-view").filter({ hasText: name }).getByRole("link").click();
    await expect(page).toHaveURL(/kind=ontap&sort=name&order=asc/);
    await expect(page.getByTestId("filter-kind-ontap")).toHaveAttribute("aria-pressed", "true");
  });

  test("bulk pause sends one confirmed action per selected job; bulk cancel needs the count and a reason", async ({
    page,
    request,
  }) => {
    const ids = [
      await startSimJob(request, "ontap", { type: "volume-move", durationMs: 3_600_000 }),
      await startSimJob(request, "ontap", { type: "volume-move", durationMs: 3_600_000 }),
    ];
    const jobs = [
      await waitForJob(request, "ontap", ids[0] ?? ""),
      await waitForJob(request, "ontap", ids[1] ?? ""),
    ];
    await page.goto("/jobs?kind=ontap");
    for (const job of jobs) {
      const row = page.locator(`[data-testid="job-row"][data-job-id="${job.id}"]`);
      await expect(row).toHaveAttribute("data-state", "running");
      // Selection lives in the URL, so the box turns on once the router has replaced it.
      await row.getByTestId("select-job").click();
      await expect(row.getByTestId("select-job")).toBeChecked();
    }
    await expect(page).toHaveURL(/sel=/);
    await expect(page.getByTestId("bulk-count")).toHaveText("2 selected");

    await page.getByTestId("bulk-cancel").click();
    await expect(page.getByTestId("bulk-submit")).toBeDisabled();
    await page.getByTestId("bulk-confirm-count").fill("2");
    await expect(page.getByTestId("bulk-submit")).toBeDisabled();
    await page.getByTestId("bulk-confirm-reason").fill("e2e: checking the safety rules");
    await expect(page.getByTestId("bulk-submit")).toBeEnabled();
    await page.getByTestId("bulk-close").click();

    await page.getByTestId("bulk-pause").click();
    await page.getByTestId("bulk-submit").click();
    await expect(
      page.getByTestId("bulk-job").and(page.locator('[data-status="succeeded"]')),
    ).toHaveCount(2);
    await page.getByTestId("bulk-close").click();
    for (const job of jobs) {
      await expect(
        page.locator(`[data-testid="job-row"][data-job-id="${job.id}"]`),
      ).toHaveAttribute("data-state", "paused");
    }
  });
});
