import type { ConnectionTestResult } from "@/lib/contracts/sources";

/** The outcome of "Test connection": said in words and a sign as well as colour. */
export function ConnectionResult({ result }: { result: ConnectionTestResult }) {
  return (
    <p
      data-testid="test-result"
      data-ok={result.ok}
      role="status"
      className={`rounded px-2 py-1 text-sm ${result.ok ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100" : "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100"}`}
    >
      <span aria-hidden>{result.ok ? "✓ " : "✕ "}</span>
      {result.ok ? "Connected: " : "Failed: "}
      {result.message} <span className="text-xs opacity-75">({result.durationMs} ms)</span>
    </p>
  );
}
