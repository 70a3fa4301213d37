/**
 * The report page's script: counts characters, shows "call 110" when a child is in danger,
 * speaks to a child once a child role is chosen, solves the proof of work while the person
 * types, posts the report as JSON and shows the receipt, the problems or "Send again".
 * It stores nothing: no cookies, no web storage, no IndexedDB. Browser only.
 */
import { bindingFor } from '../pow/binding.ts';
import { ProofOfWork, solverBroken } from '../pow/proof-of-work.ts';
import { takeProof } from '../pow/take-proof.ts';
import { isChildTelling, reportBody } from './body.ts';
import { attachCount } from './count.ts';
import { attachDanger } from './danger.ts';
import { find } from './dom.ts';
import { clearIssues, showIssues } from './errors.ts';
import { forgetReceipt, showReceipt } from './receipt.ts';
import { newIdempotencyKey, type SendOutcome, sendReport } from './send.ts';

function start(form: HTMLFormElement): void {
  const root = document.documentElement;
  const send = find<HTMLButtonElement>(form, '[data-send]');
  const sendAgain = find<HTMLButtonElement>(form, '[data-send-again]');
  const failed = find(form, '#send-failed');
  const note = find(form, '[data-proof-note]');
  const summary = find(document, '#error-summary');
  const receipt = find(document, '#receipt');
  // What is said before the form: "call 110 first, then fill in the form", how it works.
  const intros = document.querySelectorAll<HTMLElement>('[data-report-intro]');
  const showIntro = (on: boolean) => {
    for (const intro of intros) intro.hidden = !on;
  };
  const resyncDanger = attachDanger(
    find<HTMLInputElement>(form, '#input-immediateDanger-true'),
    find(document, '[data-danger-now]'),
  );
  attachCount(find<HTMLTextAreaElement>(form, '#input-description'));

  // The API's messages, in the page's language, are the one source of validation. The class
  // switches the child's wording to "you can skip this" (site.css).
  form.noValidate = true;
  root.classList.add('has-script');
  const sendLabel = send.textContent ?? '';

  // For browsers without :has(): the same switch to a child's wording, by class.
  const syncChild = () => root.classList.toggle('is-child', isChildTelling(form));
  form.addEventListener('change', syncChild);

  // One key per report, kept until the API gives a definite answer, so "Send again" after a
  // lost connection can never create a second report. Its proof of work is bound to it.
  let key = newIdempotencyKey();
  let proofs = new ProofOfWork(bindingFor(key));
  const nextReport = () => {
    key = newIdempotencyKey();
    proofs = new ProofOfWork(bindingFor(key));
  };
  // Solved while the person types: started at the first sign of someone filling the form.
  const warmUp = () => proofs.prepare();
  form.addEventListener('focusin', warmUp);
  form.addEventListener('input', warmUp);

  let busy = false;
  const setBusy = (on: boolean) => {
    busy = on;
    send.disabled = on;
    sendAgain.disabled = on;
    send.textContent = on ? (send.dataset.sending ?? sendLabel) : sendLabel;
    form.setAttribute('aria-busy', String(on));
  };

  const attempt = async (): Promise<SendOutcome> => {
    const body = reportBody(form);
    for (let tries = 0; ; tries++) {
      const altcha = await takeProof(proofs, note);
      if (!altcha) return { kind: 'failed', reason: 'network' };
      const outcome = await sendReport(body, key, altcha);
      // Expired or refused: one new proof for the same key, sent by itself.
      if (outcome.kind !== 'proof' || tries > 0) return outcome;
      proofs.discard();
    }
  };

  const showFailed = (message: string, tooMany?: { minutes: number | undefined }) => {
    find(failed, '[data-failure-message]').textContent = message;
    find(failed, '[data-too-many]').hidden = !tooMany;
    const wait = find(failed, '[data-failure-wait]');
    wait.hidden = !tooMany?.minutes;
    wait.textContent = (failed.dataset.wait ?? '').replace('{minutes}', String(tooMany?.minutes ?? ''));
    failed.hidden = false;
    failed.focus();
  };

  const handle = (outcome: SendOutcome) => {
    switch (outcome.kind) {
      case 'accepted': {
        const child = isChildTelling(form);
        nextReport();
        clearIssues(form, summary);
        failed.hidden = true;
        form.reset();
        resyncDanger();
        syncChild();
        form.hidden = true;
        showIntro(false);
        showReceipt(receipt, outcome.receipt, { urgent: outcome.urgent, child });
        return;
      }
      case 'invalid':
        // Nothing was written: the same key and its unspent proof serve the corrected send.
        failed.hidden = true;
        showIssues(form, summary, outcome.message, outcome.issues);
        return;
      case 'conflict':
        // The text changed after an attempt that may have arrived: send it as a new report.
        nextReport();
        showFailed(failed.dataset.conflict ?? '');
        return;
      case 'tooMany':
        showFailed(outcome.message ?? failed.dataset.busy ?? '', {
          minutes: outcome.retryAfterSeconds ? Math.ceil(outcome.retryAfterSeconds / 60) : undefined,
        });
        return;
      case 'proof':
        showFailed(outcome.message ?? '');
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
    const outcome = await attempt();
    // A browser whose worker can't run can never make a proof: it sends the plain form, as
    // without JavaScript (no proof needed, a tighter cap), and the API answers with a page.
    if (outcome.kind === 'failed' && outcome.reason === 'network' && solverBroken()) {
      form.submit();
      return;
    }
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
    showIntro(true);
  });
}

const form = document.querySelector<HTMLFormElement>('[data-report-form]');
if (form) start(form);
