#!/usr/bin/env node
// The `lantern` command. The server is TypeScript run through tsx, so there is no build step
// between an edit and `lantern serve`.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli/main.ts');
