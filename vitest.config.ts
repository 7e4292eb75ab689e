import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/** Unit and integration tests: server/shared on Node, client components on jsdom. */
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts', 'tests/shared/**/*.test.ts', 'tests/scripts/**/*.test.ts'],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'client',
          environment: 'jsdom',
          include: ['tests/client/**/*.test.tsx', 'tests/client/**/*.test.ts'],
          setupFiles: ['tests/client/helpers/setup.ts'],
          // jsdom tests render whole screens; on a loaded 2-core machine a screen can take seconds.
          testTimeout: 20_000,
        },
      },
    ],
  },
});
