import { networkInterfaces } from "node:os";
import { expect, test, type Browser } from "@playwright/test";
import { E2E } from "./support/e2e-env";

/** The machine's own IPv4 address, as another desk or a NOC screen would type it. */
function machineAddress(): string {
  const found = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === "IPv4" && !a.internal);
  if (!found) throw new Error("This machine has no non-loopback IPv4 address to open Jobdeck at.");
  return found.address;
}

async function signInAt(browser: Browser, origin: string): Promise<void> {
  const context = await browser.newContext({
    baseURL: origin,
    storageState: { cookies: [], origins: [] },
  });
  const page = await context.newPage();
  await page.goto("/sign-in?next=%2Fjobs");
  await page.getByLabel("Email").fill(E2E.operator.email);
  await page.getByLabel("Password").fill(E2E.operator.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(`${origin}/jobs`);
  await expect(page.getByTestId("actor-role")).toHaveText("operator");

  // Signed in here, a page at this address may act; another site posting with the cookie may not.
  const crossSite = await page.request.post("/api/auth/sign-in/email", {
    data: { email: E2E.operator.email, password: E2E.operator.password },
    headers: { origin: "http://evil.example" },
  });
  expect(crossSite.status()).toBe(403);
  await context.close();
}

test.describe("the demo opened at another address", () => {
  const port = new URL(E2E.baseUrl).port;

  test("signs in at http://127.0.0.1", async ({ browser }) => {
    await signInAt(browser, `http://127.0.0.1:${port}`);
  });

  test("signs in at the machine's own address", async ({ browser }) => {
    await signInAt(browser, `http://${machineAddress()}:${port}`);
  });
});
