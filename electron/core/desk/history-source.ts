import { registerHistorySource } from '../archives/history';

// Tickets on the household screen: those recorded for the house, and tickets without a house
// (e.g. a public-area complaint by the owner) reported from its current people's phone numbers.
// A ticket recorded for another house never shows here, even when the reporter's phone is the
// same (one person registered in two houses, or a duplicate record of them).
registerHistorySource(async (ctx, houseId) => {
  const phones = await ctx.db
    .selectFrom('occupancies as o')
    .innerJoin('people as p', 'p.id', 'o.person_id')
    .select('p.phone_digits')
    .where('o.house_id', '=', houseId)
    .where('o.ended_at', 'is', null)
    .where('p.phone_digits', 'is not', null)
    .execute();
  const digits = phones.map((p) => p.phone_digits).filter((d): d is string => !!d);
  const rows = await ctx.db
    .selectFrom('tickets')
    .select(['id', 'no', 'type', 'status', 'category', 'subcategory', 'description', 'received_at', 'received_by', 'location', 'house_id'])
    .where((eb) =>
      digits.length
        ? eb.or([eb('house_id', '=', houseId), eb.and([eb('house_id', 'is', null), eb('phone_digits', 'in', digits)])])
        : eb('house_id', '=', houseId),
    )
    .orderBy('received_at', 'desc')
    .limit(500)
    .execute();
  return rows.map((t) => ({
    at: t.received_at,
    kind: 'ticket',
    title: `${t.type} ${t.no} · ${t.status}`,
    detail: `${t.category}${t.subcategory ? `/${t.subcategory}` : ''}：${t.description.slice(0, 80)}${t.house_id === houseId ? '' : `（位置：${t.location}）`}`,
    staff: t.received_by,
    ref: t.id,
  }));
});
