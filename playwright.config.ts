import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E } from "./e2e/support/e2e-env";

/**
 * Browser tests run the real system: `scripts/start.ts` with a fresh embedded PostgreSQL, all five
 * vendor simulators (time sped up) and the sync worker, serving the production build.
 * Debian's Chromium is used where it exists; otherwise Playwright's own browser.
 */
const chromiumPath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

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
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
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
