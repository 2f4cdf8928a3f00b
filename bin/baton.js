#!/usr/bin/env node
'use strict';
// Runs the TypeScript CLI straight from source through tsx's CommonJS loader, so `npx baton` works
// right after `npm install` with no build step.
require('tsx/cjs/api').register();
require('../server/cli/main.ts').main(process.argv.slice(2));
