#!/usr/bin/env node
// The `lantern` command. The server is TypeScript run through tsx, so there is no build step
// between an edit and `lantern serve`.
import { register } from 'tsx/esm/api';

// Lantern's config takes production as the default mode; so must the libraries that read it when
// they load (graphql-js checks every `instanceof` across realms outside production: ~0.14 ms of
// CPU a request). Tests and development set it themselves.
process.env.NODE_ENV ??= 'production';
register();
await import('../server/cli/main.ts');
