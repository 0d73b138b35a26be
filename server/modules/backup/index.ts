/** The backup module's public entry: lantern backup and restore, and the server's side of them. */
export { backup, checkBackup, restore, BackupError, type Manifest } from './backup.service.ts';
export { backupThroughServer, listenForBackups, serverRunning } from './backup.control.ts';
