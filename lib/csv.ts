export type CsvCell = string | number | boolean | null;
export type CsvColumns<Row> = ReadonlyArray<readonly [string, (row: Row) => CsvCell]>;

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
      if (page.items.length) controller.enqueue(encoder.encode(page.items.map((r) => csvRow(columns, r)).join("")));
      if (!page.nextCursor) controller.close();
      else cursor = page.nextCursor;
    },
  });
}
