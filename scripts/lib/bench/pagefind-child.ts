/** Child process of the benchmark: index the built `dist/` of the cwd with the project's own Pagefind step. */
import { join } from 'node:path';
import { buildSearchIndex } from '../../../src/integrations/pagefind.ts';

const pages = await buildSearchIndex(join(process.cwd(), 'dist'));
console.log(JSON.stringify({ pages }));
