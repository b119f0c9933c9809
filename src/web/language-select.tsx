/**
 * The language Onramp writes to a person in: a labelled select whose options name each language
 * in itself (English, Italiano), marked with its `lang` so a screen reader pronounces it right.
 * One component for every form that asks it (invitations, delegation, partner-led setup).
 */
import { LANGUAGE_NAMES, LANGUAGES } from '../domain/types.js';

export function LanguageSelect(props: {
  id: string;
  name?: string;
  label: string;
  /** What the form was sent with (re-shown after an error); nothing selects the first. */
  value?: string | undefined;
}) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.name ?? props.id}>
        {LANGUAGES.map((l) => (
          <option value={l} selected={l === props.value} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </>
  );
}
