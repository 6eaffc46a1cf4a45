import { useLiveQuery } from 'dexie-react-hooks';
import { isDomainError } from '../../../../../shared/domain';
import type { MeetingDocOffice } from '../../../../../shared/export/docx/meeting-doc-model';
import type { MeetingDocumentSources } from '../../../db/repositories/document-settings';
import { getDataLayer } from '../../../db';

/** The saved issuing office; `office` absent once loaded means it has not been filled in yet. */
export function useDocumentOffice(): { loading: boolean; office?: MeetingDocOffice } {
  const result = useLiveQuery(async () => ({ office: await getDataLayer().documentSettings.office() }), []);
  if (result === undefined) return { loading: true };
  return result.office ? { loading: false, office: result.office } : { loading: false };
}

/** What the meeting's documents are built from; `undefined` while loading, `null` when the meeting is gone. */
export function useMeetingSources(meetingId: string): MeetingDocumentSources | null | undefined {
  return useLiveQuery(
    () =>
      getDataLayer()
        .documentSettings.meetingSources(meetingId)
        .catch((e: unknown) => {
          if (isDomainError(e) && e.code === 'not-found') return null;
          throw e;
        }),
    [meetingId],
  );
}
