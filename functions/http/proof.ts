/** Proof of work at the boundary: verified once, made single-use, or refused with a 400. */
import { ProofOfWorkError } from '../domain/errors.ts';
import { fingerprint } from '../domain/idempotency.ts';
import type { Language } from '../domain/languages.ts';
import { checkProof, type ProofSecrets } from '../domain/proof-of-work.ts';
import { claimProof } from '../store/proofs.ts';

/**
 * Verifies `altcha` and records its use for `request`. The same request may come again with the
 * same proof (a retry); anything else under a used proof is refused. Returns the proof's id and
 * the instant of its first use, so a retry's writes land where the first attempt's did.
 */
export async function spendProof(
  altcha: string | undefined,
  request: unknown,
  options: { secrets: ProofSecrets; language: Language; now: Date },
): Promise<{ id: string; at: string; first: boolean }> {
  const proof = await checkProof(altcha, options.secrets);
  if (!proof.ok) throw new ProofOfWorkError(options.language);
  const print = fingerprint(request, options.secrets.fingerprint);
  const use = await claimProof(
    proof.id,
    { fingerprint: print, at: options.now.toISOString() },
    new Date(proof.expiresAt * 1000),
  );
  if (use.fingerprint !== print) throw new ProofOfWorkError(options.language);
  return { id: proof.id, at: use.at, first: use.first };
}
