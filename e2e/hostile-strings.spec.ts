import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import type { SourceKind } from "../lib/domain/source-kind";
import { hostileCorpus } from "../lib/testing/hostile-corpus";
import { E2E } from "./support/e2e-env";
import { startQuietSource, type QuietSource } from "./support/quiet-source";

/**
 * Vendor strings are untrusted. Each of the five simulators (sources of this spec's own, archived
 * or removed afterwards so later specs and screenshots never see them) serves jobs whose names,
 * messages, steps, groups and log lines carry markup, script, javascript: URLs, bidi and
 * zero-width controls, NUL, lone surrogates, XML entities, spreadsheet formulas and a 1 MB name;
 * the real worker syncs them through each connector. Then every screen is opened: no script runs
 * (no CSP violation, no dialog, no global set), no element is injected, no javascript: link
 * appears, the page does not overflow sideways, and the strings show as text. Every CSV export
 * carries them with the formula neutralised.
 */
const corpus = hostileCorpus(`hostile-${Date.now()}`);
const { mark } = corpus;
const KINDS = [
  "ontap",
  "dfm",
  "eyeglass",
  "commvault",
  "spp",
] as const satisfies readonly SourceKind[];
// Simulated time (the e2e simulators run 5x): long enough for every vendor's phase plan, short enough to end during the test.
const DURATION: Record<(typeof KINDS)[number], number> = {
  ontap: 30_000,
  dfm: 60_000,
  eyeglass: 60_000,
  commvault: 300_000,
  spp: 60_000,
};
const SOURCE_LABEL = `<img src=x onerror=alert(1)> Hostile`;

interface HostileJob {
  kind: (typeof KINDS)[number];
  id: string;
  vendorId: string;
  text: "formula" | "javascriptUrl" | "huge" | "long";
}
const sources: QuietSource[] = [];
const jobs: HostileJob[] = [];

test.describe.configure({ mode: "serial" });
test.use({ storageState: E2E.storage.admin });

test.beforeAll(async ({ request }) => {
  test.setTimeout(240_000);
  for (const kind of KINDS) {
    const source = await startQuietSource(kind, `${SOURCE_LABEL} ${kind}`);
    sources.push(source);
    // ONTAP gets the 1 MB name; the others 40,000 characters that do not compress (past every index's limit).
    for (const text of ["formula", "javascriptUrl", kind === "ontap" ? "huge" : "long"] as const) {
      const vendorId = await source.startJob({
        text: corpus[text],
        durationMs: text === "formula" && kind === "dfm" ? 3_600_000 : DURATION[kind],
      });
      jobs.push({ kind, vendorId, text, id: "" });
    }
  }
  for (const job of jobs) {
    const source = sources[KINDS.indexOf(job.kind)];
    if (!source) throw new Error(`no source for ${job.kind}`);
    job.id = (await source.waitForJob(request, job.vendorId)).id;
  }
  // An audit row whose job, reason and vendor reply come from hostile strings: the long DFM job, aborted.
  const dfm = jobs.find((j) => j.kind === "dfm" && j.text === "formula");
  if (!dfm) throw new Error("no hostile DFM job");
  const acted = await request.post(`/api/jobs/${dfm.id}/actions`, {
    // The API refuses NUL and lone surrogates in what people type (PostgreSQL cannot store them).
    data: { action: "abort", reason: corpus.formula.replace(/[\u0000\uD800]/g, "") },
    headers: { origin: E2E.baseUrl, "idempotency-key": `e2e-hostile-${dfm.vendorId}` },
  });
  expect(acted.status(), await acted.text()).toBeLessThan(300);
});

test.afterAll(async () => {
  // Sources with history are archived (off the wall and every default list), the others removed.
  for (const source of sources) await source.close();
});

/** Installed before any page script: records what a successful injection would leave behind. */
async function armTraps(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      // zod 4 probes once whether it may compile validators (`new Function("")`, caught); the CSP
      // refusing it is the policy working. Any other eval, or any inline script, is an injection.
      if (e.blockedURI === "eval" && e.sample === "") return;
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
}

async function expectInert(page: Page, path: string, visibleText: string | null = mark) {
  const dialogs: string[] = [];
  const onDialog = (d: import("@playwright/test").Dialog) => {
    dialogs.push(d.message());
    void d.dismiss();
  };
  page.on("dialog", onDialog);
  await page.goto(path);
  if (visibleText)
    await expect.soft(page.getByText(visibleText, { exact: false }).first(), path).toBeAttached();
  const found = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss ?? null,
    csp: (window as unknown as { __csp?: string[] }).__csp ?? [],
    injected:
      document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload]').length +
      [...document.querySelectorAll("b")].filter((b) =>
        ["huge", "long", "not-bold"].includes(b.textContent ?? ""),
      ).length,
    jsLinks: [...document.querySelectorAll("a[href]")].filter((a) =>
      /^\s*javascript:/i.test(a.getAttribute("href") ?? ""),
    ).length,
    // The page never scrolls sideways: long names wrap or are clipped inside their cell.
    overflowPx: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  }));
  const wide = found.overflowPx > 0 ? await widestElements(page) : [];
  // Soft: one run reports every screen that fails, not just the first.
  expect
    .soft(found, `${path} ${wide.join(" | ")}`)
    .toEqual({ xss: null, csp: [], injected: 0, jsLinks: 0, overflowPx: 0 });
  expect.soft(dialogs, path).toEqual([]);
  page.off("dialog", onDialog);
}

/** What sticks out past the viewport's right edge, innermost first: tells a failing run which element to fix. */
function widestElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const edge = document.documentElement.clientWidth + 1;
    const out = [...document.body.querySelectorAll("*")].filter(
      (el) =>
        el.getBoundingClientRect().right > edge &&
        ![...el.children].some((c) => c.getBoundingClientRect().right > edge),
    );
    return out
      .slice(0, 3)
      .map(
        (el) =>
          `<${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}"> ${(el.textContent ?? "").slice(0, 40)}`,
      );
  });
}

test("hostile strings from every simulator render as inert text on every screen", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await armTraps(page);
  await expectInert(page, `/jobs?q=${encodeURIComponent(mark)}`);
  await expect(
    page.getByText("<script>window.__xss='script'</script>", { exact: false }).first(),
  ).toBeVisible();
  for (const job of jobs)
    await expectInert(
      page,
      `/jobs/${job.id}`,
      job.text === "huge" ? "<b>huge</b>" : job.text === "long" ? "<b>long</b>" : mark,
    );
  await expectInert(page, "/timeline", null);
  await expectInert(page, "/history");
  for (const job of jobs.filter((j) => j.kind === "eyeglass" || j.kind === "commvault"))
    await expectInert(page, `/history/${job.id}`, null);
  await expectInert(page, "/audit");
  await expectInert(page, "/sources", SOURCE_LABEL);
  await expectInert(page, "/wall", null);

  // A bidi override in a name is confined to its own element.
  await page.goto(`/jobs?q=${encodeURIComponent(mark)}`);
  const bidi = page.getByText("fdp.exe", { exact: false }).first();
  await expect(bidi).toBeVisible();
  expect(await bidi.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe("isolate");
});

/** RFC 4180 rows, enough for Jobdeck's own exports. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" && cell.endsWith("\r")) {
      row.push(cell.slice(0, -1));
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

async function hostileCells(request: APIRequestContext, path: string): Promise<string[]> {
  const res = await request.get(path);
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/csv");
  return parseCsv(await res.text())
    .flat()
    .filter((cell) => cell.includes(mark));
}

test("every CSV export carries the hostile strings with spreadsheet formulas neutralised", async ({
  request,
}) => {
  const exports = {
    jobs: await hostileCells(request, `/api/jobs/export?q=${encodeURIComponent(mark)}`),
    history: await hostileCells(request, "/api/history/export"),
    audit: await hostileCells(request, "/api/audit/export"),
  };
  for (const [name, cells] of Object.entries(exports)) {
    expect(cells.length, `${name} export has the hostile rows`).toBeGreaterThan(0);
    // A spreadsheet runs a cell that starts with = + - @ (or a tab/CR); each such cell gets a leading apostrophe.
    expect(
      cells.filter((c) => /^[=+\-@\t\r]/.test(c)),
      name,
    ).toEqual([]);
    expect(
      cells.some((c) => c.startsWith("'=cmd|")),
      `${name}: the formula is kept, neutralised`,
    ).toBe(true);
  }
});

test("odd HTTP methods and hostile paths never get a 5xx", async ({ request }) => {
  for (const method of ["PROPFIND", "PURGE", "OPTIONS", "HEAD", "PATCH"]) {
    for (const path of [
      "/api/jobs",
      "/api/audit",
      "/api/wall",
      `/api/jobs/${encodeURIComponent("<script>")}`,
      "/api/%E0%A4%A",
      "/api/jobs/..%2f..%2fetc",
    ]) {
      const res = await request.fetch(path, { method, headers: { origin: E2E.baseUrl } });
      expect(res.status(), `${method} ${path}`).toBeLessThan(500);
    }
  }
});
