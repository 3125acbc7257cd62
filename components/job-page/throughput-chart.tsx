"use client";

import {
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  Area,
} from "recharts";
import type { SampleView } from "@/lib/contracts/jobs";
import { prepareThroughput } from "./prepare-throughput";
import { timeTicks } from "./time-ticks";

const clock = (ms: number) =>
  new Date(ms).toLocaleTimeString(undefined, {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });

/** Rate and cumulative data moved over time, from the vendor's samples. */
export function ThroughputChart({ samples }: { samples: SampleView[] }) {
  const { rows, rateUnit, movedUnit } = prepareThroughput(samples);
  if (rows.length === 0)
    return <p className="text-sm text-slate-500">The vendor reports no throughput for this job.</p>;
  const axis = timeTicks(rows[0]?.t ?? 0, rows.at(-1)?.t ?? 0);
  return (
    <section aria-label="Throughput" data-testid="throughput" data-samples={rows.length}>
      <h2 className="mb-1 text-sm font-semibold">Throughput and data moved</h2>
      <ResponsiveContainer width="100%" height={220} minWidth={200}>
        <ComposedChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" className="stroke-slate-200 dark:stroke-slate-700" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={["dataMin", "dataMax"]}
            ticks={axis.ticks}
            tickFormatter={axis.format}
            fontSize={11}
          />
          <YAxis
            yAxisId="rate"
            fontSize={11}
            label={{ value: rateUnit, angle: -90, position: "insideLeft", fontSize: 11 }}
          />
          <YAxis
            yAxisId="moved"
            orientation="right"
            fontSize={11}
            label={{ value: movedUnit, angle: 90, position: "insideRight", fontSize: 11 }}
          />
          <Tooltip labelFormatter={(v) => clock(Number(v))} isAnimationActive={false} />
          <Legend />
          <Area
            yAxisId="moved"
            dataKey="moved"
            name={`Data moved (${movedUnit})`}
            type="stepAfter"
            stroke="#047857"
            fill="#10b981"
            fillOpacity={0.2}
            className="dark:stroke-emerald-300"
            isAnimationActive={false}
          />
          <Line
            yAxisId="rate"
            dataKey="rate"
            name={`Throughput (${rateUnit})`}
            dot={false}
            stroke="#0369a1"
            className="dark:stroke-sky-300"
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </section>
  );
}
