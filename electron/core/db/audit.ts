import type { Kysely } from 'kysely';
import type { DB } from './schema';
import { maskIdNumbersIn } from '../../../shared/domain/idcard';

/** The audit trail never holds a full ID number (docs/AUDIT.md): any one in a detail's text, a note included, is masked. */
const maskIds = (_key: string, value: unknown) => (typeof value === 'string' ? maskIdNumbersIn(value) : value);

/** Every write leaves a line: who, when, what. Nothing is ever hard-deleted, and this is how we know. */
export async function audit(db: Kysely<DB>, actor: string, entity: string, entityId: number | null, action: string, detail?: unknown): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: new Date().toISOString(),
      actor: actor || '系统',
      entity,
      entity_id: entityId,
      action,
      detail: detail === undefined ? null : JSON.stringify(detail, maskIds),
    })
    .execute();
}
