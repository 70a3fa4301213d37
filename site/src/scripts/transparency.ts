/**
 * The transparency page's script: fetches the public figures once and draws one table per
 * community, newest month first. A count under 5 arrives as `{ fewerThan: 5 }` and is written
 * in words. Kept tiny and free of imports: it is a content page. Browser only.
 */

type Count = number | { fewerThan: 5 };
interface Figures {
  generatedAt: string;
  communities: {
    id: string;
    name: Record<string, string>;
    months: { month: string; received: Count; acknowledgedInTime: Count; closed: Count }[];
  }[];
}

const box = document.querySelector<HTMLElement>('[data-transparency]');
const lang = document.documentElement.lang;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (text !== undefined) element.textContent = text;
  return element;
}

function monthName(month: string): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  return Number.isNaN(date.getTime())
    ? month
    : new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(date);
}

function draw(root: HTMLElement, figures: Figures): void {
  const data = root.dataset;
  const columns = JSON.parse(data.columns ?? '[]') as string[];
  const count = (value: Count) => (typeof value === 'number' ? String(value) : (data.fewer ?? '< 5'));
  const out = root.querySelector('[data-figures]');
  for (const community of figures.communities) {
    const name = community.name[lang] ?? community.id;
    const table = el('table');
    table.className = 'transparency__table';
    table.append(Object.assign(el('caption', name), { className: 'visually-hidden' }));
    const head = table.createTHead().insertRow();
    for (const column of columns) head.append(Object.assign(el('th', column), { scope: 'col' }));
    const body = table.createTBody();
    for (const month of [...community.months].sort((a, b) => b.month.localeCompare(a.month))) {
      const row = body.insertRow();
      row.append(Object.assign(el('th', monthName(month.month)), { scope: 'row' }));
      for (const value of [month.received, month.acknowledgedInTime, month.closed])
        row.append(el('td', count(value)));
    }
    const section = el('section');
    section.append(el('h2', name), community.months.length ? table : el('p', data.empty));
    out?.append(section);
  }
  const day = new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(new Date(figures.generatedAt));
  const status = root.querySelector('[data-status]');
  if (status)
    status.textContent = figures.communities.length
      ? (data.asOf ?? '').replace('{date}', day)
      : (data.empty ?? '');
}

async function start(root: HTMLElement): Promise<void> {
  document.documentElement.classList.add('has-script');
  try {
    const response = await fetch('/api/transparency', { credentials: 'omit', referrerPolicy: 'no-referrer' });
    if (!response.ok) throw new Error(String(response.status));
    draw(root, (await response.json()) as Figures);
  } catch {
    const status = root.querySelector('[data-status]');
    if (status) status.textContent = root.dataset.failed ?? '';
  }
}

if (box) void start(box);
