import { create } from 'zustand';

export type DeskSettingsTab = 'categories' | 'departments' | 'sla' | 'counter' | 'calendar';

/**
 * The open tab of 工单设置, kept outside the screen so that a link elsewhere (the dashboard's
 * holiday warning) can open the right tab: the route has no room for it.
 */
export const useDeskSettingsTab = create<{ tab: DeskSettingsTab; setTab(tab: DeskSettingsTab): void }>((set) => ({
  tab: 'categories',
  setTab: (tab) => set({ tab }),
}));
