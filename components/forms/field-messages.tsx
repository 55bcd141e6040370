/** A field's hint and first error, with the ids its input points at through aria-describedby. */
export function FieldMessages({ id, hint, errors }: { id: string; hint?: string; errors?: string[] }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-muted">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-danger-soft">
          {errors[0]}
        </p>
      ) : null}
    </>
  );
}

/** The aria-describedby value for a field with this hint and these errors. */
export const describedBy = (id: string, hint?: string, errors?: string[]) =>
  [hint && `${id}-hint`, errors?.length && `${id}-error`].filter(Boolean).join(" ") || undefined;
