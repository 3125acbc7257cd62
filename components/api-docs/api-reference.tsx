/** What the reference reads from the OpenAPI document (lib/openapi/build-document.ts). */
export interface ApiDocument {
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, ApiOperation>>;
}

interface ApiOperation {
  tags: string[];
  description: string;
  "x-jobdeck-role": string;
  parameters: Array<{ name: string; in: string; required: boolean; schema: unknown }>;
  requestBody?: { content: Record<string, { schema: unknown }> };
}

const METHOD_STYLE: Record<string, string> = {
  get: "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100",
  post: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100",
  patch: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  put: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  delete: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100",
};

/** Every operation grouped by its first path segment, with parameters and request body schemas. */
export function ApiReference({ doc }: { doc: ApiDocument }) {
  const byTag = new Map<string, Array<{ path: string; method: string; op: ApiOperation }>>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const tag = op.tags[0] ?? "api";
      byTag.set(tag, [...(byTag.get(tag) ?? []), { path, method, op }]);
    }
  }
  return (
    <div className="flex max-w-5xl flex-col gap-6">
      <header className="flex flex-col gap-2">
        <h1 className="text-xl font-semibold">
          {doc.info.title}{" "}
          <span className="text-sm font-normal text-slate-500">{doc.info.version}</span>
        </h1>
        <p className="text-sm">{doc.info.description}</p>
        <p className="text-sm">
          Machine-readable:{" "}
          <a className="underline" href="/api/openapi.json">
            /api/openapi.json
          </a>{" "}
          (OpenAPI 3.1, generated from the same zod schemas the routes validate with).
        </p>
      </header>
      <nav aria-label="Resources" className="flex flex-wrap gap-2 text-sm">
        {[...byTag.keys()].map((tag) => (
          <a key={tag} href={`#${tag}`} className="underline">
            {tag}
          </a>
        ))}
      </nav>
      {[...byTag.entries()].map(([tag, ops]) => (
        <section
          key={tag}
          id={tag}
          aria-labelledby={`${tag}-heading`}
          className="flex flex-col gap-3"
        >
          <h2 id={`${tag}-heading`} className="text-lg font-semibold">
            {tag}
          </h2>
          {ops.map(({ path, method, op }) => (
            <article
              key={`${method} ${path}`}
              data-testid="api-operation"
              className="rounded border border-slate-200 p-3 text-sm dark:border-slate-800"
            >
              <h3 className="flex items-center gap-2 font-mono">
                <span
                  className={`rounded px-2 py-0.5 text-xs font-semibold uppercase ${METHOD_STYLE[method] ?? ""}`}
                >
                  {method}
                </span>
                {path}
              </h3>
              <p className="mt-1 text-slate-600 dark:text-slate-400">{op.description}</p>
              {op.parameters.length > 0 && (
                <table className="mt-2 w-full text-left">
                  <thead className="text-slate-500">
                    <tr>
                      <th className="pr-3">parameter</th>
                      <th className="pr-3">in</th>
                      <th className="pr-3">required</th>
                      <th>schema</th>
                    </tr>
                  </thead>
                  <tbody>
                    {op.parameters.map((p) => (
                      <tr
                        key={`${p.in}:${p.name}`}
                        className="border-t border-slate-100 align-top dark:border-slate-800"
                      >
                        <td className="pr-3 font-mono">{p.name}</td>
                        <td className="pr-3">{p.in}</td>
                        <td className="pr-3">{p.required ? "yes" : "no"}</td>
                        <td>
                          <code className="text-xs break-all">{JSON.stringify(p.schema)}</code>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {op.requestBody && (
                <details className="mt-2">
                  <summary className="cursor-pointer">JSON body</summary>
                  <pre className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 text-xs dark:bg-slate-900">
                    {JSON.stringify(op.requestBody.content["application/json"]?.schema, null, 2)}
                  </pre>
                </details>
              )}
            </article>
          ))}
        </section>
      ))}
    </div>
  );
}
