/** `npm run openapi`: writes docs/openapi.json from the schemas, so the published contract moves with the code. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deployment } from '../functions/config.ts';
import { openApiDocument } from '../functions/http/openapi.ts';
import { repoRoot } from './site-build.ts';

/** Where the generated document is kept. */
export const openApiPath = join(repoRoot, 'docs', 'openapi.json');

/** The document as committed: pretty-printed, newline-terminated. */
export function openApiText(): string {
  return `${JSON.stringify(openApiDocument(deployment.communities.map((c) => c.id)), null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(openApiPath, openApiText());
  console.log(`Wrote ${openApiPath}`);
}
