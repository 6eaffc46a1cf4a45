export { WorkbenchPage } from './workbench-page';
export { AuditStatusCard } from './audit-status-card';
export { DemoDataCard } from './demo-data-card';
