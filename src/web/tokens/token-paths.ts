/** Where the API tokens pages live (the layout's navigation links here too). */
export const TOKENS_PATH = '/settings/tokens';
