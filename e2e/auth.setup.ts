import { mkdirSync } from "node:fs";
import path from "node:path";
import { expect, test as setup, type Page } from "@playwright/test";
import { E2E } from "./support/e2e-env";

async function signIn(page: Page, email: string, password: string, file: string) {
  await page.goto("/sign-in");
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).toHaveURL(/\/jobs/);
  mkdirSync(path.dirname(file), { recursive: true });
  await page.context().storageState({ path: file });
}

setup(
  "sign in as admin, create an operator and a viewer, and keep their sessions",
  async ({ browser }) => {
    const adminPage = await (await browser.newContext()).newPage();
    await signIn(adminPage, E2E.admin.email, E2E.admin.password, E2E.storage.admin);
    for (const [role, user] of [
      ["operator", E2E.operator],
      ["viewer", E2E.viewer],
    ] as const) {
      const res = await adminPage.request.post("/api/users", {
        data: { email: user.email, name: user.name, password: user.password, role },
        headers: { origin: E2E.baseUrl },
      });
      expect([201, 409]).toContain(res.status());
      const page = await (await browser.newContext()).newPage();
      await signIn(page, user.email, user.password, E2E.storage[role]);
    }
  },
);
