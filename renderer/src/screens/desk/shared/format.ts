import { cstDateTime } from '../../../../../shared/domain/time';

/** "2026-11-22 16:52" in China time, or a dash for a missing time */
export const when = (iso: string | null | undefined) => (iso ? cstDateTime(iso) : '—');
