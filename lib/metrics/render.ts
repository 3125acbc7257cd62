import { Counter, Gauge, Registry } from "prom-client";
import type { Count, Readings } from "./readings";

/**
 * The Prometheus text exposition of one set of readings. A fresh registry per scrape: every value
 * comes from PostgreSQL, so nothing accumulates in the process and any instance answers the same.
 * Names follow Prometheus conventions: base units (seconds), `_total` on counters, `_timestamp_seconds`
 * for points in time.
 */
export async function renderMetrics(
  readings: Readings,
  incidents: Count[],
): Promise<{ body: string; contentType: string }> {
  const registry = new Registry();
  const gauge = (name: string, help: string, labelNames: string[] = []) =>
    new Gauge({ name, help, labelNames, registers: [registry] });
  const counter = (name: string, help: string, labelNames: string[]) =>
    new Counter({ name, help, labelNames, registers: [registry] });
  const bySource = ["source", "vendor"];

  const up = gauge(
    "jobdeck_source_up",
    "1 when the source's last poll succeeded, else 0.",
    bySource,
  );
  const lastSuccess = gauge(
    "jobdeck_source_last_success_timestamp_seconds",
    "When the source was last polled successfully (Unix time).",
    bySource,
  );
  const pollDuration = gauge(
    "jobdeck_source_last_poll_duration_seconds",
    "How long the source's last complete poll took.",
    bySource,
  );
  const failing = gauge(
    "jobdeck_source_consecutive_failures",
    "Failed polls in a row (0 when the last one succeeded).",
    bySource,
  );
  const failures = counter(
    "jobdeck_source_poll_failures_total",
    "Polls of the source that failed.",
    bySource,
  );
  const quarantined = gauge(
    "jobdeck_source_quarantined_records",
    "Vendor records held in quarantine because they did not validate.",
    bySource,
  );
  for (const s of readings.sources) {
    const labels = { source: s.source, vendor: s.vendor };
    up.set(labels, s.up ? 1 : 0);
    if (s.lastSuccessAt) lastSuccess.set(labels, s.lastSuccessAt.getTime() / 1000);
    if (s.lastPollDurationMs !== null) pollDuration.set(labels, s.lastPollDurationMs / 1000);
    failing.set(labels, s.consecutiveFailures);
    failures.inc(labels, s.pollFailuresTotal);
    quarantined.set(labels, s.quarantined);
  }

  setAll(
    gauge("jobdeck_jobs", "Jobs stored, by vendor and state.", ["vendor", "state"]),
    readings.jobs,
  );
  setAll(
    gauge(
      "jobdeck_running_jobs",
      "Running, paused or aborting jobs by progress quarter (percent done).",
      [...bySource, "progress"],
    ),
    readings.runningByProgress,
  );
  setAll(
    gauge(
      "jobdeck_running_jobs_by_eta",
      "Running jobs by estimated time left from past runs of the same source and type.",
      [...bySource, "eta"],
    ),
    readings.runningByEta,
  );
  const actions = counter("jobdeck_actions_total", "Operator actions on vendor jobs, by outcome.", [
    "vendor",
    "action",
    "outcome",
  ]);
  for (const a of readings.actions) actions.inc(a.labels, a.value);
  gauge(
    "jobdeck_sse_clients",
    "Live streams (browsers, wall screens) open across all web processes.",
  ).set(readings.sseClients);
  gauge(
    "jobdeck_web_processes",
    "Web processes that reported their live streams in the last 30 seconds.",
  ).set(readings.webProcesses);
  setAll(gauge("jobdeck_incidents", "Incidents by state.", ["state"]), incidents);

  return { body: await registry.metrics(), contentType: registry.contentType };
}

function setAll(metric: Gauge, counts: Count[]): void {
  for (const c of counts) metric.set(c.labels, c.value);
}
