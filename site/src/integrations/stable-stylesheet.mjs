// Copies the built stylesheet to a stable address, /styles/site.css, for the pages the functions
// render without JavaScript (functions/http/pages): they cannot know the hashed name. In src/ so a
// change to it makes infra/site-build.ts rebuild the site.
import { copyFile, mkdir, readdir } from 'node:fs/promises';

/** The address the function-rendered pages link to; functions/http/pages/layout.ts says the same. */
export const stablePath = 'styles/site.css';

/**
 * An Astro integration that copies `_astro/site.<hash>.css` to `styles/site.css` once the build is
 * done, and fails the build if there is not exactly one such stylesheet.
 * @returns {import('astro').AstroIntegration}
 */
export function stableStylesheet() {
  return {
    name: 'hutong:stable-stylesheet',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const assets = new URL('_astro/', dir);
        const sheets = (await readdir(assets)).filter((name) => /^site\.[\w-]+\.css$/.test(name));
        if (sheets.length !== 1) {
          throw new Error(
            `expected one _astro/site.<hash>.css, found ${sheets.length}: ${sheets.join(', ')}`,
          );
        }
        const target = new URL(stablePath, dir);
        await mkdir(new URL('.', target), { recursive: true });
        await copyFile(new URL(sheets[0], assets), target);
        logger.info(`${sheets[0]} → /${stablePath}`);
      },
    },
  };
}
