"use client";

import Link from "next/link";
import { useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { ERROR, INPUT } from "@/components/ui/form-styles";
import { isPrinting, usePack, useSignOffPack } from "./use-evidence";

const when = (iso: string) => `${iso.replace("T", " ").slice(0, 19)} UTC`;

/** One pack: its hash, downloads, and the sign-offs (recorded after issue, outside the hash). */
export function PackDetail({ id, canSignOff }: { id: string; canSignOff: boolean }) {
  const pack = usePack(id);
  if (pack.error)
    return (
      <p role="alert" className={ERROR}>
        Could not load the pack: {pack.error.message}
      </p>
    );
  if (!pack.data) return <p className="text-sm text-slate-500">Loading…</p>;
  const p = pack.data;
  return (
    <div className="space-y-4" data-testid="pack-detail" data-sha256={p.sha256}>
      <h1 className="text-xl font-semibold">Evidence pack {p.label}</h1>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-slate-500">Period</dt>
        <dd>
          {when(p.periodFrom)} to {when(p.periodTo)} (end excluded)
        </dd>
        <dt className="text-slate-500">Runs</dt>
        <dd>{p.runCount}</dd>
        <dt className="text-slate-500">Issued</dt>
        <dd>
          {when(p.createdAt)} by {p.createdBy}
          {p.params.trigger === "schedule" ? " (scheduled)" : ""}
        </dd>
        <dt className="text-slate-500">SHA-256</dt>
        <dd className="font-mono text-xs break-all" data-testid="pack-sha256">
          {p.sha256}
        </dd>
        <dt className="text-slate-500">PDF SHA-256</dt>
        <dd className="font-mono text-xs break-all" data-testid="pack-pdf-sha256">
          {p.pdfSha256 ??
            (isPrinting(p)
              ? `printing (${p.runCount} runs, about two pages each); a download waits for it`
              : "printed on first download")}
        </dd>
      </dl>
      <div className="flex flex-wrap gap-2">
        <a
          className={buttonClass("primary")}
          href={`/api/evidence/packs/${p.id}/download`}
          download
          data-testid="download-json"
        >
          Download JSON
        </a>
        <a
          className={buttonClass("secondary")}
          href={`/api/evidence/packs/${p.id}/pdf`}
          download
          data-testid="download-pdf"
        >
          Download PDF
        </a>
        <a
          className={buttonClass("secondary")}
          href={`/api/evidence/packs/${p.id}/html`}
          target="_blank"
          rel="noreferrer"
        >
          Open printable report
        </a>
        <Link className={buttonClass("secondary")} href={`/evidence/verify?sha256=${p.sha256}`}>
          Verify
        </Link>
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        The SHA-256 covers the JSON file exactly as downloaded (RFC 8785 canonical form); the PDF,
        printed once from that JSON, has its own SHA-256 and verifies the same way. Each run inside
        carries its own SHA-256. The pack is recorded in Jobdeck&apos;s append-only evidence chain.
      </p>
      <section aria-label="Sign-offs" className="space-y-2">
        <h2 className="text-lg font-semibold">Sign-offs</h2>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Sign-offs are not part of the hashed content: they are added after issue, each chained
          separately, and can never be changed or removed.
        </p>
        {p.signOffs.length === 0 ? (
          <p className="text-sm text-slate-500">Not signed off yet.</p>
        ) : (
          <ul className="space-y-2 text-sm" data-testid="pack-sign-offs">
            {p.signOffs.map((s) => (
              <li key={s.id} className="rounded border border-slate-200 p-2 dark:border-slate-800">
                <div>
                  <strong>{s.author.name}</strong>
                  {s.author.email ? ` <${s.author.email}>` : ""} ({s.role}), {when(s.createdAt)}
                </div>
                <p className="whitespace-pre-wrap">{s.note}</p>
              </li>
            ))}
          </ul>
        )}
        {canSignOff && <SignOffForm id={p.id} />}
      </section>
    </div>
  );
}

function SignOffForm({ id }: { id: string }) {
  const [note, setNote] = useState("");
  const sign = useSignOffPack(id);
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        sign.mutate(note, { onSuccess: () => setNote("") });
      }}
    >
      <label className="flex flex-col text-sm">
        Sign-off note
        <textarea
          className={INPUT}
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder="Reviewed; RTO misses for SQL-Prod followed up in CHG-1234."
        />
      </label>
      <Button
        type="submit"
        variant="primary"
        disabled={!note.trim() || sign.isPending}
        data-testid="sign-off-pack"
      >
        Sign off this pack
      </Button>
      {sign.error && (
        <p role="alert" className={ERROR}>
          {sign.error.message}
        </p>
      )}
    </form>
  );
}
