import { HOUSE_STATUSES } from '../../../../shared/contract/archives';

export type HouseStatusT = (typeof HOUSE_STATUSES)[number];

/** Colours the trade reads at a glance: grey unsold … green occupied, violet let. */
export const STATUS_STYLE: Record<HouseStatusT, { bg: string; border: string; text: string }> = {
  未售: { bg: 'var(--mantine-color-gray-3)', border: 'var(--mantine-color-gray-5)', text: 'var(--mantine-color-gray-8)' },
  已售未交付: { bg: 'var(--mantine-color-yellow-2)', border: 'var(--mantine-color-yellow-6)', text: 'var(--mantine-color-yellow-9)' },
  已交付: { bg: 'var(--mantine-color-blue-1)', border: 'var(--mantine-color-blue-5)', text: 'var(--mantine-color-blue-9)' },
  已入住: { bg: 'var(--mantine-color-green-1)', border: 'var(--mantine-color-green-6)', text: 'var(--mantine-color-green-9)' },
  装修中: { bg: 'var(--mantine-color-orange-1)', border: 'var(--mantine-color-orange-5)', text: 'var(--mantine-color-orange-9)' },
  空置: { bg: 'var(--mantine-color-white)', border: 'var(--mantine-color-gray-4)', text: 'var(--mantine-color-gray-7)' },
  出租: { bg: 'var(--mantine-color-violet-1)', border: 'var(--mantine-color-violet-5)', text: 'var(--mantine-color-violet-9)' },
};

export const STATUS_ORDER: readonly HouseStatusT[] = HOUSE_STATUSES;
