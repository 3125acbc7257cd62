import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, testBrowser } from "./e2e/support/browser";
import { E2E } from "./e2e/support/e2e-env";

/**
 * Browser tests run the real system: `scripts/start.ts` with a fresh embedded PostgreSQL, all five
 * vendor simulators (time sped up) and the sync worker, serving the production build.
 * A system Chromium is used where it exists (Debian's headless shell first); otherwise Playwright's own browser
 * (`scripts/ensure-browser.ts`, run by `npm run test:e2e`, makes sure one of them is there).
 */
const chromiumPath = testBrowser();
const WALL_SPECS = /wall(-live)?\.spec\.ts/;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  // Two spec files at a time: the tests mostly wait on the simulators' clocks, and each makes the
  // jobs (or quiet sources) it needs. The wall specs run alone afterwards (project "wall").
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: [["list"]],
  use: {
    baseURL: E2E.baseUrl,
    trace: "retain-on-failure",
    launchOptions: {
      ...(chromiumPath ? { executablePath: chromiumPath } : {}),
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "chromium",
      testIgnore: WALL_SPECS,
      use: { ...devices["Desktop Chrome"], storageState: E2E.storage.operator },
      dependencies: ["setup"],
    },
    {
      // The wall draws the whole estate (every source, every failure) and one of its tests stops a
      // demo simulator answering: it runs after the rest, one spec at a time, with nothing beside it.
      name: "wall",
      testMatch: WALL_SPECS,
      workers: 1,
      use: { ...devices["Desktop Chrome"], storageState: E2E.storage.operator },
      dependencies: ["chromium"],
    },
  ],
  webServer: {
    command: `rm -rf ${E2E.dataDir} && node_modules/.bin/tsx scripts/start.ts`,
    url: `${E2E.baseUrl}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: E2E.serverEnv,
  },
});
