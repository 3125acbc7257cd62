"use client";

import { useState, type FormEvent } from "react";
import { ERROR, INPUT } from "@/components/ui/form-styles";
import { Button } from "@/components/ui/button";
import { useAcknowledge } from "./use-incidents";

export function AcknowledgeForm({ id }: { id: string }) {
  const ack = useAcknowledge();
  const [note, setNote] = useState("");
  async function submit(event: FormEvent) {
    event.preventDefault();
    await ack
      .mutateAsync({ id, note })
      .then(() => setNote(""))
      .catch(() => undefined);
  }
  return (
    <form onSubmit={submit} className="flex flex-wrap items-center gap-2">
      <label className="sr-only" htmlFor={`ack-${id}`}>
        Note
      </label>
      <input
        id={`ack-${id}`}
        className={INPUT}
        placeholder="What are you doing about it?"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        maxLength={2000}
        required
      />
      <Button type="submit" variant="primary" disabled={ack.isPending || note.trim() === ""}>
        Acknowledge
      </Button>
      {ack.error && (
        <span role="alert" className={ERROR}>
          {ack.error.message}
        </span>
      )}
    </form>
  );
}
