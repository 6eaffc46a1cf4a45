import type { DataLayerContext } from './audited-write';
import type { JointDeskDB } from './database';
import { memoryPiiKeys, type PiiKeySource } from './pii';
import { createAgendaRepository } from './repositories/agenda';
import { createAttachmentsRepository } from './repositories/attachments';
import { createAttendanceRepository } from './repositories/attendance';
import { createAuditRepository } from './repositories/audit';
import { createCalendarRepository } from './repositories/calendar';
import { createDemoRepository } from './repositories/demo';
import { createDisputesRepository } from './repositories/disputes';
import { createDocumentSettingsRepository } from './repositories/document-settings';
import { createFollowupRepository } from './repositories/followup';
import { createHomeRepository } from './repositories/home';
import { createImporterRepository } from './repositories/importer';
import { createLedgersRepository } from './repositories/ledgers';
import { createMeetingsRepository } from './repositories/meetings';
import { createMinutesRepository } from './repositories/minutes';
import { createMinutesTemplateRepository } from './repositories/minutes-template';
import { createPeopleRepository } from './repositories/people';
import { createProfilesRepository } from './repositories/profiles';
import { createRulesRepository } from './repositories/rules';
import { createStatisticsRepository } from './repositories/statistics';
import { createTopicsRepository } from './repositories/topics';
import { createUnitsRepository } from './repositories/units';
import type { DataLayer } from './types';

export interface DataLayerOptions {
  /** Clock for record timestamps and audit `ts` (tests pin it). */
  now?: () => Date;
  /** Id source for new records (tests make it deterministic or make it fail). */
  newId?: () => string;
  /**
   * The installation's key for complainant data (PII-1). The app passes its host's (singleton.ts);
   * without it a key pair is made in memory (tests, benches), whose sealed values die with it.
   */
  pii?: PiiKeySource;
}

/**
 * The repositories over one database. They are the only code that writes to it: each write is one
 * transaction that validates, writes the record and appends its audit entry.
 */
export function createDataLayer(db: JointDeskDB, opts: DataLayerOptions = {}): DataLayer {
  const ctx: DataLayerContext = {
    db,
    now: opts.now ?? (() => new Date()),
    newId: opts.newId ?? (() => crypto.randomUUID()),
  };
  const pii = opts.pii ?? memoryPiiKeys();
  return {
    units: createUnitsRepository(ctx),
    people: createPeopleRepository(ctx),
    profiles: createProfilesRepository(ctx),
    rules: createRulesRepository(ctx),
    audit: createAuditRepository(ctx),
    demo: createDemoRepository(ctx, pii),
    importer: createImporterRepository(ctx),
    disputes: createDisputesRepository(ctx),
    meetings: createMeetingsRepository(ctx),
    attendance: createAttendanceRepository(ctx),
    agenda: createAgendaRepository(ctx),
    topics: createTopicsRepository(ctx, pii),
    attachments: createAttachmentsRepository(ctx),
    documentSettings: createDocumentSettingsRepository(ctx),
    calendar: createCalendarRepository(ctx),
    minutesTemplate: createMinutesTemplateRepository(ctx),
    minutes: createMinutesRepository(ctx),
    followup: createFollowupRepository(ctx),
    statistics: createStatisticsRepository(ctx),
    home: createHomeRepository(ctx),
    ledgers: createLedgersRepository(ctx, pii),
  };
}
