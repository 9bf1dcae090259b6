// One ipcMain handler per contract channel; every call goes through the core dispatcher.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channels, type Result } from '../../shared/contract';
import type { Dispatch } from '../core/dispatch';
import { isAppUrl } from './app-origin';

const refused: Result<never> = { ok: false, error: { code: 'UNAVAILABLE', message: '拒绝来自未知页面的调用' } };

/** Only our own renderer page may call main; a frame that navigated elsewhere may not. */
function fromApp(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && isAppUrl(frame.url);
}

export function registerIpc(dispatch: Dispatch): void {
  for (const channel of channels) {
    ipcMain.handle(channel, async (event, input: unknown) => {
      if (!fromApp(event)) {
        console.warn(`[ipc] 拒绝调用 ${channel}：来源 ${event.senderFrame?.url ?? '未知'}`);
        return refused;
      }
      return dispatch(channel, input);
    });
  }
}

export function unregisterIpc(): void {
  for (const channel of channels) ipcMain.removeHandler(channel);
}
