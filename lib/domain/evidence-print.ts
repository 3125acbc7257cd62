/**
 * How long printing a pack's PDF may take. Chromium prints a pack at roughly 20–60 ms per run on two
 * cores (a run is about two pages; a quarter of 939 runs took 54 s under load), so the limit grows
 * with the pack rather than cutting a large quarter off at a fixed two minutes. The pack page also
 * uses it: until then after issue, a pack without a PDF is still being printed.
 */
export function pdfPrintLimitMs(runCount: number): number {
  return Math.max(120_000, runCount * 300);
}

/** Whether a pack issued at `issuedAt` without a stored PDF may still be printing at `now`. */
export function pdfMayBePrinting(issuedAt: Date, runCount: number, now: Date): boolean {
  return now.getTime() - issuedAt.getTime() < pdfPrintLimitMs(runCount);
}
