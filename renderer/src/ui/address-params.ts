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
