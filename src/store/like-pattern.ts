/** LIKE patterns from user text: `%`, `_` and `\` mean themselves (backslash is PostgreSQL's escape). */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Matches text containing `s`, for a column compared in lower case. */
export const containsLower = (s: string) => `%${escapeLike(s.toLowerCase())}%`;
