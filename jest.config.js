// PGlite (embedded Postgres) starts its WASM runtime with a dynamic import(), which jest's module
// sandbox serves only when Node runs with --experimental-vm-modules: `npm test` passes that flag (and
// jest's workers inherit it). Run single files with `npm test -- test/store`.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }] },
  // PGlite starts in seconds and the store suites reuse one instance per file; on a slow shared host,
  // with both jest workers starting one at once, a start with its migrations has taken over 30 s
  // (CI, 2026-12-02: a test that opens PGlite inside `it` timed out at 30 s; every other suite passed).
  testTimeout: 60000,
  // With two cores jest runs one file at a time, and with one worker it would run them in its own
  // process, whose heap only grows: the whole suite once stopped at the 4 GB heap limit after 101 of
  // 111 files (2026-12-02). A memory limit makes jest use a worker process (still one at a time),
  // replaced when it holds more than this after a file.
  workerIdleMemoryLimit: '1GB',
};
