import { getHost } from '../platform';
import { createDataLayer } from './data-layer';
import { openDatabase, type JointDeskDB } from './database';
import type { DataLayer } from './types';

let instance: DataLayer | undefined;
let database: JointDeskDB | undefined;

/**
 * The app's `jointdesk` database itself, for what works on all tables at once (backup, restore, the
 * open check); everything else goes through {@link getDataLayer}.
 */
export function getDatabase(): JointDeskDB {
  database ??= openDatabase();
  return database;
}

/** The app's data layer over the `jointdesk` database, created on first use. */
export function getDataLayer(): DataLayer {
  instance ??= createDataLayer(getDatabase(), { pii: getHost().pii });
  return instance;
}

/** Replaces the app singleton (component tests, e2e fixtures); `undefined` resets it. */
export function setDataLayer(dataLayer: DataLayer | undefined): void {
  instance = dataLayer;
}
