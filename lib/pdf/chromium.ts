import { existsSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

const SYSTEM_NAMES = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"];
/**
 * Debian's build of Chromium's old headless mode, the one Playwright itself runs headless tests in.
 * The full browser's new headless mode once stopped producing frames mid-test on a loaded machine
 * (requestAnimationFrame never fired again, so every click waited for "stable" until the timeout).
 */
const HEADLESS_SHELL_NAMES = ["chromium-headless-shell"];

/**
 * Flags for a headless Chromium on a closed network: without the background-networking ones it
 * floods the log with refused connections to Google's update and sync services.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function onPath(searchPath: string, names: readonly string[]): string | null {
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return null;
}

/** A Chromium installed on the machine (Debian's package, or Chrome), found on the given PATH. */
export function systemFullChromium(searchPath: string): string | null {
  return onPath(searchPath, SYSTEM_NAMES);
}

/** Debian's chromium-headless-shell, found on the given PATH. */
export function systemHeadlessShell(searchPath: string): string | null {
  return onPath(searchPath, HEADLESS_SHELL_NAMES);
}

/** Whether Playwright's own Chromium download is present (`npx playwright install chromium`). */
export function playwrightChromiumInstalled(): boolean {
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

/**
 * The Chromium to launch: the configured one, else a system Chromium on PATH, else undefined so
 * Playwright uses its own download. The same order the browser tests use, so the server prints
 * with the browser the tests drive.
 */
export function chromiumExecutable(
  configured: string | undefined,
  searchPath: string,
): string | undefined {
  return configured ?? systemFullChromium(searchPath) ?? undefined;
}
