import { defineConfig } from 'vitest/config';

/** End-to-end tests: real Chromium against a real Braid serving the built client (run `vite build` first). */
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
