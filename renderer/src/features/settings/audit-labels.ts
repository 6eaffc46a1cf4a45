import { type TFunction } from 'i18next';
import { type AuditEntry } from '../../../../shared/domain/audit';

/** Longest record name shown in the 对象 column; longer texts (resolutions, progress notes) are cut. */
const MAX_NAME = 30;

/** The first human-readable field of a record snapshot: a name, a title, or the start of its text. */
function snapshotName(snapshot: unknown): string | undefined {
  if (typeof snapshot !== 'object' || snapshot === null) return undefined;
  const s = snapshot as Record<string, unknown>;
  for (const k of ['name', 'title', 'shortName', 'subject', 'content', 'text']) {
    const v = s[k];
    if (typeof v === 'string' && v.trim() !== '') {
      const one = v.trim().replace(/\s+/g, ' ');
      return one.length > MAX_NAME ? `${one.slice(0, MAX_NAME)}…` : one;
    }
  }
  return undefined;
}

/** `成员单位“区市场监管局”` — entity kind plus the record's name, or its short id when it has none. */
export function describeAuditObject(e: AuditEntry, t: TFunction): string {
  const kind = t(`settings:audit.entities.${e.entity}`);
  const name = snapshotName(e.after) ?? snapshotName(e.before);
  return name
    ? t('settings:audit.objectLine', { kind, name })
    : t('settings:audit.objectLineId', { kind, id: e.entityId.slice(0, 8) });
}
