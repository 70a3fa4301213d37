/**
 * Functions the browser tests run inside a page with `page.evaluate`. The repository's types are
 * Node's, so the few browser globals they read are declared here, for this module only. Each
 * function is sent to the page as source: it may use nothing but browser globals.
 */

declare const document: {
  cookie: string;
  title: string;
  activeElement: { id: string } | null;
  documentElement: { scrollWidth: number; style: { visibility: string } };
  body: unknown;
};
declare const window: { innerWidth: number };
declare const localStorage: { length: number };
declare const sessionStorage: { length: number };
declare const indexedDB: { databases(): Promise<{ name?: string }[]> };
declare function getComputedStyle(element: unknown): { display: string; backgroundColor: string };
declare class MutationObserver {
  constructor(callback: () => void);
  observe(target: unknown, options: { attributes: boolean; attributeFilter: string[] }): void;
}

/** The id of the element that has focus, where a screen reader would be. */
export const focusedId = (): string | undefined => document.activeElement?.id;

/** How far the page sticks out sideways past the screen, in CSS pixels. */
export const sidewaysOverflow = (): number => document.documentElement.scrollWidth - window.innerWidth;

/** What the page's origin keeps in the browser: cookies, web storage, IndexedDB databases. */
export const storedTraces = async () => ({
  cookie: document.cookie,
  localStorage: localStorage.length,
  sessionStorage: sessionStorage.length,
  indexedDB: (await indexedDB.databases()).map((db) => db.name),
});

/**
 * Logs `exit: <html visibility> <body display> "<title>"` the moment the quick exit marks the
 * page, as it would be painted. A console message, because the page is already leaving: Chromium
 * answers no `evaluate` while its navigation is pending.
 */
export const logExitState = (): void =>
  new MutationObserver(() => {
    const { visibility } = document.documentElement.style;
    const { display } = getComputedStyle(document.body);
    queueMicrotask(() => console.log(`exit: ${visibility} ${display} "${document.title}"`));
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });

declare class Worker {
  constructor(url: string, options: { type: 'module' });
  onmessage: ((event: { data: { id: number; solution: { counter: number } | null } }) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
}
declare function fetch(url: string): Promise<{ json(): Promise<unknown> }>;
declare const performance: { now(): number };

/**
 * Solves `runs` fresh challenges from `/api/challenge` one after another in the site's own
 * worker, and returns how long each took (from posting the challenge to getting the answer).
 */
export const solveInWorker = async (options: { worker: string; runs: number }) => {
  const worker = new Worker(options.worker, { type: 'module' });
  const results: { ms: number; counter: number }[] = [];
  for (let id = 0; id < options.runs; id++) {
    const challenge = await (await fetch('/api/challenge')).json();
    const started = performance.now();
    const counter = await new Promise<number>((done) => {
      worker.onmessage = (event) => done(event.data.solution?.counter ?? -1);
      worker.postMessage({ id, challenge });
    });
    results.push({ ms: performance.now() - started, counter });
  }
  worker.terminate();
  return results;
};

declare function scrollTo(x: number, y: number): void;

/** Scrolls the page back to its top. */
export const scrollToTop = (): void => scrollTo(0, 0);

/** Submits a form as a browser without the page script would: a plain post, no submit event. */
export const submitPlainly = (form: unknown): void => (form as { submit(): void }).submit();

/** The background colour an element is painted with. */
export const backgroundOf = (element: unknown): string => getComputedStyle(element).backgroundColor;
