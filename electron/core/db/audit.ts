import type { Kysely } from 'kysely';
import type { DB } from './schema';
import { maskIdNumbersIn } from '../../../shared/domain/idcard';

/** The audit trail never holds a full ID number (docs/AUDIT.md): any one in a detail's text, a note included, is masked. */
const maskIds = (_key: string, value: unknown) => (typeof value === 'string' ? maskIdNumbersIn(value) : value);
/** An ID number has at least 15 digits in a row, and JSON writes digits as they are: a text without such a run holds none. */
const MAY_HOLD_ID = /\d{15}/;

/**
 * A detail as audit_log stores it, ID numbers masked. A roster writes one line per row and field
 * (imports/bulk.ts), so the replacer (a call per key) runs only on the rare line whose plain text
 * could hold an ID number; the text is then the same.
 */
export function auditDetailText(detail: unknown): string | null {
  if (detail === undefined) return null;
  const plain = JSON.stringify(detail);
  return MAY_HOLD_ID.test(plain) ? JSON.stringify(detail, maskIds) : plain;
}

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
      detail: auditDetailText(detail),
    })
    .execute();
}
