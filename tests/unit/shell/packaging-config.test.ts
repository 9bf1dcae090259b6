// The installer configuration (electron-builder.ts, issue 11 item 9), checked where it meets the code:
// the archive holds what the main process reads, the Electron build of better-sqlite3 is unpacked where
// electron/main/paths.ts looks for it, and packing refuses an addon built for another system or Electron.
// No installer is built here (no Electron binary on this machine; README, "打包 / Packaging").
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import builderConfig, { NATIVE_ADDON, packagingProblem } from '../../../electron-builder';
import { electronNativeBinding } from '../../../electron/main/paths';

const root = resolve(import.meta.dirname, '..', '..', '..');
const files = builderConfig.files as string[];

describe('what goes into the package', () => {
  it('the Electron build of better-sqlite3 is packed and unpacked exactly where the main process reads it', () => {
    expect(files).toContain(NATIVE_ADDON);
    expect(builderConfig.asarUnpack).toEqual([NATIVE_ADDON]);
    expect(electronNativeBinding('/opt/FrontDesk/resources/app.asar', posix)).toBe(`/opt/FrontDesk/resources/app.asar.unpacked/${NATIVE_ADDON}`);
    // node_modules stays built for Node (tests, CLI, harness): electron-builder must not rebuild it for Electron
    expect(builderConfig.npmRebuild).toBe(false);
    expect(files).toContain('!node_modules/better-sqlite3/{build,deps,src}/**');
  });

  it('the built app, the printout fonts and the logo go in; the browser harness does not', () => {
    for (const f of ['package.json', 'out/main/**', 'out/preload/**', 'out/renderer/**', 'resources/fonts/**', 'resources/logo.png'])
      expect(files).toContain(f);
    expect(files).toContain('!out/main/harness.js');
    expect(files).toContain('!out/main/harness-server.js');
    // package.json's main is inside what is packed
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };
    expect(pkg.main).toMatch(/^out\/main\//);
    expect(pkg.scripts['dist:win']).toMatch(/electron-vite build && electron-builder --win/);
    expect(pkg.scripts['dist:linux']).toMatch(/electron-vite build && electron-builder --linux/);
  });
});

describe('installers', () => {
  it('Windows: a per-user NSIS installer in Chinese with a desktop shortcut, keeping the data on uninstall', () => {
    expect(builderConfig.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    // an ASCII install folder and exe; the Chinese name on the shortcuts and in 应用和功能
    expect(builderConfig.productName).toBe('FrontDesk');
    expect(builderConfig.win?.executableName).toBe('FrontDesk');
    expect(builderConfig.nsis?.uninstallDisplayName).toContain('物业服务中心前台');
    expect(builderConfig.nsis).toMatchObject({
      perMachine: false,
      installerLanguages: ['zh_CN'],
      language: '2052',
      createDesktopShortcut: true,
      shortcutName: '物业服务中心前台',
      deleteAppDataOnUninstall: false,
    });
  });

  it('Linux: an AppImage and a deb', () => {
    expect(builderConfig.linux?.target).toEqual([
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ]);
  });

  it('the icons exist at the sizes the installers need', () => {
    const pngSize = (file: string) => {
      const b = readFileSync(join(root, file));
      expect(b.readUInt32BE(0), file).toBe(0x89504e47);
      return [b.readUInt32BE(16), b.readUInt32BE(20)];
    };
    expect(builderConfig.linux?.icon).toBe('resources/icons');
    expect(pngSize('resources/icons/512x512.png')).toEqual([512, 512]);
    expect(pngSize('resources/icons/256x256.png')).toEqual([256, 256]);
    // an .ico with a 256×256 entry (written as 0 in its directory), which electron-builder requires
    expect(builderConfig.win?.icon).toBe('resources/icons/icon.ico');
    const ico = readFileSync(join(root, 'resources/icons/icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + 16 * i] || 256);
    expect(sizes).toContain(256);
    expect(sizes).toContain(16);
  });
});

describe('packagingProblem (beforePack)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  function project(opts: { addon: boolean; stamp?: string }): string {
    const dir = mkdtempSync(join(tmpdir(), 'fd-pack-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'node_modules', 'electron'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'electron', 'package.json'), JSON.stringify({ version: '45.4.1' }));
    mkdirSync(join(dir, 'native', 'electron'), { recursive: true });
    if (opts.addon) writeFileSync(join(dir, NATIVE_ADDON), 'addon');
    if (opts.stamp) writeFileSync(join(dir, 'native', 'electron', `electron-${opts.stamp}.stamp`), '');
    return dir;
  }

  it('passes an addon built for this Electron on this system', () => {
    expect(packagingProblem(project({ addon: true, stamp: '45.4.1' }), 'linux', 'linux')).toBeNull();
  });

  it('refuses a missing addon, one built for another Electron, and packing for another system', () => {
    expect(packagingProblem(project({ addon: false }), 'win32', 'win32')).toMatch(/缺少 native\/electron\/better_sqlite3\.node/);
    expect(packagingProblem(project({ addon: true, stamp: '44.0.0' }), 'win32', 'win32')).toMatch(/不是为 Electron 45\.4\.1 构建的/);
    expect(packagingProblem(project({ addon: true, stamp: '45.4.1' }), 'win32', 'linux')).toMatch(/请在 win32 上打包/);
  });
});
