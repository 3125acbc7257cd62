import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * The layer rules in eslint.config.mjs, each shown failing on a deliberate violation: source text
 * linted as if it sat at `filePath`, with the project's real config and resolver.
 */
const root = path.resolve(import.meta.dirname, "../..");
// The import rules are checked apart: walking every import of a fixture is slow and says nothing here.
const layers = new ESLint({ cwd: root, overrideConfig: { rules: { "import/no-cycle": "off" } } });
// The cycle rule's SCC shortcut is computed from the files on disk, which do not hold these fixtures:
// here it walks the imports instead (same rule, same verdicts).
const cycles = new ESLint({
  cwd: root,
  overrideConfig: {
    rules: { "import/no-cycle": ["error", { ignoreExternal: true, disableScc: true }] },
  },
});

async function ruleIds(filePath: string, code: string, eslint = layers): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const RESTRICTED = "@typescript-eslint/no-restricted-imports";

describe("layer rules", { timeout: 60_000 }, () => {
  it("a component may not import the database, data or services, not even their types", async () => {
    expect(
      await ruleIds(
        "components/jobs/bad.tsx",
        `import { getDb } from "@/lib/db/client";\nexport const db = getDb;\n`,
      ),
    ).toContain(RESTRICTED);
    expect(
      await ruleIds(
        "components/jobs/bad.tsx",
        `import type { WallQuery } from "@/lib/data/wall";\nexport type Q = WallQuery;\n`,
      ),
    ).toContain(RESTRICTED);
    expect(
      await ruleIds(
        "app/jobs/bad-client.tsx",
        `import { listSourceViews } from "@/lib/services/sources/list-sources";\nexport const f = listSourceViews;\n`,
      ),
    ).toContain(RESTRICTED);
  });

  it("a component may import contracts and domain", async () => {
    const ok = `import type { JobSummary } from "@/lib/contracts/jobs";\nimport { isUnfinished } from "@/lib/domain/job-state";\nexport const f = (j: JobSummary) => isUnfinished(j.state);\n`;
    expect(await ruleIds("components/jobs/fine.tsx", ok)).toEqual([]);
  });

  it("a service or data module may not import lib/http", async () => {
    const code = `import { notFound } from "@/lib/http/problem";\nexport const f = notFound;\n`;
    expect(await ruleIds("lib/services/jobs/bad.ts", code)).toContain(RESTRICTED);
    expect(await ruleIds("lib/data/bad.ts", code)).toContain(RESTRICTED);
  });

  it("data may not import services", async () => {
    expect(
      await ruleIds(
        "lib/data/bad.ts",
        `import { personOf } from "@/lib/services/jobs/saved-view-owner";\nexport const f = personOf;\n`,
      ),
    ).toContain(RESTRICTED);
  });

  it("connectors and simulators may not import each other outside tests", async () => {
    expect(
      await ruleIds(
        "lib/connectors/ontap/bad.ts",
        `import { SIMULATORS } from "@/lib/simulators/registry";\nexport const f = SIMULATORS;\n`,
      ),
    ).toContain(RESTRICTED);
    expect(
      await ruleIds(
        "lib/simulators/ontap/bad.ts",
        `import { CONNECTORS } from "@/lib/connectors/registry";\nexport const f = CONNECTORS;\n`,
      ),
    ).toContain(RESTRICTED);
    expect(
      await ruleIds(
        "lib/connectors/ontap/bad.test.ts",
        `import { SIMULATORS } from "@/lib/simulators/registry";\nexport const f = SIMULATORS;\n`,
      ),
    ).not.toContain(RESTRICTED);
  });

  it("an import cycle fails", async () => {
    // job-view.tsx imports the action bar, which imports pending-action.tsx: importing job-view back closes the loop.
    const code = `import { JobView } from "@/components/jobs/job-view";\nexport const f = JobView;\n`;
    expect(await ruleIds("components/actions/pending-action.tsx", code, cycles)).toContain(
      "import/no-cycle",
    );
    expect(
      await ruleIds(
        "components/actions/pending-action.tsx",
        `import { formatTime } from "@/components/ui/format";\nexport const f = formatTime;\n`,
        cycles,
      ),
    ).not.toContain("import/no-cycle");
  });
});
