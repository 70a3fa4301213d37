/**
 * Read aloud, for children's pages: the browser's own speech synthesis in the page's language,
 * so nothing is sent anywhere. The controls stay hidden where there is no speech synthesis, or
 * where the browser already knows its voices and has none for the language. Browser only.
 */
import { sentences } from './sentences.ts';

type State = 'idle' | 'speaking' | 'paused';

const box = document.querySelector<HTMLElement>('[data-read-aloud]');
const synth: SpeechSynthesis | undefined = window.speechSynthesis;

if (box && synth && typeof SpeechSynthesisUtterance === 'function') {
  const toggle = box.querySelector<HTMLButtonElement>('[data-read-aloud-toggle]');
  const label = box.querySelector<HTMLElement>('[data-read-aloud-label]');
  const stop = box.querySelector<HTMLButtonElement>('[data-read-aloud-stop]');
  const lang = document.documentElement.lang;
  const base = lang.split('-')[0]?.toLowerCase() ?? lang;
  let state: State = 'idle';
  /** The current reading; a cancelled one's late events change nothing. */
  let run = 0;

  /** The best voice for the page: its exact language, else the same language anywhere. */
  const voice = (): SpeechSynthesisVoice | undefined => {
    const voices = synth.getVoices().map((v) => ({ v, tag: v.lang.replace('_', '-').toLowerCase() }));
    return (
      voices.find(({ tag }) => tag === lang.toLowerCase()) ??
      voices.find(({ tag }) => tag.split('-')[0] === base)
    )?.v;
  };

  const show = (next: State): void => {
    state = next;
    if (label)
      label.textContent =
        box.dataset[next === 'idle' ? 'start' : next === 'speaking' ? 'pause' : 'resume'] ?? '';
    if (stop) stop.hidden = next === 'idle';
  };

  // Voices often arrive late; only a known list without the language hides the controls.
  const offer = (): void => {
    const unavailable = state === 'idle' && synth.getVoices().length > 0 && !voice();
    box.hidden = unavailable;
    box.toggleAttribute('data-unavailable', unavailable);
  };

  const silence = (): void => {
    run += 1;
    synth.cancel();
    show('idle');
  };

  const read = (): void => {
    silence();
    // Chrome keeps a paused synthesiser paused across cancel(): a new reading must resume it.
    synth.resume();
    const mine = run;
    const parts = [...document.querySelectorAll<HTMLElement>('[data-read-aloud-part]')].map(
      // biome-ignore lint/performance/useDomNodeTextContent: innerText is the page as a reader sees it: a line per block, hidden text left out.
      (el) => el.innerText,
    );
    const chosen = voice();
    const lines = sentences(parts);
    lines.forEach((line, i) => {
      const utterance = new SpeechSynthesisUtterance(line);
      utterance.lang = lang;
      if (chosen) utterance.voice = chosen;
      utterance.rate = 0.9;
      if (i === lines.length - 1) utterance.onend = () => mine === run && show('idle');
      utterance.onerror = () => mine === run && silence();
      synth.speak(utterance);
    });
    show(lines.length ? 'speaking' : 'idle');
  };

  toggle?.addEventListener('click', () => {
    if (state === 'idle') read();
    else if (state === 'speaking') {
      synth.pause();
      show('paused');
    } else {
      synth.resume();
      show('speaking');
    }
  });

  stop?.addEventListener('click', () => {
    silence();
    toggle?.focus();
  });

  // Leaving the page (the quick exit too) silences it at once.
  addEventListener('pagehide', silence);

  synth.addEventListener('voiceschanged', offer);
  offer();
} else box?.toggleAttribute('data-unavailable', true);
