/** Taking a proof of work when a person sends: a short note on screen only if they must wait. */
import type { ProofOfWork } from './proof-of-work.ts';

/**
 * The `altcha` payload from `proofs`, or undefined when none can be made now (offline). While it
 * is still being solved, `note` (a `role="status"` element) says so with its `data-waiting`.
 * @example const altcha = await takeProof(proofs, find(form, '[data-proof-note]'));
 */
export async function takeProof(proofs: ProofOfWork, note: HTMLElement): Promise<string | undefined> {
  if (!proofs.ready) note.textContent = note.dataset.waiting ?? '';
  try {
    return await proofs.take();
  } catch {
    return undefined;
  } finally {
    note.textContent = '';
  }
}
