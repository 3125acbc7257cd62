"use client";

import type { ReactNode } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  LabelList,
  Legend,
  Line,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { HistorySummary } from "@/lib/contracts/history";
import {
  groupChartHeight,
  groupChartRows,
  groupsWithRto,
  slowPhaseChartRows,
  trendChartRows,
} from "./chart-rows";

const HEIGHT = 240;
/** Characters of an 11 px label that fit the 220 px category axis on one line. */
const LABEL_CHARS = 34;
const oneLine = (label: string) =>
  label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label;

function ChartCard({
  title,
  testId,
  count,
  children,
}: {
  title: string;
  testId: string;
  count: number;
  children: ReactNode;
}) {
  return (
    <figure
      className="break-inside-avoid rounded border border-slate-200 p-3 dark:border-slate-700"
      data-testid={testId}
      data-count={count}
    >
      <figcaption className="mb-2 text-sm font-medium">{title}</figcaption>
      {count === 0 ? (
        <p className="text-sm text-slate-500">Nothing to plot for these filters.</p>
      ) : (
        children
      )}
    </figure>
  );
}

/** A per-group chart's frame: fixed height on the page, scrolling inside once the groups need more. */
function GroupFrame({
  groups,
  children,
}: {
  groups: number;
  children: (height: number) => ReactNode;
}) {
  const { height, scrolls } = groupChartHeight(groups, HEIGHT);
  return (
    <div
      className={scrolls ? "overflow-y-auto print:max-h-none print:overflow-visible" : undefined}
      style={{ maxHeight: HEIGHT }}
      data-testid="group-frame"
      data-rows={groups}
      data-height={height}
    >
      {children(height)}
    </div>
  );
}

/** Renders rows prepared in chart-rows.ts; the colours carry no meaning the legend text does not. */
export function HistoryCharts({
  summary,
  period,
}: {
  summary: HistorySummary;
  period: "month" | "quarter";
}) {
  const trend = trendChartRows(period === "month" ? summary.months : summary.quarters);
  const groups = groupChartRows(summary.groups);
  const rtoGroups = groupsWithRto(groups);
  const slow = slowPhaseChartRows(summary.slowestPhases);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <ChartCard
        title={`Success rate and median RTO per ${period}`}
        testId="chart-trend"
        count={trend.length}
      >
        <ResponsiveContainer width="100%" height={HEIGHT} minWidth={200}>
          <ComposedChart data={trend} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid
              strokeDasharray="3 3"
              className="stroke-slate-200 dark:stroke-slate-700"
            />
            {/* Every period labelled (a year is 13 months): short month names rather than skipped months. */}
            <XAxis dataKey="label" fontSize={11} interval={0} />
            <YAxis yAxisId="pct" domain={[0, 100]} unit="%" fontSize={11} width={44} />
            <YAxis yAxisId="min" orientation="right" unit=" min" fontSize={11} width={56} />
            <Tooltip isAnimationActive={false} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar
              yAxisId="pct"
              dataKey="successPct"
              name="Success rate (%)"
              fill="#0f766e"
              isAnimationActive={false}
            />
            <Line
              yAxisId="min"
              dataKey="rtoMedianMin"
              name="Median RTO (min)"
              stroke="#7c3aed"
              strokeWidth={2}
              connectNulls={false}
              isAnimationActive={false}
            />
            <Line
              yAxisId="min"
              dataKey="rtoP90Min"
              name="p90 RTO (min)"
              stroke="#b45309"
              strokeDasharray="5 3"
              connectNulls={false}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </ChartCard>
      <ChartCard
        title="RTO per group against target (minutes)"
        testId="chart-group-rto"
        count={rtoGroups.length}
      >
        <GroupFrame groups={rtoGroups.length}>
          {(height) => (
            <ResponsiveContainer width="100%" height={height} minWidth={200}>
              <ComposedChart
                data={rtoGroups}
                layout="vertical"
                margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
              >
                <CartesianGrid
                  strokeDasharray="3 3"
                  className="stroke-slate-200 dark:stroke-slate-700"
                />
                <XAxis type="number" unit=" min" fontSize={11} />
                <YAxis type="category" dataKey="group" width={140} fontSize={11} interval={0} />
                <Tooltip isAnimationActive={false} />
                <Legend wrapperStyle={{ fontSize: 12 }} verticalAlign="top" />
                <Bar
                  dataKey="rtoMedianMin"
                  name="Median RTO"
                  fill="#2563eb"
                  isAnimationActive={false}
                />
                <Bar dataKey="rtoP90Min" name="p90 RTO" fill="#93c5fd" isAnimationActive={false} />
                <Scatter
                  dataKey="targetMin"
                  name="Target ◆"
                  fill="#dc2626"
                  shape="diamond"
                  isAnimationActive={false}
                />
              </ComposedChart>
            </ResponsiveContainer>
          )}
        </GroupFrame>
      </ChartCard>
      <ChartCard
        title={`DR tests per group in ${summary.quarter}`}
        testId="chart-tests"
        count={groups.length}
      >
        <GroupFrame groups={groups.length}>
          {(height) => (
            <ResponsiveContainer width="100%" height={height} minWidth={200}>
              <BarChart
                data={groups}
                layout="vertical"
                margin={{ top: 0, right: 48, bottom: 0, left: 0 }}
              >
                <CartesianGrid
                  strokeDasharray="3 3"
                  className="stroke-slate-200 dark:stroke-slate-700"
                />
                <XAxis type="number" allowDecimals={false} fontSize={11} />
                <YAxis type="category" dataKey="group" width={140} fontSize={11} interval={0} />
                <Tooltip isAnimationActive={false} />
                <Bar
                  dataKey="tests"
                  name="DR tests"
                  fill="#0891b2"
                  minPointSize={2}
                  isAnimationActive={false}
                >
                  <LabelList dataKey="testLabel" position="right" fontSize={11} />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          )}
        </GroupFrame>
      </ChartCard>
      <ChartCard
        title="Slowest phases across runs (median, minutes)"
        testId="chart-slow-phases"
        count={slow.length}
      >
        <ResponsiveContainer width="100%" height={HEIGHT} minWidth={200}>
          <BarChart
            data={slow}
            layout="vertical"
            margin={{ top: 0, right: 16, bottom: 0, left: 0 }}
          >
            <CartesianGrid
              strokeDasharray="3 3"
              className="stroke-slate-200 dark:stroke-slate-700"
            />
            <XAxis type="number" unit=" min" fontSize={11} />
            {/* One line per phase (the tooltip has the whole name): wrapped names ran into each other. */}
            <YAxis
              type="category"
              dataKey="label"
              width={220}
              fontSize={11}
              interval={0}
              tickFormatter={oneLine}
            />
            <Tooltip isAnimationActive={false} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar dataKey="medianMin" name="Median" fill="#4f46e5" isAnimationActive={false} />
            <Bar dataKey="maxMin" name="Longest" fill="#c4b5fd" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </ChartCard>
    </div>
  );
}
