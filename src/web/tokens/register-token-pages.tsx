/**
 * Personal API tokens, for every signed-in user (Post/Redirect/Get):
 *   GET  /settings/tokens               the list, the create form, a new token shown once
 *   POST /settings/tokens               create; back to the list, which shows the token once
 *   GET  /settings/tokens/:id/roll      the Roll confirmation without JavaScript
 *   POST /settings/tokens/:id/roll      roll with the chosen grace period; shows the successor once
 *   POST /settings/tokens/:id/revoke    revoke; back to the list
 * They call the same use cases as /api/v1/tokens: another user's token is NOT_FOUND.
 */
import { createApiToken, createApiTokenSchema } from '../../app/identity/create-api-token.js';
import { listApiTokens } from '../../app/identity/list-api-tokens.js';
import { revokeApiToken } from '../../app/identity/revoke-api-token.js';
import { rollApiToken, rollApiTokenSchema } from '../../app/identity/roll-api-token.js';
import { AppError, invalidInput, isAppError } from '../../domain/errors.js';
import type { Actor } from '../../domain/types.js';
import type { WebApp, WebDeps } from '../web-env.js';
import { paramOf, signedIn, type WebContext } from '../workspace/workspace-support.js';
import { setNewTokenFlash, takeNewTokenFlash } from './new-token-flash.js';
import { TOKENS_PATH } from './token-paths.js';
import { rollPage, type TokenField, type TokenForm, tokensPage } from './tokens-page.js';

const FIELDS: TokenField[] = ['name', 'expiresInDays', 'access'];
const PROBLEMS = { limit: 'tokens:error.limit', not_active: 'tokens:error.notActive' } as const;
type Problem = keyof typeof PROBLEMS;

const text = (body: Record<string, unknown>, key: string, max: number) =>
  typeof body[key] === 'string' ? (body[key] as string).slice(0, max) : '';

/** A refusal the page explains in its own words rather than the generic INVALID_INPUT. */
function problemOf(e: unknown): Problem | null {
  if (!isAppError(e, 'INVALID_INPUT')) return null;
  const path = e.details.issues[0]?.path;
  return path === 'tokens' ? 'limit' : path === 'tokenId' ? 'not_active' : null;
}

async function createFromForm(c: WebContext, deps: WebDeps, user: Actor): Promise<Response> {
  const body = await c.req.parseBody();
  const values = {
    name: text(body, 'name', 200),
    expiresInDays: text(body, 'expiresInDays', 10),
    access: text(body, 'access', 20),
  };
  const parsed = createApiTokenSchema.safeParse({
    name: values.name,
    expiresInDays: /^\d{1,3}$/.test(values.expiresInDays) ? Number(values.expiresInDays) : Number.NaN,
    readOnly: values.access === 'read_only' ? true : values.access === 'read_write' ? false : 'missing',
  });
  const form: TokenForm = { values, errors: {} };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] === 'readOnly' ? 'access' : (issue.path[0] as TokenField);
      if (FIELDS.includes(key)) form.errors[key] ??= c.get('t')(`tokens:error.${key}`);
    }
    return tokensPage(c, await listApiTokens(deps, user), { form }, 400);
  }
  try {
    const issued = await createApiToken(deps, user, parsed.data);
    setNewTokenFlash(
      c,
      {
        kind: 'created',
        tokenId: issued.tokenId,
        name: issued.name,
        token: issued.token,
        userId: user.userId,
      },
      deps.secureCookies,
    );
    return c.redirect(TOKENS_PATH, 303);
  } catch (e) {
    const problem = problemOf(e);
    if (!problem) throw e;
    form.problem = c.get('t')(PROBLEMS[problem]);
    return tokensPage(c, await listApiTokens(deps, user), { form }, 400);
  }
}

export function registerTokenPages(app: WebApp, deps: WebDeps): void {
  app.get(
    TOKENS_PATH,
    signedIn(async (c, user) => {
      const problem = c.req.query('problem') as Problem | undefined;
      return tokensPage(c, await listApiTokens(deps, user), {
        flash: takeNewTokenFlash(c, user.userId),
        ...(c.req.query('revoked') === '1' ? { notice: 'revoked' as const } : {}),
        ...(problem && Object.hasOwn(PROBLEMS, problem) ? { problem: c.get('t')(PROBLEMS[problem]) } : {}),
      });
    }),
  );

  app.post(
    TOKENS_PATH,
    signedIn((c, user) => createFromForm(c, deps, user)),
  );

  app.get(
    `${TOKENS_PATH}/:tokenId/roll`,
    signedIn(async (c, user) => {
      const id = paramOf(c, 'tokenId');
      const token = (await listApiTokens(deps, user)).find((x) => x.tokenId === id);
      if (!token) throw new AppError('NOT_FOUND');
      if (token.status !== 'active') return c.redirect(`${TOKENS_PATH}?problem=not_active`, 303);
      return rollPage(c, token);
    }),
  );

  app.post(
    `${TOKENS_PATH}/:tokenId/roll`,
    signedIn(async (c, user) => {
      const body = await c.req.parseBody();
      const grace = text(body, 'graceDays', 3);
      const parsed = rollApiTokenSchema.safeParse({
        graceDays: /^\d$/.test(grace) ? Number(grace) : Number.NaN,
      });
      // The form offers only valid choices: anything else is a forged request.
      if (!parsed.success) throw invalidInput('graceDays', 'must be 0 to 7');
      try {
        const rolled = await rollApiToken(deps, user, paramOf(c, 'tokenId'), parsed.data);
        setNewTokenFlash(
          c,
          {
            kind: 'rolled',
            tokenId: rolled.tokenId,
            name: rolled.name,
            token: rolled.token,
            userId: user.userId,
            previousExpiresAt: rolled.previous.expiresAt,
            previousStopped: parsed.data.graceDays === 0,
          },
          deps.secureCookies,
        );
        return c.redirect(TOKENS_PATH, 303);
      } catch (e) {
        const problem = problemOf(e);
        if (!problem) throw e;
        return c.redirect(`${TOKENS_PATH}?problem=${problem}`, 303);
      }
    }),
  );

  app.post(
    `${TOKENS_PATH}/:tokenId/revoke`,
    signedIn(async (c, user) => {
      await revokeApiToken(deps, user, paramOf(c, 'tokenId'));
      return c.redirect(`${TOKENS_PATH}?revoked=1`, 303);
    }),
  );
}
