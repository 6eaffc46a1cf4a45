export { getHost } from './get-host';
export { HostError, isHostError } from './host-error';
export {
  MIN_PASSPHRASE_CHARS,
  setPiiPassphrasePrompt,
  type PassphraseMode,
  type PassphrasePrompt,
  type PassphraseRequest,
} from './browser-pii-keys';
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
  type PiiHost,
  type PrintToPdfOptions,
  type SaveFileOptions,
  type SaveFileResult,
} from './host';
