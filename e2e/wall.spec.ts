import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import type { JobPage } from "@/lib/contracts/jobs";
import type { WallSnapshot } from "@/lib/contracts/wall";
import { readmeScreenshot } from "./support/screenshot";
import { createDisplayToken } from "./support/auth";
import { E2E } from "./support/e2e-env";
import { startQuietSource } from "./support/quiet-source";
import { addSimFault, clearSimFaults } from "./support/sim";

const PANELS = ["running", "failures", "sources", "dr", "timeline"] as const;

const panel = (page: Page, id: string) =>
  page.locator(`[data-testid="wall-set"][data-active="true"] [data-panel="${id}"]`);

/** Every element that shows a scrollbar or clips the page: a wall has nobody to scroll it. */
async function scrollbars(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollHeight > window.innerHeight || doc.scrollWidth > window.innerWidth)
      out.push(`page ${doc.scrollWidth}x${doc.scrollHeight}`);
    for (const el of document.querySelectorAll<HTMLElement>("body *")) {
      const style = getComputedStyle(el);
      const scrollY =
        ["auto", "scroll"].includes(style.overflowY) && el.scrollHeight > el.clientHeight;
      const scrollX =
        ["auto", "scroll"].includes(style.overflowX) && el.scrollWidth > el.clientWidth;
      if (scrollY || scrollX || style.overflowY === "scroll" || style.overflowX === "scroll")
        out.push(`${el.tagName}.${el.className}`);
    }
    return out;
  });
}

/**
 * A switch in the SSE path: the page's /api/stream goes through this relay to the real server, so
 * a test can cut the live stream mid-flight (sockets dropped, reconnects refused) and restore it.
 * Cookies follow because browsers do not scope cookies by port.
 */
async function streamRelay(page: Page) {
  const target = new URL(E2E.baseUrl);
  const open = new Set<http.ServerResponse>();
  let up = true;
  const server = http.createServer((req, res) => {
    if (!up) return req.socket.destroy();
    const upstream = http.request(
      {
        hostname: target.hostname,
        port: target.port,
        path: "/api/stream",
        headers: { ...req.headers, host: target.host },
      },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        open.add(res);
        res.on("close", () => open.delete(res));
        reply.pipe(res);
      },
    );
    res.on("close", () => upstream.destroy());
    upstream.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "localhost", resolve));
  const { port } = server.address() as AddressInfo;
  await page.route("**/api/stream", (route) =>
    route.continue({ url: `http://localhost:${port}/api/stream` }),
  );
  return {
    cut() {
      up = false;
      // Dropping the browser's side is what a network outage looks like to EventSource.
      for (const res of open) res.socket?.destroy();
    },
    restore() {
      up = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function expectWallReady(page: Page) {
  for (const id of PANELS) await expect(panel(page, id)).toBeVisible();
  await expect(page.getByTestId("wall-stream")).toHaveAttribute("data-live", "true");
  await expect(page.getByTestId("running-job").first()).toBeVisible();
  // Other specs may have added sources: the wall lists every one its snapshot holds (a display
  // token reads /api/wall, not /api/sources).
  const snapshot = (await (await page.request.get("/api/wall")).json()) as { sources: unknown[] };
  expect(snapshot.sources.length).toBeGreaterThanOrEqual(5);
  await expect(page.getByTestId("source-row")).toHaveCount(snapshot.sources.length);
}

test.describe("the NOC wall", () => {
  for (const [label, width, height] of [
    ["1080p", 1920, 1080],
    ["4k", 3840, 2160],
  ] as const) {
    test(`renders every panel at ${width}×${height} without scrollbars, navigation or buttons`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height });
      await page.goto("/wall?zone=UTC");
      await expectWallReady(page);
      await expect(page.getByTestId("wall-zone")).toHaveText("UTC");
      await expect(page.getByTestId("readiness-zone").first()).toBeVisible({ timeout: 60_000 });
      for (const id of PANELS) {
        const box = await panel(page, id).boundingBox();
        expect(box, id).not.toBeNull();
        if (!box) continue;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, `${id} right edge`).toBeLessThanOrEqual(width);
        expect(box.y + box.height, `${id} bottom edge`).toBeLessThanOrEqual(height);
      }
      expect(await scrollbars(page)).toEqual([]);
      // Every source on screen at once, none cut off at the panel's bottom (the fifth one was at 1080p).
      const frame = await panel(page, "sources").boundingBox();
      for (const row of await page.getByTestId("source-row").all()) {
        const box = await row.boundingBox();
        const name = await row.getAttribute("data-source-kind");
        expect(
          box && frame && box.y >= frame.y && box.y + box.height <= frame.y + frame.height + 0.5,
          `source row ${name} inside the panel`,
        ).toBe(true);
        // "polled … ago" whole beside a long name (the demo's "IBM Spectrum Protect Plus (demo)" cut it off at 1080p).
        const age = row.getByTestId("source-age");
        await expect(age).toHaveText(/^(polled \d+ (s|min|h|d) ago|never polled)$/);
        const ageBox = await age.boundingBox();
        expect(
          ageBox && frame && ageBox.x + ageBox.width <= frame.x + frame.width + 0.5,
          `${name}: "${await age.textContent()}" inside the panel`,
        ).toBe(true);
        expect(
          await age.evaluate((el) => el.scrollWidth <= el.clientWidth),
          `${name}: age not truncated`,
        ).toBe(true);
      }
      await expect(
        page.getByTestId("source-row").filter({ hasText: "IBM Spectrum Protect Plus (demo)" }),
      ).toHaveCount(1);
      await expect(page.getByRole("navigation")).toHaveCount(0);
      await expect(page.getByRole("button")).toHaveCount(0);
      await expect(page.locator("a")).toHaveCount(0);
      // Type scales with the screen: the 4K wall is not a 1080p wall in one corner.
      const fontPx = await page
        .getByTestId("wall")
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(fontPx).toBeCloseTo(width * 0.011, 0);
      await readmeScreenshot(page, `wall-${label}.png`);
    });
  }

  test("past 250 jobs in its window the timeline counts every job per source and hour instead of drawing bars", async ({
    page,
  }) => {
    // The demo's year of history puts about a thousand jobs in any 48 hours: far past the 250 bars a
    // wall can draw, so the wall must send and draw density.
    const read = page.waitForResponse(
      (r) => r.url().includes("/api/wall?") && !r.url().includes("parts="),
    );
    await page.goto("/wall?zone=UTC&hours=48");
    const snapshot = (await (await read).json()) as WallSnapshot;
    const density = snapshot.timeline.density;
    expect(density?.jobs).toBeGreaterThan(250);
    expect(snapshot.timeline.jobs).toEqual([]);
    await expectWallReady(page);
    const timeline = panel(page, "timeline");
    await expect(timeline).toContainText(/\d+ jobs · counts per 1 h/);
    const shown = Number(/(\d+) jobs · counts per/.exec((await timeline.textContent()) ?? "")?.[1]);
    expect(shown).toBeGreaterThan(250);
    await expect(timeline.getByTestId("timeline-lane")).toHaveCount(0);
    const lanes = timeline.getByTestId("timeline-density-lane");
    await expect(lanes).toHaveCount(density?.lanes.length ?? -1);
    expect((await lanes.allTextContents()).map((t) => t.trim())).toEqual(
      (density?.lanes ?? []).map((l) => l.label),
    );
    for (const lane of await lanes.all()) {
      const cells = lane.locator("[data-jobs]");
      expect(await cells.count()).toBeGreaterThan(0);
      await expect(cells.first()).toHaveAttribute("title", /^.+–.+: \d+ jobs/);
    }
  });

  test("a failing job holds rotation on the failures panel until acknowledged", async ({
    page,
    request,
  }) => {
    // The wall watches an ONTAP cluster of the test's own, so no other failure can pin it or clear it.
    const quiet = await startQuietSource("ontap", "Quiet cluster");
    try {
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.goto(
        `/wall?set=running,sources&set=failures,dr,timeline&rotate=600&sources=${quiet.id}`,
      );
      await expect(panel(page, "running")).toBeVisible();
      await expect(page.getByTestId("source-row")).toHaveCount(1);
      await expect(page.locator('[data-panel="failures"]')).toHaveAttribute("data-pinned", "false");

      const vendorId = await quiet.startJob({ type: "volume-move", durationMs: 3_600_000 });
      const job = await quiet.waitForJob(request, vendorId);
      await expect(
        page.locator(`[data-testid="running-job"][data-job-id="${job.id}"]`),
      ).toBeVisible();
      await expect(page.locator('[data-testid="wall-set"]').first()).toHaveAttribute(
        "data-active",
        "true",
      );
      await quiet.failJob(vendorId);

      const failures = panel(page, "failures");
      await expect(failures).toBeVisible();
      await expect(failures).toHaveAttribute("data-pinned", "true");
      await expect(page.locator('[data-testid="wall-set"]').nth(1)).toHaveAttribute(
        "data-active",
        "true",
      );
      await expect(page.getByTestId("set-indicator")).toContainText("rotation held");
      const row = page.locator(
        `[data-panel="failures"] [data-testid="failure-row"][data-job-id="${job.id}"]`,
      );
      await expect(row).toHaveAttribute("data-pinned", "true");
      await expect(row).toContainText(job.name);
      await expect(row.locator('[data-state="failed"]')).toContainText("failed");

      await page.keyboard.press("a");
      await expect(row).toHaveAttribute("data-pinned", "false");
      await expect(row).toContainText("acknowledged");
      await expect(page.locator('[data-testid="wall-set"]').first()).toHaveAttribute(
        "data-active",
        "true",
      );
      await expect(page.getByTestId("set-indicator")).not.toContainText("rotation held");
    } finally {
      await quiet.close();
    }
  });

  test("losing the live stream turns every panel stale after its reconnect grace, and it recovers by itself", async ({
    page,
  }) => {
    const relay = await streamRelay(page);
    await page.goto("/wall");
    await expectWallReady(page);
    for (const id of PANELS)
      await expect(panel(page, id)).not.toHaveAttribute("data-stale-reason", "stream");

    relay.cut();
    // Waits on the screen's state, not a stopwatch: the 10 s grace itself is unit-tested
    // (components/wall/freshness.test.ts), and a loaded machine's timing would only add flakes.
    for (const id of PANELS)
      await expect(panel(page, id)).toHaveAttribute("data-stale-reason", "stream", {
        timeout: 45_000,
      });
    await expect(page.getByTestId("wall-stream")).toHaveAttribute("data-live", "false");
    await expect(panel(page, "running").getByTestId("panel-age")).toContainText(
      /STALE · live feed lost · data \d+ s old/,
    );

    relay.restore();
    await expect(page.getByTestId("wall-stream")).toHaveAttribute("data-live", "true", {
      timeout: 30_000,
    });
    for (const id of PANELS)
      await expect(panel(page, id)).not.toHaveAttribute("data-stale-reason", "stream");
    await expect(panel(page, "running").getByTestId("panel-age")).toHaveText(/^data \d+ s old$/);
    await relay.close();
  });

  test("a simulator that stops answering turns its source stale, and it recovers when it answers again", async ({
    page,
    request,
  }) => {
    test.setTimeout(240_000);
    await page.goto("/wall");
    await expectWallReady(page);
    const row = page.locator('[data-testid="source-row"][data-source-kind="commvault"]');
    await expect(row).toHaveAttribute("data-stale", "false");

    await addSimFault(request, "commvault", { kind: "status", status: 503 });
    try {
      await expect(row).toHaveAttribute("data-health", "error", { timeout: 30_000 });
      // Quiet after three missed polls (10 s each in the demo), at least 30 s: stale within 45 s.
      await expect(row).toHaveAttribute("data-stale", "true", { timeout: 45_000 });
      await expect(row).toHaveAttribute("data-health", "quiet");
      const sources = panel(page, "sources");
      await expect(sources).toHaveAttribute("data-stale-reason", "source");
      await expect(sources.getByTestId("panel-age")).toContainText(
        /Commvault.*quiet · data \d+ s old/,
      );
    } finally {
      await clearSimFaults(request, "commvault");
    }
    // The worker backs off while a source fails, so the next poll can be a minute away.
    await expect(row).toHaveAttribute("data-stale", "false", { timeout: 120_000 });
    await expect(row).toHaveAttribute("data-health", "ok");
    await expect(panel(page, "sources")).toHaveAttribute("data-stale", "false");
  });
});

test.describe("a wall screen signed in with a display token", () => {
  test.use({ storageState: E2E.storage.admin });

  test("the token signs the screen in, leaves the address bar, and every action route refuses it", async ({
    page,
    browser,
  }) => {
    const token = await createDisplayToken(page.request, "NOC wall e2e");
    const screen = await browser.newContext({
      baseURL: E2E.baseUrl,
      storageState: { cookies: [], origins: [] },
    });
    try {
      const wall = await screen.newPage();
      await wall.goto(`/wall?token=${token}&zone=Europe/London&title=NOC%201`);
      await expect(wall).toHaveURL(/\/wall\?zone=Europe%2FLondon&title=NOC(\+|%20)1$/);
      expect(wall.url()).not.toContain("jdd_");
      await expect(wall.getByRole("heading", { level: 1 })).toHaveText("NOC 1");
      await expectWallReady(wall);
      await expect(wall.getByTestId("wall-zone")).toContainText("Europe/London");
      await expect(wall.getByRole("button")).toHaveCount(0);

      // A reload keeps it signed in: the cookie, not the URL, holds the token.
      await wall.reload();
      await expect(panel(wall, "running")).toBeVisible();

      // The token reads the wall and nothing else: not even the job list.
      expect((await screen.request.get("/api/jobs?state=running&limit=1")).status()).toBe(403);
      expect((await screen.request.get("/api/audit")).status()).toBe(403);
      expect((await screen.request.get("/api/wall")).status()).toBe(200);
      const jobs = (await (
        await page.request.get("/api/jobs?state=running&limit=1")
      ).json()) as JobPage;
      const jobId = jobs.items[0]?.id;
      expect(jobId).toBeTruthy();
      const headers = { origin: E2E.baseUrl, "idempotency-key": "wall-e2e-attempt-1" };
      const attempts = [
        screen.request.post(`/api/jobs/${jobId}/actions`, { headers, data: { action: "cancel" } }),
        screen.request.post("/api/display-tokens", { headers, data: { name: "escalate" } }),
        screen.request.post("/api/users", {
          headers,
          data: { email: "x@y.z", name: "x", password: "abcdefgh1", role: "admin" },
        }),
        page.request.post(`/api/jobs/${jobId}/actions`, {
          headers: { ...headers, authorization: `Bearer ${token}` },
          data: { action: "cancel" },
        }),
      ];
      for (const res of await Promise.all(attempts)) {
        expect(res.status(), await res.text()).toBe(403);
      }
      const detail = (await (
        await screen.request.post(`/api/jobs/${jobId}/actions`, {
          headers,
          data: { action: "cancel" },
        })
      ).json()) as { detail: string };
      expect(detail.detail).toBe(
        "Display tokens read only the wall (/api/wall, /api/stream and /api/me).",
      );
    } finally {
      await screen.close();
    }
  });

  test("an unknown token is refused without showing the wall", async ({ browser }) => {
    const screen = await browser.newContext({
      baseURL: E2E.baseUrl,
      storageState: { cookies: [], origins: [] },
    });
    try {
      const res = await screen.request.get(`/wall?token=jdd_${"x".repeat(43)}`);
      expect(res.status()).toBe(401);
      expect(await res.text()).toContain("not valid or has been revoked");
    } finally {
      await screen.close();
    }
  });
});

test.describe("pairing a screen with a one-time code", () => {
  test.use({ storageState: E2E.storage.admin });

  test("an unsigned screen shows a code; once an admin enters it the screen shows the wall, and the code is spent", async ({
    page,
    browser,
  }) => {
    const screen = await browser.newContext({
      baseURL: E2E.baseUrl,
      storageState: { cookies: [], origins: [] },
    });
    try {
      const wall = await screen.newPage();
      await wall.goto("/wall?zone=UTC");
      const codeText = wall.getByTestId("pairing-code");
      await expect(codeText).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      const code = (await codeText.textContent()) ?? "";

      await page.goto("/wall/pair");
      await page.getByLabel("Code shown on the screen").fill(code.toLowerCase());
      await page.getByLabel("Name for the screen").fill("NOC paired");
      await page.getByRole("button", { name: "Pair screen" }).click();
      await expect(page.getByTestId("pair-result")).toContainText("Paired");

      await expect(panel(wall, "running")).toBeVisible();
      await expect(wall.getByTestId("wall-zone")).toHaveText("UTC");
      await wall.reload();
      await expect(panel(wall, "running")).toBeVisible();

      await page.getByLabel("Code shown on the screen").fill(code);
      await page.getByLabel("Name for the screen").fill("again");
      await page.getByRole("button", { name: "Pair screen" }).click();
      await expect(page.getByTestId("pair-result")).toContainText(
        "No screen is waiting with that code",
      );
    } finally {
      await screen.close();
    }
  });
});
