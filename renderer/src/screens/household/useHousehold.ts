import { useCallback, useEffect, useRef, useState } from 'react';
import type { HouseholdT } from '../../../../shared/contract/archives';
import type { AppError } from '../../../../shared/contract/result';
import { api } from '../../bridge';

/** Loads one household; `reload` keeps the current data on screen while fetching. */
export function useHousehold(houseId: number) {
  const [data, setData] = useState<HouseholdT | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [loading, setLoading] = useState(true);
  // a slow answer for a house we already left must not overwrite the current one
  const seq = useRef(0);

  const reload = useCallback(async (): Promise<HouseholdT | null> => {
    const mine = ++seq.current;
    setLoading(true);
    let r;
    try {
      r = await api['archives.household.get']({ houseId });
    } catch {
      r = { ok: false as const, error: { code: 'INTERNAL' as const, message: '与后台的连接中断，请重试' } };
    }
    if (mine !== seq.current) return null;
    setLoading(false);
    if (r.ok) {
      setData(r.value);
      setError(null);
      return r.value;
    }
    setError(r.error);
    return null;
  }, [houseId]);

  useEffect(() => {
    setData(null);
    void reload();
  }, [reload]);

  return { data, error, loading, reload };
}
