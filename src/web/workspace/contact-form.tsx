/**
 * The provisioning contact fields (name, e-mail, language), validated by the same zod schema as
 * the API; each field's problem is shown next to it. The form is `novalidate` so every browser
 * gets these messages, in the page's language, rather than its own.
 */
import { provisioningContactSchema } from '../../app/orders/place-order.js';
import { NAME_CHARACTERS_MESSAGE } from '../../domain/display-name.js';
import { LANGUAGE_NAMES, LANGUAGES, type ProvisioningContact } from '../../domain/types.js';
import type { PageContext } from '../layout.js';

export type ContactField = 'name' | 'email' | 'language';
export type ContactValues = Record<ContactField, string>;
export type FieldErrors = Partial<Record<ContactField, string>>;

const FIELDS: ContactField[] = ['name', 'email', 'language'];

/** zod's words for the problems people actually make, in the catalogue; others as zod says them. */
const KNOWN: Record<string, string> = {
  'is required': 'required',
  'must be a valid e-mail address': 'email',
  [NAME_CHARACTERS_MESSAGE]: 'characters',
};

export function contactValuesOf(form: Record<string, unknown>): ContactValues {
  const value = (k: string) => (typeof form[k] === 'string' ? (form[k] as string).slice(0, 1000) : '');
  return { name: value('name'), email: value('email').trim(), language: value('language') };
}

export function parseContact(
  values: ContactValues,
  t: PageContext['t'],
): { contact: ProvisioningContact; errors: null } | { contact: null; errors: FieldErrors } {
  const parsed = provisioningContactSchema.safeParse(values);
  if (parsed.success) return { contact: parsed.data, errors: null };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as ContactField;
    if (!FIELDS.includes(field) || errors[field]) continue;
    const label = t(`workspace:contact.${field}`);
    const known = KNOWN[issue.message];
    errors[field] = known
      ? t(`workspace:contact.error.${known}`, { field: label })
      : `${label}: ${issue.message}`;
  }
  return { contact: null, errors };
}

function Field(props: {
  ctx: PageContext;
  field: 'name' | 'email';
  values: ContactValues;
  errors: FieldErrors;
}) {
  const { field, errors } = props;
  const error = errors[field];
  return (
    <>
      <label for={`contact-${field}`}>{props.ctx.t(`workspace:contact.${field}`)}</label>
      <input
        id={`contact-${field}`}
        name={field}
        type={field === 'email' ? 'email' : 'text'}
        autocomplete={field === 'email' ? 'email' : 'name'}
        required
        value={props.values[field]}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `contact-${field}-error` : undefined}
      />
      {error && (
        <p id={`contact-${field}-error`} class="field-error">
          {error}
        </p>
      )}
    </>
  );
}

export function ContactFields(props: { ctx: PageContext; values: ContactValues; errors: FieldErrors }) {
  const { ctx, values, errors } = props;
  return (
    <>
      <Field ctx={ctx} field="name" values={values} errors={errors} />
      <Field ctx={ctx} field="email" values={values} errors={errors} />
      <label for="contact-language">{ctx.t('workspace:contact.language')}</label>
      <select
        id="contact-language"
        name="language"
        aria-invalid={errors.language ? 'true' : undefined}
        aria-describedby={errors.language ? 'contact-language-error' : 'contact-language-hint'}
      >
        {LANGUAGES.map((l) => (
          <option value={l} lang={l} selected={values.language === l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
      {errors.language ? (
        <p id="contact-language-error" class="field-error">
          {errors.language}
        </p>
      ) : (
        <p id="contact-language-hint" class="muted small">
          {ctx.t('workspace:contact.languageHint')}
        </p>
      )}
    </>
  );
}
