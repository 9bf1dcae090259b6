import { create } from 'zustand';
import type { TicketStatusT } from '../../../../../shared/contract/desk';

/**
 * A status filter handed to the ticket list by a link elsewhere (a dashboard counter), since the
 * `tickets` route carries only a preset. The list takes it when it opens and clears it.
 */
interface ListIntent {
  status: TicketStatusT[] | null;
  set(status: TicketStatusT[] | null): void;
}

export const useListIntent = create<ListIntent>((set) => ({
  status: null,
  set: (status) => set({ status }),
}));
