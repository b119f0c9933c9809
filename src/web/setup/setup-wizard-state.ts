/**
 * What the visitor of the setup wizard has chosen so far (carried in query parameters from step
 * to step), and which step must be shown again when that choice is not acceptable.
 */
import { checkSetupChoice } from '../../app/setup/complete-setup.js';
import type { OrganizationChoice } from '../../app/setup/map-order-to-organization.js';
import type { SetupView } from '../../app/setup/open-setup-link.js';
import { NAME_CHARACTERS_MESSAGE } from '../../domain/display-name.js';
import { isAppError } from '../../domain/errors.js';
import { field } from './setup-page-context.js';

/** What the visitor has chosen so far. `org` is an organization id or 'new'. */
export interface WizardState {
  org: string;
  name: string;
  country: string;
}

export const stepUrl = (token: string, step: string, state: Partial<WizardState> = {}) => {
  const query = new URLSearchParams(Object.entries(state).filter(([, v]) => v) as [string, string][]);
  const qs = query.toString();
  return `/setup/${token}${step ? `/${step}` : ''}${qs ? `?${qs}` : ''}`;
};

export function readState(source: Record<string, unknown>): WizardState {
  return {
    org: field(source, 'org', 64),
    name: field(source, 'name', 300),
    country: field(source, 'country', 2),
  };
}

export const choiceOf = (state: WizardState): OrganizationChoice =>
  state.org === 'new'
    ? { newOrganization: { name: state.name, country: state.country } }
    : { organizationId: state.org };

export type StepProblem = { step: 'organization' | 'country'; error: string };

/** The step to show again, and why, when the choice so far is not acceptable. */
export function problemWith(view: SetupView, state: WizardState, needCountry: boolean): StepProblem | null {
  if (!state.org) return { step: 'organization', error: 'setup:organization.errors.choose' };
  try {
    checkSetupChoice(choiceOf(state), view.organizations);
    return null;
  } catch (e) {
    const problem = stepProblemOf(e);
    return problem.step === 'country' && !needCountry ? null : problem;
  }
}

export function stepProblemOf(e: unknown): StepProblem {
  if (isAppError(e, 'ALREADY_EXISTS'))
    return { step: 'organization', error: 'setup:organization.errors.pending' };
  if (!isAppError(e, 'INVALID_INPUT', 'NOT_FOUND')) throw e;
  const issue = e.code === 'INVALID_INPUT' ? e.details.issues[0] : undefined;
  const path = issue?.path;
  if (path === 'newOrganization.name')
    return {
      step: 'organization',
      error:
        issue?.message === NAME_CHARACTERS_MESSAGE
          ? 'setup:organization.errors.characters'
          : 'setup:organization.errors.name',
    };
  if (path === 'newOrganization.country') return { step: 'country', error: 'setup:country.errors.country' };
  return { step: 'organization', error: 'setup:organization.errors.notOffered' };
}
