import type { FrontDeskApi } from '../../../shared/contract';
import type { Result } from '../../../shared/contract/result';
import { createHttpApi } from './http-bridge';

declare global {
  interface Window {
    /** set by the Electron preload (contextBridge); absent in the browser harness */
    frontdesk?: FrontDeskApi;
  }
}

type AuthLost = (code: 'LOCKED' | 'UNAUTHENTICATED') => void;
const authListeners = new Set<AuthLost>();

/** Called when main answers a call with LOCKED or UNAUTHENTICATED (docs/ACCOUNTS.md): the window shows the lock or sign-in screen. */
export function onAuthLost(listener: AuthLost): () => void {
  authListeners.add(listener);
  return () => authListeners.delete(listener);
}

/** The same API, telling the listeners when a call was refused for want of a signed-in, unlocked user. */
function watched(inner: FrontDeskApi): FrontDeskApi {
  const out: Record<string, (input: unknown) => Promise<Result<unknown>>> = {};
  for (const [channel, call] of Object.entries(inner) as [string, (input: unknown) => Promise<Result<unknown>>][]) {
    out[channel] = async (input) => {
      const r = await call(input);
      if (!r.ok && (r.error.code === 'LOCKED' || r.error.code === 'UNAUTHENTICATED')) for (const l of authListeners) l(r.error.code);
      return r;
    };
  }
  return out as unknown as FrontDeskApi;
}

/**
 * The renderer's only door to main. In Electron it is the preload's contextBridge object;
 * served by the test harness it is the HTTP bridge. Both implement the same FrontDeskApi.
 */
export const api: FrontDeskApi = watched(window.frontdesk ?? createHttpApi());
