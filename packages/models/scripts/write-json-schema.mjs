// Writes dist/model-spec.schema.json from the built package's zod schema (run by tsup's onSuccess).
import { writeFile } from 'node:fs/promises';

const { getModelSpecJsonSchema } = await import('../dist/browser.js');
const target = new URL('../dist/model-spec.schema.json', import.meta.url);
await writeFile(target, `${JSON.stringify(getModelSpecJsonSchema(), null, 2)}\n`);
