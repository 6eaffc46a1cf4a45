import { describe, expect, it, vi } from 'vitest';
import { confirmAndOpenExternal, externalLinkPrompt } from '../../../../../electron/main/security/external-link';

function deps(response: number) {
  return {
    showMessageBox: vi.fn(async () => ({ response })),
    openExternal: vi.fn(async () => undefined),
  };
}

describe('external links (SEC-4)', () => {
  it('opens a safe link only after the user confirmed a dialog naming the real host', async () => {
    const yes = deps(0);
    expect(await confirmAndOpenExternal('https://www.gov.cn/zhengce/', yes)).toBe(true);
    expect(yes.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ message: '在浏览器中打开网站“www.gov.cn”？', buttons: ['打开', '取消'], cancelId: 1 }),
    );
    expect(yes.openExternal).toHaveBeenCalledWith('https://www.gov.cn/zhengce/');

    const no = deps(1);
    expect(await confirmAndOpenExternal('https://www.gov.cn/', no)).toBe(false);
    expect(no.openExternal).not.toHaveBeenCalled();
  });

  it('never asks about, nor opens, a link that is not safe', async () => {
    for (const url of [
      'http://example.org/',
      'https://192.168.1.1/',
      'https://localhost:8080/',
      'file:///etc/passwd',
    ]) {
      const d = deps(0);
      expect(await confirmAndOpenExternal(url, d)).toBe(false);
      expect(d.showMessageBox).not.toHaveBeenCalled();
      expect(d.openExternal).not.toHaveBeenCalled();
    }
  });

  it('names the recipient of a mailto link', () => {
    expect(externalLinkPrompt('mailto:lianxi@example.org')).toEqual({
      message: '用邮件程序给以下地址写邮件？',
      detail: '收件人：lianxi@example.org',
    });
  });
});
