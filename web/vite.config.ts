import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The console is built to web/dist, which the API process serves at `/`. `npm run dev:web` serves it
 * with hot reload and proxies the API to a running `npm start` (ASSAY_API, default port 3000).
 */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server's CSP forbids inline scripts; keep every asset a file.
    assetsInlineLimit: 0,
    sourcemap: true,
    target: 'es2022',
  },
  server: {
    proxy: {
      '/v1': process.env['ASSAY_API'] ?? 'http://127.0.0.1:3000',
    },
  },
});
