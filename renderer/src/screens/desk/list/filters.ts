import { OPEN_STATUSES, type TicketStatusT, type TicketT } from '../../../../../shared/contract/desk';
import type { ListQuery } from './useTicketPages';

export type Preset = 'overdue' | 'dueSoon' | 'open';
export type SortKey = 'receivedAt' | 'due' | 'no';

/** What the filter bar holds; `text` is the raw input (the query uses it debounced). */
export interface Filters {
  status: TicketStatusT[];
  type: TicketT['type'][];
  category: string | null;
  buildingId: string | null;
  department: string | null;
  from: string;
  to: string;
  due: 'all' | 'dueSoon' | 'overdue';
  text: string;
  sort: SortKey;
  dir: 'asc' | 'desc';
}

/** the natural direction of each sort: newest first, most urgent first, highest number first */
export const DEFAULT_DIR: Record<SortKey, 'asc' | 'desc'> = { receivedAt: 'desc', due: 'asc', no: 'desc' };

export function initialFilters(preset: Preset | undefined, status: TicketStatusT[] | null): Filters {
  const due = preset === 'overdue' || preset === 'dueSoon' ? preset : 'all';
  const sort: SortKey = due === 'all' ? 'receivedAt' : 'due';
  return {
    status: status ?? (preset === 'open' ? [...OPEN_STATUSES] : []),
    type: [],
    category: null,
    buildingId: null,
    department: null,
    from: '',
    to: '',
    due,
    text: '',
    sort,
    dir: DEFAULT_DIR[sort],
  };
}

/** any filter set (sorting aside)? */
export function isFiltered(f: Filters): boolean {
  return !!(f.status.length || f.type.length || f.category || f.buildingId || f.department || f.from || f.to || f.due !== 'all' || f.text.trim());
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** typed text that is not a date, or a range that runs backwards; null when it is fine */
export function dateRangeError(f: Pick<Filters, 'from' | 'to'>): string | null {
  if ((f.from && !ISO_DATE.test(f.from)) || (f.to && !ISO_DATE.test(f.to))) return '日期格式应为 年-月-日，如 2026-10-01';
  return f.from && f.to && f.from > f.to ? '开始日期晚于结束日期' : null;
}

/** The server's query: dates go as Shanghai calendar dates (YYYY-MM-DD), the server bounds them. */
export function toQuery(f: Filters, text: string): ListQuery {
  return {
    status: f.status.length ? f.status : undefined,
    type: f.type.length ? f.type : undefined,
    category: f.category ?? undefined,
    buildingId: f.buildingId ? Number(f.buildingId) : undefined,
    department: f.department ?? undefined,
    // half-typed text filters nothing (its message shows by the box)
    from: ISO_DATE.test(f.from) ? f.from : undefined,
    to: ISO_DATE.test(f.to) ? f.to : undefined,
    due: f.due === 'all' ? undefined : f.due,
    text: text.trim().slice(0, 50) || undefined,
    sort: f.sort,
    dir: f.dir,
  };
}
