#!/usr/bin/env node
// The installed command. The server itself is the one bundled file dist/bin.js, built by
// `pnpm run build`; this file exists before the build too, so installing the workspace never
// warns about a command whose file is missing.
import '../dist/bin.js';
