import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { expect, test, type APIRequestContext } from "@playwright/test";
import type { EvidencePackDoc } from "@/lib/contracts/evidence";
import type { EvidenceReport } from "@/lib/contracts/history";
import { formatDuration } from "@/lib/domain/durations";
import { pdfText } from "@/lib/pdf/testing/pdf-text";
import { expectNoActions, signedInAs } from "./support/auditor";
import { E2E } from "./support/e2e-env";
import { waitForJob } from "./support/jobs";
import { startSimJob } from "./support/sim";

/** Scripted lengths are taken as given by the simulators: a 20-second RTO takes 20 seconds. */
const RTO_MS = 20_000;

/** The quarter holding `at`, as the history page's From/To dates give it. */
function quarterOf(at: Date) {
  const q = Math.floor(at.getUTCMonth() / 3);
  const day = (m: number) =>
    new Date(Date.UTC(at.getUTCFullYear(), m, 1)).toISOString().slice(0, 10);
  return { label: `${at.getUTCFullYear()}-Q${q + 1}`, from: day(q * 3), to: day(q * 3 + 3) };
}

async function scriptedTestRun(request: APIRequestContext): Promise<EvidenceReport> {
  const vendorId = await startSimJob(request, "commvault", {
    type: "test-failover",
    rtoMs: RTO_MS,
  });
  const job = await waitForJob(request, "commvault", vendorId);
  const report = async () =>
    (await (await request.get(`/api/history/${job.id}`)).json()) as EvidenceReport;
  await expect
    .poll(async () => (await report()).run.outcome, { timeout: 150_000, intervals: [2_000] })
    .toBe("succeeded");
  return report();
}

test.describe.configure({ mode: "serial" });

test.describe("evidence packs", () => {
  test("viewers and operators can verify but not generate", async ({ page, request }) => {
    await page.goto("/evidence");
    await expect(page.getByRole("heading", { name: "Evidence packs" })).toBeVisible();
    await expect(page.getByTestId("generate-pack")).toHaveCount(0);
    const res = await request.post("/api/evidence/packs", {
      data: { quarter: "2026-Q1" },
      headers: { origin: E2E.baseUrl },
    });
    expect(res.status()).toBe(403);
    expect(await res.text()).toMatch(/evidence managers/);
  });

  test("from the history page: generate the quarter's pack, download its JSON, verify it and a tampered copy", async ({
    browser,
    request,
  }, testInfo) => {
    test.setTimeout(300_000);
    const run = await scriptedTestRun(request);
    const quarter = quarterOf(new Date(run.run.sortAt));

    const context = await browser.newContext({
      baseURL: E2E.baseUrl,
      storageState: E2E.storage.admin,
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`/history?from=${quarter.from}&to=${quarter.to}`);
    await page.getByTestId("evidence-pack-link").click();
    await page.waitForURL(/\/evidence\?/);
    await expect(page.getByRole("combobox", { name: "Quarter" })).toHaveValue(quarter.label);
    await page.getByTestId("generate-pack").click();
    await page.waitForURL(/\/evidence\/[0-9a-f-]{36}$/, { timeout: 120_000 });
    const packUrl = page.url();
    const detail = page.getByTestId("pack-detail");
    await expect(detail).toBeVisible();
    const sha256 = (await detail.getAttribute("data-sha256")) ?? "";
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download-json").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^evidence-${quarter.label}-.*\\.json$`),
    );
    const file = testInfo.outputPath("pack.json");
    await download.saveAs(file);
    const bytes = await readFile(file);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(sha256);
    const doc = JSON.parse(bytes.toString("utf8")) as EvidencePackDoc;
    expect(doc.period.label).toBe(quarter.label);
    const mine = doc.runs.find((r) => r.run.id === run.run.id);
    expect([mine?.rto.ms, mine?.run.outcome, mine?.rto.ref.jobId]).toEqual([
      RTO_MS,
      "succeeded",
      run.run.vendorId,
    ]);
    expect(doc.summary.current.runs).toBe(doc.runs.length);

    // Sign-off by an auditor, who has no action buttons on the way: shown on the page, and the
    // pack's hash does not change.
    const auditor = {
      email: `pack-auditor-${Date.now()}@e2e.jobdeck.local`,
      password: "e2e-Auditor-passw0rd",
      name: "Avery Auditor",
    };
    const made = await context.request.post("/api/users", {
      data: { ...auditor, role: "auditor" },
      headers: { origin: E2E.baseUrl },
    });
    expect(made.status()).toBe(201);
    const signer = await signedInAs(browser, auditor);
    await signer.page.goto(`/history?from=${quarter.from}&to=${quarter.to}`);
    await expectNoActions(signer.page);
    await signer.page.goto(packUrl);
    await expectNoActions(signer.page);
    await signer.page.getByLabel("Sign-off note").fill("Reviewed for the quarterly DR file.");
    await signer.page.getByTestId("sign-off-pack").click();
    const signOffs = signer.page.getByTestId("pack-sign-offs");
    await expect(signOffs).toContainText("Reviewed for the quarterly DR file.");
    await expect(signOffs).toContainText(auditor.name);
    await expect(signer.page.getByTestId("pack-sha256")).toHaveText(sha256);
    await signer.context.close();

    await page.goto("/evidence/verify");
    await page.getByTestId("verify-file").setInputFiles(file);
    const result = page.getByTestId("verify-result");
    await expect(result).toHaveAttribute("data-issued", "true");
    await expect(result).toHaveAttribute("data-chain", "true");
    await expect(result).toContainText(`the evidence pack ${quarter.label} issued by Jobdeck`);

    const altered = Buffer.from(bytes);
    const at = altered.indexOf(Buffer.from(`"ms":${RTO_MS}`)) + 5;
    altered[at] = altered[at] === 0x31 ? 0x33 : 0x31;
    const tampered = testInfo.outputPath("tampered.json");
    await writeFile(tampered, altered);
    await page.getByTestId("verify-file").setInputFiles(tampered);
    await expect(result).toHaveAttribute("data-issued", "false");
    await expect(result).toContainText("is not a document Jobdeck issued");

    // The same check by API, for scripts: the bytes uploaded, and the hash by query.
    const posted = await context.request.post("/api/evidence/verify", {
      data: bytes,
      headers: { origin: E2E.baseUrl, "content-type": "application/octet-stream" },
    });
    expect(((await posted.json()) as { issued: boolean }).issued).toBe(true);
    const byHash = await context.request.get(`/api/evidence/verify?sha256=${sha256}`);
    expect(((await byHash.json()) as { match: { kind: string } }).match.kind).toBe("pack");

    // The PDF, printed on the server from the same JSON after the pack was issued (last here, so the
    // print runs while the checks above do): every run's name and RTO, and it verifies.
    await page.goto(packUrl);
    const [pdfDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download-pdf").click(),
    ]);
    const pdfFile = testInfo.outputPath("pack.pdf");
    await pdfDownload.saveAs(pdfFile);
    const pdfBytes = await readFile(pdfFile);
    expect(pdfBytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const flat = (t: string) => t.replace(/\s+/g, " ");
    const text = flat((await pdfText(pdfBytes)).text);
    expect(doc.runs.length).toBeGreaterThan(0);
    for (const r of doc.runs) {
      expect(text).toContain(flat(r.run.name));
      if (r.rto.ms !== null) expect(text).toContain(formatDuration(r.rto.ms));
    }
    expect(text).toContain(sha256);
    const pdfSha256 = createHash("sha256").update(pdfBytes).digest("hex");
    await expect(page.getByTestId("pack-pdf-sha256")).toHaveText(pdfSha256);
    const pdfVerified = await context.request.get(`/api/evidence/verify?sha256=${pdfSha256}`);
    expect(await pdfVerified.json()).toMatchObject({
      issued: true,
      match: { kind: "pdf" },
      chain: { intact: true },
    });
    await context.close();
  });
});
