/** Strings of the partner workspace (namespace `workspace`), English and Italian with the same keys. */
export const workspaceMessages = {
  en: {
    title: 'Orders',
  },
  it: {
    title: 'Ordini',
  },
} as const;
