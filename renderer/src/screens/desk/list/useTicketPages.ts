import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input } from '../../../../../shared/contract';
import type { TicketRowT } from '../../../../../shared/contract/desk';
import { api } from '../../../bridge';

export const PAGE_SIZE = 100;
/** at most this many requests at once: a fast scroll must not queue hundreds of pages */
const MAX_IN_FLIGHT = 2;
/** pages kept in memory; the ones farthest from the view are forgotten first */
const MAX_CACHED_PAGES = 60;
/** after a jump (dragging the scrollbar) wait this long for the view to come to rest */
const JUMP_SETTLE_MS = 80;

export type ListQuery = Omit<Input<'desk.tickets.list'>, 'offset' | 'limit'>;

interface PageState {
  generation: number;
  /** a page answered with the exact count: capped counts of this generation no longer matter */
  exact: boolean;
  pages: Map<number, TicketRowT[]>;
  inFlight: Set<number>;
  /** the rows the view needs now (only the latest range counts) */
  wanted: { first: number; last: number };
}

/**
 * Pages of the ticket list, fetched by offset as rows come into view and cached by page index.
 * Only the latest visible range is fetched (ranges passed over while scrolling fast are never
 * asked for), with at most two requests at a time. A new query starts a new generation:
 * answers that belong to an older one are dropped.
 */
export function useTicketPages(query: ListQuery | null) {
  const [total, setTotal] = useState<number | null>(null);
  /** the count stopped past the page (main counts at most a thousand rows further): there are more than `total` */
  const [capped, setCapped] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** bumped when a page arrives, so the view re-reads the cache */
  const [version, setVersion] = useState(0);
  const state = useRef<PageState>({ generation: 0, exact: false, pages: new Map(), inFlight: new Set(), wanted: { first: 0, last: 0 } });
  const queryRef = useRef(query);
  const jumpTimer = useRef<number | undefined>(undefined);
  const key = JSON.stringify(query);

  const evict = useCallback(() => {
    const s = state.current;
    if (s.pages.size <= MAX_CACHED_PAGES) return;
    const centre = (s.wanted.first + s.wanted.last) / 2 / PAGE_SIZE;
    const byDistance = [...s.pages.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
    for (const p of byDistance.slice(0, s.pages.size - MAX_CACHED_PAGES)) s.pages.delete(p);
  }, []);

  const pump = useCallback(() => {
    const s = state.current;
    const q = queryRef.current;
    if (!q) return;
    const firstPage = Math.floor(s.wanted.first / PAGE_SIZE);
    const lastPage = Math.floor(s.wanted.last / PAGE_SIZE);
    for (let p = firstPage; p <= lastPage && s.inFlight.size < MAX_IN_FLIGHT; p++) {
      if (s.pages.has(p) || s.inFlight.has(p)) continue;
      const generation = s.generation;
      s.inFlight.add(p);
      const done = () => {
        if (generation !== state.current.generation) return false;
        s.inFlight.delete(p);
        return true;
      };
      api['desk.tickets.list']({ ...q, offset: p * PAGE_SIZE, limit: PAGE_SIZE }).then(
        (r) => {
          if (!done()) return;
          if (!r.ok) {
            setError(r.error.message);
            return;
          }
          setError(null);
          s.pages.set(p, r.value.rows);
          evict();
          // a capped count grows as deeper pages answer; an exact one is final
          if (!r.value.capped) {
            s.exact = true;
            setTotal(r.value.total);
            setCapped(false);
          } else if (!s.exact) {
            const more = r.value.total;
            setTotal((t) => Math.max(t ?? 0, more));
            setCapped(true);
          }
          setVersion((v) => v + 1);
          pump();
        },
        () => {
          if (done()) setError('与后台的连接中断，请重试');
        },
      );
    }
  }, [evict]);

  // a new query: forget everything and ask for the first page
  useEffect(() => {
    queryRef.current = query;
    const s = state.current;
    state.current = { generation: s.generation + 1, exact: false, pages: new Map(), inFlight: new Set(), wanted: { first: 0, last: PAGE_SIZE - 1 } };
    setTotal(null);
    setCapped(false);
    setError(null);
    setVersion((v) => v + 1);
    pump();
  }, [key, pump]); // eslint-disable-line react-hooks/exhaustive-deps -- key stands for query

  /**
   * The view shows rows first..last: fetch what is missing there. Scrolling on (wheel, keys)
   * fetches at once; a jump of more than a page (the scrollbar dragged) waits until the view
   * rests, so the pages flown over are never asked for.
   */
  const want = useCallback(
    (first: number, last: number) => {
      const s = state.current;
      const jumped = Math.abs(first - s.wanted.first) > PAGE_SIZE;
      s.wanted = { first, last };
      window.clearTimeout(jumpTimer.current);
      if (jumped) jumpTimer.current = window.setTimeout(pump, JUMP_SETTLE_MS);
      else pump();
    },
    [pump],
  );
  useEffect(() => () => window.clearTimeout(jumpTimer.current), []);

  const retry = useCallback(() => {
    setError(null);
    pump();
  }, [pump]);

  const rowAt = useCallback((i: number): TicketRowT | undefined => state.current.pages.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE], []);

  return { total, capped, rowAt, want, error, retry, version };
}
