// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { installAriaLocalizer } from '../../../renderer/src/app/localize-aria';

const LABELS = { 'Increase Value': '增加', 'Decrease Value': '减少', Clear: '清除' };

describe('installAriaLocalizer', () => {
  it('renames the hard-coded English labels, now and as controls appear, and nothing else', async () => {
    document.body.innerHTML =
      '<span role="button" aria-label="Increase Value"></span><button aria-label="保存"></button>';
    const stop = installAriaLocalizer(document.body, LABELS);
    expect(document.querySelector('[role=button]')?.getAttribute('aria-label')).toBe('增加');
    const added = document.createElement('div');
    added.innerHTML = '<span aria-label="Decrease Value"></span><span aria-label="Clear"></span>';
    document.body.append(added);
    await new Promise((r) => setTimeout(r, 0));
    expect([...added.querySelectorAll('span')].map((s) => s.getAttribute('aria-label'))).toEqual(['减少', '清除']);
    added.querySelector('span')!.setAttribute('aria-label', 'Increase Value');
    await new Promise((r) => setTimeout(r, 0));
    expect(added.querySelector('span')!.getAttribute('aria-label')).toBe('增加');
    expect(document.querySelector('button')?.getAttribute('aria-label')).toBe('保存');
    stop();
  });
});
