/** Strings of the setup wizard and admin portal (namespace `setup`), English and Italian with the same keys. */
export const setupMessages = {
  en: {
    title: 'Set up your service',
  },
  it: {
    title: 'Configuri il servizio',
  },
} as const;
