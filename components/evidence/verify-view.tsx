"use client";

import { useState } from "react";
import type { VerifyResult } from "@/lib/contracts/evidence";
import { Button } from "@/components/ui/button";
import { ERROR, INPUT } from "@/components/ui/form-styles";
import { useVerify } from "./use-evidence";

const HEX64 = /^[0-9a-f]{64}$/;

async function sha256OfFile(file: File): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Paste a hash or choose a file: the file is hashed in the browser and only its hash is sent. */
export function VerifyView({ initialSha256 }: { initialSha256: string | null }) {
  const [text, setText] = useState(initialSha256 ?? "");
  const [asked, setAsked] = useState<string | null>(
    initialSha256 && HEX64.test(initialSha256) ? initialSha256 : null,
  );
  const [fileName, setFileName] = useState<string | null>(null);
  const [inputError, setInputError] = useState<string | null>(null);
  const result = useVerify(asked);
  return (
    <div className="space-y-4">
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const h = text.trim().toLowerCase();
          if (!HEX64.test(h)) return setInputError("A SHA-256 is 64 hexadecimal characters.");
          setInputError(null);
          setFileName(null);
          setAsked(h);
        }}
      >
        <label className="flex grow flex-col text-sm">
          SHA-256
          <input
            className={`${INPUT} font-mono`}
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="verify-hash"
          />
        </label>
        <Button type="submit" variant="primary">
          Check hash
        </Button>
      </form>
      <label className="flex flex-col text-sm">
        …or choose a pack file (JSON or PDF); it is hashed here and never uploaded
        <input
          type="file"
          data-testid="verify-file"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            setFileName(file.name);
            setInputError(null);
            const h = await sha256OfFile(file);
            setText(h);
            setAsked(h);
          }}
        />
      </label>
      {inputError && (
        <p role="alert" className={ERROR}>
          {inputError}
        </p>
      )}
      {result.error && (
        <p role="alert" className={ERROR}>
          {result.error.message}
        </p>
      )}
      {result.data && <Outcome result={result.data} fileName={fileName} />}
    </div>
  );
}

function Outcome({ result, fileName }: { result: VerifyResult; fileName: string | null }) {
  const what = fileName ? `The file ${fileName}` : "This hash";
  const m = result.match;
  return (
    <section
      aria-label="Verification"
      className="space-y-2 text-sm"
      data-testid="verify-result"
      data-issued={result.issued}
      data-chain={result.chain.intact}
    >
      {m ? (
        <p className="font-semibold text-emerald-800 dark:text-emerald-300">
          ✔ {what} is{" "}
          {m.kind === "pack"
            ? "the evidence pack"
            : m.kind === "pdf"
              ? "the PDF of the evidence pack"
              : "a run report in the evidence pack"}{" "}
          {m.label} issued by Jobdeck on {m.createdAt.replace("T", " ").slice(0, 19)} UTC,
          unaltered.
          {!m.storedIntact &&
            " But the stored copy in Jobdeck no longer matches its recorded hash."}
        </p>
      ) : (
        <p className="font-semibold text-red-700 dark:text-red-300">
          ✘ {what} is not a document Jobdeck issued: it was altered, or it comes from elsewhere.
        </p>
      )}
      <p className="font-mono text-xs break-all">SHA-256 {result.sha256}</p>
      {result.chain.intact ? (
        <p className="text-emerald-800 dark:text-emerald-300">
          ✔ The evidence chain is intact ({result.chain.entries} entries recomputed).
        </p>
      ) : (
        <p className="text-red-700 dark:text-red-300">
          ✘ The evidence chain is broken
          {result.chain.brokenAt ? ` at entry ${result.chain.brokenAt}` : ""}:{" "}
          {result.chain.problem}
        </p>
      )}
    </section>
  );
}
