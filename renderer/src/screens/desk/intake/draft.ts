import { create } from 'zustand';
import type { TicketT } from '../../../../../shared/contract/desk';
import type { HouseholdT } from '../../../../../shared/contract/archives';

export type TicketType = TicketT['type'];
export type Channel = TicketT['channel'];

export interface Photo {
  file: File;
  /** object URL for the thumbnail; revoked when the photo leaves the draft */
  url: string;
}

export interface IntakeDraft {
  type: TicketType;
  channel: Channel;
  publicArea: boolean;
  household: HouseholdT | null;
  /** public-area text, e.g. "3栋电梯" */
  location: string;
  buildingId: number | null;
  category: string | null;
  subcategory: string | null;
  /** the category was proposed from the description, not chosen by the user */
  categorySuggested: boolean;
  urgency: TicketT['urgency'];
  reporter: string;
  phone: string;
  description: string;
  /** "YYYY-MM-DDTHH:mm", China wall-clock time, as the native picker gives it */
  visitAt: string;
  /** null = the staff name from settings */
  receivedBy: string | null;
  photos: Photo[];
}

const EMPTY: Omit<IntakeDraft, 'type' | 'channel'> = {
  publicArea: false,
  household: null,
  location: '',
  buildingId: null,
  category: null,
  subcategory: null,
  categorySuggested: false,
  urgency: '一般',
  reporter: '',
  phone: '',
  description: '',
  visitAt: '',
  receivedBy: null,
  photos: [],
};

interface DraftState {
  draft: IntakeDraft;
  patch(p: Partial<IntakeDraft>): void;
  /** empties the form; the type and channel stay, as the next caller usually comes the same way */
  clear(): void;
}

/**
 * The intake form lives here, not in the screen: a look-up with Ctrl+K (which opens a household)
 * or a glance at another ticket must not throw away what the owner has just said.
 */
export const useIntakeDraft = create<DraftState>((set, get) => ({
  draft: { type: '投诉', channel: '来访', ...EMPTY },
  patch: (p) => set({ draft: { ...get().draft, ...p } }),
  clear: () => {
    const { draft } = get();
    draft.photos.forEach((ph) => URL.revokeObjectURL(ph.url));
    set({ draft: { ...EMPTY, type: draft.type, channel: draft.channel } });
  },
}));

/** Whether the user has typed or picked anything worth keeping. */
export function hasContent(d: IntakeDraft): boolean {
  return !!(d.household || d.location.trim() || d.description.trim() || d.category || d.reporter.trim() || d.phone.trim() || d.visitAt || d.photos.length);
}
