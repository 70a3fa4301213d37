/**
 * The report page's script: enables sending, counts characters, shows "call 110" when a child is
 * in danger, posts the report as JSON and shows the receipt, the problems or "Send again".
 * It stores nothing: no cookies, no web storage, no IndexedDB. Browser only.
 */
import { reportBody } from './body.ts';
import { attachCount } from './count.ts';
import { attachDanger } from './danger.ts';
import { find } from './dom.ts';
import { clearIssues, showIssues } from './errors.ts';
import { forgetReceipt, showReceipt } from './receipt.ts';
import { newIdempotencyKey, type SendOutcome, sendReport } from './send.ts';

function start(form: HTMLFormElement): void {
  const send = find<HTMLButtonElement>(form, '[data-send]');
  const sendAgain = find<HTMLButtonElement>(form, '[data-send-again]');
  const failed = find(form, '#send-failed');
  const summary = find(document, '#error-summary');
  const receipt = find(document, '#receipt');
  const intro = find(document, '[data-report-intro]');
  const resyncDanger = attachDanger(
    find<HTMLInputElement>(form, '#input-immediateDanger-true'),
    find(document, '[data-danger-now]'),
  );
  attachCount(find<HTMLTextAreaElement>(form, '#input-description'));

  // The API's messages, in the page's language, are the one source of validation.
  form.noValidate = true;
  find(form, '[data-no-js-notice]').hidden = true;
  send.disabled = false;
  const sendLabel = send.textContent ?? '';

  // One key per report, kept until the API gives a definite answer, so "Send again" after a
  // lost connection can never create a second report.
  let key: string | undefined;
  let busy = false;

  const setBusy = (on: boolean) => {
    busy = on;
    send.disabled = on;
    sendAgain.disabled = on;
    send.textContent = on ? (send.dataset.sending ?? sendLabel) : sendLabel;
    form.setAttribute('aria-busy', String(on));
  };

  const showFailed = (message: string) => {
    find(failed, '[data-failure-message]').textContent = message;
    failed.hidden = false;
    failed.focus();
  };

  const handle = (outcome: SendOutcome) => {
    switch (outcome.kind) {
      case 'accepted':
        key = undefined;
        clearIssues(form, summary);
        failed.hidden = true;
        form.reset();
        resyncDanger();
        form.hidden = true;
        intro.hidden = true;
        showReceipt(receipt, outcome.receipt, outcome.urgent);
        return;
      case 'invalid':
        // Nothing was written, so the next attempt is a new one.
        key = undefined;
        failed.hidden = true;
        showIssues(form, summary, outcome.message, outcome.issues);
        return;
      case 'conflict':
        // The text changed after an attempt that may have arrived: send it as a new report.
        key = newIdempotencyKey();
        showFailed(failed.dataset.conflict ?? '');
        return;
      case 'failed':
        showFailed(
          outcome.message ??
            (outcome.reason === 'timeout' ? failed.dataset.timeout : failed.dataset.network) ??
            '',
        );
        return;
    }
  };

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    key ??= newIdempotencyKey();
    const outcome = await sendReport(reportBody(form), key);
    setBusy(false);
    handle(outcome);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });
  sendAgain.addEventListener('click', () => void submit());

  // Shown once: leaving the page takes the receipt off it, so Back can't bring it back.
  window.addEventListener('pagehide', () => {
    if (!forgetReceipt(receipt)) return;
    form.hidden = false;
    intro.hidden = false;
  });
}

const form = document.querySelector<HTMLFormElement>('[data-report-form]');
if (form) start(form);
