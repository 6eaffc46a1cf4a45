import { isSafeExternalUrl } from './trusted-url';

export interface ExternalLinkDeps {
  /** electron.dialog.showMessageBox bound to the window (or not): resolves with the button index. */
  showMessageBox: (options: {
    type: 'question';
    buttons: string[];
    defaultId: number;
    cancelId: number;
    title: string;
    message: string;
    detail: string;
    noLink: boolean;
  }) => Promise<{ response: number }>;
  /** electron.shell.openExternal */
  openExternal: (url: string) => Promise<void>;
}

/** What the confirmation says: the real host (punycode never reaches here: such names are refused). */
export function externalLinkPrompt(url: string): { message: string; detail: string } | null {
  if (!isSafeExternalUrl(url)) return null;
  const u = new URL(url);
  if (u.protocol === 'mailto:') {
    return { message: '用邮件程序给以下地址写邮件？', detail: `收件人：${u.pathname}` };
  }
  return {
    message: `在浏览器中打开网站“${u.hostname}”？`,
    detail: `网址：${url.length > 300 ? `${url.slice(0, 300)}…` : url}\n请确认网站名称无误后再打开。`,
  };
}

/**
 * SEC-4: a link leaves the app only if it is safe (https to a public host, or mailto) AND the user
 * confirmed a dialog that shows the real host. Resolves true when it was opened.
 */
export async function confirmAndOpenExternal(url: string, deps: ExternalLinkDeps): Promise<boolean> {
  const prompt = externalLinkPrompt(url);
  if (!prompt) return false;
  const { response } = await deps.showMessageBox({
    type: 'question',
    buttons: ['打开', '取消'],
    defaultId: 1,
    cancelId: 1,
    title: '打开外部链接',
    noLink: true,
    ...prompt,
  });
  if (response !== 0) return false;
  await deps.openExternal(url);
  return true;
}
