import { deckJsonSchema } from '../core/deck/schema.js';

export async function runSchema(out: (s: string) => void = (s) => process.stdout.write(s)): Promise<void> {
  out(`${JSON.stringify(deckJsonSchema(), null, 2)}\n`);
}
