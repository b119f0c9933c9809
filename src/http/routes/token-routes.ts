/** /api/v1/tokens: personal API tokens (create, list, roll, revoke). Owned by the tokens work. */
import type { ApiApp, HttpDeps } from '../api-types.js';

export function registerTokenRoutes(_app: ApiApp, _deps: HttpDeps): void {}
