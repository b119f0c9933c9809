/**
 * What stands under a form field: its error when it has one, else its hint. The ids are the ones
 * `noteIdOf` gives the input's aria-describedby, so screen readers read the note with the field.
 */

export const noteIdOf = (id: string, error: string | undefined, hint: string | undefined) =>
  error ? `${id}-error` : hint ? `${id}-hint` : undefined;

export function FieldNote(props: { id: string; error: string | undefined; hint?: string | undefined }) {
  if (props.error)
    return (
      <p id={`${props.id}-error`} class="field-error">
        {props.error}
      </p>
    );
  return props.hint ? (
    <p id={`${props.id}-hint`} class="muted small">
      {props.hint}
    </p>
  ) : null;
}

/** A field's error alone, for fields whose hint (if any) stays visible beside it. */
export function FieldError(props: { id: string; error: string | undefined }) {
  return props.error ? (
    <p id={props.id} class="field-error">
      {props.error}
    </p>
  ) : null;
}
