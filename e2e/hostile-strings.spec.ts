import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { cleanIndexed } from "../lib/sync/clean";
import { E2E, simUrl } from "./support/e2e-env";

/**
 * Vendor strings are untrusted. Jobs from every vendor carrying markup, script, javascript: URLs,
 * bidi controls and a 1 MB name are stored the way the sync worker stores them (SQL, into each
 * demo source), plus an audit row and a source named with markup, then every page is opened: no
 * script may run, no element may be injected, no javascript: link may appear, and the strings
 * show as text.
 */
const MARK = `hostile-${Date.now()}`;
const HOSTILE = [
  `<img src=x onerror="window.__xss='img'">${MARK}`,
  `<script>window.__xss='script'</script>${MARK}`,
  `javascript:window.__xss='href'//${MARK}`,
  `"><svg onload="window.__xss='svg'">${MARK}`,
  `\u202Efdp.exe\u202C \u2066${MARK}\u2069`,
  `{{constructor.constructor('window.__xss=1')()}}${MARK}`,
];
const HUGE = `${"<b>huge</b>".repeat(95_000)}${MARK}`; // about 1 MB
const KINDS = ["ontap", "dfm", "eyeglass", "commvault", "spp"] as const;
const TYPES = { ontap: "volume-move", dfm: "mirror", eyeglass: "failover", commvault: "test-failover", spp: "backup" } as const;

// The e2e server's embedded PostgreSQL (lib/db/embedded.ts names its user, password and database).
const dbUrl = `postgresql://jobdeck:jobdeck@127.0.0.1:${E2E.serverEnv.JOBDECK_PG_PORT}/jobdeck`;
const jobIds: string[] = [];

test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    for (const [i, kind] of KINDS.entries()) {
      const { rows } = await client.query<{ id: string }>(`SELECT id FROM "Source" WHERE kind = $1 ORDER BY "createdAt" LIMIT 1`, [kind]);
      const sourceId = rows[0]?.id;
      if (!sourceId) throw new Error(`no ${kind} source in the demo estate`);
      const text = HOSTILE[i % HOSTILE.length] ?? MARK;
      // Stored as the sync stores it: cut to what a B-tree index holds (lib/sync/clean.ts).
      const name = kind === "ontap" ? cleanIndexed(HUGE) : text;
      const started = new Date(Date.now() - 30 * 60_000);
      const ended = new Date(Date.now() - 5 * 60_000);
      const job = await client.query<{ id: string }>(
        `INSERT INTO "Job" (id, "sourceId", kind, "vendorId", type, name, state, "vendorState", "startedAt", "endedAt", "sortAt", dataset, policy, cluster, "drGroup", message, raw, "searchText", "updatedAt")
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, 'failed', $6, $7, $8, $7, $9, $9, $9, $9, $9, '{}', $10, now()) RETURNING id`,
        [sourceId, kind, `${MARK}-${kind}`, TYPES[kind], name, text.slice(0, 200), started, ended, text, `${MARK} ${kind}`.toLowerCase()],
      );
      const jobId = job.rows[0]?.id ?? "";
      jobIds.push(jobId);
      await client.query(`INSERT INTO "Phase" (id, "jobId", "vendorKey", name, state, "startedAt", "endedAt", message, lane) VALUES (gen_random_uuid(), $1, 'p1', $2, 'failed', $3, $4, $2, $2)`, [jobId, text, started, ended]);
      await client.query(`INSERT INTO "JobEvent" ("jobId", "vendorKey", at, severity, type, message) VALUES ($1, 'e1', $2, 'error', $3, $4)`, [jobId, ended, text.slice(0, 50), text]);
      await client.query(`INSERT INTO "JobLogLine" ("jobId", seq, at, level, text) VALUES ($1, 1, $2, $3, $4)`, [jobId, ended, "ERROR", text]);
      await client.query(
        `INSERT INTO "Action" (id, "idempotencyKey", "jobId", "sourceId", actor, "actorEmail", action, params, reason, status, "vendorReply", "requestedAt", "completedAt")
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, 'cancel', '{}', $4, 'failed', $4, now(), now())`,
        [`${MARK}-${kind}`, jobId, sourceId, text, `${MARK}@example.com`],
      );
    }
  } finally {
    await client.end();
  }
});

async function expectInert(page: Page, path: string) {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(path);
  await page.waitForLoadState("networkidle").catch(() => {});
  const found = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss ?? null,
    injected: document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload]').length,
    scripts: [...document.scripts].filter((s) => s.textContent?.includes("__xss")).length,
    jsLinks: [...document.querySelectorAll("a[href]")].filter((a) => /^\s*javascript:/i.test(a.getAttribute("href") ?? "")).length,
  }));
  expect(found, path).toEqual({ xss: null, injected: 0, scripts: 0, jsLinks: 0 });
  expect(dialogs, path).toEqual([]);
}

test.describe("hostile vendor strings", () => {
  test.use({ storageState: E2E.storage.admin });

  test("render as inert text on every page", async ({ page, request }) => {
    test.setTimeout(240_000);
    // A source named with markup, through the admin API.
    const added = await request.post("/api/sources", {
      headers: { origin: E2E.baseUrl },
      data: { kind: "ontap", name: `<img src=x onerror=alert(1)> ${MARK}`.slice(0, 100), baseUrl: simUrl("ontap"), username: "admin", secret: "demo-Passw0rd", enabled: false },
    });
    expect(added.status(), await added.text()).toBe(201);
    const addedId = ((await added.json()) as { id: string }).id;
    try {

    await expectInert(page, `/jobs?q=${MARK}`);
    await expect(page.getByText(HOSTILE[1] ?? "", { exact: false }).first()).toBeVisible();
    for (const id of jobIds) await expectInert(page, `/jobs/${id}`);
    await expectInert(page, "/timeline");
    await expectInert(page, "/history");
    for (const id of jobIds.slice(2, 4)) await expectInert(page, `/history/${id}`);
    await expectInert(page, "/audit");
    await expect(page.getByText(`${MARK}@example.com`).first()).toBeVisible();
    await expectInert(page, "/sources");
    await expect(page.getByText(`<img src=x onerror=alert(1)> ${MARK}`)).toBeVisible();
    await expectInert(page, "/wall");

    // A bidi override in a name is confined to its own element.
    await page.goto(`/jobs?q=${MARK}`);
    const bidi = page.getByText(MARK, { exact: false }).filter({ hasText: "fdp.exe" }).first();
    await expect(bidi).toBeVisible();
    expect(await bidi.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe("isolate");
    } finally {
      // Later specs (the wall) count the estate's sources: this one leaves with the test.
      const gone = await request.delete(`/api/sources/${addedId}`, { headers: { origin: E2E.baseUrl } });
      expect(gone.status(), await gone.text()).toBe(204);
    }
  });

  test("odd HTTP methods and hostile paths never get a 5xx", async ({ request }) => {
    for (const method of ["PROPFIND", "PURGE", "OPTIONS", "HEAD", "PATCH"]) {
      for (const path of ["/api/jobs", "/api/audit", "/api/wall", `/api/jobs/${encodeURIComponent("<script>")}`, "/api/%E0%A4%A", "/api/jobs/..%2f..%2fetc"]) {
        const res = await request.fetch(path, { method, headers: { origin: E2E.baseUrl } });
        expect(res.status(), `${method} ${path}`).toBeLessThan(500);
      }
    }
  });
});
