import { describe, expect, it } from 'vitest';
import type { Dispute } from '../../../../../shared/domain';
import { disputeApplicationDocument, packDocx } from '../../../../../shared/export/docx';
import { readDocxParts } from '../../../../helpers/docx-xml';

const dispute: Dispute = {
  id: 'd1',
  createdAt: '2026-09-01T08:00:00.000Z',
  updatedAt: '2026-09-30T08:00:00.000Z',
  number: '争〔2026〕3号',
  matter: '城东河道非法采砂查处',
  type: 'jurisdiction',
  place: '城东村河段',
  partyUnitIds: ['town', 'water'],
  positions: { town: '河道采砂属水行政管理事项', water: '属乡镇赋权事项' },
  firstHandlingUnitId: 'town',
  registeredOn: '2026-09-01',
  state: 'escalated',
  stateSince: '2026-09-30',
  rounds: [
    { date: '2026-09-05', participants: '城关镇、区水利局', content: '双方陈述意见', outcome: '未达成一致' },
    { date: '2026-09-20', participants: '城关镇、区水利局、司法所', content: '再次协商' },
  ],
  escalatedOn: '2026-09-30',
  escalation: {
    matter: '城东村河段非法采砂的查处主体',
    negotiation: '经两次协商未达成一致',
    focus: '是否属于赋权事项',
    reasons: '各方依据不同文件',
  },
};

describe('提请协调申请 mapper', () => {
  it('writes every required part in order', async () => {
    const doc = disputeApplicationDocument({
      dispute,
      unitNames: new Map([
        ['town', '城关镇人民政府'],
        ['water', '区水利局'],
      ]),
      applicant: '城关镇人民政府',
      authority: '区人民政府',
      date: '2026-09-30',
    });
    const xml = (await readDocxParts(await packDocx(doc)))['word/document.xml']!;
    const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    const order = [
      '关于提请协调城东河道非法采砂查处',
      '区人民政府：',
      '一、争议事项',
      '二、协商情况',
      '三、争议焦点',
      '四、各方理由和依据',
      '五、争议期间执法情况',
      '2026年9月30日',
    ];
    let at = -1;
    for (const part of order) {
      const i = text.indexOf(part, at + 1);
      expect(i, part).toBeGreaterThan(at);
      at = i;
    }
    expect(text).toContain('先行处理单位城关镇人民政府未停止执法活动');
    expect(text).toContain('区水利局：属乡镇赋权事项');
    expect(text).toContain('2026年9月5日第1次协商');
  });

  it('refuses a dispute without an application', () => {
    expect(() =>
      disputeApplicationDocument({
        dispute: { ...dispute, escalation: undefined },
        unitNames: new Map(),
        applicant: 'x',
        authority: '区人民政府',
        date: '2026-09-30',
      }),
    ).toThrow('尚未填写提请协调申请');
  });
});

describe('提请协调申请 title', () => {
  it('breaks a long title at meaning boundaries, within the 版心', async () => {
    const doc = disputeApplicationDocument({
      dispute: { ...dispute, matter: '城东村沿街商铺占道经营的查处主体' },
      unitNames: new Map(),
      applicant: '城关镇人民政府',
      authority: '区人民政府',
      date: '2026-09-30',
    });
    const xml = (await readDocxParts(await packDocx(doc)))['word/document.xml']!;
    const title = xml.slice(0, xml.indexOf('区人民政府：'));
    const lines = [...title.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]!);
    expect(lines.join('')).toBe('关于提请协调城东村沿街商铺占道经营的查处主体行政执法争议的申请');
    expect(lines.length).toBe(2);
    expect(lines[0]).toBe('关于提请协调城东村沿街商铺占道经营的');
    expect(lines[1]).toBe('查处主体行政执法争议的申请');
  });
});
