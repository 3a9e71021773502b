import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/**
 * The browser side of the web apps, built once (`npm run build:web`, run by `prepare`) into
 * dist/web with hashed names and a manifest the server reads: the storefront's islands (Preact)
 * and the consoles' single-page app (React).
 */
export default defineConfig({
  root: here('src/web'),
  base: '/',
  publicDir: false,
  plugins: [react({ include: /console\/.*\.tsx$/ })],
  build: {
    outDir: here('dist/web'),
    assetsDir: 'assets',
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    rollupOptions: {
      input: {
        storefront: here('src/web/storefront/client.tsx'),
        console: here('src/web/console/index.html'),
      },
    },
  },
});
