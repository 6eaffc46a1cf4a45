import type { Minutes, MinutesVersion, Resolution } from '../../../../shared/domain/minutes';
import { getDataLayer } from '../../db';

/**
 * The minutes data layer as documented for helper E (renderer/src/db/repositories/minutes.ts). The page
 * reaches it only through this one accessor, so when `DataLayer.minutes` is typed in db/types.ts this
 * file shrinks to `getDataLayer().minutes`.
 */
export interface MinutesApi {
  forMeeting(meetingId: string): Promise<Minutes | undefined>;
  get(id: string): Promise<Minutes | undefined>;
  resolutions(minutesId: string): Promise<Resolution[]>;
  versions(minutesId: string): Promise<MinutesVersion[]>;
  version(minutesId: string, version: number): Promise<MinutesVersion | undefined>;
  ensureForMeeting(meetingId: string): Promise<Minutes>;
  /** The unaudited autosave draft, if any: its content and when it was written. */
  draft(minutesId: string): Promise<{ content: unknown; savedAt: string } | undefined>;
  saveDraft(minutesId: string, content: unknown): Promise<unknown>;
  saveVersion(minutesId: string, summary?: string): Promise<unknown>;
  restore(minutesId: string, version: number): Promise<unknown>;
  submit(minutesId: string): Promise<unknown>;
  returnForChanges(minutesId: string, comment: string): Promise<unknown>;
  signOff(minutesId: string, note?: string): Promise<unknown>;
  issue(minutesId: string): Promise<unknown>;
  correct(minutesId: string, content: unknown, reason: string): Promise<unknown>;
}

export function minutesApi(): MinutesApi {
  return (getDataLayer() as unknown as { minutes: MinutesApi }).minutes;
}
