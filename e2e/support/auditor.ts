import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { E2E } from "./e2e-env";

/**
 * Buttons and links that would act on a job or change configuration: the verb as a whole word, so
 * the explorer's state filters ("Aborting", "paused", "canceled") are not taken for actions.
 */
const ACTING =
  /^(abort|pause|resume|cancel|kill|purge|retry|launch|add source|add user|delete|disable|enable|edit|test connection|save target|set target)\b/i;

/** The page offers nothing that acts on a job or changes configuration. */
export async function expectNoActions(page: Page): Promise<void> {
  await expect(page.getByRole("button", { name: ACTING })).toHaveCount(0);
  await expect(page.getByRole("link", { name: ACTING })).toHaveCount(0);
  await expect(page.locator('[data-testid^="action-"], [data-testid^="bulk-"]')).toHaveCount(0);
  await expect(page.getByTestId("launch-link")).toHaveCount(0);
}

export interface Person {
  email: string;
  password: string;
  name: string;
}

/** A fresh browser context signed in through the sign-in page as `who`. */
export async function signedInAs(
  browser: Browser,
  who: Person,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: E2E.baseUrl,
    storageState: { cookies: [], origins: [] },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel(/email/i).fill(who.email);
  await page.getByLabel(/password/i).fill(who.password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/jobs/);
  return { context, page };
}
