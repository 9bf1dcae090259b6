import { create } from 'zustand';
import type { AppStatusT, SettingsT } from '../../../shared/contract/system';
import type { EstateT } from '../../../shared/contract/archives';
import { api } from '../bridge';

// The app-wide facts every screen needs: which estates exist, which one the desk works on,
// and the settings (staff name, ID masking). Loaded once at startup, refreshed after changes.

const ESTATE_KEY = 'frontdesk.estateId';

function rememberedEstateId(): number | null {
  try {
    const v = Number(window.localStorage.getItem(ESTATE_KEY));
    return Number.isInteger(v) && v > 0 ? v : null;
  } catch {
    return null;
  }
}

function pickEstate(estates: EstateT[], wanted: number | null): number | null {
  if (wanted !== null && estates.some((e) => e.id === wanted)) return wanted;
  return estates[0]?.id ?? null;
}

interface AppState {
  status: AppStatusT | null;
  /** set when the backend could not be reached at startup */
  loadError: string | null;
  loading: boolean;
  estateId: number | null;
  /** reloads system.status; returns it, or null when it failed */
  refresh(): Promise<AppStatusT | null>;
  /** makes `id` the current estate and remembers it for the next start (this machine) */
  setEstate(id: number): void;
  setSettings(settings: SettingsT): void;
  /** replaces the estate list (after one was added or edited, or another window added one) */
  setEstates(estates: EstateT[]): void;
  /** asks main for the estates again; a screen listing them calls this when it opens */
  reloadEstates(): Promise<void>;
}

export const useApp = create<AppState>((set, get) => ({
  status: null,
  loadError: null,
  loading: false,
  estateId: null,
  refresh: async () => {
    set({ loading: true });
    try {
      const r = await api['system.status']({});
      if (!r.ok) {
        set({ loading: false, loadError: r.error.message });
        return null;
      }
      const estateId = pickEstate(r.value.estates, get().estateId ?? rememberedEstateId());
      set({ status: r.value, estateId, loading: false, loadError: null });
      return r.value;
    } catch {
      set({ loading: false, loadError: '无法连接后台服务，请稍后重试' });
      return null;
    }
  },
  setEstate: (id) => {
    try {
      window.localStorage.setItem(ESTATE_KEY, String(id));
    } catch {
      // storage unavailable: the choice just lasts for this session
    }
    set({ estateId: id });
  },
  setSettings: (settings) => {
    const status = get().status;
    if (status) set({ status: { ...status, settings } });
  },
  setEstates: (estates) => {
    const status = get().status;
    if (!status) return;
    set({ status: { ...status, estates, firstRun: estates.length === 0 }, estateId: pickEstate(estates, get().estateId) });
  },
  reloadEstates: async () => {
    try {
      const r = await api['archives.estates.list']({});
      if (r.ok) get().setEstates(r.value);
    } catch {
      // keep the list we have: the screen still works with it
    }
  },
}));

const NO_ESTATES: EstateT[] = [];

/** Every estate in the database, in the order they were created. */
export function useEstates(): EstateT[] {
  return useApp((s) => s.status?.estates ?? NO_ESTATES);
}

/**
 * The estate's name to show next to a ticket, a hit or a house: only when the database holds
 * more than one estate (with one, the header already says it). Null otherwise.
 */
export function useEstateLabel(estateId: number | null | undefined): string | null {
  return useApp((s) => {
    const estates = s.status?.estates ?? NO_ESTATES;
    if (estates.length < 2 || estateId == null) return null;
    return estates.find((e) => e.id === estateId)?.name ?? null;
  });
}

/** The estate the desk is working on, or null before setup. */
export function useCurrentEstate(): EstateT | null {
  return useApp((s) => s.status?.estates.find((e) => e.id === s.estateId) ?? null);
}
