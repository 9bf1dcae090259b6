export { backupDatabase, backupTarget, type BackupReport } from './backup';
export { restoreDatabase, type RestoreOptions, type RestoreReport } from './restore';
export { KNOWN_SCHEMA_VERSION, formatBytes, inspectDatabase } from './inspect';
