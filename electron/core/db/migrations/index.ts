import type { Migration } from 'kysely';
import * as m0001 from './0001_archives';
import * as m0002 from './0002_search';
import * as m0003 from './0003_desk';
import * as m0004 from './0004_ticket_indexes';
import * as m0005 from './0005_people_identity';
import * as m0006 from './0006_print_log';
import * as m0007 from './0007_movein';
import * as m0008 from './0008_notices';
import * as m0009 from './0009_renovation';
import * as m0010 from './0010_search_grams';
import * as m0011 from './0011_desk_speed';
import * as m0012 from './0012_accounts';

// Numbered migrations, applied in order at start. Never edit a released one: add the next number.
export const migrations: Record<string, Migration> = {
  '0001_archives': m0001,
  '0002_search': m0002,
  '0003_desk': m0003,
  '0004_ticket_indexes': m0004,
  '0005_people_identity': m0005,
  '0006_print_log': m0006,
  '0007_movein': m0007,
  '0008_notices': m0008,
  '0009_renovation': m0009,
  '0010_search_grams': m0010,
  '0011_desk_speed': m0011,
  '0012_accounts': m0012,
};
