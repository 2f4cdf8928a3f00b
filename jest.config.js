// PGlite (embedded Postgres) starts its WASM runtime with dynamic import(), which jest's module
// sandbox serves only when Node runs with --experimental-vm-modules. Without it, jest is re-run once
// with the flag in NODE_OPTIONS (inherited by its workers), so plain `npx jest` and `npm test` work.
const VM_MODULES = '--experimental-vm-modules';
const nodeOptions = process.env.NODE_OPTIONS || '';
if (!process.execArgv.includes(VM_MODULES) && !nodeOptions.includes(VM_MODULES) && !process.env.JEST_WORKER_ID) {
  const { spawnSync } = require('node:child_process');
  const result = spawnSync(process.execPath, process.argv.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, NODE_OPTIONS: `${nodeOptions} ${VM_MODULES} --disable-warning=ExperimentalWarning`.trim() },
  });
  process.exit(result.status ?? 1);
}

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }] },
  // PGlite starts in seconds and the store suites reuse one instance per file.
  testTimeout: 30000,
};
