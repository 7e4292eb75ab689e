import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The embeddable web-chat widget: one self-contained IIFE script, dist/widget/widget.js, served at
 * /widget.js. Separate from the agent app's build (dist/client), so neither build empties the other.
 */
export default defineConfig({
  root,
  publicDir: false,
  build: {
    outDir: 'dist/widget',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2019',
    lib: {
      entry: 'client/widget/main.ts',
      name: 'BraidWidget',
      formats: ['iife'],
      fileName: () => 'widget.js',
    },
  },
});
