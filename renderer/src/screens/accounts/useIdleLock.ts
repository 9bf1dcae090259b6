import { useEffect } from 'react';
import { api } from '../../bridge';
import { useAuth } from '../../stores/auth';

const ACTIVITY = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const;
/** tells main about activity at most this often: typing a long complaint makes no call, and main locks on calls alone */
const TELL_MAIN_MS = 60_000;

/**
 * Locks the window after `idleMinutes` without mouse or keyboard (docs/ACCOUNTS.md). Main locks on
 * its own clock too; while someone is working here, an auth.status now and then keeps that clock in step.
 */
export function useIdleLock(idleMinutes: number, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let last = Date.now();
    let told = last;
    const onActivity = () => {
      last = Date.now();
      if (last - told >= TELL_MAIN_MS) {
        told = last;
        void api['auth.status']({}).then((r) => r.ok && r.value.locked && useAuth.getState().set(r.value));
      }
    };
    const timer = setInterval(() => {
      if (Date.now() - last < idleMinutes * 60_000) return;
      void api['auth.lock']({}).then((r) => (r.ok ? useAuth.getState().set(r.value) : useAuth.getState().refresh()));
    }, 5_000);
    for (const e of ACTIVITY) window.addEventListener(e, onActivity, { passive: true, capture: true });
    return () => {
      clearInterval(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, onActivity, { capture: true });
    };
  }, [idleMinutes, active]);
}
