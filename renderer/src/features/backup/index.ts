export { BackupSection } from './backup-section';
export { startAutomaticBackups } from './backup-service';
