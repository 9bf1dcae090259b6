// One ipcMain handler per contract channel; every call goes through the core dispatcher, and only
// after its sender passed the check (Electron's security checklist item 17, docs/SECURITY.md).
import { app, ipcMain } from 'electron';
import { channels, type Result } from '../../shared/contract';
import type { Dispatch } from '../core/dispatch';
import { isTrustedSender } from './app-origin';

const refused: Result<never> = { ok: false, error: { code: 'UNAVAILABLE', message: '拒绝来自未知页面的调用' } };

export function registerIpc(dispatch: Dispatch, onRefused: (channel: string, url: string) => void = () => {}): void {
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      // only the top frame of our own page may call main; a frame that navigated elsewhere, an iframe or a print document may not
      if (!isTrustedSender(event.senderFrame, process.env, app.isPackaged)) {
        const url = event.senderFrame?.url ?? '未知';
        console.warn(`[ipc] 拒绝调用 ${channel}：来源 ${url}`);
        onRefused(channel, url);
        return refused;
      }
      return dispatch(channel, input);
    });
  }
}

export function unregisterIpc(): void {
  for (const channel of channels) ipcMain.removeHandler(channel);
}
