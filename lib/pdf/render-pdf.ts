import { chromium, type Browser } from "playwright-core";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import { CHROMIUM_ARGS, chromiumExecutable } from "./chromium";

export interface PdfOptions {
  format?: "A4" | "Letter";
  landscape?: boolean;
  /** Printed as text at the foot of every page, before "page N of M" (e.g. a pack's SHA-256). */
  footerText?: string;
  /** Longest the render may take (default two minutes: a quarter's pack is hundreds of pages). */
  timeoutMs?: number;
}

/** A browser left idle this long is closed, so a worker that printed one pack does not hold ~100 MB. */
const IDLE_CLOSE_MS = 30_000;

let shared: Promise<Browser> | null = null;
let active = 0;
let idleTimer: NodeJS.Timeout | null = null;

/**
 * Prints HTML to PDF bytes with headless Chromium, in the web process or the worker. The HTML
 * holds vendor strings, so it is treated as hostile: JavaScript is off, the context is offline
 * and every request it would make (images, fonts, stylesheets, links) is aborted, so nothing but
 * the given HTML (and data: URLs inside it) is rendered. One browser is shared between calls
 * and closed when idle; a crashed one is replaced on the next call.
 */
export async function renderPdf(html: string, options: PdfOptions = {}): Promise<Uint8Array> {
  active += 1;
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  try {
    const browser = await sharedBrowser();
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      await context.route("**/*", (r) => r.abort("blockedbyclient"));
      const page = await context.newPage();
      const timeout = options.timeoutMs ?? 120_000;
      page.setDefaultTimeout(timeout);
      await page.setContent(html, { waitUntil: "load", timeout });
      const pdf = await page.pdf({
        format: options.format ?? "A4",
        landscape: options.landscape ?? false,
        printBackground: true,
        margin: { top: "15mm", bottom: "18mm", left: "12mm", right: "12mm" },
        displayHeaderFooter: true,
        headerTemplate: "<span></span>",
        footerTemplate: footer(options.footerText ?? ""),
      });
      return new Uint8Array(pdf);
    } finally {
      await context.close().catch(() => undefined);
    }
  } finally {
    active -= 1;
    if (active === 0) scheduleIdleClose();
  }
}

/** Closes the shared browser now (shutdown, tests). */
export async function closePdfBrowser(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const current = shared;
  shared = null;
  if (current) await (await current.catch(() => null))?.close();
}

function sharedBrowser(): Promise<Browser> {
  if (!shared) {
    const launching = launch();
    shared = launching;
    // A failed launch is not cached: the next call tries again (Chromium installed meanwhile).
    launching.catch(() => {
      if (shared === launching) shared = null;
    });
  }
  return shared;
}

async function launch(): Promise<Browser> {
  const { JOBDECK_CHROMIUM_PATH, PATH } = env();
  const executablePath = chromiumExecutable(JOBDECK_CHROMIUM_PATH, PATH);
  let browser: Browser;
  try {
    browser = await chromium.launch({ headless: true, executablePath, args: CHROMIUM_ARGS });
  } catch (err) {
    throw new Error(
      `Cannot start Chromium to print PDFs (${executablePath ?? "Playwright's own Chromium"}): install Debian's chromium package or set JOBDECK_CHROMIUM_PATH. ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`,
      { cause: err },
    );
  }
  browser.on("disconnected", () => {
    if (active > 0) logger.warn("the PDF printer's Chromium exited while printing");
    void Promise.resolve(shared).then((current) => {
      if (current === browser) shared = null;
    });
  });
  return browser;
}

function scheduleIdleClose(): void {
  idleTimer = setTimeout(() => {
    idleTimer = null;
    if (active === 0) void closePdfBrowser();
  }, IDLE_CLOSE_MS);
  // An idle printer never keeps a process (a script, a test run) alive.
  idleTimer.unref();
}

/** Chromium fills the footer's .pageNumber/.totalPages itself; the caller's text is escaped. */
function footer(text: string): string {
  return `<div style="font-size:8px;width:100%;padding:0 12mm;display:flex;justify-content:space-between;color:#555"><span>${escapeHtml(text)}</span><span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}
