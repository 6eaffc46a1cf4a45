import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { getDataLayer } from '../../db';
import type { AttentionCounts, TaskDetail, TaskListFilter, TaskRow } from '../../db/repositories/followup';
import type { AttachmentMeta } from '../../db/types';

export type { AttentionCounts, TaskDetail, TaskListFilter, TaskRow };

/**
 * One page of tasks, live (a progress report elsewhere updates the row). The repository pages on its
 * indexes (offset/limit), so the screen never loads the whole table. `undefined` while loading (and for
 * `null`: nothing to ask, e.g. the table while the board shows).
 */
export function useTaskPage(filter: TaskListFilter | null): { rows: TaskRow[]; total: number } | undefined {
  // Compared by value: callers build a fresh filter object on every render.
  const key = JSON.stringify(filter);
  const stable = useMemo(() => JSON.parse(key) as TaskListFilter | null, [key]);
  return useLiveQuery(async () => (stable ? getDataLayer().followup.list(stable) : undefined), [stable]);
}

/** Whether any task exists at all (the empty state says how tasks come about); `undefined` while loading. */
export function useHasTasks(): boolean | undefined {
  return useLiveQuery(async () => (await getDataLayer().followup.list({ limit: 1 })).total > 0, []);
}

/** One task with its events: `undefined` while loading, `null` when there is no such task. */
export function useTask(id: string | undefined): TaskDetail | null | undefined {
  return useLiveQuery(async () => (id ? ((await getDataLayer().followup.get(id)) ?? null) : null), [id]);
}

/** What needs attention now (counts), live; `undefined` while loading. */
export function useAttentionCounts(): AttentionCounts | undefined {
  return useLiveQuery(() => getDataLayer().followup.attention(), []);
}

/** The files of a task's 报送进展 and 办结报告, by event id, live; `undefined` while loading. */
export function useTaskAttachments(id: string | undefined): Map<string, AttachmentMeta[]> | undefined {
  return useLiveQuery(async () => (id ? getDataLayer().followup.eventAttachments(id) : new Map()), [id]);
}
