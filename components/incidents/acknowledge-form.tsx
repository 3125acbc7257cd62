"use client";

import { useState, type FormEvent } from "react";
import { BUTTON, ERROR, INPUT } from "@/components/auth/ui";
import { useAcknowledge } from "./use-incidents";

export function AcknowledgeForm({ id }: { id: string }) {
  const ack = useAcknowledge();
  const [note, setNote] = useState("");
  async function submit(event: FormEvent) {
    event.preventDefault();
    await ack.mutateAsync({ id, note }).then(() => setNote("")).catch(() => undefined);
  }
  return (
    <form onSubmit={submit} className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`ack-${id}`}>
        Note
      </label>
      <input id={`ack-${id}`} className={INPUT} placeholder="What are you doing about it?" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} required />
      <button type="submit" className={BUTTON} disabled={ack.isPending || note.trim() === ""}>
        Acknowledge
      </button>
      {ack.error && (
        <span role="alert" className={ERROR}>
          {ack.error.message}
        </span>
      )}
    </form>
  );
}
