export { getHost } from './get-host';
export { HostError, isHostError } from './host-error';
export { acceptAttribute, formatBytes } from './file-rules';
export {
  DEFAULT_MAX_OPEN_BYTES,
  type AppInfo,
  type BackupFolderEntry,
  type BackupFolderInfo,
  type BackupHost,
  type BackupRetention,
  type FileFilter,
  type Host,
  type OpenFileOptions,
  type OpenFileResult,
  type PrintToPdfOptions,
  type SaveFileOptions,
  type SaveFileResult,
} from './host';
