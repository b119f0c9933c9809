/**
 * What the wizard's last step (and the API's complete) does with the contact's choice: a new
 * organization or the contact's own is mapped at once (the point of no return); an organization
 * the contact does not administer is asked first, with a join request.
 */
import type { AppDeps } from '../deps.js';
import {
  checkSetupChoice,
  type CompletedSetup,
  completeSetup,
  type CompleteSetupInput,
  confirmerName,
  needsConsent,
} from './complete-setup.js';
import { openSetupLink } from './open-setup-link.js';
import { type JoinRequested, requestToJoin } from './request-to-join.js';

export type SetupConfirmation =
  ({ outcome: 'mapped' } & CompletedSetup) | ({ outcome: 'join_requested' } & JoinRequested);

export async function confirmSetup(
  deps: AppDeps,
  token: string,
  input: CompleteSetupInput,
): Promise<SetupConfirmation> {
  const view = await openSetupLink(deps, token);
  const choice = checkSetupChoice(input.organization, view.organizations);
  if ('organizationId' in choice && needsConsent(choice, view.organizations)) {
    const name = confirmerName(input, view.provisioningContact.name);
    const requested = await requestToJoin(deps, token, {
      organizationId: choice.organizationId,
      confirmedBy: { name },
    });
    return { outcome: 'join_requested', ...requested };
  }
  return { outcome: 'mapped', ...(await completeSetup(deps, token, input)) };
}
