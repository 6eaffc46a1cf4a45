import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getHost } from '../platform';

const DISMISSED_KEY = 'jointdesk.storageNotice.dismissed';

/** Whether the browser keeps this site's data under storage pressure (DUR-10); asks once if not yet. */
export async function storageIsPersistent(
  storage: StorageManager | undefined = globalThis.navigator?.storage,
): Promise<boolean> {
  if (!storage?.persisted) return false;
  if (await storage.persisted()) return true;
  return storage.persist ? storage.persist() : false;
}

/**
 * In the browser build, when the browser did not grant persistent storage, says once and plainly that it
 * may evict the data, and what to do. The desktop app keeps its data in its own folder: nothing to say.
 */
export function StorageNotice() {
  const { t } = useTranslation('app');
  const [show, setShow] = useState(false);
  useEffect(() => {
    if (getHost().kind !== 'browser' || localStorage.getItem(DISMISSED_KEY)) return;
    let cancelled = false;
    storageIsPersistent()
      .then((persistent) => {
        if (!cancelled && !persistent) setShow(true);
      })
      .catch(() => {
        if (!cancelled) setShow(true);
      });
    return () => {
      cancelled = true;
    };
  }, []);
  if (!show) return null;
  return (
    <Alert
      type="warning"
      showIcon
      closable
      className="jd-storage-notice"
      data-testid="storage-notice"
      message={t('storage.notPersistent')}
      description={t('storage.whatToDo')}
      onClose={() => localStorage.setItem(DISMISSED_KEY, '1')}
    />
  );
}
