/** The filters /history keeps in its URL; the API reads the same names. */
export const HISTORY_PARAMS = ["kind", "category", "group", "outcome", "from", "to"] as const;
export type HistoryParam = (typeof HISTORY_PARAMS)[number];

/** The URL's selected values of a multi-value filter (repeated or comma-separated). */
export function selectedValues(search: URLSearchParams, key: HistoryParam): string[] {
  return search
    .getAll(key)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** A new query string with `value` switched on or off in `key`; other filters untouched. */
export function toggleValue(
  search: URLSearchParams,
  key: HistoryParam,
  value: string,
  current: readonly string[],
): string {
  const next = new URLSearchParams(search);
  const values = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  next.delete(key);
  for (const v of values) next.append(key, v);
  return next.toString();
}

export function setValue(search: URLSearchParams, key: HistoryParam, value: string | null): string {
  const next = new URLSearchParams(search);
  if (value) next.set(key, value);
  else next.delete(key);
  return next.toString();
}

/** Only filter keys go to the API, so unrelated URL state (the chart period) never changes its answer. */
export function apiSearch(search: URLSearchParams): string {
  const out = new URLSearchParams();
  for (const key of HISTORY_PARAMS) for (const v of search.getAll(key)) out.append(key, v);
  return out.toString();
}
