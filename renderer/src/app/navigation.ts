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
  | { name: 'ledgerImport' };

interface NavState {
  route: Route;
  history: Route[];
  go(route: Route): void;
  /** changes the current screen's state without adding a step to 返回 (e.g. picking another building) */
  replace(route: Route): void;
  back(): void;
}

export const useNav = create<NavState>((set, get) => ({
  // the counter's home is the dashboard: what is due and what is late
  route: { name: 'desk' },
  history: [],
  go: (route) => set({ route, history: [...get().history, get().route].slice(-30) }),
  replace: (route) => set({ route }),
  back: () => {
    const h = get().history;
    if (h.length === 0) return;
    set({ route: h[h.length - 1], history: h.slice(0, -1) });
  },
}));
