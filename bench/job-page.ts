import { existsSync } from "node:fs";
import { chromium, type Page } from "playwright-core";
import type { Db } from "@/lib/db/client";
import { LANES, seedBenchJob, type SeedSize } from "./job-page-seed";

export interface JobPageBenchOptions {
  /** The database the app at `baseUrl` reads. */
  db: Db;
  baseUrl: string;
  /** Any user who may view jobs; the bench signs in through the API. */
  credentials: { email: string; password: string };
  size?: Partial<SeedSize>;
  /** Measured page loads after one warm-up load. */
  loads?: number;
  executablePath?: string;
}

export interface JobPageBenchResult {
  jobId: string;
  phases: number;
  events: number;
  loads: number;
  /** Medians over the measured loads, milliseconds from navigation start. */
  ttfbMs: number;
  domContentLoadedMs: number;
  /** Every visible Gantt bar drawn and the feed's first event shown: the page is usable. */
  ganttAndFeedReadyMs: number;
  /** Main-thread long tasks (>50 ms) summed, from navigation to ready. */
  longTasksDuringLoadMs: number;
  /** Collapse every step tree, then expand again: from the click to the first frame showing the result. */
  collapseAllMs: number;
  expandAllMs: number;
  /** Long-task time per second while idle on the running job (the live now-line redraws every second). */
  idleBusyMsPerSecond: number;
}

const DEFAULT_SIZE: SeedSize = {
  phases: 500,
  events: 20_000,
  samples: 720,
  logLines: 2_000,
  history: 5,
};

function defaultExecutable(): string {
  return (
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p)) ??
    chromium.executablePath()
  );
}

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0
    ? 0
    : (s[Math.floor((s.length - 1) / 2)] ?? 0) / 2 + (s[Math.ceil((s.length - 1) / 2)] ?? 0) / 2;
};

/** Installed before any page script: sums long tasks so load and idle cost can be read back. */
const LONG_TASK_PROBE = `
  window.__longTasks = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks += e.duration; }).observe({ type: "longtask", buffered: true });
`;

const longTasks = (page: Page) =>
  page.evaluate(() => (window as unknown as { __longTasks: number }).__longTasks);

/**
 * Clicks a button by its text inside the page and times until `condition` holds on a later frame.
 * A string script, because tsx's helpers (e.g. __name) do not exist inside the page.
 */
async function timeClick(page: Page, buttonText: string, condition: string): Promise<number> {
  return page.evaluate<number>(`new Promise((resolve, reject) => {
    const button = [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === ${JSON.stringify(buttonText)});
    if (!button) return reject(new Error("no button ${buttonText}"));
    const t0 = performance.now();
    button.click();
    const poll = () => ((${condition}) ? resolve(performance.now() - t0) : requestAnimationFrame(poll));
    requestAnimationFrame(poll);
  })`);
}

/**
 * Seeds a running job with 500 phases (Eyeglass-like step trees in 10 lanes) and 20,000 events,
 * plus 5 past runs for baselines, then opens /jobs/<id> in headless Chromium and measures it.
 */
export async function benchJobPage(opts: JobPageBenchOptions): Promise<JobPageBenchResult> {
  const size = { ...DEFAULT_SIZE, ...opts.size };
  const loads = opts.loads ?? 3;
  const jobId = await seedBenchJob(opts.db, size);
  // The seeded source is fictional: a confirmation time in the future keeps the page's read-through
  // from asking a vendor that does not exist while the bench runs.
  await opts.db.job.update({
    where: { id: jobId },
    data: { refreshedAt: new Date(Date.now() + 3_600_000) },
  });
  const browser = await chromium.launch({
    executablePath: opts.executablePath ?? defaultExecutable(),
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const context = await browser.newContext({
      baseURL: opts.baseUrl,
      viewport: { width: 1600, height: 1000 },
    });
    // A fresh context has no cookies yet, so better-auth needs no Origin header (it checks one only with cookies).
    const signIn = await context.request.post("/api/auth/sign-in/email", {
      data: opts.credentials,
    });
    if (!signIn.ok())
      throw new Error(`bench sign-in failed: ${signIn.status()} ${await signIn.text()}`);
    await context.addInitScript(LONG_TASK_PROBE);
    const page = await context.newPage();
    // The Gantt draws only the rows in view: ready when it holds every phase and has drawn bars.
    const ready = `document.querySelector('[data-testid="gantt"]')?.getAttribute("data-rows") === "${size.phases}"
      && document.querySelectorAll('[data-testid="gantt-bar"]').length > 0
      && document.querySelector('[data-testid="feed-event"]') !== null`;
    const samples: Array<Omit<JobPageBenchResult, "jobId" | "phases" | "events" | "loads">> = [];
    for (let i = 0; i <= loads; i++) {
      await page.goto(`/jobs/${jobId}`, { waitUntil: "commit" });
      await page.waitForFunction(ready, undefined, { polling: "raf", timeout: 120_000 });
      const readyAt = await page.evaluate(() => performance.now());
      const nav = await page.evaluate(() => {
        const n = performance.getEntriesByType("navigation")[0] as
          PerformanceNavigationTiming | undefined;
        return { ttfb: n?.responseStart ?? 0, dcl: n?.domContentLoadedEventEnd ?? 0 };
      });
      const loadLongTasks = await longTasks(page);
      const collapseAllMs = await timeClick(
        page,
        "Collapse all",
        `document.querySelector('[data-testid="gantt"]')?.getAttribute("data-rows") === "${LANES}"`,
      );
      const expandAllMs = await timeClick(
        page,
        "Expand all",
        `document.querySelector('[data-testid="gantt"]')?.getAttribute("data-rows") === "${size.phases}" && document.querySelectorAll('[data-testid="gantt-bar"]').length > 0`,
      );
      const before = await longTasks(page);
      const idleStart = await page.evaluate(() => performance.now());
      await page.waitForFunction((t) => performance.now() - t >= 5_000, idleStart, {
        polling: 250,
      });
      const idleBusyMsPerSecond = ((await longTasks(page)) - before) / 5;
      if (i > 0)
        samples.push({
          ttfbMs: nav.ttfb,
          domContentLoadedMs: nav.dcl,
          ganttAndFeedReadyMs: readyAt,
          longTasksDuringLoadMs: loadLongTasks,
          collapseAllMs,
          expandAllMs,
          idleBusyMsPerSecond,
        });
    }
    const pick = (k: keyof (typeof samples)[number]) =>
      Math.round(median(samples.map((s) => s[k])));
    return {
      jobId,
      phases: size.phases,
      events: size.events,
      loads,
      ttfbMs: pick("ttfbMs"),
      domContentLoadedMs: pick("domContentLoadedMs"),
      ganttAndFeedReadyMs: pick("ganttAndFeedReadyMs"),
      longTasksDuringLoadMs: pick("longTasksDuringLoadMs"),
      collapseAllMs: pick("collapseAllMs"),
      expandAllMs: pick("expandAllMs"),
      idleBusyMsPerSecond: pick("idleBusyMsPerSecond"),
    };
  } finally {
    await browser.close();
  }
}
