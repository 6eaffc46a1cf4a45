import { useLiveQuery } from 'dexie-react-hooks';
import type { MinutesTemplateWording } from '../../../../shared/domain/minutes-template';
import { getDataLayer } from '../singleton';

/** The 会议纪要 wording (defaults filled); `undefined` while loading. */
export function useMinutesWording(): MinutesTemplateWording | undefined {
  return useLiveQuery(() => getDataLayer().minutesTemplate.wording(), []);
}
