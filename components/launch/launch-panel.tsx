"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { roleAllows, type Role } from "@/lib/domain/roles";
import { LaunchForm } from "./launch-form";
import { useLaunchOperations } from "./use-launch";

/** Everything a source lets an operator start; the chosen operation is in the URL (?op=). */
export function LaunchPanel({ sourceId, role }: { sourceId: string; role: Role }) {
  const query = useLaunchOperations(sourceId);
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();

  if (query.isPending)
    return <p className="text-sm text-slate-600 dark:text-slate-400">Loading operations…</p>;
  if (query.error) {
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-300">
        <span aria-hidden>✕ </span>
        {query.error.message}
      </p>
    );
  }
  const { source, operations } = query.data;
  const chosen = operations.find((o) => o.operation === search.get("op")) ?? operations[0];
  const choose = (operation: string) => {
    const next = new URLSearchParams(search.toString());
    next.set("op", operation);
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };

  return (
    <section aria-labelledby="launch-title" className="space-y-4" data-testid="launch-panel">
      <h1 id="launch-title" className="text-xl font-semibold">
        Launch on <span data-testid="launch-source-name">{source.name}</span>
        <span className="ml-2 text-sm font-normal text-slate-600 dark:text-slate-400">
          ({source.kind})
        </span>
      </h1>
      {operations.length === 0 ? (
        <p className="text-sm" data-testid="launch-none">
          This source offers no operations to launch.
        </p>
      ) : (
        <div className="flex flex-wrap gap-2" role="group" aria-label="Operations">
          {operations.map((o) => (
            <button
              key={o.operation}
              type="button"
              aria-pressed={o.operation === chosen?.operation}
              onClick={() => choose(o.operation)}
              className="rounded border border-slate-300 px-3 py-1 text-sm aria-pressed:border-sky-700 aria-pressed:bg-sky-50 dark:border-slate-600 dark:aria-pressed:bg-sky-950"
              data-testid={`launch-op-${o.operation}`}
            >
              {o.label}
              {o.risk === "high" ? <span className="ml-1 text-xs">⚠ high risk</span> : null}
            </button>
          ))}
        </div>
      )}
      {chosen ? (
        <div className="space-y-3 rounded border border-slate-200 p-3 dark:border-slate-700">
          <p className="text-sm">{chosen.description}</p>
          {!roleAllows(role, chosen.role) ? (
            <p
              className="text-sm text-slate-700 dark:text-slate-300"
              data-testid="launch-needs-role"
            >
              <span aria-hidden>🔒 </span>
              {chosen.label} needs the {chosen.role} role; you are {role}.
            </p>
          ) : null}
          <LaunchForm
            key={chosen.operation}
            source={source}
            op={chosen}
            disabled={!roleAllows(role, chosen.role)}
          />
        </div>
      ) : null}
    </section>
  );
}
