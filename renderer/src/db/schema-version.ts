import { SCHEMA_VERSIONS } from './migrations';

/**
 * The schema version this build writes and reads up to. Its own module so that the start (database gate, open
 * check) does not load the backup code (zip, archive format) just for this number (issue 12).
 */
export const CURRENT_SCHEMA_VERSION = Math.max(...SCHEMA_VERSIONS.map((v) => v.version));
