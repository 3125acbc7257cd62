import type { ReactNode } from "react";

/** A column the list can be ordered by; the caller keeps the order (in the URL) and fetches. */
export interface ColumnSort {
  active: boolean;
  order: "asc" | "desc";
  onSort: () => void;
  testId?: string;
}

export interface Column<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Classes of this column's cells (width, wrapping, alignment). */
  className?: string;
  /** Extra attributes of a cell (a title, data-* for tests). */
  cellProps?: (row: Row) => Record<string, string | undefined>;
  /** Makes the header a button that orders the list by this column. */
  sort?: ColumnSort;
}

type DataAttributes = { [name: `data-${string}`]: string | undefined };

/**
 * The lists' one table: a header row, then a row per item with the same cell padding and rules
 * everywhere (jobs, history, audit, sources, users, tokens, alert rules and channels). Sorting
 * and paging stay with the caller, which reads them from the URL and the server.
 */
export function DataTable<Row>({
  rows,
  columns,
  rowKey,
  rowProps,
  testId,
}: {
  rows: readonly Row[];
  columns: ReadonlyArray<Column<Row>>;
  rowKey: (row: Row) => string;
  /** Attributes of a row's <tr>: data-* for tests, aria-selected. */
  rowProps?: (row: Row) => DataAttributes & { "aria-selected"?: boolean };
  testId?: string;
}) {
  return (
    <table className="w-full border-collapse text-left text-sm" data-testid={testId}>
      <thead className="text-xs text-slate-600 uppercase dark:text-slate-400">
        <tr className="border-b border-slate-200 dark:border-slate-700">
          {columns.map((c, i) => (
            <th
              key={i}
              className="py-1.5 pr-3 font-medium"
              aria-sort={
                c.sort &&
                (c.sort.active ? (c.sort.order === "asc" ? "ascending" : "descending") : "none")
              }
            >
              {c.sort ? <SortButton sort={c.sort}>{c.header}</SortButton> : c.header}
            </th>
          ))}
        </tr>
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

function SortButton({ sort, children }: { sort: ColumnSort; children: ReactNode }) {
  return (
    <button
      type="button"
      onClick={sort.onSort}
      className="uppercase hover:text-slate-900 dark:hover:text-white"
      data-testid={sort.testId}
    >
      {children}
      <span aria-hidden className="ml-0.5">
        {sort.active ? (sort.order === "asc" ? "▲" : "▼") : "↕"}
      </span>
    </button>
  );
}
