/**
 * The lead's CSV export: fetched with the access token (a plain link could not carry it), then
 * handed to the browser as a download from a Blob URL that is revoked straight after. Browser only.
 */
import type { Context } from './context.ts';
import { h } from './dom.ts';
import { s } from './strings.ts';

/** The file name the API gives, or one made from the community and today's date. */
function fileName(response: Response, community: string): string {
  const given = /filename="?([^";]+)"?/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  return given ?? `hutong-${community}-${new Date().toISOString().slice(0, 10)}.csv`;
}

/** Downloads the export, saying in `status` how it went. */
export async function downloadCsv(
  { api, me }: Context,
  button: HTMLButtonElement,
  status: HTMLElement,
): Promise<void> {
  const idle = button.textContent ?? '';
  button.disabled = true;
  button.textContent = button.dataset.busy ?? idle;
  status.textContent = '';
  const response = await api.download('/api/office/export.csv');
  button.disabled = false;
  button.textContent = idle;
  if (response?.status === 401) return;
  if (!response?.ok) {
    const detail = !response
      ? s('office.error.network')
      : response.status === 403
        ? s('office.error.forbidden')
        : s('office.error.server');
    status.textContent = s('office.stats.exportFailed', { detail });
    return;
  }
  const name = fileName(response, me.community.id);
  const url = URL.createObjectURL(await response.blob());
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has the file once the click is handled; nothing of it stays in memory after.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  status.textContent = s('office.stats.exported', { name });
}
