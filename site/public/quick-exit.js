/* Quick exit, after GOV.UK "Exit this page". First in <head> and listening on document, it works
   before anything else loads. Target: the button's href, or data-exit. ES2015: old phones. */
(() => {
  const doc = document;
  const root = doc.documentElement;
  const fallback = (doc.currentScript || root).getAttribute('data-exit') || 'about:blank';
  let presses = 0;
  let timer = 0;
  let modified = false;

  const say = (name) => {
    const region = doc.querySelector('[data-quick-exit-status]');
    if (region) region.textContent = (name && region.getAttribute(`data-${name}`)) || '';
  };

  const exit = (link) => {
    // Class: the CSS overlay; CSSOM style (CSP allows it): hidden before the CSS loads.
    // replace(): the portal leaves the history, so Back can't return.
    root.classList.add('is-exiting');
    root.style.visibility = 'hidden';
    doc.title = '';
    location.replace(link ? link.href : fallback);
  };

  doc.addEventListener('click', (event) => {
    const link = event.target.closest('[data-quick-exit]');
    if (!link) return;
    event.preventDefault();
    exit(link);
  });

  // Shift alone counts; as a modifier (Shift+A) it doesn't.
  doc.addEventListener('keydown', (event) => {
    if (event.key !== 'Shift') modified = true;
    else if (!event.repeat) modified = event.ctrlKey || event.altKey || event.metaKey;
  });

  doc.addEventListener('keyup', (event) => {
    if (event.key !== 'Shift') return;
    if (modified) {
      modified = false;
      return;
    }
    presses += 1;
    if (presses === 3) return exit(doc.querySelector('[data-quick-exit]'));
    say(presses === 1 ? 'press-2' : 'press-1');
    if (presses === 1)
      timer = setTimeout(() => {
        presses = 0;
        say('expired');
      }, 5000);
  });

  // bfcache: show the page again.
  addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    clearTimeout(timer);
    presses = 0;
    root.classList.remove('is-exiting');
    root.style.visibility = '';
    say('');
  });
})();
