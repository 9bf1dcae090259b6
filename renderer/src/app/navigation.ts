import { create } from 'zustand';

// The app's screens. A desktop app needs no URL router: a small store is the router.
export type Route =
  | { name: 'firstRun' }
  | { name: 'buildings'; buildingId?: number }
  | { name: 'household'; houseId: number }
  | { name: 'rosterImport' }
  | { name: 'settings' }
  // service desk (工单)
  | { name: 'desk' }
  | { name: 'intake'; houseId?: number }
  | { name: 'tickets'; preset?: 'overdue' | 'dueSoon' | 'open' }
  | { name: 'ticket'; ticketId: number }
  | { name: 'callbacks' }
  | { name: 'deskSettings' }
  | { name: 'ledgerImport' }
  // documents (单据)
  | { name: 'movein'; buildingId?: number }
  | { name: 'notices' }
  // reports (统计)
  | { name: 'reports' }
  // 操作日志, optionally opened for one record from its detail screen (label: what the filter chip says)
  | { name: 'audit'; personId?: number; houseId?: number; ticketId?: number; label?: string };

/**
 * Asked before the screen changes, by a screen holding unsaved input (the intake form): true lets
 * the move happen; false holds it until the screen calls proceed() or stay() (docs/ARCHITECTURE.md,
 * "Drafts and the leave guard").
 */
export type LeaveGuard = (to: Route) => boolean;

interface HeldMove {
  to: Route;
  run(): void;
}

interface NavState {
  route: Route;
  history: Route[];
  go(route: Route): void;
  /** changes the current screen's state without adding a step to 返回 (e.g. picking another building) */
  replace(route: Route): void;
  back(): void;
  guard: LeaveGuard | null;
  /** a move the guard held back, waiting for the user's answer */
  held: HeldMove | null;
  setGuard(guard: LeaveGuard): void;
  /** removes the guard, if it is still this one (a newer screen may have set its own) */
  clearGuard(guard: LeaveGuard): void;
  /** makes the held move after all */
  proceed(): void;
  /** forgets the held move: the user stays */
  stay(): void;
}

export const useNav = create<NavState>((set, get) => {
  const move = (to: Route, run: () => void) => {
    const { guard } = get();
    if (guard && !guard(to)) set({ held: { to, run } });
    else run();
  };
  return {
    // the counter's home is the dashboard: what is due and what is late
    route: { name: 'desk' },
    history: [],
    guard: null,
    held: null,
    go: (route) => move(route, () => set({ route, history: [...get().history, get().route].slice(-30), held: null })),
    replace: (route) => move(route, () => set({ route, held: null })),
    back: () => {
      const h = get().history;
      if (h.length === 0) return;
      const to = h[h.length - 1];
      move(to, () => set({ route: to, history: get().history.slice(0, -1), held: null }));
    },
    setGuard: (guard) => set({ guard, held: null }),
    clearGuard: (guard) => {
      if (get().guard === guard) set({ guard: null, held: null });
    },
    proceed: () => {
      const held = get().held;
      set({ held: null });
      held?.run();
    },
    stay: () => set({ held: null }),
  };
});
