// PGlite (embedded Postgres) starts its WASM runtime with a dynamic import(), which jest's module
// sandbox serves only when Node runs with --experimental-vm-modules: `npm test` passes that flag (and
// jest's workers inherit it). Run single files with `npm test -- test/store`.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }] },
  // PGlite starts in seconds and the store suites reuse one instance per file.
  testTimeout: 30000,
};
