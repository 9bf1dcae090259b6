import type { HOUSE_STATUSES } from '../../../../shared/contract/archives';

type HouseStatus = (typeof HOUSE_STATUSES)[number];

// Building and unit names, codes and sort keys come from archives/places.ts, so a building the
// roster creates looks and sorts exactly like one typed in by hand.
export { buildingNameOf as buildingName, unitNameOf as unitName, sortKeyOf } from '../../archives/places';

/**
 * Status of a house the roster creates — the trade's reading of an owner roster:
 * a move-in date means 已入住; a named owner without one means the house was handed over (已交付);
 * no owner at all means it is still unsold (未售).
 */
export function statusFromRoster(hasOwner: boolean, hasMoveIn: boolean): HouseStatus {
  if (hasMoveIn) return '已入住';
  if (hasOwner) return '已交付';
  return '未售';
}

// Statuses along the sale→occupation path. An import only moves a house forward on it; a house
// already under renovation, vacant or let is left as the desk recorded it.
const PATH: HouseStatus[] = ['未售', '已售未交付', '已交付', '已入住'];

/** The status an existing house should take after the import, or null to leave it. */
export function advancedStatus(current: string, fromRoster: HouseStatus): HouseStatus | null {
  const a = PATH.indexOf(current as HouseStatus);
  const b = PATH.indexOf(fromRoster);
  return a >= 0 && b > a ? fromRoster : null;
}
