import { Alert, Button, Space, Spin } from 'antd';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { getDatabase } from '../db';
import { checkDataPresent, keepDataMarker, saveDataMarker, type DataPresence } from '../db/data-marker';

// Shown only when something is wrong: loaded then, not at every start.
const DatabaseRecoveryScreen = lazy(() =>
  import('./database-recovery-screen').then((m) => ({ default: m.DatabaseRecoveryScreen })),
);

/**
 * Between the database gate (the database opened) and everything that reads it: is everything the app saw
 * before still there (renderer/src/db/data-marker.ts)? Chromium deletes an IndexedDB database whose files it
 * finds damaged and starts an empty one; without this check the app would open on its first-start screen
 * as if it had never been used, or with records missing and nothing said (RELIABILITY-SECURITY.md DUR-6,
 * measured by test/durability/corrupt-profile.ts). A read that fails here — a damaged file that opened —
 * shows the recovery screen too, not a crash screen. Once the data is found whole, the marker is kept at
 * the audit head after every write.
 */
export function DataPresenceGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation(['common', 'backup']);
  const [presence, setPresence] = useState<DataPresence | null>(null);
  const [closed, setClosed] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    let stop: (() => void) | undefined;
    const db = getDatabase();
    void checkDataPresent(db).then((p) => {
      if (!live) return;
      setPresence(p);
      if (!p.ok) return;
      const stopMarker = keepDataMarker(db);
      // Chromium closes the connection itself when it finds the files damaged while the app runs, and then
      // deletes the database. Dexie would reopen on the next read and create an empty one under the running
      // app: closed for good here instead, and the recovery screen says so (重试 reloads: the check at start).
      const idb = db.isOpen() ? db.backendDB() : null;
      const onClosed = () => {
        db.close();
        if (live) setClosed(true);
      };
      idb?.addEventListener('close', onClosed);
      stop = () => {
        stopMarker();
        idb?.removeEventListener('close', onClosed);
      };
    });
    return () => {
      live = false;
      stop?.();
    };
  }, [attempt]);

  const loading = (
    <div className="jd-full-page">
      <Spin size="large" description={t('loading')} />
    </div>
  );
  if (!presence) return loading;
  if (closed) {
    const failure = {
      ok: false as const,
      kind: 'closed' as const,
      name: 'DatabaseClosed',
      message: 'the browser closed the database connection',
    };
    return (
      <Suspense fallback={loading}>
        <DatabaseRecoveryScreen failure={failure} onRetry={() => window.location.reload()} />
      </Suspense>
    );
  }
  if (presence.ok) {
    if (!presence.short) return children;
    const { expected, found } = presence.short;
    const accept = () => {
      saveDataMarker(getDatabase().name, found, new Date());
      setPresence({ ok: true, seq: presence.seq });
    };
    return (
      <>
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="data-short"
          style={{ position: 'fixed', top: 8, left: '50%', transform: 'translateX(-50%)', zIndex: 1100, maxWidth: 760 }}
          title={t('backup:recovery.shortTitle', { expected, found })}
          description={
            <Space wrap>
              <a href="#/settings">{t('backup:recovery.shortRestore')}</a>
              <Button size="small" onClick={accept}>
                {t('backup:recovery.shortAccept')}
              </Button>
            </Space>
          }
        />
        {children}
      </>
    );
  }
  const failure =
    presence.kind === 'unreadable'
      ? { ok: false as const, kind: 'unknown' as const, name: presence.name, message: presence.message }
      : {
          ok: false as const,
          kind: 'data-missing' as const,
          name: 'DataMissing',
          message: `audit head ${presence.found}, ${presence.expected} before`,
          expected: presence.expected,
          found: presence.found,
        };
  return (
    <Suspense fallback={loading}>
      <DatabaseRecoveryScreen failure={failure} onRetry={() => setAttempt((n) => n + 1)} />
    </Suspense>
  );
}
