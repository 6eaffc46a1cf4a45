import type { z } from 'zod';
import { disputeSchema } from '../domain/dispute';
import { agendaItemSchema, attendanceSchema, meetingSchema } from '../domain/meeting';
import { minutesSchema, resolutionSchema, taskEventSchema } from '../domain/minutes';
import { personSchema } from '../domain/person';
import { topicSchema } from '../domain/topic';
import { unitSchema } from '../domain/unit';
import type { Dataset } from './types';

const COLLECTIONS = [
  'units',
  'people',
  'meetings',
  'attendance',
  'agendaItems',
  'topics',
  'disputes',
  'minutes',
  'resolutions',
  'taskEvents',
] as const satisfies readonly (keyof Dataset)[];

/**
 * Referential problems of a dataset, as readable lines (empty = consistent): duplicate ids within a
 * collection, and every id a record points at (unit, person, meeting, agenda item, topic, dispute,
 * resolution) that does not exist — plus a few cross-record rules a loader relies on (an agenda item
 * cited by a resolution belongs to the same meeting; a dispute's first-handling unit is a party; one
 * minutes record per meeting).
 */
export function checkDatasetIntegrity(ds: Dataset): string[] {
  const problems: string[] = [];
  const ids = {} as Record<(typeof COLLECTIONS)[number], Set<string>>;
  for (const c of COLLECTIONS) {
    const seen = new Set<string>();
    for (const r of ds[c]) {
      if (seen.has(r.id)) problems.push(`${c}: duplicate id ${r.id}`);
      seen.add(r.id);
    }
    ids[c] = seen;
  }
  const ref = (where: string, field: string, id: string | undefined, target: (typeof COLLECTIONS)[number]) => {
    if (id !== undefined && !ids[target].has(id)) problems.push(`${where}.${field} → missing ${target} ${id}`);
  };

  for (const p of ds.people) ref(`people ${p.id}`, 'unitId', p.unitId, 'units');
  for (const m of ds.meetings) ref(`meetings ${m.id}`, 'chairPersonId', m.chairPersonId, 'people');
  for (const a of ds.attendance) {
    const w = `attendance ${a.id}`;
    ref(w, 'meetingId', a.meetingId, 'meetings');
    ref(w, 'personId', a.personId, 'people');
    ref(w, 'substitutePersonId', a.substitutePersonId, 'people');
  }
  const agendaMeeting = new Map<string, string>();
  for (const g of ds.agendaItems) {
    const w = `agendaItems ${g.id}`;
    agendaMeeting.set(g.id, g.meetingId);
    ref(w, 'meetingId', g.meetingId, 'meetings');
    ref(w, 'topicId', g.topicId, 'topics');
    ref(w, 'presenterUnitId', g.presenterUnitId, 'units');
  }
  for (const t of ds.topics) {
    const w = `topics ${t.id}`;
    ref(w, 'submittingUnitId', t.submittingUnitId, 'units');
    ref(w, 'submitterPersonId', t.submitterPersonId, 'people');
    t.relatedUnitIds.forEach((u) => ref(w, 'relatedUnitIds', u, 'units'));
    ref(w, 'mergedIntoTopicId', t.mergedIntoTopicId, 'topics');
    ref(w, 'disputeId', t.disputeId, 'disputes');
    ref(w, 'meetingId', t.meetingId, 'meetings');
    if (t.mergedIntoTopicId === t.id) problems.push(`${w}.mergedIntoTopicId points at itself`);
  }
  for (const d of ds.disputes) {
    const w = `disputes ${d.id}`;
    d.partyUnitIds.forEach((u) => ref(w, 'partyUnitIds', u, 'units'));
    Object.keys(d.positions).forEach((u) => {
      if (!d.partyUnitIds.includes(u)) problems.push(`${w}.positions has a non-party unit ${u}`);
    });
    ref(w, 'firstHandlingUnitId', d.firstHandlingUnitId, 'units');
    if (!d.partyUnitIds.includes(d.firstHandlingUnitId)) problems.push(`${w}.firstHandlingUnitId is not a party`);
    ref(w, 'relatedTopicId', d.relatedTopicId, 'topics');
    ref(w, 'relatedMeetingId', d.relatedMeetingId, 'meetings');
    ref(w, 'agreementMeetingId', d.agreementMeetingId, 'meetings');
    ref(w, 'designatedUnitId', d.designatedUnitId, 'units');
  }
  const minutesOf = new Set<string>();
  for (const m of ds.minutes) {
    const w = `minutes ${m.id}`;
    ref(w, 'meetingId', m.meetingId, 'meetings');
    if (minutesOf.has(m.meetingId)) problems.push(`${w}: meeting ${m.meetingId} has more than one minutes record`);
    minutesOf.add(m.meetingId);
  }
  for (const r of ds.resolutions) {
    const w = `resolutions ${r.id}`;
    ref(w, 'meetingId', r.meetingId, 'meetings');
    ref(w, 'agendaItemId', r.agendaItemId, 'agendaItems');
    ref(w, 'leadUnitId', r.leadUnitId, 'units');
    r.coUnitIds.forEach((u) => ref(w, 'coUnitIds', u, 'units'));
    const itemMeeting = r.agendaItemId === undefined ? undefined : agendaMeeting.get(r.agendaItemId);
    if (itemMeeting !== undefined && itemMeeting !== r.meetingId) {
      problems.push(`${w}.agendaItemId belongs to another meeting (${itemMeeting})`);
    }
  }
  for (const e of ds.taskEvents) {
    const w = `taskEvents ${e.id}`;
    ref(w, 'resolutionId', e.resolutionId, 'resolutions');
    ref(w, 'unitId', e.unitId, 'units');
  }
  return problems;
}

/** The schema every record of each dataset table must pass (generator tests, the demo loader). */
export const DATASET_SCHEMAS: { readonly [K in keyof Dataset]: z.ZodType<Dataset[K][number]> } = {
  units: unitSchema,
  people: personSchema,
  meetings: meetingSchema,
  attendance: attendanceSchema,
  agendaItems: agendaItemSchema,
  topics: topicSchema,
  disputes: disputeSchema,
  minutes: minutesSchema,
  resolutions: resolutionSchema,
  taskEvents: taskEventSchema,
};

/** Records that fail their shared/domain zod schema, as readable lines (at most `limit`). */
export function checkDatasetSchemas(ds: Dataset, limit = 50): string[] {
  const problems: string[] = [];
  for (const c of COLLECTIONS) {
    const schema = DATASET_SCHEMAS[c];
    for (const r of ds[c]) {
      const res = schema.safeParse(r);
      if (!res.success) {
        const first = res.error.issues[0];
        problems.push(`${c} ${r.id}: ${first ? `${first.path.join('.')} ${first.message}` : 'invalid'}`);
        if (problems.length >= limit) return problems;
      }
    }
  }
  return problems;
}
