/**
 * A workshop's handout files: the list, removing one, and uploading one with its progress. A
 * file too big or of the wrong kind is refused here before a byte is sent (a phone's data is
 * dear), and the API checks again; whatever it says is shown at the file field. Browser only.
 */
import { find } from '../report/dom.ts';
import type { Context } from './context.ts';
import { fill, h, say } from './dom.ts';
import { s } from './strings.ts';
import { removeButton } from './workshop-fields.ts';
import { clearProblems, failure, showAtField } from './workshop-problems.ts';
import type { Handout, WorkshopView } from './workshop-types.ts';

/** As the API's `handoutLimits.bytes` (functions/domain/handout-files.ts): what fits in one Lambda request. */
const maxBytes = 4 * 1024 * 1024;
const types = ['application/pdf', 'image/jpeg', 'image/png'];
const byExtension: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

/** A size as people read it: "120 KB", "2.4 MB". */
export function size(bytes: number): string {
  const format = (value: number, unit: string) =>
    `${new Intl.NumberFormat(document.documentElement.lang, { maximumFractionDigits: 1 }).format(value)} ${unit}`;
  return bytes >= 1024 * 1024
    ? format(bytes / 1024 / 1024, 'MB')
    : format(Math.max(1, Math.round(bytes / 1024)), 'KB');
}

/** What the panel needs from the workshop screen. */
export interface HandoutOptions {
  context: () => Context | undefined;
  /** Called after a file is added or removed, so the screen can take the workshop's new version. */
  changed: () => Promise<void>;
}

/** The handouts panel, wired to the page's markup. */
export function handoutsPanel(options: HandoutOptions) {
  const panel = find(document, '[data-handouts]');
  const list = find(panel, '[data-handout-list]');
  const empty = find(panel, '[data-handouts-empty]');
  const saveFirst = find(panel, '[data-handouts-save-first]');
  const status = find(panel, '[data-handouts-status]');
  const form = find<HTMLFormElement>(panel, '[data-handout-form]');
  const input = find<HTMLInputElement>(form, 'input[type="file"]');
  const progress = find(form, '[data-upload-progress]');
  const button = find<HTMLButtonElement>(form, '[data-upload]');
  const fileField = find(form, '[data-path="handout-file"]');
  let workshopId: string | undefined;

  const refuse = (message: string) => {
    progress.textContent = '';
    input.focus();
    showAtField(fileField, message);
  };

  const remove = async (handout: Handout) => {
    const context = options.context();
    if (!context || !workshopId) return;
    const answer = await context.api.delete(
      `/api/trainer/workshops/${encodeURIComponent(workshopId)}/handouts/${encodeURIComponent(handout.id)}`,
    );
    if (answer.status === 401) return;
    say(status, answer.ok ? s('office.handouts.removed', { name: handout.name }) : failure(answer), true);
    status.classList.toggle('console-message--error', !answer.ok);
    if (answer.ok) await options.changed();
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const context = options.context();
    const file = input.files?.[0];
    clearProblems(form);
    status.textContent = '';
    if (!context || !workshopId) return;
    if (!file) return refuse(s('office.handouts.choose'));
    const type = types.includes(file.type)
      ? file.type
      : byExtension[file.name.split('.').pop()?.toLowerCase() ?? ''];
    if (!type) return refuse(s('office.handouts.wrongType'));
    if (file.size > maxBytes) return refuse(s('office.handouts.tooBig', { size: size(file.size) }));
    button.disabled = true;
    let shown = -1;
    const path = `/api/trainer/workshops/${encodeURIComponent(workshopId)}/handouts?name=${encodeURIComponent(file.name)}`;
    const answer = await context.api.upload<Handout>(path, new Blob([file], { type }), (sent) => {
      // Said in tens, so a screen reader isn't flooded.
      const percent = Math.floor(sent * 10) * 10;
      if (percent === shown) return;
      shown = percent;
      progress.textContent = s('office.handouts.progress', { percent });
    });
    button.disabled = false;
    progress.textContent = '';
    if (answer.status === 401) return;
    if (!answer.ok) return refuse(failure(answer));
    form.reset();
    say(status, s('office.handouts.added', { name: answer.body.name }), true);
    status.classList.remove('console-message--error');
    await options.changed();
  });

  return {
    /** Shows `view`'s files; `editable` offers upload and removal; no view means not saved yet. */
    show(view: WorkshopView | undefined, editable: boolean) {
      panel.hidden = !view && !editable;
      workshopId = view?.id;
      const handouts = view?.handouts ?? [];
      fill(
        list,
        handouts.map((handout) =>
          h(
            'li',
            { class: 'handout' },
            h('span', { class: 'handout__name' }, handout.name),
            h('span', { class: 'handout__meta' }, ` (${size(handout.bytes)})`),
            editable && removeButton(s('office.workshop.remove'), handout.name, () => void remove(handout)),
          ),
        ),
      );
      empty.hidden = handouts.length > 0 || !view;
      saveFirst.hidden = Boolean(view) || !editable;
      form.hidden = !view || !editable;
    },
    /** Empties the panel: nothing of one workshop stays for the next. */
    reset() {
      workshopId = undefined;
      list.replaceChildren();
      form.reset();
      clearProblems(form);
      progress.textContent = '';
      status.textContent = '';
      panel.hidden = true;
    },
  };
}
