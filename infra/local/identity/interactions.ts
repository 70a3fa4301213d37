/**
 * The provider's interaction pages at `/interaction/<uid>`: the sign-in form (GET), its check
 * (POST), and, for the console, consent given without a screen: it is Hutong's own first-party
 * client, as Cognito's managed login asks no consent of an app client either.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InteractionDetails, Provider } from 'oidc-provider';
import type { PasswordCheck } from './accounts.ts';
import { errorPage, type PageMessage, pageHeaders, pageLanguage, signInPage } from './pages.ts';

/** A sign-in form is two short fields; anything bigger is not one. */
const maxFormBytes = 16 * 1024;

function readForm(request: IncomingMessage): Promise<URLSearchParams | undefined> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxFormBytes) chunks.push(chunk);
    });
    request.on('end', () =>
      done(size > maxFormBytes ? undefined : new URLSearchParams(Buffer.concat(chunks).toString('utf8'))),
    );
    request.on('error', fail);
  });
}

function sendPage(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  html: string,
): void {
  response.writeHead(status, { ...headers, 'content-type': 'text/html; charset=utf-8' });
  response.end(html);
}

/** oidc-provider's error for an interaction that expired or whose cookie is gone. */
function isSessionNotFound(error: unknown): boolean {
  return error instanceof Error && error.name === 'SessionNotFound';
}

/**
 * Grants what the console asked for (its scopes on the API), and goes on to the console.
 * False when there is no signed-in account to grant for.
 */
async function consent(
  provider: Provider,
  request: IncomingMessage,
  response: ServerResponse,
  details: InteractionDetails,
): Promise<boolean> {
  const accountId = details.session?.accountId;
  const clientId = details.params.client_id;
  if (!accountId || typeof clientId !== 'string') return false;
  const grant =
    (details.grantId && (await provider.Grant.find(details.grantId))) ||
    new provider.Grant({ accountId, clientId });
  const missing = details.prompt.details;
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
    grant.addResourceScope(resource, scopes.join(' '));
  }
  const grantId = await grant.save();
  await provider.interactionFinished(
    request,
    response,
    { consent: details.grantId ? {} : { grantId } },
    { mergeWithLastSubmission: true },
  );
  return true;
}

/**
 * Handles `/interaction/<uid>`. `consoleOrigin` goes into the pages' CSP, so the form's redirect
 * back to the console is allowed.
 */
export function interactions(provider: Provider, passwords: PasswordCheck, consoleOrigin: string) {
  const headers = pageHeaders(consoleOrigin);
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    let language = pageLanguage(undefined, request.headers['accept-language']);
    const refuse = (status: number, message: PageMessage) =>
      sendPage(response, status, headers, errorPage(language, message));
    try {
      const details = await provider.interactionDetails(request, response);
      language = pageLanguage(details.params.ui_locales, request.headers['accept-language']);
      const action = `/interaction/${encodeURIComponent(details.uid)}`;
      if (details.prompt.name === 'consent') {
        if (!(await consent(provider, request, response, details))) refuse(400, 'failed');
        return;
      }
      if (details.prompt.name !== 'login') return refuse(400, 'failed');
      if (request.method === 'GET') return sendPage(response, 200, headers, signInPage({ language, action }));
      if (request.method !== 'POST') return refuse(405, 'failed');

      const form = await readForm(request);
      if (!form) return refuse(413, 'failed');
      const username = (form.get('username') ?? '').trim();
      const password = form.get('password') ?? '';
      if (!username || !password) {
        return sendPage(
          response,
          400,
          headers,
          signInPage({ language, action, username, message: 'missingFields' }),
        );
      }
      const account = await passwords.verify(username, password);
      if (!account) {
        // The form again, with the reason as text; no code is issued and the flow waits here.
        return sendPage(
          response,
          200,
          headers,
          signInPage({ language, action, username, message: 'wrongPassword' }),
        );
      }
      await provider.interactionFinished(
        request,
        response,
        { login: { accountId: account.sub } },
        { mergeWithLastSubmission: false },
      );
    } catch (error) {
      // An expired or unknown interaction: the person starts again from the console.
      if (isSessionNotFound(error)) return refuse(400, 'expired');
      throw error;
    }
  };
}
