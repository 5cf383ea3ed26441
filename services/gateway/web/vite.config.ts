/**
 * Builds the gateway's web page into `web/dist/`, which the gateway serves at `/`. Everything the
 * page needs (the SDK's browser path included) is bundled here: nothing is fetched from a CDN.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  // The page is served by the gateway, never from a dev server's public folder.
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The gateway's CSP allows scripts and styles from 'self' only: no inline or data: assets.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
});
