/**
 * Vendor strings an attacker who controls a job name on an appliance (or a careless admin) could
 * send. Each test gives them its own MARK so it finds its rows among others.
 */
export function hostileCorpus(mark: string) {
  const payload = [
    `<script>window.__xss='script'</script>`,
    `<img src=x onerror="window.__xss='img'">`,
    `"><svg onload="window.__xss='svg'">`,
    `{{constructor.constructor('window.__xss=1')()}}`,
    // Bidi override that would flip the rest of a row, and an isolate that is never closed.
    `\u202Efdp.exe\u202C \u2066${mark}`,
    // Zero-width characters, a NUL, a bell, an ANSI escape, a lone surrogate (JSON can carry it).
    `zero\u200Bwidth\u200D\uFEFF nul\u0000bell\u0007esc\u001b[31m lone\uD800`,
    // Entities a vendor sends escaped in XML: shown literally, decoded exactly once.
    `&lt;b&gt;not-bold&lt;/b&gt; &amp;amp; <![CDATA[x]]>`,
    mark,
  ].join(" ");
  return {
    mark,
    /** Starts like a spreadsheet formula: a CSV export must neutralise it. */
    formula: `=cmd|' /C calc'!A0 ${payload}`,
    /** Starts like a URL a careless renderer would put in an href. */
    javascriptUrl: `javascript:window.__xss='href'// ${payload}`,
    /** About 1 MB, no spaces: layout must clip or wrap it, the sync must cut it before its index. */
    huge: `${"<b>huge</b>".repeat(95_000)}${mark}`,
    /**
     * 40,000 characters that do not compress (PostgreSQL compresses a long index entry, so a
     * repetitive 1 MB value fits in 12 KB; this one stays over every index's 8 KB limit).
     */
    long: `<b>long</b>${incompressible(40_000)}${mark}`,
  };
}

/** Deterministic letters with no repeating pattern a compressor could use. */
function incompressible(length: number): string {
  let x = 2463534242;
  let out = "";
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += String.fromCharCode(97 + ((x >>> 0) % 26));
  }
  return out;
}

export type HostileCorpus = ReturnType<typeof hostileCorpus>;
