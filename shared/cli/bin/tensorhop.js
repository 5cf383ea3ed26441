#!/usr/bin/env node
// The `tensorhop` command. A committed shim, so that npm links the bin at install time, before
// `npm run build` has produced dist/.
import '../dist/main.js';
