/** /api/v1/invitations: invite by e-mail with a role, list, resend, revoke. */
import type { ApiApp, HttpDeps } from '../api-types.js';

export function registerInvitationRoutes(_app: ApiApp, _deps: HttpDeps): void {}
