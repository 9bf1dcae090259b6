import { create } from 'zustand';

/** Whether the lookup (Ctrl+K) window is open; shared by the header button and the hotkey. */
interface LookupState {
  opened: boolean;
  open(): void;
  close(): void;
}

export const useLookup = create<LookupState>((set) => ({
  opened: false,
  open: () => set({ opened: true }),
  close: () => set({ opened: false }),
}));
