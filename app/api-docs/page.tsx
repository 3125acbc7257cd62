import type { Metadata } from "next";
import { openApiDocument } from "@/app/api/openapi.json/document";
import { AppShell } from "@/components/layout/app-shell";
import { requirePageActor } from "@/lib/auth/page-actor";
import { ApiReference, type ApiDocument } from "@/components/api-docs/api-reference";

export const metadata: Metadata = { title: "API reference" };
export const dynamic = "force-dynamic";

/** The OpenAPI document rendered on the server: plain HTML, no script, so the CSP stays strict. */
export default async function ApiDocsPage() {
  const actor = await requirePageActor("/api-docs");
  return (
    <AppShell actor={actor}>
      <ApiReference doc={openApiDocument() as unknown as ApiDocument} />
    </AppShell>
  );
}
