import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The agent app is built from client/ into dist/client and served by the Braid server. */
export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    reportCompressedSize: true,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/socket.io': { target: 'http://127.0.0.1:3000', ws: true },
      '/widget.js': 'http://127.0.0.1:3000',
    },
  },
});
