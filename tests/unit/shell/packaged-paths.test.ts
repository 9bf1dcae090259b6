// Where the packaged app finds its files (issue 11 item 9): inside an installed app the code lives in
// resources/app.asar, and a native addon cannot be loaded from inside an archive: electron-builder puts
// it beside the archive in app.asar.unpacked (asarUnpack in electron-builder.ts).
import { posix, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronNativeBinding, printFontsDir, userDataDir } from '../../../electron/main/paths';

describe('electronNativeBinding (better-sqlite3 built for Electron)', () => {
  it('is read from app.asar.unpacked when the app runs from an archive (Windows install folder)', () => {
    const appPath = 'C:\\Users\\前台\\AppData\\Local\\Programs\\frontdesk\\resources\\app.asar';
    expect(electronNativeBinding(appPath, win32)).toBe(
      'C:\\Users\\前台\\AppData\\Local\\Programs\\frontdesk\\resources\\app.asar.unpacked\\native\\electron\\better_sqlite3.node',
    );
  });
  it('is read from app.asar.unpacked in an AppImage or deb install too', () => {
    expect(electronNativeBinding('/opt/FrontDesk/resources/app.asar', posix)).toBe(
      '/opt/FrontDesk/resources/app.asar.unpacked/native/electron/better_sqlite3.node',
    );
    // a trailing separator changes nothing
    expect(electronNativeBinding('/opt/FrontDesk/resources/app.asar/', posix)).toBe(
      '/opt/FrontDesk/resources/app.asar.unpacked/native/electron/better_sqlite3.node',
    );
  });
  it('is read from the project folder when not packaged (npm start, the smoke test)', () => {
    expect(electronNativeBinding('/work/frontdesk', posix)).toBe('/work/frontdesk/native/electron/better_sqlite3.node');
    // a folder merely named like an archive somewhere up the path is not one
    expect(electronNativeBinding('/home/x/app.asar-backup/frontdesk', posix)).toBe('/home/x/app.asar-backup/frontdesk/native/electron/better_sqlite3.node');
  });
});

describe('development-only environment variables are ignored when packaged', () => {
  const env = { FRONTDESK_USER_DATA: '/tmp/elsewhere', FRONTDESK_FONTS_DIR: '/tmp/fonts' } as NodeJS.ProcessEnv;
  it('keeps the data in <appData>/FrontDesk in an installed app', () => {
    expect(userDataDir('/home/u/.config', env, true, posix)).toBe('/home/u/.config/FrontDesk');
    expect(userDataDir('/home/u/.config', {} as NodeJS.ProcessEnv, false, posix)).toBe('/home/u/.config/FrontDesk');
    // the smoke test's throwaway folder, only when not packaged
    expect(userDataDir('/home/u/.config', env, false, posix)).toBe('/tmp/elsewhere');
  });
  it('prints with the fonts shipped in the app', () => {
    expect(printFontsDir('/opt/FrontDesk/resources/app.asar', env, true, posix)).toBe('/opt/FrontDesk/resources/app.asar/resources/fonts');
    expect(printFontsDir('/work/frontdesk', {} as NodeJS.ProcessEnv, false, posix)).toBe('/work/frontdesk/resources/fonts');
    expect(printFontsDir('/work/frontdesk', env, false, posix)).toBe('/tmp/fonts');
  });
});
