import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, systemChromium } from "./e2e/support/browser";
import { E2E } from "./e2e/support/e2e-env";

/**
 * Browser tests run the real system: `scripts/start.ts` with a fresh embedded PostgreSQL, all five
 * vendor simulators (time sped up) and the sync worker, serving the production build.
 * A system Chromium is used where it exists; otherwise Playwright's own browser
 * (`scripts/ensure-browser.ts`, run by `npm run test:e2e`, makes sure one of them is there).
 */
const chromiumPath = systemChromium();

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
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
      use: { ...devices["Desktop Chrome"], storageState: E2E.storage.operator },
      dependencies: ["setup"],
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
