import type { SchemaVersion } from './types';

/**
 * Version 1: every entity of DOMAIN.md.
 *
 * `archived` (units, people) is a boolean, and booleans are not valid IndexedDB keys: an index on it
 * would silently contain no rows. It is therefore not indexed; list screens filter in memory, which is
 * cheap for the few hundred units and people an office has. (The alternative, a 0/1 shadow field,
 * would leak a storage detail into every record, export and audit snapshot.)
 *
 * `*field` is a multi-entry index over an array of ids, used to find references to a unit.
 */
export const v1: SchemaVersion = {
  version: 1,
  stores: {
    units: 'id, name, kind',
    people: 'id, name, unitId, role',
    meetings: 'id, startsAt, state, kind, year, [year+kind], chairPersonId',
    attendance: 'id, meetingId, personId, substitutePersonId, [meetingId+personId]',
    agendaItems: 'id, meetingId, topicId, presenterUnitId, [meetingId+order]',
    topics: 'id, state, submittedOn, category, submittingUnitId, submitterPersonId, meetingId, *relatedUnitIds',
    attachments: 'id, ownerId, [ownerType+ownerId]',
    disputes: 'id, number, state, registeredOn, firstHandlingUnitId, designatedUnitId, *partyUnitIds',
    minutes: 'id, meetingId, state, issueNumber',
    minutesVersions: 'id, minutesId, [minutesId+version]',
    resolutions: 'id, meetingId, agendaItemId, state, deadline, leadUnitId, *coUnitIds',
    taskEvents: 'id, resolutionId, kind, on',
    ruleProfiles: 'id, name',
    profiles: 'id, name',
    settings: 'key',
    audit: 'seq, ts, entity, entityId, [entity+entityId], action, actorId',
    drafts: 'id, entity, updatedAt',
  },
};
