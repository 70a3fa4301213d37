// The public site: static pages only. Every asset is an external file from this origin, because
// the CSP (infra/security-headers.ts) allows no inline script or style and no other origin.
import { defineConfig, passthroughImageService } from 'astro/config';
import { stableStylesheet } from './src/integrations/stable-stylesheet.mjs';

export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Inline <style> would be blocked by `style-src 'self'`.
    inlineStylesheets: 'never',
  },
  // No sharp: the site has no raster images to optimise, and sharp is a native dependency.
  image: { service: passthroughImageService() },
  markdown: {
    // Shiki writes inline `style=` attributes, which the CSP blocks; content has no code anyway.
    syntaxHighlight: false,
  },
  devToolbar: { enabled: false },
  integrations: [stableStylesheet()],
  prefetch: false,
  vite: {
    // Small scripts and assets are otherwise inlined into the HTML, which `script-src 'self'` blocks.
    build: {
      assetsInlineLimit: 0,
      rollupOptions: {
        output: {
          // The one stylesheet would otherwise be named after whichever page Rollup met first.
          assetFileNames: (asset) =>
            asset.names.some((name) => name.endsWith('.css'))
              ? '_astro/site.[hash][extname]'
              : '_astro/[name].[hash][extname]',
        },
      },
    },
  },
});
