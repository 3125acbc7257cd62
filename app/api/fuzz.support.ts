/** A small seeded generator of hostile inputs for the API fuzz test: the same seed, the same requests. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = ReturnType<typeof rng>;

export const pick = <T>(r: Rand, items: readonly T[]): T =>
  items[Math.floor(r() * items.length)] as T;

/** Parameter names Jobdeck's routes read, plus a few they do not. */
export const QUERY_KEYS = [
  "state",
  "kind",
  "kinds",
  "source",
  "sources",
  "type",
  "q",
  "from",
  "to",
  "cursor",
  "limit",
  "sort",
  "order",
  "hours",
  "actor",
  "action",
  "status",
  "job",
  "group",
  "groups",
  "category",
  "categories",
  "outcome",
  "outcomes",
  "zoom",
  "lane",
  "token",
  "next",
  "archived",
  "id",
  "__proto__",
  "constructor",
  "x".repeat(300),
] as const;

export const BODY_KEYS = [
  "action",
  "reason",
  "confirmation",
  "note",
  "name",
  "email",
  "password",
  "role",
  "kind",
  "baseUrl",
  "username",
  "secret",
  "tlsInsecure",
  "tlsCaPem",
  "options",
  "enabled",
  "archived",
  "pollIntervalMs",
  "timeoutMs",
  "sourceId",
  "operation",
  "params",
  "group",
  "targetMs",
  "query",
  "code",
  "deviceSecret",
  "__proto__",
  "constructor",
  "prototype",
] as const;

const STRINGS = [
  "",
  " ",
  "null",
  "undefined",
  "true",
  "0",
  "-1",
  "1e309",
  "NaN",
  "Infinity",
  "-0",
  "9007199254740993",
  "0x10",
  "1.5",
  "2026-13-45T99:99:99Z",
  "2026-03-01T00:00:00Z",
  "1970-01-01T00:00:00Z",
  "9999-12-31T23:59:59Z",
  "-271821-04-20T00:00:00Z",
  "running",
  "failed,succeeded",
  "ontap",
  "eyeglass",
  "admin",
  "cancel",
  "purge",
  "abort",
  '\'; DROP TABLE "Job"; --',
  "%",
  "%%",
  "%00",
  "\u0000",
  "\\",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "javascript:alert(1)",
  "\u202e\u2066evil\u2069",
  "𝔍𝔬𝔟𝔡𝔢𝔠𝔨",
  "🙂".repeat(50),
  "\ud800",
  "é".normalize("NFD"),
  "\r\n\t",
  "//evil.example",
  "/\t/evil.example",
  "00000000-0000-0000-0000-000000000000",
  "not-a-uuid",
];

export function hostileString(r: Rand): string {
  const roll = r();
  if (roll < 0.08) return "a".repeat(Math.floor(r() * 200_000));
  if (roll < 0.12)
    return Array.from({ length: 500 }, () => String.fromCharCode(Math.floor(r() * 0xffff))).join(
      "",
    );
  if (roll < 0.2) return crypto.randomUUID();
  return pick(r, STRINGS);
}

function deep(r: Rand, depth: number): unknown {
  let v: unknown = pick(r, [1, "x", null, true]);
  for (let i = 0; i < depth; i++) v = r() < 0.5 ? [v] : { a: v };
  return v;
}

export function hostileValue(r: Rand, depth = 0): unknown {
  const roll = r();
  if (roll < 0.3) return hostileString(r);
  if (roll < 0.45)
    return pick(r, [
      0,
      -1,
      1,
      1.5,
      -0,
      1e308,
      -1e308,
      Number.MAX_SAFE_INTEGER + 2,
      2 ** 31,
      -(2 ** 31) - 1,
      86_400_001,
    ]);
  if (roll < 0.5) return pick(r, [true, false, null]);
  if (roll < 0.6 && depth < 3)
    return Array.from({ length: Math.floor(r() * 4) }, () => hostileValue(r, depth + 1));
  if (roll < 0.7 && depth < 3) return hostileObject(r, depth + 1);
  if (roll < 0.75) return deep(r, 50 + Math.floor(r() * 500));
  if (roll < 0.78) return Array.from({ length: 50_000 }, (_, i) => i);
  return hostileString(r);
}

export function hostileObject(r: Rand, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const n = Math.floor(r() * 5);
  for (let i = 0; i < n; i++)
    Object.defineProperty(out, pick(r, BODY_KEYS), {
      value: hostileValue(r, depth),
      enumerable: true,
      configurable: true,
      writable: true,
    });
  return out;
}

/** A request body as raw text: JSON of every shape, and text that is not JSON at all. */
export function hostileBody(r: Rand): string | undefined {
  const roll = r();
  if (roll < 0.1) return undefined;
  if (roll < 0.2)
    return pick(r, [
      "{",
      "[",
      '{"a":',
      "\u0000",
      "not json",
      "{}{}",
      "\ufeff{}",
      "nul",
      "1e999",
      '"\\ud800"',
    ]);
  if (roll < 0.22) return "[".repeat(100_000) + "]".repeat(100_000);
  if (roll < 0.25) return `${'{"name":'.repeat(20_000)}1${"}".repeat(20_000)}`;
  if (roll < 0.28) return JSON.stringify({ note: "x".repeat(2_000_000) });
  if (roll < 0.6) return JSON.stringify(hostileObject(r));
  return JSON.stringify(hostileValue(r));
}

export function hostileQuery(r: Rand): string {
  const params = new URLSearchParams();
  const n = Math.floor(r() * 5);
  for (let i = 0; i < n; i++) {
    const key = pick(r, QUERY_KEYS);
    const repeats = r() < 0.15 ? 1 + Math.floor(r() * 30) : 1;
    for (let j = 0; j < repeats; j++) params.append(key, hostileString(r).slice(0, 20_000));
  }
  const raw = params.toString();
  // Sometimes malformed percent-encoding, which URLSearchParams itself would never write.
  return r() < 0.1 ? `${raw}&bad=%E0%A4%A&%zz=1` : raw;
}

export function hostilePathParam(r: Rand, known: readonly string[]): string {
  if (known.length && r() < 0.35) return pick(r, known);
  return pick(r, [
    "",
    " ",
    "..",
    "%2e%2e",
    "not-a-uuid",
    "00000000-0000-0000-0000-000000000000",
    crypto.randomUUID(),
    "x".repeat(5_000),
    "🙂",
    "\u0000",
    "1 OR 1=1",
    "-1",
  ]);
}
