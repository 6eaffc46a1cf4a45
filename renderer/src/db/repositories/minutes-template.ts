import {
  DEFAULT_MINUTES_WORDING,
  minutesTemplateWordingSchema,
  type MinutesTemplateWording,
} from '../../../../shared/domain/minutes-template';
import { auditedWrite, type DataLayerContext } from '../audited-write';
import type { JointDeskDB } from '../database';
import { guard } from '../permission-guard';
import { parseOrThrow, type FieldLabels } from '../validation';

/** Setting key of the office's 会议纪要 wording (导语 pattern, closing phrase, attendance labels). */
export const MINUTES_TEMPLATE_KEY = 'minutes.template';

export const MINUTES_WORDING_LABELS: FieldLabels = {
  intro: '导语',
  closing: '结束语',
  presentLabel: '出席标签',
  leaveLabel: '请假标签',
  observerLabel: '列席标签',
};

const WORDING_KEYS = Object.keys(DEFAULT_MINUTES_WORDING) as (keyof MinutesTemplateWording)[];

export interface MinutesTemplateRepository {
  /** The saved wording; each field not saved (or no longer valid) is the default. */
  wording(): Promise<MinutesTemplateWording>;
  /**
   * `input` is a MinutesTemplateWording; keys left out keep their current value. Validated with
   * `minutesTemplateWordingSchema` (Chinese messages naming the field). Audited as entity 'settings',
   * id 'minutes.template'; saving the same wording again writes nothing.
   */
  save(input: unknown): Promise<MinutesTemplateWording>;
  /** Back to {@link DEFAULT_MINUTES_WORDING}; audited (nothing happens when nothing was saved). */
  reset(): Promise<MinutesTemplateWording>;
}

export function createMinutesTemplateRepository(ctx: DataLayerContext): MinutesTemplateRepository {
  const { db } = ctx;
  return {
    wording: () => db.transaction('r', [db.settings], () => readMinutesWording(db)),

    async save(input) {
      return auditedWrite(ctx, [], async (audit) => {
        guard(audit, 'settings.minutes_template');
        const stored = (await db.settings.get(MINUTES_TEMPLATE_KEY))?.value;
        const current = await readMinutesWording(db);
        const merged = isRecord(input) ? { ...current, ...definedOnly(input) } : input;
        const wording = parseOrThrow(minutesTemplateWordingSchema, merged, MINUTES_WORDING_LABELS);
        if (stored !== undefined && sameWording(current, wording)) return current;
        await db.settings.put({ key: MINUTES_TEMPLATE_KEY, value: wording });
        audit.record({
          entity: 'settings',
          entityId: MINUTES_TEMPLATE_KEY,
          action: 'update',
          before: stored === undefined ? null : auditSnapshot(current),
          after: auditSnapshot(wording),
        });
        return wording;
      });
    },

    async reset() {
      return auditedWrite(ctx, [], async (audit) => {
        guard(audit, 'settings.minutes_template');
        const stored = (await db.settings.get(MINUTES_TEMPLATE_KEY))?.value;
        const defaults = { ...DEFAULT_MINUTES_WORDING };
        if (stored === undefined) return defaults;
        const current = await readMinutesWording(db);
        await db.settings.delete(MINUTES_TEMPLATE_KEY);
        audit.record({
          entity: 'settings',
          entityId: MINUTES_TEMPLATE_KEY,
          action: 'update',
          before: auditSnapshot(current),
          after: auditSnapshot(defaults),
          reason: '恢复默认措辞',
        });
        return defaults;
      });
    },
  };
}

/**
 * The wording as stored, defaults filled field by field, for use INSIDE another repository's
 * transaction (e.g. generating the minutes draft): it only reads `db.settings`, which every
 * `auditedWrite` transaction includes.
 */
export async function readMinutesWording(db: JointDeskDB): Promise<MinutesTemplateWording> {
  const stored = (await db.settings.get(MINUTES_TEMPLATE_KEY))?.value;
  const wording: MinutesTemplateWording = { ...DEFAULT_MINUTES_WORDING };
  if (!isRecord(stored)) return wording;
  for (const key of WORDING_KEYS) {
    const field = minutesTemplateWordingSchema.shape[key].safeParse(stored[key]);
    if (field.success) wording[key] = field.data;
  }
  return wording;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function definedOnly(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
}

function sameWording(a: MinutesTemplateWording, b: MinutesTemplateWording): boolean {
  return WORDING_KEYS.every((k) => a[k] === b[k]);
}

/** The audit trail names the change ("设置“会议纪要模板措辞”") and keeps every field. */
function auditSnapshot(w: MinutesTemplateWording) {
  return { name: '会议纪要模板措辞', ...w };
}
