/**
 * The public site's rebuild after a publish or an unpublish: asks the API every two seconds
 * while the build waits or runs, and says where it is in a polite live region: waiting,
 * building (step n of m), live with a link to the page, or failed with the old site still up.
 * Stops when it is done, when the screen is left, and at sign-out. Browser only.
 */
import { find } from '../report/dom.ts';
import type { Context } from './context.ts';
import { fill, h } from './dom.ts';
import { label, s } from './strings.ts';
import type { SiteBuild } from './workshop-types.ts';

const everyMs = 2_000;
/** A build takes a minute or two; after this long the panel stops asking and offers to ask again. */
const giveUpMs = 15 * 60_000;

/** What was done, to say what "done" means: the page is live, or it has left the site. */
export interface BuildFor {
  action: 'publish' | 'unpublish';
  /** The public page's address, e.g. `/workshops/body-safety/` or `/en/workshops/body-safety/`. */
  page: string;
}

/** True when a finished build is older than the request it should answer (a previous build's). */
function stale(build: SiteBuild): boolean {
  return Boolean(build.requestedAt && build.finishedAt && build.finishedAt < build.requestedAt);
}

/** The build panel, wired to the page's markup. */
export function buildPanel(context: () => Context | undefined) {
  const panel = find(document, '[data-build]');
  const state = find(panel, '[data-build-state]');
  const check = find<HTMLButtonElement>(panel, '[data-build-check]');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let watching: BuildFor | undefined;
  let since = 0;
  let said = '';

  const sayState = (key: string, ...content: (Node | string)[]) => {
    // Redrawn only when it changes, so the live region speaks of real changes.
    if (key === said) return;
    said = key;
    fill(state, content);
  };

  const draw = (build: SiteBuild, about: BuildFor) => {
    const finished = !stale(build);
    if (build.state === 'succeeded' && finished) {
      if (about.action === 'unpublish') sayState('gone', s('office.build.gone'));
      else
        sayState(
          'live',
          `${s('office.build.live')} `,
          h('a', { href: about.page, target: '_blank', rel: 'noopener' }, s('office.build.view')),
        );
      return true;
    }
    if (build.state === 'failed' && finished) {
      sayState('failed', s('office.build.failed'));
      state.classList.add('console-message--error');
      return true;
    }
    const steps = build.steps ?? [];
    const at = build.step ? steps.indexOf(build.step) : -1;
    if (build.state === 'building' && build.step && at >= 0)
      sayState(
        `step-${build.step}`,
        s('office.build.step', {
          step: at + 1,
          steps: steps.length,
          name: label('office.buildStep', build.step),
        }),
      );
    else if (build.state === 'building') sayState('building', s('office.build.building'));
    else sayState('waiting', s('office.build.waiting'));
    return false;
  };

  const poll = async () => {
    timer = undefined;
    const current = context();
    const about = watching;
    if (!current || !about) return;
    const answer = await current.api.get<SiteBuild>('/api/trainer/site-build');
    if (watching !== about) return;
    const done = answer.ok && draw(answer.body, about);
    check.hidden = !(done && said === 'failed');
    if (answer.status === 401 || done) return;
    if (Date.now() - since > giveUpMs) {
      sayState('slow', s('office.build.slow'));
      check.hidden = false;
      return;
    }
    timer = setTimeout(() => void poll(), everyMs);
  };

  const stop = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    watching = undefined;
  };

  check.addEventListener('click', () => {
    if (!watching || timer) return;
    since = Date.now();
    said = '';
    state.classList.remove('console-message--error');
    void poll();
  });

  return {
    /** Starts watching the build that `about` asked for. */
    watch(about: BuildFor) {
      stop();
      watching = about;
      since = Date.now();
      said = '';
      state.classList.remove('console-message--error');
      check.hidden = true;
      panel.hidden = false;
      sayState('waiting', s('office.build.waiting'));
      timer = setTimeout(() => void poll(), everyMs);
    },
    /** Stops asking and empties the panel. */
    reset() {
      stop();
      said = '';
      state.replaceChildren();
      check.hidden = true;
      panel.hidden = true;
    },
  };
}
