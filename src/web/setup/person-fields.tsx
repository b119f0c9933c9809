/**
 * Who someone else is, as a setup form asks it: name, e-mail address and the language to write to
 * them in (a delegate in the wizard, the customer's administrator in a partner-led setup).
 */
import { LanguageSelect } from '../language-select.js';
import { TextField } from './setup-components.js';

interface PersonField {
  id: string;
  label: string;
  value: string | undefined;
}

export function PersonFields(props: {
  name: PersonField & { error?: string | undefined };
  email: PersonField & { error?: string | undefined };
  language: PersonField;
}) {
  const { name, email, language } = props;
  return (
    <>
      <TextField id={name.id} label={name.label} value={name.value} error={name.error} autocomplete="off" />
      <TextField
        id={email.id}
        type="email"
        label={email.label}
        value={email.value}
        error={email.error}
        autocomplete="off"
        maxlength={254}
      />
      <LanguageSelect id={language.id} label={language.label} value={language.value} />
    </>
  );
}
