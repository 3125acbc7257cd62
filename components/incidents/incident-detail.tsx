"use client";

import type { DeliveryView } from "@/lib/contracts/alert-channels";
import { ERROR } from "@/components/ui/form-styles";
import { AcknowledgeForm } from "./acknowledge-form";
import { IncidentStatusBadge } from "./incident-status";
import { useIncident } from "./use-incidents";

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "—");

export function IncidentDetailView({
  id,
  canAcknowledge,
}: {
  id: string;
  canAcknowledge: boolean;
}) {
  const incident = useIncident(id);
  if (incident.error)
    return (
      <p role="alert" className={ERROR}>
        {incident.error.message}
      </p>
    );
  const i = incident.data;
  if (!i) return <p className="text-sm">Loading…</p>;
  return (
    <div className="flex max-w-5xl flex-col gap-4">
      <div className="flex items-center gap-2">
        <IncidentStatusBadge status={i.status} />
        <h1 className="text-xl font-semibold">
          <bdi>{i.title}</bdi>
        </h1>
      </div>
      <p>
        <bdi>{i.detail}</bdi>
      </p>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt>Rule</dt>
        <dd>
          <bdi>{i.ruleName ?? "(deleted)"}</bdi> ({i.kind})
        </dd>
        <dt>Opened</dt>
        <dd>{when(i.openedAt)}</dd>
        <dt>Last seen</dt>
        <dd>{when(i.lastSeenAt)}</dd>
        <dt>Resolved</dt>
        <dd>{when(i.resolvedAt)}</dd>
        <dt>Acknowledged</dt>
        <dd>
          {i.acknowledgedBy ? (
            <>
              <bdi>{i.acknowledgedBy}</bdi>, {when(i.acknowledgedAt)}: <bdi>{i.ackNote}</bdi>
            </>
          ) : (
            "—"
          )}
        </dd>
      </dl>
      {canAcknowledge && i.status === "open" && <AcknowledgeForm id={i.id} />}
      <h2 className="text-lg font-semibold">Deliveries</h2>
      {i.deliveries.length === 0 ? (
        <p className="text-sm">No channels are attached to this rule.</p>
      ) : (
        <DeliveryLog deliveries={i.deliveries} />
      )}
    </div>
  );
}

export function DeliveryLog({ deliveries }: { deliveries: DeliveryView[] }) {
  return (
    <ul className="flex flex-col gap-3">
      {deliveries.map((d) => (
        <li
          key={d.id}
          data-testid="delivery"
          className="rounded border border-slate-200 p-2 text-sm dark:border-slate-800"
        >
          <p>
            <strong>{d.event}</strong> to <bdi>{d.channelName}</bdi> ({d.channelKind}): {d.status}
            {d.nextAttemptAt ? `, next try ${when(d.nextAttemptAt)}` : ""}
          </p>
          <table className="mt-1 w-full text-left text-xs">
            <thead>
              <tr>
                <th>Try</th>
                <th>At</th>
                <th>Result</th>
                <th>Reply</th>
                <th>Next try</th>
              </tr>
            </thead>
            <tbody>
              {d.attemptLog.map((a) => (
                <tr key={a.attempt}>
                  <td>{a.attempt}</td>
                  <td>{when(a.at)}</td>
                  <td>
                    {a.ok ? "✓ sent" : "✗ failed"} {a.statusCode ?? ""} ({a.durationMs} ms)
                  </td>
                  <td className="max-w-md truncate">
                    <bdi>{a.reply}</bdi>
                  </td>
                  <td>{a.nextAttemptAt ? when(a.nextAttemptAt) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <details>
            <summary className="cursor-pointer text-xs">What was sent</summary>
            <pre className="overflow-x-auto text-xs">{JSON.stringify(d.payload, null, 2)}</pre>
          </details>
        </li>
      ))}
    </ul>
  );
}
