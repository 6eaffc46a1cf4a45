export { createDataLayer, type DataLayerOptions } from './data-layer';
export { DB_NAME, JointDeskDB, openDatabase, type DatabaseDependencies, type Draft, type SettingRow } from './database';
export { SETTING_KEYS } from './audited-write';
export { parseOrThrow } from './validation';
export type {
  AuditListFilter,
  AuditRepository,
  DataLayer,
  DemoRepository,
  ImporterRepository,
  PeopleRepository,
  PersonListFilter,
  ProfilesRepository,
  RulesRepository,
  UnitListFilter,
  UnitsRepository,
} from './types';
export { getDatabase, getDataLayer, setDataLayer } from './singleton';
export * from './hooks';
