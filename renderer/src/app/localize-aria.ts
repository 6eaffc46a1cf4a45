/**
 * A few third-party controls hard-code English accessible names (@rc-component/input-number's step buttons
 * say “Increase Value” / “Decrease Value”; clear buttons say “Clear”), with no prop or locale to change them.
 * This observer renames exactly those labels wherever they appear, so a screen reader speaks the interface
 * language. Anything else is left alone.
 */
export function installAriaLocalizer(
  root: Node,
  labels: Readonly<Record<string, string>> | (() => Readonly<Record<string, string>>),
): () => void {
  const fix = (el: Element) => {
    const label = el.getAttribute('aria-label');
    const map = typeof labels === 'function' ? labels() : labels;
    if (label !== null && Object.hasOwn(map, label) && map[label] !== label) el.setAttribute('aria-label', map[label]!);
  };
  const scan = (node: Node) => {
    if (!(node instanceof Element)) return;
    fix(node);
    node.querySelectorAll('[aria-label]').forEach(fix);
  };
  scan(root);
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes' && r.target instanceof Element) fix(r.target);
      else r.addedNodes.forEach(scan);
    }
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
  return () => observer.disconnect();
}
