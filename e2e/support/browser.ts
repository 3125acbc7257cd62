import { systemFullChromium, systemHeadlessShell } from "../../lib/pdf/chromium";

export { CHROMIUM_ARGS, playwrightChromiumInstalled } from "../../lib/pdf/chromium";

/**
 * The system browser the tests drive, found on PATH: Debian's chromium-headless-shell where it is
 * installed (the old headless mode Playwright itself tests in), else the full Chromium or Chrome.
 */
export function testBrowser(): string | null {
  const searchPath = process.env.PATH ?? "";
  return systemHeadlessShell(searchPath) ?? systemFullChromium(searchPath);
}
