import { describe, expect, it } from 'vitest';
import { meetingDisplayName, meetingOfficialName, meetingSessionName } from '../../../shared/domain';
import { sessionFileLabel, sessionName } from '../../../shared/export/docx/meeting-doc-model';
import { meetingOfficialName as screenName } from '../../../renderer/src/features/meetings/labels';

const regular = { year: 2026, sequence: 4, kind: 'regular' as const };
const special = { year: 2026, sequence: 1, kind: 'special' as const };

describe('one formatter for meeting names', () => {
  it('numbers with Chinese ordinals, never Arabic digits', () => {
    expect(meetingOfficialName(regular)).toBe('2026年第四次定期联席会议');
    expect(meetingSessionName(regular)).toBe('2026年第四次会议');
    expect(meetingSessionName(special)).toBe('2026年第一次专题会议');
    expect(meetingDisplayName(regular, '城关镇综合行政执法协调联席会议')).toBe(
      '城关镇综合行政执法协调联席会议2026年第四次会议',
    );
    expect(meetingOfficialName({ ...regular, sequence: 12 })).toBe('2026年第十二次定期联席会议');
  });

  it('is the same function on screens and in documents', () => {
    expect(screenName).toBe(meetingOfficialName);
    expect(sessionFileLabel).toBe(meetingOfficialName);
    expect(sessionName).toBe(meetingSessionName);
  });
});
