import { useLiveQuery } from 'dexie-react-hooks';
import type { Quarter } from '../../../../shared/domain';
import { getDataLayer } from '../../db';
import type { Escalations, HomeReadiness, MinutesForSignOff, UnitQuarterTable } from '../../db/repositories/home';

export type { Escalations, HomeReadiness, MinutesForSignOff, UnitQuarterTable };

/** The supervisor's table for a quarter, live; `undefined` while loading. */
export function useUnitQuarters(q: Pick<Quarter, 'year' | 'quarter'>): UnitQuarterTable | undefined {
  return useLiveQuery(() => getDataLayer().home.unitQuarters(q), [q.year, q.quarter]);
}

/** The office's 会前准备清单, live. */
export function useReadiness(): HomeReadiness | undefined {
  return useLiveQuery(() => getDataLayer().home.readiness(), []);
}

/** Minutes awaiting sign-off (送审), live. */
export function useMinutesForSignOff(): MinutesForSignOff[] | undefined {
  return useLiveQuery(() => getDataLayer().home.minutesForSignOff(), []);
}

/** Matters for the party-government joint meeting, live. */
export function useEscalations(): Escalations | undefined {
  return useLiveQuery(() => getDataLayer().home.escalations(), []);
}
