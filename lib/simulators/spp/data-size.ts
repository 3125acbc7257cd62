const UNITS = ["KB", "MB", "GB", "TB", "PB"] as const;

/**
 * SPP shows sizes as "37.59 GB". IBM's own monitoring tool (sppmon) reads "GB" as 10^9 bytes, so
 * the simulator writes decimal units and the connector reads them back the same way.
 */
export function formatDataSize(bytes: number): string {
  if (bytes < 1000) return `${Math.max(0, Math.round(bytes))} B`;
  let value = bytes;
  let unit: string = "B";
  for (const u of UNITS) {
    if (value < 1000) break;
    value /= 1000;
    unit = u;
  }
  return `${value.toFixed(2)} ${unit}`;
}
