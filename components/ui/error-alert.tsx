import { ERROR } from "./form-styles";

/** An error the user should hear about at once (screen readers announce role="alert"); nothing when there is none. */
export function ErrorAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p role="alert" className={ERROR}>
      {message}
    </p>
  );
}
