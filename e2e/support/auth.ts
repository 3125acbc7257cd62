import { expect, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import type { Role } from "../../lib/domain/roles";
import { E2E } from "./e2e-env";

export interface Credentials {
  email: string;
  password: string;
}

/**
 * Signs in through the real form, as a person would, and waits for the app to load. better-auth's
 * cookie lands in the page's context; save it with `page.context().storageState({ path })`.
 */
export async function signInWithForm(page: Page, who: Credentials, next = "/jobs"): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => url.pathname === next);
}

/** Signs an API context in (cookie kept by the context). Origin is sent because better-auth checks it once cookies exist. */
export async function signInWithApi(request: APIRequestContext, who: Credentials): Promise<void> {
  const res = await request.post("/api/auth/sign-in/email", {
    data: who,
    headers: { origin: E2E.baseUrl },
  });
  expect(res.status(), `sign-in as ${who.email}: ${await res.text()}`).toBe(200);
}

/** Creates a local account through the admin API; an existing one (409) is fine so setup can rerun. */
export async function ensureUser(
  adminRequest: APIRequestContext,
  user: Credentials & { name: string; role: Role },
): Promise<void> {
  const res = await adminRequest.post("/api/users", {
    data: user,
    headers: { origin: E2E.baseUrl },
  });
  expect([201, 409], `create ${user.email}: ${await res.text()}`).toContain(res.status());
}

/**
 * The auth setup project's whole job: the admin comes from JOBDECK_ADMIN_EMAIL/PASSWORD (created
 * by ensureFirstAdmin at start), the operator and viewer are created through the admin API, and
 * each signs in through the form and has its storage state saved to E2E.storage.<role>.
 */
export async function saveRoleStorageStates(browser: Browser): Promise<void> {
  const adminContext = await browser.newContext({ baseURL: E2E.baseUrl });
  await signInWithApi(adminContext.request, E2E.admin);
  await ensureUser(adminContext.request, { ...E2E.operator, role: "operator" });
  await ensureUser(adminContext.request, { ...E2E.viewer, role: "viewer" });
  await adminContext.close();

  for (const role of ["admin", "operator", "viewer"] as const) {
    const context = await browser.newContext({ baseURL: E2E.baseUrl });
    const page = await context.newPage();
    await signInWithForm(page, E2E[role]);
    await context.storageState({ path: E2E.storage[role] });
    await context.close();
  }
}

/** A display token made through the admin API, for wall-screen tests (`/api/display-tokens/enter?token=…&next=/wall`). */
export async function createDisplayToken(
  adminRequest: APIRequestContext,
  name: string,
): Promise<string> {
  const res = await adminRequest.post("/api/display-tokens", {
    data: { name },
    headers: { origin: E2E.baseUrl },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { token: string }).token;
}
