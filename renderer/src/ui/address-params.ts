import { useCallback } from 'react';
// The one place that may: every filter page goes through useAddressParams below.
// eslint-disable-next-line no-restricted-imports
import { useSearchParams } from 'react-router-dom';

/**
 * The query of the address as it is NOW (hash router: `#/path?…`), for merging a filter change into.
 *
 * React Router hands a functional `setSearchParams` the params of the render that made the handler, not the
 * latest ones: a click or Enter handled just after another change of the address (the menu clearing the
 * filters, a clear button removing one) merges into the older params and brings back what was removed. The
 * address itself is updated synchronously, so it is the truth. Outside a browser, `fallback` is used.
 */
export function paramsInAddress(fallback: URLSearchParams): URLSearchParams {
  if (typeof window === 'undefined') return new URLSearchParams(fallback);
  const hash = window.location.hash;
  const q = hash.indexOf('?');
  return new URLSearchParams(q >= 0 ? hash.slice(q + 1) : '');
}

/**
 * The one way filter pages read and change their address query: `params` for rendering, and `change(edit)`
 * where `edit` gets a fresh copy of the query as the address holds it NOW (see {@link paramsInAddress}) and
 * changes it in place or returns a new one. Filters replace history by default (they are not steps to go back
 * through); pass `{ replace: false }` for a change that is (switching tabs).
 */
export function useAddressParams(): [
  URLSearchParams,
  (edit: (now: URLSearchParams) => URLSearchParams | void, options?: { replace?: boolean }) => void,
] {
  const [params, setParams] = useSearchParams();
  const change = useCallback(
    (edit: (now: URLSearchParams) => URLSearchParams | void, options: { replace?: boolean } = {}) =>
      setParams(
        (prev) => {
          const now = paramsInAddress(prev);
          return edit(now) ?? now;
        },
        { replace: options.replace ?? true },
      ),
    [setParams],
  );
  return [params, change];
}
