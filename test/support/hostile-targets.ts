/**
 * What the hostile calls aim at: a real report, workshop and handout in Lanting for the path
 * parameters to name, and for each route a genuine token of a role it admits, so a call gets past
 * the authorizer and the role check to the handler's own validation.
 */
import type { Route } from '../../functions/routes.ts';
import { jpegWithMetadata } from './handout-files.ts';
import type { RealTargets } from './hostile-calls.ts';
import { submitted } from './office.ts';
import type { SpawnedRuntime } from './runtime.ts';
import { signIn, withClaims } from './staff.ts';
import { trainerClientWith } from './trainer.ts';
import { sampleSession, sampleWorkshop } from './workshops.ts';

/** The real targets and the tokens that reach each route's handler. */
export interface HostileSetup {
  targets: RealTargets;
  /** The token to send to `route`, or none for a public route. */
  tokenFor(route: Pick<Route, 'method' | 'path' | 'access'>): string | undefined;
}

/**
 * A genuine token for `username` that outlives a long run: the provider's own claims, with `exp`
 * hours away (signed with the provider's key, as only a test may).
 */
async function longLived(runtime: SpawnedRuntime, username: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return withClaims(runtime, await signIn(runtime, username), { exp: now + 6 * 3600 });
}

/**
 * Seeds a report, a draft workshop with one handout, and signs in a lead (every office route), a
 * trainer (writing workshops) and a reviewer (review steps: the draft is never in review, so a
 * publish can't succeed and start a site build).
 */
export async function hostileSetup(runtime: SpawnedRuntime): Promise<HostileSetup> {
  const [lead, trainer, reviewer] = [
    await longLived(runtime, 'lead-lanting'),
    await longLived(runtime, 'trainer-lanting'),
    await longLived(runtime, 'reviewer-lanting'),
  ];
  const { ref } = await submitted(runtime, {
    community: 'lanting',
    categories: ['neglect'],
    reporterRole: 'resident',
    childAgeBand: '0-7',
    immediateDanger: false,
    description: 'A target for the hostile calls.',
    language: 'en',
  });
  const client = trainerClientWith(runtime, trainer);
  const created = await client.send('POST', '/api/trainer/workshops', {
    workshop: sampleWorkshop(),
    sessions: [sampleSession()],
  });
  if (created.status !== 201) throw new Error(`the target workshop was refused: ${created.status}`);
  const id = String(created.body.id);
  const upload = await fetch(`${runtime.url}/api/trainer/workshops/${id}/handouts?name=map.jpg`, {
    method: 'POST',
    headers: { authorization: `Bearer ${trainer}`, 'content-type': 'image/jpeg' },
    body: jpegWithMetadata(),
  });
  if (upload.status !== 201) throw new Error(`the target handout was refused: ${upload.status}`);
  const handout = String(((await upload.json()) as { id: string }).id);
  return {
    targets: { ref, id, handout },
    tokenFor: (route) => {
      if (route.access === 'public') return undefined;
      if (route.path.startsWith('/api/office/')) return lead;
      return route.path.endsWith('/actions') ? reviewer : trainer;
    },
  };
}
