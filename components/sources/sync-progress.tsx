import type { SourceView } from "@/lib/contracts/sources";

/** History still being read, and vendor records that could not be read (reasons for admins). */
export function SyncProgress({ source, isAdmin }: { source: SourceView; isAdmin: boolean }) {
  const { backfill, quarantined } = source;
  return (
    <>
      {backfill && (
        <p
          className="mt-1 text-xs text-slate-600 dark:text-slate-400"
          data-testid="backfill-progress"
        >
          backfilling history: {backfill.done.toLocaleString("en-US")} of ~
          {backfill.total.toLocaleString("en-US")} jobs
        </p>
      )}
      {quarantined.count > 0 && (
        <details className="mt-1 text-xs" data-testid="quarantine">
          <summary className="cursor-pointer text-amber-800 dark:text-amber-300">
            {quarantined.count} {quarantined.count === 1 ? "record" : "records"} could not be read
          </summary>
          {isAdmin ? (
            <ul className="mt-1 max-w-md space-y-1">
              {quarantined.latest.map((q) => (
                <li key={q.recordKey} data-testid="quarantined-record">
                  <span className="font-medium">{q.recordKey}</span>: {q.reason}
                  <pre className="mt-0.5 max-h-24 overflow-auto rounded bg-slate-100 p-1 break-all whitespace-pre-wrap dark:bg-slate-900">
                    {q.raw}
                  </pre>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-slate-600 dark:text-slate-400">
              An admin can see which records and why.
            </p>
          )}
        </details>
      )}
    </>
  );
}
