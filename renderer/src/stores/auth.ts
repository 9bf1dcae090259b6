import { create } from 'zustand';
import { can, type AuthStatusT, type Permission, type SessionUserT } from '../../../shared/contract/accounts';
import { api, onAuthLost } from '../bridge';

// Who is signed in (docs/ACCOUNTS.md). Main keeps the session; the window asks for it at start and
// again whenever a call is refused as LOCKED or UNAUTHENTICATED.

interface AuthState {
  status: AuthStatusT | null;
  loadError: string | null;
  refresh(): Promise<void>;
  set(status: AuthStatusT): void;
}

export const useAuth = create<AuthState>((set) => ({
  status: null,
  loadError: null,
  refresh: async () => {
    try {
      const r = await api['auth.status']({});
      if (r.ok) set({ status: r.value, loadError: null });
      else set({ loadError: r.error.message });
    } catch {
      set({ loadError: '无法连接后台服务，请稍后重试' });
    }
  },
  set: (status) => set({ status, loadError: null }),
}));

onAuthLost(() => void useAuth.getState().refresh());

export function useCurrentUser(): SessionUserT | null {
  return useAuth((s) => s.status?.user ?? null);
}

/** Whether the signed-in user's role may do this: screens hide what it may not (main refuses it anyway). */
export function useCan(permission: Permission): boolean {
  return useAuth((s) => {
    const user = s.status?.user;
    return user ? can(user.role, permission) : false;
  });
}
