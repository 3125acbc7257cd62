export type CsvCell = string | number | boolean | null;
export type CsvColumns<Row> = ReadonlyArray<readonly [string, (row: Row) => CsvCell]>;

type Field<T> = T extends object
  ? {
      [K in keyof T & string]: NonNullable<T[K]> extends readonly unknown[]
        ? K
        : NonNullable<T[K]> extends object
          ? K | `${K}.${keyof NonNullable<T[K]> & string}`
          : K;
    }[keyof T & string]
  : never;

/**
 * Columns named exactly as the API's JSON names the fields (`vendorState`, `job.id`), holding the
 * same values, so a CSV export and its JSON response read alike; objects and arrays become JSON.
 */
export function fieldColumns<Row>(fields: ReadonlyArray<Field<Row>>): CsvColumns<Row> {
  return fields.map((field) => [field, (row: Row) => toCell(readField(row, field))] as const);
}

export function readField(row: unknown, field: string): unknown {
  let value: unknown = row;
  for (const key of field.split("."))
    value = value && typeof value === "object" ? (value as Record<string, unknown>)[key] : null;
  return value ?? null;
}

function toCell(value: unknown): CsvCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return value;
  return JSON.stringify(value);
}

/**
 * RFC 4180 quoting; a string a spreadsheet would run as a formula (= + - @ tab CR) gets a leading
 * apostrophe, since vendor-supplied names end up in these files. Numbers are left as numbers.
 */
export function csvCell(value: CsvCell): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvHeader<Row>(columns: CsvColumns<Row>): string {
  return `${columns.map(([name]) => name).join(",")}\r\n`;
}

export function csvRow<Row>(columns: CsvColumns<Row>, row: Row): string {
  return `${columns.map(([, get]) => csvCell(get(row))).join(",")}\r\n`;
}

/**
 * A CSV download of every matching row, fetched one keyset page at a time as the client reads, so
 * an export of a million rows never sits in memory.
 */
export function streamCsv<Row>(
  columns: CsvColumns<Row>,
  fetchPage: (cursor: string | undefined) => Promise<{ items: Row[]; nextCursor: string | null }>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvHeader(columns)));
      }
      const page = await fetchPage(cursor);
      if (page.items.length)
        controller.enqueue(encoder.encode(page.items.map((r) => csvRow(columns, r)).join("")));
      if (!page.nextCursor) controller.close();
      else cursor = page.nextCursor;
    },
  });
}
