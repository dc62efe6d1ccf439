import { defineConfig } from 'vitest/config';

// Unit and integration tests: no browser. Browser tests live in tests/e2e (vitest.e2e.config.ts).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // Builds the real site once (in a project copy) for the trust tests: link check, nothing lost, determinism.
    globalSetup: ['tests/trust/global-setup.ts'],
  },
});
