/**
 * The console's script: signs staff in and out, and shows the screen the address asks for.
 * The access token lives in one variable of this page: a reload, a language switch or leaving
 * the page signs the member out, and every report shown is taken off the page with it.
 * Browser only.
 */
import { find } from '../report/dom.ts';
import { alertsScreen } from './alerts.ts';
import { createApi } from './api.ts';
import {
  beginSignIn,
  completeSignIn,
  discover,
  endProviderSession,
  type Provider,
  type Tokens,
  takePending,
} from './auth.ts';
import { type Context, joined } from './context.ts';
import { dashboardScreen } from './dashboard.ts';
import { queueScreen } from './queue.ts';
import { reportScreen } from './report.ts';
import { parseRoute } from './router.ts';
import { type ConsoleKey, label, s } from './strings.ts';
import type { Me, OfficeConfig } from './types.ts';
import { lazyWorkshopScreen } from './workshop-lazy.ts';
import { workshopsScreen } from './workshops.ts';

const root = find(document, '[data-console]');
/** The console page itself: where the provider sends staff back, and where signing out returns. */
const redirectUri = new URL(root.dataset.page ?? '/office/', location.origin).href;

let config: OfficeConfig | undefined;
let provider: Provider | undefined;
let tokens: Tokens | undefined;
let context: Context | undefined;

const api = createApi(
  () => (tokens && tokens.expiresAt > Date.now() ? tokens.accessToken : undefined),
  () => endSession('office.session.ended'),
);
const current = () => context;
const screens = {
  queue: queueScreen(current),
  report: reportScreen(current),
  alerts: alertsScreen(current),
  dashboard: dashboardScreen(current),
  workshops: workshopsScreen(current),
  workshop: lazyWorkshopScreen(current),
};
/** What the signed-in member may open: reports (office, lead), workshops (trainer, reviewer). */
let sees = { reports: false, workshops: false };
const signInButton = find<HTMLButtonElement>(root, '[data-sign-in]');

function showView(name: 'loading' | 'signed-out' | 'staff-only' | 'signed-in'): void {
  for (const view of root.querySelectorAll<HTMLElement>('[data-view]'))
    view.hidden = view.dataset.view !== name;
}

function showSignedOut(message?: ConsoleKey, focus = false): void {
  showView('signed-out');
  signInButton.disabled = false;
  signInButton.textContent = s('office.signIn');
  find(root, '[data-session-message]').textContent = message ? s(message) : '';
  if (focus) find(root, '#signed-out-title').focus();
}

/** Drops the tokens and takes every report, figure and name off the page. */
function forget(): void {
  tokens = undefined;
  context = undefined;
  sees = { reports: false, workshops: false };
  for (const screen of Object.values(screens)) {
    screen.hide();
    screen.clear();
  }
  find(root, '[data-session-who]').textContent = '';
}

function endSession(message: ConsoleKey): void {
  if (!tokens && !context) return;
  forget();
  showSignedOut(message, true);
}

/**
 * Shows the screen the address names: the first screen the member may see when it names none,
 * or one their roles don't open (the queue for office staff, the workshops for trainers).
 */
function route(focus: boolean): void {
  if (!context) return;
  let where = parseRoute(location.hash);
  const isWorkshop = where.screen === 'workshops' || where.screen === 'workshop';
  if ((isWorkshop && !sees.workshops) || (!isWorkshop && !sees.reports)) {
    where = sees.reports ? { screen: 'queue' } : { screen: 'workshops' };
    // The address says where the member is, without a step back to a screen they can't open.
    history.replaceState(null, '', `#/${where.screen}`);
  }
  if (where.screen === 'dashboard' && !context.isLead) where = { screen: 'queue' };
  for (const [name, screen] of Object.entries(screens)) if (name !== where.screen) screen.hide();
  const heading = () => find(root, `[data-screen="${where.screen}"] h2`).focus();
  if (where.screen === 'report') screens.report.show(where.ref);
  else if (where.screen === 'workshop')
    void screens.workshop.show(where.id).then((shown) => focus && shown && heading());
  else screens[where.screen].show();
  const nav = where.screen === 'workshop' ? 'workshops' : where.screen;
  for (const link of root.querySelectorAll<HTMLElement>('[data-nav]')) {
    if (link.dataset.nav === nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (focus && where.screen !== 'workshop') heading();
}

async function enter(): Promise<void> {
  const me = await api.get<Me>('/api/office/me');
  if (!me.ok) {
    if (me.status !== 401) endSession('office.session.failed');
    return;
  }
  const { roles, username, community } = me.body;
  sees = {
    reports: roles.some((role) => role === 'office' || role === 'lead'),
    workshops: roles.some((role) => role === 'trainer' || role === 'reviewer'),
  };
  if (!sees.reports && !sees.workshops) {
    showView('staff-only');
    find(root, '[data-staff-only-text]').textContent = s('office.staffOnly.text', {
      roles: joined(roles.map((role) => label('office.role', role))),
    });
    find(root, '#staff-only-title').focus();
    return;
  }
  context = { api, me: me.body, isLead: roles.includes('lead') };
  const communityName = community.name[document.documentElement.lang] ?? community.id;
  find(root, '[data-session-who]').textContent =
    `${s('office.session.as', { name: username })} · ${communityName} · ${joined(roles.map((role) => label('office.role', role)))}`;
  find(root, '[data-lead-only]').hidden = !context.isLead;
  for (const item of root.querySelectorAll<HTMLElement>('[data-reports-only]')) item.hidden = !sees.reports;
  for (const item of root.querySelectorAll<HTMLElement>('[data-workshops-only]'))
    item.hidden = !sees.workshops;
  showView('signed-in');
  route(true);
}

async function signIn(): Promise<void> {
  signInButton.disabled = true;
  signInButton.textContent = signInButton.dataset.busy ?? '';
  try {
    if (!config) throw new Error('no configuration');
    provider ??= await discover(config);
    await beginSignIn(provider, redirectUri, location.hash || '#/queue');
  } catch {
    showSignedOut('office.session.unavailable', true);
  }
}

function signOut(): void {
  forget();
  if (provider && endProviderSession(provider, redirectUri)) return;
  showSignedOut('office.session.signedOut', true);
}

async function loadConfig(): Promise<OfficeConfig | undefined> {
  try {
    const response = await fetch('/api/office/config', { cache: 'no-store', credentials: 'omit' });
    return response.ok ? ((await response.json()) as OfficeConfig) : undefined;
  } catch {
    return undefined;
  }
}

async function boot(): Promise<void> {
  document.documentElement.classList.add('has-script');
  signInButton.addEventListener('click', () => void signIn());
  for (const button of root.querySelectorAll('[data-sign-out]')) button.addEventListener('click', signOut);
  window.addEventListener('hashchange', () => route(true));
  // Leaving signs out, so Back (or the back-forward cache) never brings a report back.
  window.addEventListener('pagehide', () => {
    forget();
    showSignedOut();
  });

  const callback = new URL(location.href);
  const isCallback = callback.searchParams.has('code') || callback.searchParams.has('error');
  const cameBackSignedOut = !isCallback && callback.searchParams.get('state') === 'signed-out';
  // Taken out of storage on every load: a sign-in's one-time secrets are used once, or never.
  const pending = takePending();
  // The one-time code and state leave the address bar at once.
  if (isCallback || cameBackSignedOut)
    history.replaceState(null, '', `${redirectUri}${pending?.returnTo ?? ''}`);

  config = await loadConfig();
  if (!config) return showSignedOut('office.session.unavailable');
  if (!isCallback) return showSignedOut(cameBackSignedOut ? 'office.session.signedOut' : undefined);
  if (!pending) return showSignedOut('office.session.failed');
  try {
    provider = await discover(config);
    tokens = await completeSignIn(provider, redirectUri, callback, pending);
  } catch {
    return showSignedOut('office.session.failed', true);
  }
  await enter();
}

void boot();
