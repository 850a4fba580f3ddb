/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const frontendDir = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
// The dev server forwards backend paths to the local stack's HAProxy (see scripts/up).
const backend = process.env.VMS_DEV_BACKEND ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root: frontendDir,
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': backend,
      '/hls': backend,
      '/media': backend,
      '/ws': { target: backend, ws: true },
    },
  },
  test: {
    root: repoRoot,
    environment: 'jsdom',
    include: ['frontend/src/**/*.test.{ts,tsx}'],
    setupFiles: [fileURLToPath(new URL('./src/test/setup.ts', import.meta.url))],
    restoreMocks: true,
    unstubGlobals: true,
  },
});
