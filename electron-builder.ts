// Packaging (README, "打包 / Packaging"): `npm run dist:win` makes a per-user NSIS installer in Chinese,
// `npm run dist:linux` an AppImage and a .deb, both into dist/. Each is built on its own system: the
// database addon shipped is native/electron/better_sqlite3.node, which scripts/native-electron.mjs
// builds for this machine's system and Electron's ABI (beforePack refuses anything else).
// The fuses and the asar are part of the app's security (docs/SECURITY.md, checklist items 18 and 19);
// tests/unit/shell/security-config.test.ts reads this file.
// Not run on the build machines of this repository (no Electron binary there): checked by its types
// (electron-builder's Configuration) and by that test only.
import type { Configuration } from 'electron-builder';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The addon electron-builder unpacks beside app.asar (electron/main/paths.ts reads it from there). */
export const NATIVE_ADDON = 'native/electron/better_sqlite3.node';

/**
 * Why this project folder cannot be packaged for `platform` (Node's names: win32, linux), or null.
 * The addon must exist and be built for the Electron in node_modules (native-electron.mjs leaves an
 * electron-<version>.stamp beside it) on the system the package is for.
 */
export function packagingProblem(projectDir: string, platform: string, host: string = process.platform): string | null {
  if (platform !== host) return `better-sqlite3 的 Electron 版只能在目标系统上构建：请在 ${platform} 上打包（本机是 ${host}）`;
  if (!existsSync(join(projectDir, NATIVE_ADDON))) return `缺少 ${NATIVE_ADDON}：请先联网运行 node scripts/native-electron.mjs`;
  let version: string;
  try {
    version = (JSON.parse(readFileSync(join(projectDir, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '未安装 electron：请先运行 npm install';
  }
  if (!existsSync(join(projectDir, 'native', 'electron', `electron-${version}.stamp`)))
    return `${NATIVE_ADDON} 不是为 Electron ${version} 构建的：请删除 native/ 后运行 node scripts/native-electron.mjs`;
  return null;
}

const config: Configuration = {
  appId: 'cn.frontdesk.desk',
  // ASCII, because it names files and packages (a per-user install goes to %LOCALAPPDATA%\Programs\frontdesk,
  // the package name); people see the Chinese name on the shortcuts, in 应用和功能 and in the window's title
  productName: 'FrontDesk',
  copyright: 'FrontDesk',
  directories: { output: 'dist' },
  // the built app only: out/ from electron-vite, the printout fonts and logo, the Electron addon;
  // production dependencies come from node_modules on their own
  files: [
    'package.json',
    'out/main/**',
    // the browser harness runs under Node with playwright-core, never in the installed app
    '!out/main/harness.js',
    '!out/main/harness-server.js',
    'out/preload/**',
    'out/renderer/**',
    'resources/fonts/**',
    'resources/logo.png',
    NATIVE_ADDON,
    // Node's build of the addon and its C sources: the app loads the Electron build above instead
    '!node_modules/better-sqlite3/{build,deps,src}/**',
  ],
  asar: true,
  // a native library cannot be loaded from inside the archive
  asarUnpack: [NATIVE_ADDON],
  // node_modules stays built for Node (tests, CLI, harness); the Electron build is native/electron
  npmRebuild: false,
  nodeGypRebuild: false,
  beforePack: async (context) => {
    const problem = packagingProblem(context.packager.projectDir, context.electronPlatformName);
    if (problem) throw new Error(`无法打包：${problem}`);
  },
  // Electron's security checklist item 19 (docs/SECURITY.md): flipped in the Electron binary when packing
  electronFuses: {
    // no ELECTRON_RUN_AS_NODE: the installed exe cannot be used as a plain Node.js
    runAsNode: false,
    enableCookieEncryption: true,
    // no NODE_OPTIONS / --inspect: nobody injects code or attaches a debugger to main from outside
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    // code only from app.asar, and app.asar checked against the hash electron-builder embeds (Windows, macOS)
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // pages come from app://, never file://
    grantFileProtocolExtraPrivileges: false,
  },
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'resources/icons/icon.ico',
    executableName: 'FrontDesk',
  },
  nsis: {
    // per user: no administrator rights needed, nothing written outside the user's folders
    oneClick: true,
    perMachine: false,
    installerLanguages: ['zh_CN'],
    // LCID 2052: Chinese (Simplified, PRC)
    language: '2052',
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: '物业服务中心前台',
    uninstallDisplayName: '物业服务中心前台 FrontDesk',
    // the data (database, photos, backups, log) outlives an uninstall
    deleteAppDataOnUninstall: false,
    artifactName: 'FrontDesk-Setup-${version}.${ext}',
  },
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    // a folder of <size>x<size>.png
    icon: 'resources/icons',
    executableName: 'frontdesk',
    category: 'Office',
    synopsis: '物业服务中心前台',
    maintainer: 'FrontDesk',
    artifactName: 'FrontDesk-${version}-${arch}.${ext}',
    desktop: { entry: { Name: '物业服务中心前台', 'Name[zh_CN]': '物业服务中心前台', Comment: '一户一档、工单、入住、通知与月度投诉统计' } },
  },
};

export default config;
