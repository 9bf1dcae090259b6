import type { Migration } from 'kysely';
import * as m0001 from './0001_archives';
import * as m0002 from './0002_search';
import * as m0003 from './0003_desk';
import * as m0004 from './0004_ticket_indexes';
import * as m0005 from './0005_people_identity';

// Numbered migrations, applied in order at start. Never edit a released one: add the next number.
export const migrations: Record<string, Migration> = {
  '0001_archives': m0001,
  '0002_search': m0002,
  '0003_desk': m0003,
  '0004_ticket_indexes': m0004,
  '0005_people_identity': m0005,
};
