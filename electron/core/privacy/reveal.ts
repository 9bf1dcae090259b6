import type { z } from 'zod';
import type { CoreContext } from '../context';
import type { RevealInput } from '../../../shared/contract/privacy';
import { audit } from '../db/audit';
import { invalid, notFound } from '../errors';

type Input = z.output<typeof RevealInput>;

const PERSON_COLUMNS = { idNumber: 'id_number', phone: 'phone', phone2: 'phone2', emergencyPhone: 'emergency_phone' } as const;

/**
 * One full number for 显示, with its audit line in the same transaction (docs/PRIVACY.md): who saw
 * which field of whom, never the number itself. The gate has already checked ids.full for ID numbers.
 */
export async function reveal(ctx: CoreContext, input: Input): Promise<{ value: string }> {
  const actor = await ctx.actor();
  return ctx.db.transaction().execute(async (trx) => {
    let value: string | null;
    if (input.subject === 'person') {
      const row = await trx.selectFrom('people').select(['name', PERSON_COLUMNS[input.field]]).where('id', '=', input.id).executeTakeFirst();
      if (!row) throw notFound('人员');
      value = (row as Record<string, string | null>)[PERSON_COLUMNS[input.field]];
      if (value) await audit(trx, actor, 'person', input.id, 'reveal', { field: input.field, name: row.name });
    } else if (input.subject === 'handover') {
      const row = await trx.selectFrom('handovers').select(['receiver_name', 'receiver_phone']).where('id', '=', input.id).executeTakeFirst();
      if (!row) throw notFound('交付记录');
      value = row.receiver_phone;
      if (value) await audit(trx, actor, 'handover', input.id, 'reveal', { field: 'receiverPhone', name: row.receiver_name });
    } else {
      const row = await trx.selectFrom('tickets').select(['no', 'phone']).where('id', '=', input.id).executeTakeFirst();
      if (!row) throw notFound('工单');
      value = row.phone;
      if (value) await audit(trx, actor, 'ticket', input.id, 'reveal', { field: 'phone', no: row.no });
    }
    if (!value) throw invalid('没有登记这个号码');
    return { value };
  });
}
