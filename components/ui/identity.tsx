/**
 * Who did something, as recorded at the time: the display name (which its owner cannot change, but
 * an admin can) beside the email and user id that identify the person. Rendered as text only.
 */
export function Identity({
  name,
  email,
  id,
}: {
  name: string;
  email: string | null;
  id: string | null;
}) {
  return (
    <span data-testid="identity" data-user-id={id ?? ""} title={id ? `user id ${id}` : undefined}>
      <span className="font-medium">{name}</span>
      {email && email !== name && (
        <span className="text-slate-600 dark:text-slate-400"> &lt;{email}&gt;</span>
      )}
      {id && <span className="block font-mono text-[10px] text-slate-500">{id}</span>}
    </span>
  );
}
