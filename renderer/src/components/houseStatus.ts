import type { BadgeVariant } from '@mantine/core';
import type { HouseT } from '../../../shared/contract/archives';

/** One look per house status, matching the building map's colours (grey unsold … green occupied, violet let). */
export const HOUSE_STATUS_BADGE: Record<HouseT['status'], { color: string; variant: BadgeVariant }> = {
  未售: { color: 'gray', variant: 'light' },
  已售未交付: { color: 'yellow', variant: 'light' },
  已交付: { color: 'blue', variant: 'light' },
  已入住: { color: 'green', variant: 'light' },
  装修中: { color: 'orange', variant: 'light' },
  空置: { color: 'gray', variant: 'outline' },
  出租: { color: 'violet', variant: 'light' },
};
