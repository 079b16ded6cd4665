// Writes dist/search-space.schema.json from the built package's zod schema (run by tsup's onSuccess).
import { writeFile } from 'node:fs/promises';

const { getSearchSpaceJsonSchema } = await import('../dist/index.js');
const target = new URL('../dist/search-space.schema.json', import.meta.url);
await writeFile(target, `${JSON.stringify(getSearchSpaceJsonSchema(), null, 2)}\n`);
