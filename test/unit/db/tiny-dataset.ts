import type { Dataset } from '../../../shared/demo/types';

const meta = { createdAt: '2026-09-01T08:00:00.000Z', updatedAt: '2026-09-01T08:00:00.000Z' };

/** One record of every kind, hand-made and valid against the shared schemas. */
export function tinyDataset(): Dataset {
  return {
    units: [
      {
        id: 'u1',
        ...meta,
        name: '安平镇人民政府',
        kind: 'township',
        liaisonName: '林一',
        liaisonPhone: '13800000001',
        archived: false,
      },
      {
        id: 'u2',
        ...meta,
        name: '区市场监管局',
        shortName: '市场监管局',
        kind: 'district_department',
        archived: false,
      },
    ],
    people: [
      { id: 'p1', ...meta, name: '陈镇长', unitId: 'u1', post: '镇长', role: 'chief_convener', archived: false },
      { id: 'p2', ...meta, name: '黄科长', unitId: 'u2', role: 'liaison', phone: '0599-1234567', archived: false },
    ],
    meetings: [
      {
        id: 'm1',
        ...meta,
        kind: 'regular',
        startsAt: '2026-09-20T09:00',
        place: '镇政府三楼会议室',
        chairPersonId: 'p1',
        year: 2026,
        sequence: 3,
        state: 'issued',
      },
    ],
    attendance: [{ id: 'a1', ...meta, meetingId: 'm1', personId: 'p2', observer: false, status: 'present' }],
    agendaItems: [
      {
        id: 'g1',
        ...meta,
        meetingId: 'm1',
        order: 0,
        kind: 'topic',
        title: '农贸市场占道经营管辖',
        topicId: 't1',
        presenterUnitId: 'u2',
      },
    ],
    topics: [
      {
        id: 't1',
        ...meta,
        title: '农贸市场占道经营管辖',
        submittingUnitId: 'u1',
        submitterPersonId: 'p1',
        submittedOn: '2026-09-01',
        category: 'jurisdiction_dispute',
        description: '农贸市场周边占道经营由谁查处存在分歧。',
        urgency: 'normal',
        relatedUnitIds: ['u2'],
        state: 'resolved',
        meetingId: 'm1',
      },
    ],
    disputes: [
      {
        id: 'd1',
        ...meta,
        number: '2026-01',
        matter: '农贸市场占道经营',
        type: 'jurisdiction',
        partyUnitIds: ['u1', 'u2'],
        positions: { u1: '属市场内经营秩序', u2: '属道路占用' },
        firstHandlingUnitId: 'u1',
        registeredOn: '2026-09-02',
        state: 'negotiating',
        stateSince: '2026-09-05',
        rounds: [{ date: '2026-09-05', participants: '林一、黄科长', content: '各自说明依据。' }],
      },
    ],
    minutes: [
      {
        id: 'n1',
        ...meta,
        meetingId: 'm1',
        issueNumber: 3,
        state: 'issued',
        content: { type: 'doc', content: [] },
        version: 1,
        issuedOn: '2026-09-25',
      },
    ],
    resolutions: [
      {
        id: 'r1',
        ...meta,
        meetingId: 'm1',
        agendaItemId: 'g1',
        content: '由安平镇牵头开展联合整治。',
        leadUnitId: 'u1',
        coUnitIds: ['u2'],
        deadline: '2026-10-31',
        state: 'in_progress',
      },
    ],
    taskEvents: [
      {
        id: 'e1',
        resolutionId: 'r1',
        kind: 'progress',
        on: '2026-10-10',
        unitId: 'u1',
        text: '已开展第一次联合整治。',
        createdAt: '2026-10-10T10:00:00.000Z',
      },
    ],
  };
}
