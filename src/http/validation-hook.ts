import { invalidInput } from '../domain/errors.js';

/** zod-openapi's hook: a failed validation becomes INVALID_INPUT listing every bad field. */
export function validationHook(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}): void {
  if (result.success || !result.error) return;
  throw invalidInput(
    result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  );
}
