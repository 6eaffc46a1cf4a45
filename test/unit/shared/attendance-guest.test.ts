import { describe, expect, it } from 'vitest';
import {
  attendanceGuestInputSchema,
  attendanceSchema,
  attendeeIdentity,
  isGuestAttendance,
  type Attendance,
  type Meeting,
  type Person,
  type Unit,
} from '../../../shared/domain';
import type { AuditEntry } from '../../../shared/domain/audit';
import { auditObjectLabel, emptyAuditLookups } from '../../../shared/domain/audit-labels';
import { buildMinutesDraft } from '../../../shared/domain/minutes-template';
import { packDocx, signInSheetDocument, type MeetingDocInput } from '../../../shared/export/docx';
import type { AttendanceLineNode } from '../../../shared/editor/document';
import { readDocxParts } from '../../helpers/docx-xml';

const meta = { id: 'a1', createdAt: '2026-03-01T08:00:00.000Z', updatedAt: '2026-03-01T08:00:00.000Z' };
const guestRow = {
  ...meta,
  meetingId: 'm1',
  observer: true,
  status: 'invited' as const,
  guestName: '王明',
  guestUnitName: '区司法局',
  guestPost: '副局长',
};
const messages = (v: unknown) => attendanceSchema.safeParse(v).error?.issues.map((i) => i.message) ?? [];

describe('attendanceSchema: a registered person or a named guest', () => {
  it('keeps parsing rows written before guests existed (personId, no guest fields)', () => {
    const old = { ...meta, meetingId: 'm1', personId: 'p1', observer: false, status: 'present' };
    expect(attendanceSchema.parse(old)).toEqual(old);
    expect(isGuestAttendance(old)).toBe(false);
  });

  it('accepts a guest as 列席 with the typed name, unit and post (trimmed)', () => {
    const parsed = attendanceSchema.parse({ ...guestRow, guestName: ' 王明 ' });
    expect(parsed).toMatchObject({ guestName: '王明', guestUnitName: '区司法局', guestPost: '副局长' });
    expect(parsed.personId).toBeUndefined();
    expect(isGuestAttendance(parsed)).toBe(true);
  });

  it('refuses both a person and a guest, and neither', () => {
    expect(messages({ ...guestRow, personId: 'p1' })).toEqual(['参会人员不能既是登记人员又是列席来宾']);
    const { guestName: _n, guestUnitName: _u, guestPost: _p, ...nobody } = guestRow;
    expect(messages(nobody)).toEqual(['请选择参会人员或填写列席人员姓名']);
  });

  it('a guest is always 列席, has a unit, and nobody attends in a guest’s place', () => {
    expect(messages({ ...guestRow, observer: false })).toEqual(['非登记人员只能列席']);
    const { guestUnitName: _u, ...noUnit } = guestRow;
    expect(messages(noUnit)).toEqual(['请填写单位']);
    expect(messages({ ...guestRow, status: 'substituted', substituteName: '吴敏' })).toEqual([
      '列席来宾不能由他人代会',
    ]);
  });

  it('holds the guest fields to the text rules with Chinese field names', () => {
    const err = (v: unknown) => attendanceGuestInputSchema.safeParse(v).error?.issues.map((i) => i.message);
    expect(err({ guestName: '', guestUnitName: '区司法局' })).toEqual(['请填写姓名']);
    expect(err({ guestName: '王明', guestUnitName: '  ' })).toEqual(['请填写单位']);
    expect(err({ guestName: '王'.repeat(21), guestUnitName: '区司法局' })).toEqual(['姓名不能超过 20 个字']);
    expect(err({ guestName: '王明', guestUnitName: '区司法局', guestPost: '副'.repeat(41) })).toEqual([
      '职务不能超过 40 个字',
    ]);
    // The text-hygiene rule (no line breaks in a name) is named by the field.
    expect(err({ guestName: '王\n明', guestUnitName: '区司法局' })?.[0]).toMatch(/^姓名/);
  });
});

describe('attendeeIdentity: one lookup for every reader', () => {
  const people = new Map([['p1', { name: '李明', unitId: 'u1', post: '镇长', phone: '13805711000' }]]);
  const units = new Map([['u1', { name: '城关镇人民政府', shortName: '城关镇' }]]);
  const lookup = (a: Parameters<typeof attendeeIdentity>[0]) =>
    attendeeIdentity(
      a,
      (id) => people.get(id),
      (id) => units.get(id),
    );

  it('names a guest as typed without looking anyone up', () => {
    expect(lookup(guestRow)).toEqual({
      name: '王明',
      unitName: '区司法局',
      unitShortName: '区司法局',
      post: '副局长',
      guest: true,
      missing: false,
    });
  });

  it('names a person through the register, and says when the person is gone', () => {
    expect(lookup({ personId: 'p1' })).toMatchObject({
      name: '李明',
      unitId: 'u1',
      unitName: '城关镇人民政府',
      unitShortName: '城关镇',
      post: '镇长',
      guest: false,
    });
    expect(lookup({ personId: 'gone' })).toMatchObject({ name: '', missing: true, guest: false });
  });
});

describe('a guest in the 纪要 and the 签到表', () => {
  const units = [{ ...meta, id: 'u1', name: '城关镇人民政府', shortName: '镇政府', kind: 'township', archived: false }];
  const people = [{ ...meta, id: 'p1', name: '李明', unitId: 'u1', role: 'member', archived: false }];
  const rows: Attendance[] = [
    { ...meta, id: 'a-p1', meetingId: 'm1', personId: 'p1', observer: false, status: 'present' },
    { ...guestRow, id: 'a-g', status: 'present' },
    { ...guestRow, id: 'a-g2', guestName: '赵六', guestUnitName: '区人大办', guestPost: undefined, status: 'invited' },
  ];

  it('lists an attending guest on the 列席 line as 单位+职务+姓名, not one who did not come', () => {
    const doc = buildMinutesDraft({
      meeting: {
        startsAt: '2026-03-09T09:30',
        place: '镇政府三楼会议室',
        year: 2026,
        sequence: 1,
        kind: 'regular',
      } as Meeting,
      agenda: [],
      attendance: rows,
      people: people as Person[],
      units: units as Unit[],
      chair: undefined,
      officeName: '城关镇综合行政执法协调联席会议',
    });
    const lines = doc.content.filter((n): n is AttendanceLineNode => n.type === 'attendanceLine');
    expect(
      lines.map((l) => [l.attrs.label, (l.content ?? []).map((c) => (c.type === 'text' ? c.text : '')).join('')]),
    ).toEqual([
      ['出席', '镇政府李明'],
      ['列席', '区司法局副局长王明'],
    ]);
  });

  it('prints the guest on the 签到表 among the 列席 rows', async () => {
    const input: MeetingDocInput = {
      office: {
        name: '城关镇综合行政执法协调联席会议办公室',
        jointMeetingName: '城关镇综合行政执法协调联席会议',
        docNumberPrefix: '城综执联办',
      },
      meeting: { kind: 'regular', year: 2026, sequence: 3, startsAt: '2026-03-06T09:00', place: '镇政府三楼会议室' },
      agenda: [],
      attendees: [
        { unit: '城关镇人民政府', name: '李明', status: '出席' },
        { unit: '区司法局', post: '副局长', name: '王明', status: '列席' },
      ],
      noticeDate: '2026-03-02',
    };
    const xml = (await readDocxParts(await packDocx(signInSheetDocument(input))))['word/document.xml']!;
    const cells = [...xml.matchAll(/<w:tr>(.*?)<\/w:tr>/gs)].map((m) =>
      [...m[1]!.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((c) =>
        [...c[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
      ),
    );
    expect(cells).toContainEqual(['2', '区司法局', '副局长', '王明', '', '']);
  });
});

describe('a guest in the audit trail', () => {
  it('names a guest’s attendance row by the typed name (no person to look up)', () => {
    const e: AuditEntry = {
      seq: 1,
      ts: '2026-03-09T06:05:00.000Z',
      actorId: 'p1',
      actorName: '王小明',
      actorRole: 'office_staff',
      entity: 'attendance',
      entityId: 'a1',
      action: 'create',
      before: null,
      after: { ...guestRow },
      hash: 'h',
      prevHash: '',
    } as AuditEntry;
    const l = {
      ...emptyAuditLookups(),
      meetings: new Map([['m1', { year: 2026, sequence: 3, kind: 'regular' as const }]]),
    };
    expect(auditObjectLabel(e, l)).toBe('出席记录 王明（2026年第三次定期联席会议）');
  });
});
