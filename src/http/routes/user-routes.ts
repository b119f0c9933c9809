/** /api/v1/users: an organization's users (list, change role, deactivate, reactivate). */
import type { ApiApp, HttpDeps } from '../api-types.js';

export function registerUserRoutes(_app: ApiApp, _deps: HttpDeps): void {}
