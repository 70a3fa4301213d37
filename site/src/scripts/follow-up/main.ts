/**
 * The follow-up page's script: opens a report with its receipt, shows where it stands and the
 * thread with the office, and sends the reporter's messages, each with a fresh proof of work
 * solved while they type. The receipt lives in one variable of this page and is dropped when
 * the person is done or leaves: never in a URL, the history, the title or storage.
 * Browser only.
 */
import { ProofOfWork } from '../pow/proof-of-work.ts';
import { takeProof } from '../pow/take-proof.ts';
import { find } from '../report/dom.ts';
import { type ApiAnswer, errorCode, messageOf, type NoAnswer, postJson } from '../shared/api.ts';
import { clearFieldError, showFieldError } from './field-error.ts';
import { appendMessage, clearView, type ReportState, renderStatus, renderThread } from './render.ts';

type Answer = ApiAnswer | NoAnswer;

/** Sends with a proof; when the API refuses it (spent or expired), once more with a new one. */
async function sendWithProof(
  proofs: ProofOfWork,
  note: HTMLElement,
  send: (altcha: string) => Promise<Answer>,
): Promise<Answer> {
  for (let tries = 0; ; tries++) {
    const altcha = await takeProof(proofs, note);
    if (!altcha) return { reason: 'network' };
    const answer = await send(altcha);
    const refused = !('reason' in answer) && answer.status === 400 && errorCode(answer) === 'proof_of_work';
    if (!refused || tries > 0) return answer;
    proofs.discard();
  }
}

/** The first field problem of a 400 answer, as `[field, message]`. */
function firstIssue(answer: ApiAnswer): [string, string] | undefined {
  const issues = Array.isArray(answer.body.issues) ? answer.body.issues : [];
  const issue = issues[0] as { path?: unknown[]; message?: unknown } | undefined;
  if (!issue || typeof issue.message !== 'string') return undefined;
  return [String(issue.path?.[0] ?? ''), issue.message];
}

/** A Send button that says it is busy while a request is on its way. */
function busyButton(button: HTMLButtonElement): (on: boolean) => void {
  const label = button.textContent ?? '';
  return (on) => {
    button.disabled = on;
    button.textContent = on ? (button.dataset.sending ?? label) : label;
  };
}

/** Says what went wrong in a "Try again" panel, and moves focus to it. */
function showFailed(panel: HTMLElement, answer: Answer): void {
  const message = 'reason' in answer ? undefined : messageOf(answer);
  find(panel, '[data-failure-message]').textContent = message ?? panel.dataset.network ?? '';
  panel.hidden = false;
  panel.focus();
}

function start(openForm: HTMLFormElement, view: HTMLElement): void {
  const root = document.documentElement;
  const language = root.lang;
  const messageForm = find<HTMLFormElement>(view, '[data-followup-message]');
  const receiptInput = find<HTMLInputElement>(openForm, '#input-receipt');
  const bodyInput = find<HTMLTextAreaElement>(messageForm, '#input-body');
  const openFailed = find(openForm, '#open-failed');
  const messageFailed = find(messageForm, '#message-failed');
  const sentNote = find(messageForm, '[data-sent-note]');
  const intros = document.querySelectorAll<HTMLElement>('[data-followup-intro]');
  const openBusy = busyButton(find<HTMLButtonElement>(openForm, '[data-send]'));
  const messageBusy = busyButton(find<HTMLButtonElement>(messageForm, '[data-send]'));

  root.classList.add('has-script');
  find(openForm, '[data-no-js-notice]').hidden = true;
  find<HTMLButtonElement>(openForm, '[data-send]').disabled = false;
  // The API's messages, in the page's language, are the one source of validation.
  openForm.noValidate = true;
  messageForm.noValidate = true;

  // Unbound proofs, one per request, each solved while the person types or reads.
  const proofs = new ProofOfWork();
  const warmUp = () => proofs.prepare();
  for (const form of [openForm, messageForm]) {
    form.addEventListener('focusin', warmUp);
    form.addEventListener('input', warmUp);
  }

  // The receipt: here only, and only while the report is open.
  let receipt: string | undefined;

  const showReport = (typed: string, state: ReportState) => {
    receipt = typed;
    receiptInput.value = '';
    renderStatus(view, state);
    renderThread(view, Array.isArray(state.messages) ? state.messages : []);
    openForm.hidden = true;
    for (const intro of intros) intro.hidden = true;
    view.hidden = false;
    view.focus();
  };

  const forget = () => {
    receipt = undefined;
    receiptInput.value = '';
    bodyInput.value = '';
    sentNote.textContent = '';
    clearFieldError('receipt');
    clearFieldError('body');
    openFailed.hidden = true;
    messageFailed.hidden = true;
    clearView(view);
    view.hidden = true;
    openForm.hidden = false;
    for (const intro of intros) intro.hidden = false;
  };

  const open = async () => {
    clearFieldError('receipt');
    openFailed.hidden = true;
    const typed = receiptInput.value;
    openBusy(true);
    const answer = await sendWithProof(proofs, find(openForm, '[data-proof-note]'), (altcha) =>
      postJson('/api/followup', { receipt: typed, language, altcha }),
    );
    openBusy(false);
    if ('reason' in answer) return showFailed(openFailed, answer);
    // Every definite answer but a 400 on the receipt has spent the proof.
    const issue = answer.status === 400 ? firstIssue(answer) : undefined;
    if (!issue) proofs.discard();
    if (answer.status === 200) {
      showReport(typed, answer.body as unknown as ReportState);
      proofs.prepare();
    } else if (issue) showFieldError('receipt', issue[1]);
    else if (answer.status === 404) showFieldError('receipt', messageOf(answer) ?? '');
    else showFailed(openFailed, answer);
  };

  const sendMessage = async () => {
    const openedWith = receipt;
    if (!openedWith) return;
    clearFieldError('body');
    messageFailed.hidden = true;
    sentNote.textContent = '';
    const body = bodyInput.value;
    messageBusy(true);
    const answer = await sendWithProof(proofs, find(messageForm, '[data-proof-note]'), (altcha) =>
      postJson('/api/followup/messages', { receipt: openedWith, body, language, altcha }),
    );
    messageBusy(false);
    // Done or gone while it was on its way: nothing more to show.
    if (receipt !== openedWith) return;
    // No answer: the text and the proof stay, so "Try again" adds the message once.
    if ('reason' in answer) return showFailed(messageFailed, answer);
    const issue = answer.status === 400 ? firstIssue(answer) : undefined;
    if (!issue) proofs.discard();
    if (answer.status === 201) {
      const sentOn = typeof answer.body.sentOn === 'string' ? answer.body.sentOn : '';
      appendMessage(view, { from: 'reporter', body: body.trim(), sentOn });
      bodyInput.value = '';
      sentNote.textContent = sentNote.dataset.sent ?? '';
      proofs.prepare();
    } else if (issue) showFieldError('body', issue[1]);
    else showFailed(messageFailed, answer);
  };

  openForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void open();
  });
  messageForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void sendMessage();
  });
  find(openFailed, '[data-send-again]').addEventListener('click', () => void open());
  find(messageFailed, '[data-send-again]').addEventListener('click', () => void sendMessage());
  find(view, '[data-forget]').addEventListener('click', () => {
    forget();
    receiptInput.focus();
  });
  // Leaving the page forgets the receipt and the report, so Back can't bring them back.
  window.addEventListener('pagehide', forget);
}

const openForm = document.querySelector<HTMLFormElement>('[data-followup-open]');
const view = document.querySelector<HTMLElement>('[data-report-view]');
if (openForm && view) start(openForm, view);
