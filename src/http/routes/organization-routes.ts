/** /api/v1/organizations: partners and distributors (operators only). */
import type { ApiApp, HttpDeps } from '../api-types.js';

export function registerOrganizationRoutes(_app: ApiApp, _deps: HttpDeps): void {}
