/**
 * The page of the per-screen read bench (bundled by test/bench/chromium/screens.ts with esbuild, served on its own;
 * never part of the app's build). It loads the ten-year district demo profile at several scales into databases of
 * its own through the data layer (as followup-page.ts does), then times, one run per call, the reads four screens
 * make when they open, each beside a raw IndexedDB read of the same rows through the same indexes:
 *   review    争议 → 召集人审阅: disputes.reviewPage(first 20) (ChairReview: the open disputes' order from the keys of
 *             [state+registeredOn+number], the stuck count from [state+stateSince] counts, 20 rows read and
 *             assessed) + the tab's names (units.list({ includeArchived }), disputes.lookups())
 *   meeting   meeting detail with the agenda builder of the latest meeting still being prepared: meetings.get,
 *             people.list / units.list ({ includeArchived }), agenda.list, agenda.proposals (which carries the
 *             meetings the backlog's topics were deferred at: the backlog panel reads no meetings list; the report's
 *             minutes are headers from the v9 index keys)
 *   topics    the topics list as it opens: topics.view({}, first 20) (the [submittedOn+createdAt] index, newest 20;
 *             a count per state on [state+submittedOn+createdAt], whose sum is the total; one key for "any topic?"),
 *             units.list / people.list ({ includeArchived }), meetings.list() (useTopicNames)
 *   disputes  the disputes list (争议登记簿) as it opens: disputes.page({}, first 20) + disputes.stateCounts() + the
 *             tab's names
 * Four sides per case:
 *   screen     every read above, at once (as the hooks start them)
 *   main       the screen's main repository call alone (reviewPage(), proposals(), topics.view(), disputes.page())
 *   raw        the rows of `screen`, each read once, through the same indexes with plain IndexedDB, one transaction
 *   raw-main   the rows of `main` alone, likewise
 * Each run returns its time, the longest main-thread block (PerformanceObserver 'longtask', > 50 ms) that overlapped
 * it, and the rows the main read returned (a check that both sides read alike). The API is `window.__screensBench`.
 */
import { loadDistrict, request, timedRun } from './bench-page-shared';
import {
  DEFAULT_STUCK_THRESHOLDS,
  DISPUTE_STATES,
  TOPIC_STATES,
  stuckStateSinceCutoffs,
  OPEN_RESOLUTION_STATES,
  PREPARING_MEETING_STATES,
  isHeldOrLater,
  type Meeting,
} from '../../../shared/domain';
import { DISPUTE_THRESHOLDS_KEY } from '../../../renderer/src/db/repositories/disputes';
import type { DataLayer } from '../../../renderer/src/db/types';

export type ScreenCase = 'review' | 'meeting' | 'topics' | 'disputes';
export type ScreenSide = 'screen' | 'main' | 'raw' | 'raw-main';

export interface LoadedScale {
  scale: number;
  records: number;
  loadMs: number;
  meetings: number;
  topics: number;
  disputes: number;
  openDisputes: number;
  resolutions: number;
  /** The meeting of the `meeting` case. */
  meeting: string;
}

export interface RunResult {
  ms: number;
  /** Longest 'longtask' overlapping the run, ms (0 when none over 50 ms). */
  longest: number;
  /** Rows of the main read (review rows, backlog + disputes of the proposals, list rows). */
  rows: number;
}

export interface ScreensBenchApi {
  load(scale: number, today: string, seed: number): Promise<LoadedScale>;
  run(kase: ScreenCase, scale: number, side: ScreenSide): Promise<RunResult>;
}

interface Loaded {
  info: LoadedScale;
  dl: DataLayer;
  raw: IDBDatabase;
  meeting: Meeting;
  /** The data layer's day (the review's "today"). */
  today: string;
}

const NOT_CLOSED = DISPUTE_STATES.filter((s) => s !== 'closed');
/** The register lists' page (ui/list-pagination.ts). */
const PAGE = 20;
/** agenda-standing.ts: the day a meeting still being prepared reads the disputes open on ("now"). */
const NOW = '9999-12-31';
const loaded = new Map<number, Loaded>();

async function load(scale: number, today: string, seed: number): Promise<LoadedScale> {
  const dbName = `jointdesk-screens-s${String(scale).replace('.', '')}`;
  const { dl, ds, raw, records, loadMs } = await loadDistrict(dbName, scale, today, seed);
  const byDate = [...ds.meetings].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  const meeting = byDate.find((m) => PREPARING_MEETING_STATES.includes(m.state)) ?? byDate[0]!;
  const info: LoadedScale = {
    scale,
    records,
    loadMs,
    meetings: ds.meetings.length,
    topics: ds.topics.length,
    disputes: ds.disputes.length,
    openDisputes: ds.disputes.filter((d) => d.state !== 'closed').length,
    resolutions: ds.resolutions.length,
    meeting: `${meeting.year}-${meeting.sequence} ${meeting.kind} ${meeting.startsAt.slice(0, 10)} ${meeting.state}`,
  };
  loaded.set(scale, { info, dl, raw, meeting, today });
  return info;
}

const getAll = <T = unknown>(source: IDBObjectStore | IDBIndex, range?: IDBKeyRange | null) =>
  request(source.getAll(range) as IDBRequest<T[]>);

/** The names every screen reads: units, and (topics, meetings) people; meetings newest first by startsAt. */
async function rawNames(tx: IDBTransaction, what: { people?: boolean; meetings?: boolean }): Promise<number> {
  const [units, people, meetings] = await Promise.all([
    getAll(tx.objectStore('units')),
    what.people ? getAll(tx.objectStore('people')) : [],
    what.meetings ? getAll<Meeting>(tx.objectStore('meetings').index('startsAt')).then((m) => m.reverse()) : [],
  ]);
  return units.length + people.length + meetings.length;
}

/**
 * The first page of the chair's review as plain IndexedDB reads it: the keys of [state+registeredOn+number] per
 * open state (a key cursor: no values), sorted, the page's 20 rows by id; the stuck count: [state+stateSince]
 * counts below each state's cutoff + the recently negotiating rows; the thresholds setting.
 */
async function rawReview(raw: IDBDatabase, names: boolean, today: string): Promise<number> {
  const tx = raw.transaction(['disputes', 'settings', 'units', 'meetings'], 'readonly');
  const store = tx.objectStore('disputes');
  const order = store.index('[state+registeredOn+number]');
  const since = store.index('[state+stateSince]');
  const keysOf = (s: string) =>
    new Promise<{ id: string; registeredOn: string; number: string }[]>((resolve, reject) => {
      const out: { id: string; registeredOn: string; number: string }[] = [];
      const req = order.openKeyCursor(IDBKeyRange.bound([s], [s, []]));
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const c = req.result;
        if (!c) return resolve(out);
        const [, registeredOn, number] = c.key as [string, string, string];
        out.push({ id: c.primaryKey as string, registeredOn, number });
        c.continue();
      };
    });
  const { cutoffs } = stuckStateSinceCutoffs(today, DEFAULT_STUCK_THRESHOLDS);
  const [keys, , ,] = await Promise.all([
    Promise.all(NOT_CLOSED.map(keysOf)).then((k) => k.flat()),
    request(tx.objectStore('settings').get(DISPUTE_THRESHOLDS_KEY)),
    Promise.all([
      ...NOT_CLOSED.map((s) =>
        request(since.count(IDBKeyRange.bound([s], [s, cutoffs[s as keyof typeof cutoffs]], false, true))),
      ),
      getAll(since, IDBKeyRange.bound(['negotiating', cutoffs.negotiating], ['negotiating', []])),
    ]),
    names ? rawNames(tx, { meetings: true }) : 0,
  ]);
  keys.sort((a, b) =>
    a.registeredOn < b.registeredOn ? -1 : a.registeredOn > b.registeredOn ? 1 : a.number.localeCompare(b.number),
  );
  const page = await Promise.all(keys.slice(0, PAGE).map((k) => request(store.get(k.id))));
  return page.length;
}

type TopicRow = { id: string; state: string; meetingId?: string };
type ResolutionRow = { id: string; state: string; meetingId: string; minutesId?: string; issuedOn?: string };

/** What agenda.proposals reads for one meeting, raw; with `screen`, also the rest of the detail page's reads. */
async function rawMeeting(l: Loaded, screen: boolean): Promise<number> {
  const { meeting } = l;
  const stores = ['agendaItems', 'meetings', 'topics', 'resolutions', 'taskEvents', 'minutes', 'units', 'disputes'];
  const tx = l.raw.transaction(screen ? [...stores, 'people'] : stores, 'readonly');
  const meetings = tx.objectStore('meetings');
  const disputes = tx.objectStore('disputes');
  const resolutions = tx.objectStore('resolutions');
  const day = isHeldOrLater(meeting) ? meeting.startsAt.slice(0, 10) : NOW;

  const previousHeld = new Promise<Meeting | undefined>((resolve, reject) => {
    const req = meetings.index('startsAt').openCursor(IDBKeyRange.upperBound(meeting.startsAt, true), 'prev');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const c = req.result;
      if (!c) return resolve(undefined);
      const m = c.value as Meeting;
      if (m.id !== meeting.id && isHeldOrLater(m)) resolve(m);
      else c.continue();
    };
  });
  const [topics, , previous, open] = await Promise.all([
    Promise.all(
      ['deferred', 'accepted'].map((s) =>
        getAll<TopicRow>(tx.objectStore('topics').index('state'), IDBKeyRange.only(s)),
      ),
    ).then((p) => p.flat()),
    getAll(tx.objectStore('agendaItems').index('meetingId'), IDBKeyRange.only(meeting.id)),
    previousHeld,
    Promise.all([
      ...NOT_CLOSED.map((s) => getAll(disputes.index('state'), IDBKeyRange.only(s))),
      getAll(disputes.index('closedOn'), IDBKeyRange.lowerBound(day, true)),
      getAll(disputes.index('[state+stateSince]'), IDBKeyRange.bound(['closed', day], ['closed', []], true, true)),
    ]).then((p) => p.flat()),
    screen ? request(meetings.get(meeting.id)) : undefined,
    screen ? rawNames(tx, { people: true }) : 0,
  ]);
  const deferredAt = [...new Set(topics.flatMap((t) => (t.state === 'deferred' && t.meetingId ? [t.meetingId] : [])))];
  const since = previous?.startsAt.slice(0, 10);
  const [, openRes, verified] = await Promise.all([
    Promise.all(deferredAt.map((id) => request(meetings.get(id)))),
    Promise.all(
      OPEN_RESOLUTION_STATES.map((s) => getAll<ResolutionRow>(resolutions.index('state'), IDBKeyRange.only(s))),
    ).then((p) => p.flat()),
    since
      ? getAll<ResolutionRow>(resolutions.index('updatedAt'), IDBKeyRange.lowerBound(addDays(since, -1))).then((r) =>
          r.filter((x) => x.state === 'verified'),
        )
      : getAll<ResolutionRow>(resolutions.index('state'), IDBKeyRange.only('verified')),
  ]);
  const mday = meeting.startsAt.slice(0, 10);
  const candidates = [...openRes, ...verified].filter(
    (r) => r.meetingId !== meeting.id && (r.issuedOn === undefined || r.issuedOn <= mday),
  );
  const events = tx.objectStore('taskEvents').index('resolutionId');
  const minutes = tx.objectStore('minutes');
  const minutesIds = [...new Set(candidates.flatMap((r) => (r.minutesId ? [r.minutesId] : [])))];
  const orphans = [...new Set(candidates.filter((r) => !r.minutesId).map((r) => r.meetingId))];
  // The minutes' headers from the keys of the v9 index (one key cursor per id), never their documents; the
  // orphans' minutes found by their meetingId index keys.
  const header = minutes.index('[id+meetingId+issuedOn+issueYear+issueNumber]');
  const headerOf = (id: string) => request(header.openKeyCursor(IDBKeyRange.bound([id], [id, []])));
  await Promise.all([
    // The standing item's figures and lines need the events of the 已核验 candidates only (ReportDetail 'lines').
    Promise.all(candidates.filter((r) => r.state === 'verified').map((r) => getAll(events, IDBKeyRange.only(r.id)))),
    Promise.all(minutesIds.map(headerOf)),
    Promise.all(
      orphans.map((id) =>
        request(minutes.index('meetingId').getAllKeys(IDBKeyRange.only(id))).then((keys) =>
          Promise.all((keys as string[]).map(headerOf)),
        ),
      ),
    ),
  ]);
  // The rows compared with the data layer's: the backlog's topics and the open disputes (the screen filters both).
  return topics.length + open.length;
}

/**
 * The first page of the topics list as plain IndexedDB reads it: newest 20 on [submittedOn+createdAt], a count per
 * state on [state+submittedOn+createdAt], one primary key (is there any topic); the screen also reads the names.
 */
async function rawTopicsPage(raw: IDBDatabase, screen: boolean): Promise<number> {
  const tx = raw.transaction(['topics', 'units', 'people', 'meetings'], 'readonly');
  const store = tx.objectStore('topics');
  const page = new Promise<unknown[]>((resolve, reject) => {
    const out: unknown[] = [];
    const req = store.index('[submittedOn+createdAt]').openCursor(null, 'prev');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const c = req.result;
      if (!c || out.length === PAGE) return resolve(out);
      out.push(c.value);
      c.continue();
    };
  });
  const [rows] = await Promise.all([
    page,
    ...TOPIC_STATES.map((s) =>
      request(store.index('[state+submittedOn+createdAt]').count(IDBKeyRange.bound([s], [s, []]))),
    ),
    request(store.getAllKeys(null, 1)),
    screen ? rawNames(tx, { people: true, meetings: true }) : 0,
  ]);
  return rows.length;
}

/** The first page of the dispute register as plain IndexedDB reads it: newest 20 on registeredOn, the count. */
async function rawDisputesPage(raw: IDBDatabase, screen: boolean): Promise<number> {
  const tx = raw.transaction(['disputes', 'units', 'meetings'], 'readonly');
  const store = tx.objectStore('disputes');
  const page = new Promise<unknown[]>((resolve, reject) => {
    const out: unknown[] = [];
    const req = store.index('registeredOn').openCursor(null, 'prev');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const c = req.result;
      if (!c || out.length === PAGE) return resolve(out);
      out.push(c.value);
      c.continue();
    };
  });
  const [rows] = await Promise.all([
    page,
    request(store.count()),
    ...(screen
      ? [
          ...DISPUTE_STATES.map((s) => request(store.index('state').count(IDBKeyRange.only(s)))),
          rawNames(tx, { meetings: true }),
        ]
      : []),
  ]);
  return rows.length;
}

const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function dataLayer(l: Loaded, kase: ScreenCase, screen: boolean): Promise<number> {
  const { dl, meeting } = l;
  const names = (people: boolean, meetings: 'lookups' | 'list') =>
    Promise.all([
      dl.units.list({ includeArchived: true }),
      people ? dl.people.list({ includeArchived: true }) : [],
      meetings === 'lookups' ? dl.disputes.lookups() : dl.meetings.list(),
    ]);
  switch (kase) {
    case 'review': {
      const [review] = await Promise.all([
        dl.disputes.reviewPage({ offset: 0, limit: PAGE }),
        screen ? names(false, 'lookups') : undefined,
      ]);
      return review.rows.length;
    }
    case 'meeting': {
      const [proposals] = await Promise.all([
        dl.agenda.proposals(meeting.id),
        ...(screen
          ? [
              dl.meetings.get(meeting.id),
              dl.units.list({ includeArchived: true }),
              dl.people.list({ includeArchived: true }),
              dl.agenda.list(meeting.id),
            ]
          : []),
      ]);
      return proposals.backlog.length + proposals.disputes.length;
    }
    case 'topics': {
      const [view] = await Promise.all([
        dl.topics.view({}, { offset: 0, limit: PAGE }),
        screen ? names(true, 'list') : undefined,
      ]);
      return view.rows.length;
    }
    case 'disputes': {
      const [page] = await Promise.all([
        dl.disputes.page({}, { offset: 0, limit: PAGE }),
        ...(screen ? [dl.disputes.stateCounts(), names(false, 'lookups')] : []),
      ]);
      return page.rows.length;
    }
  }
}

async function rawSide(l: Loaded, kase: ScreenCase, screen: boolean): Promise<number> {
  switch (kase) {
    case 'review':
      return rawReview(l.raw, screen, l.today);
    case 'meeting':
      return rawMeeting(l, screen);
    case 'topics':
      return rawTopicsPage(l.raw, screen);
    case 'disputes':
      return rawDisputesPage(l.raw, screen);
  }
}

async function run(kase: ScreenCase, scale: number, side: ScreenSide): Promise<RunResult> {
  const l = loaded.get(scale);
  if (!l) throw new Error(`scale ${scale} is not loaded`);
  const {
    ms,
    longest,
    out: rows,
  } = await timedRun(() =>
    side === 'screen' || side === 'main' ? dataLayer(l, kase, side === 'screen') : rawSide(l, kase, side === 'raw'),
  );
  return { ms, longest, rows };
}

(window as unknown as { __screensBench: ScreensBenchApi }).__screensBench = { load, run };
