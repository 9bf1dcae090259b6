import { useCallback, useEffect, useRef, useState } from 'react';
import type { TicketRowT } from '../../../../../shared/contract/desk';
import { api } from '../../../bridge';

export const PAGE_SIZE = 100;
export type ListQuery = Omit<Parameters<(typeof api)['desk.tickets.list']>[0], 'offset' | 'limit'>;

/**
 * Pages of the ticket list fetched on demand as rows scroll into view, cached by page index.
 * A change of query starts a new generation; answers from an older one are dropped.
 */
export function useTicketPages(query: ListQuery) {
  const [total, setTotal] = useState<number | null>(null);
  const [pages, setPages] = useState<Map<number, TicketRowT[]>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const inFlight = useRef(new Set<number>());
  const key = JSON.stringify(query);

  const fetchPage = useCallback(
    (index: number) => {
      if (inFlight.current.has(index)) return;
      inFlight.current.add(index);
      const gen = generation.current;
      void api['desk.tickets.list']({ ...query, offset: index * PAGE_SIZE, limit: PAGE_SIZE }).then((r) => {
        if (gen !== generation.current) return;
        inFlight.current.delete(index);
        if (!r.ok) {
          setError(r.error.message);
          return;
        }
        setError(null);
        setTotal(r.value.total);
        setPages((prev) => new Map(prev).set(index, r.value.rows));
      });
    },
    [key], // eslint-disable-line react-hooks/exhaustive-deps
  );

  useEffect(() => {
    generation.current++;
    inFlight.current = new Set();
    setPages(new Map());
    setTotal(null);
    fetchPage(0);
  }, [fetchPage]);

  const ensure = useCallback(
    (firstRow: number, lastRow: number) => {
      for (let p = Math.floor(firstRow / PAGE_SIZE); p <= Math.floor(lastRow / PAGE_SIZE); p++) if (!pages.has(p)) fetchPage(p);
    },
    [pages, fetchPage],
  );

  const rowAt = (i: number): TicketRowT | undefined => pages.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE];
  return { total, rowAt, ensure, error };
}
