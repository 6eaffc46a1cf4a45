import { createDataLayer } from './data-layer';
import { openDatabase } from './database';
import type { DataLayer } from './types';

let instance: DataLayer | undefined;

/** The app's data layer over the `jointdesk` database, created on first use. */
export function getDataLayer(): DataLayer {
  instance ??= createDataLayer(openDatabase());
  return instance;
}

/** Replaces the app singleton (component tests, e2e fixtures); `undefined` resets it. */
export function setDataLayer(dataLayer: DataLayer | undefined): void {
  instance = dataLayer;
}
