import { describe, expect, it } from 'vitest';
import {
  isSafeExternalUrl,
  isTrustedAppUrl,
  isTrustedBlobUrl,
} from '../../../../../electron/main/security/trusted-url';

type Verdict = 'trusted' | 'external' | 'refused';

/** SEC-4: every URL is either the app itself, a safe external link, or refused outright. */
const TABLE: ReadonlyArray<readonly [string, Verdict]> = [
  // the app origin
  ['app://jointdesk/index.html', 'trusted'],
  ['app://jointdesk/', 'trusted'],
  ['app://jointdesk/meetings/2026-q3?tab=topics#top', 'trusted'],
  ['app://JOINTDESK/index.html', 'trusted'],
  ['app://jointdesk/assets/index-abc123.js', 'trusted'],
  // look-alikes of the app origin
  ['app://jointdesk.evil/index.html', 'refused'],
  ['app://evil.jointdesk/index.html', 'refused'],
  ['app://jointdesk:8080/index.html', 'refused'],
  ['app://user@jointdesk/index.html', 'refused'],
  ['app://user:pw@jointdesk/', 'refused'],
  ['app://evil/jointdesk', 'refused'],
  ['app:/index.html', 'refused'],
  ['app:jointdesk/index.html', 'refused'],
  ['apps://jointdesk/index.html', 'refused'],
  ['jointdesk://jointdesk/', 'refused'],
  // safe external links (system browser, after a confirmation)
  ['https://www.gov.cn/', 'external'],
  ['https://example.org/path?q=1#frag', 'external'],
  ['HTTPS://EXAMPLE.ORG/', 'external'],
  ['https://www.moj.gov.cn/pub/sfbgw/', 'external'],
  ['mailto:someone@example.org', 'external'],
  // not encrypted, or not a public web site
  ['http://example.org/', 'refused'],
  ['http://www.gov.cn/', 'refused'],
  ['https://localhost/', 'refused'],
  ['https://localhost:8080/', 'refused'],
  ['https://example.org:8443/', 'refused'],
  ['https://169.254.169.254/latest/meta-data/', 'refused'],
  ['https://192.168.1.1/', 'refused'],
  ['https://10.0.0.1/', 'refused'],
  ['https://192.0.2.1/', 'refused'],
  ['https://0x7f000001/', 'refused'],
  ['https://2130706433/', 'refused'],
  ['https://[2001:db8::1]/', 'refused'],
  ['https://[::1]/', 'refused'],
  ['https://intranet/', 'refused'],
  ['https://printer.local/', 'refused'],
  ['https://nas.lan/', 'refused'],
  ['https://1.0.0.127.in-addr.arpa/', 'refused'],
  // IDN hosts can imitate another name letter for letter
  ['https://例子.测试/', 'refused'],
  ['https://xn--fsqu00a.xn--0zwm56d/', 'refused'],
  ['https://gov.cn.xn--80ak6aa92e.com/', 'refused'],
  ['https://аррӏе.com/', 'refused'],
  // external but dangerous
  ['https://user:pass@example.org/', 'refused'],
  ['https://user@example.org/', 'refused'],
  ['https://evil.example\\@good.example/', 'refused'],
  ['https://example.org/\u0000', 'refused'],
  ['https://example.org/\n', 'refused'],
  ['https://example.org/a b', 'refused'],
  [`https://example.org/${'a'.repeat(3000)}`, 'refused'],
  ['https:///no-host', 'refused'],
  ['http:///no-host', 'refused'],
  ['mailto:someone@example.org?bcc=all@example.org', 'refused'],
  ['mailto:a@b', 'refused'],
  // local files and shares
  ['file:///etc/passwd', 'refused'],
  ['file:///C:/Windows/System32/calc.exe', 'refused'],
  ['file://server/share/x.exe', 'refused'],
  ['\\\\server\\share\\x.exe', 'refused'],
  ['//server/share/x.exe', 'refused'],
  ['smb://server/share', 'refused'],
  ['C:\\Windows\\System32\\cmd.exe', 'refused'],
  ['/etc/passwd', 'refused'],
  // script and data
  ['javascript:alert(1)', 'refused'],
  ['JavaScript:alert(1)', 'refused'],
  [' javascript:alert(1)', 'refused'],
  ['data:text/html,<script>alert(1)</script>', 'refused'],
  ['blob:https://evil.example/uuid', 'refused'],
  ['vbscript:msgbox(1)', 'refused'],
  // OS protocol handlers that launch programs
  ['ms-msdt:/id PCWDiagnostic /skip force', 'refused'],
  ['search-ms:query=x&crumb=location:\\\\evil\\share', 'refused'],
  ['ms-officecmd:{}', 'refused'],
  ['ms-settings:', 'refused'],
  ['tel:+86123456', 'refused'],
  ['ftp://example.org/file', 'refused'],
  ['ws://example.org/', 'refused'],
  ['chrome://settings', 'refused'],
  ['devtools://devtools/bundled/inspector.html', 'refused'],
  ['about:blank', 'refused'],
  ['view-source:https://example.org', 'refused'],
  ['steam://run/1', 'refused'],
  ['x-custom://anything', 'refused'],
  ['', 'refused'],
  ['not a url', 'refused'],
];

function verdict(url: string): Verdict {
  if (isTrustedAppUrl(url)) return 'trusted';
  if (isSafeExternalUrl(url)) return 'external';
  return 'refused';
}

describe('URL trust table', () => {
  it('has at least 40 rows', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40);
  });

  it.each(TABLE)('%s → %s', (url, expected) => {
    expect(verdict(url)).toBe(expected);
  });

  it('never marks a URL both trusted and external', () => {
    for (const [url] of TABLE) expect(isTrustedAppUrl(url) && isSafeExternalUrl(url)).toBe(false);
  });
});

describe('isTrustedAppUrl with a dev server origin', () => {
  const dev = ['http://localhost:5173'];

  it('trusts exactly the given dev origin', () => {
    expect(isTrustedAppUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isTrustedAppUrl('http://localhost:5174/index.html', dev)).toBe(false);
    expect(isTrustedAppUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isTrustedAppUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isTrustedAppUrl('http://localhost:5173.evil.example/', dev)).toBe(false);
  });

  it('does not trust http origins without being told', () => {
    expect(isTrustedAppUrl('http://localhost:5173/')).toBe(false);
  });
});

describe('isTrustedBlobUrl', () => {
  it('accepts blobs created by the app origin only', () => {
    expect(isTrustedBlobUrl('blob:app://jointdesk/0f8a7c1e-1111-2222-3333-444455556666')).toBe(true);
    expect(isTrustedBlobUrl('blob:app://jointdesk.evil/uuid')).toBe(false);
    expect(isTrustedBlobUrl('blob:https://evil.example/uuid')).toBe(false);
    expect(isTrustedBlobUrl('app://jointdesk/index.html')).toBe(false);
    expect(isTrustedBlobUrl('blob:null/uuid')).toBe(false);
  });
});
