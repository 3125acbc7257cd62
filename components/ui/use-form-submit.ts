import { useState, type FormEvent } from "react";

/**
 * A form that sends what it holds: the last error clears, the form empties once `send` succeeds,
 * and a failure (the API's problem detail, or a validation message `send` throws) is kept to show.
 */
export function useFormSubmit(send: (form: FormData) => Promise<unknown>, failure: string) {
  const [error, setError] = useState<string | null>(null);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const el = event.currentTarget;
    setError(null);
    try {
      await send(new FormData(el));
      el.reset();
    } catch (err) {
      setError(err instanceof Error ? err.message : failure);
    }
  }
  return { onSubmit, error };
}
