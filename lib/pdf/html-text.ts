/** Unicode's explicit direction controls: an override (U+202E) makes "evil.exe" print as "exe.live". */
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * A vendor string as HTML text for a printed document: markup characters escaped, and direction
 * controls shown as their code points rather than obeyed, so the printed name is the one the
 * vendor stored and cannot be made to read as something else.
 */
export function htmlText(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;")
    .replace(BIDI_CONTROLS, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase()}]`);
}
