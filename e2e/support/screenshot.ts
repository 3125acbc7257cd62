import { mkdirSync } from "node:fs";
import path from "node:path";
import { test, type Page } from "@playwright/test";

const README_SCREENSHOTS = path.join("e2e", "screenshots");

/**
 * A screenshot the README shows. A test run writes it with the test's other output, so running the
 * tests leaves the checkout as it was; `npm run screenshots` (JOBDECK_README_SCREENSHOTS=1) writes it
 * over the README's copy.
 */
export async function readmeScreenshot(page: Page, name: string): Promise<void> {
  const file =
    process.env.JOBDECK_README_SCREENSHOTS === "1"
      ? path.join(README_SCREENSHOTS, name)
      : test.info().outputPath(name);
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
}
