import type { ReactNode } from "react";

export interface Column<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Classes of this column's cells (width, wrapping, alignment). */
  className?: string;
  /** Extra attributes of a cell (a title, data-* for tests). */
  cellProps?: (row: Row) => Record<string, string | undefined>;
}

type DataAttributes = { [name: `data-${string}`]: string | undefined };

/**
 * The lists' one table: a header row, then a row per item with the same cell padding and rules
 * everywhere (jobs, history, audit, sources, users, display tokens). Sorting and paging stay with
 * the caller, which reads them from the URL and the server.
 */
export function DataTable<Row>({
  rows,
  columns,
  rowKey,
  rowProps,
  header,
  testId,
}: {
  rows: readonly Row[];
  columns: ReadonlyArray<Column<Row>>;
  rowKey: (row: Row) => string;
  /** Attributes of a row's <tr>: data-* for tests, aria-selected. */
  rowProps?: (row: Row) => DataAttributes & { "aria-selected"?: boolean };
  /** A custom header row (sortable headers, a select-all box) in place of the column headers. */
  header?: ReactNode;
  testId?: string;
}) {
  return (
    <table className="w-full border-collapse text-left text-sm" data-testid={testId}>
      <thead className="text-xs text-slate-600 uppercase dark:text-slate-400">
        {header ?? (
          <tr className="border-b border-slate-200 dark:border-slate-700">
            {columns.map((c, i) => (
              <th key={i} className="py-1.5 pr-3 font-medium">
                {c.header}
              </th>
            ))}
          </tr>
        )}
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={rowKey(row)}
            className="border-b border-slate-100 align-top aria-selected:bg-sky-50 dark:border-slate-800 dark:aria-selected:bg-sky-950"
            {...rowProps?.(row)}
          >
            {columns.map((c, i) => (
              <td key={i} className={`py-1.5 pr-3 ${c.className ?? ""}`} {...c.cellProps?.(row)}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
