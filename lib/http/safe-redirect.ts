const PROBE_ORIGIN = "http://jobdeck.invalid";

/**
 * The one way Jobdeck follows a `next` parameter: a path on this site, or `fallback`. Browsers
 * read "//evil.example", "/\evil.example" and "/<tab>/evil.example" as other hosts (they drop tabs
 * and newlines and treat backslashes as slashes), so anything with a control character or a
 * backslash is refused outright, and what remains must resolve to this origin. The answer is the
 * re-serialised path, never the raw input.
 */
export function safeNext(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length > 2048 || !value.startsWith("/")) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(value) || value.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/%2F/evil" stays a path here, but never hand back something that starts like a host.
  return path.startsWith("//") ? fallback : path;
}
