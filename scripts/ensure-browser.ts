/**
 * The test command's browser step: the browser tests and the PDF integration tests need a Chromium, and a
 * fresh machine has none. In order: Debian's chromium-headless-shell beside its Chromium (the browser
 * tests drive the first, the server prints with the second), installed with apt when running as root;
 * whichever system Chromium exists; Playwright's own, already downloaded; Playwright's download where
 * the internet is reachable. Otherwise one sentence saying what to install, and a failing exit so
 * `npm test` stops here rather than in 40 tests.
 */
import { spawnSync } from "node:child_process";
import { playwrightChromiumInstalled, testBrowser } from "../e2e/support/browser";
import { systemFullChromium, systemHeadlessShell } from "../lib/pdf/chromium";

const SEARCH_PATH = process.env.PATH ?? "";

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  console.log(`browser: ${command} ${args.join(" ")}`);
  return spawnSync(command, args, { stdio: "inherit", env, timeout: 15 * 60_000 }).status === 0;
}

function found(): string | null {
  const system = testBrowser();
  if (system) return `system Chromium at ${system}`;
  if (playwrightChromiumInstalled()) return "Playwright's own Chromium";
  return null;
}

function aptInstall(packages: string[]): boolean {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status !== 0)
    return false;
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  return (
    run("apt-get", ["update", "-qq"], env) &&
    run("apt-get", ["install", "-y", "-qq", ...packages], env)
  );
}

function provision(): string | null {
  if (systemHeadlessShell(SEARCH_PATH) && systemFullChromium(SEARCH_PATH)) return found();
  aptInstall(["chromium", "chromium-headless-shell"]);
  const system = found();
  if (system) return system;
  // The project's own Playwright, so the browser matches the version the tests drive.
  if (run(process.execPath, ["node_modules/@playwright/test/cli.js", "install", "chromium"]))
    return found();
  return null;
}

const browser = provision();
if (!browser) {
  console.error(
    "No Chromium for the browser tests: install Debian's (`sudo apt-get install chromium chromium-headless-shell`) or Playwright's (`npx playwright install chromium`, needs the internet), then run the tests again.",
  );
  process.exit(1);
}
console.log(`browser: using ${browser}`);
