/** Where tests and benchmarks find the third-party data and schemas (README.md here): this folder, or LANTERN_DATASETS. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const datasetsDir = process.env.LANTERN_DATASETS ?? path.dirname(fileURLToPath(import.meta.url));
