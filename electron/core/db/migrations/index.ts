import type { Migration } from 'kysely';
import * as m0001 from './0001_archives';

// Numbered migrations, applied in order at start. Never edit a released one: add the next number.
export const migrations: Record<string, Migration> = {
  '0001_archives': m0001,
};
