import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

// The renderer is plain static files: relative paths so both app:// and http://127.0.0.1 serve it.
export default defineConfig({
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'dist', 'renderer'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // What the first page load runs (the start screen and the unlock) in one chunk, which compresses
          // better than the dozen pieces it would otherwise be cut into; every screen stays a chunk of its own.
          groups: [{ name: 'start', tags: ['$initial'] }],
        },
      },
    },
  },
});
