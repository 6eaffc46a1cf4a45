import { mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProtocolHandler } from '../../../../../electron/main/protocol/app-protocol';
import { mimeTypeFor } from '../../../../../electron/main/protocol/mime-types';
import { resolveRequestPath } from '../../../../../electron/main/protocol/request-path';
import { CONTENT_SECURITY_POLICY } from '../../../../../electron/main/security/csp';

let base: string;
let root: string;
const reads: string[] = [];
let handler: (request: Request) => Promise<Response>;

/**
 * A request as Electron hands it over. Built as a plain object, not `new Request(url)`, because Node's
 * URL parser would normalise `..` and `%2e%2e` away before the handler sees them — the handler must be
 * safe for the raw text too.
 */
function raw(url: string, method = 'GET'): Request {
  return { url, method } as unknown as Request;
}

beforeAll(async () => {
  base = await realpath(await mkdtemp(join(tmpdir(), 'jd-protocol-')));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>JointDesk</title>');
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(join(root, 'assets', 'logo.svg'), '<svg/>');
  await writeFile(join(root, 'assets', 'font.woff2'), 'x');
  await writeFile(join(root, 'assets', '联席.png'), 'png');
  await writeFile(join(base, 'secret.txt'), 'SECRET-OUTSIDE-ROOT');
  await mkdir(join(base, 'renderer-evil'));
  await writeFile(join(base, 'renderer-evil', 'x.js'), 'SECRET-SIBLING');
  await mkdir(join(base, 'outside-dir'));
  await writeFile(join(base, 'outside-dir', 'y.js'), 'SECRET-DIR');
  await symlink(join(base, 'secret.txt'), join(root, 'assets', 'leak.js'));
  await symlink(join(base, 'outside-dir'), join(root, 'linked'));
  await symlink(join(root, 'index.html'), join(root, 'assets', 'inside-link.html'));
  handler = createProtocolHandler(root, {
    readFile: async (p) => {
      reads.push(p);
      return readFile(p);
    },
  });
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

/** SEC-2: traversal and escape payloads. Each must get a 4xx and no byte from outside the root. */
const ESCAPES = [
  'app://jointdesk/../secret.txt',
  'app://jointdesk/../../../../etc/passwd',
  'app://jointdesk/assets/../../secret.txt',
  'app://jointdesk/%2e%2e/secret.txt',
  'app://jointdesk/%2E%2E/secret.txt',
  'app://jointdesk/.%2e/secret.txt',
  'app://jointdesk/%2e./secret.txt',
  'app://jointdesk/..%2fsecret.txt',
  'app://jointdesk/..%2Fsecret.txt',
  'app://jointdesk/assets%2f..%2f..%2fsecret.txt',
  'app://jointdesk/..%5csecret.txt',
  'app://jointdesk/..%5Csecret.txt',
  'app://jointdesk/..\\secret.txt',
  'app://jointdesk/assets\\..\\..\\secret.txt',
  'app://jointdesk/%252e%252e/secret.txt',
  'app://jointdesk/%252e%252e%252fsecret.txt',
  'app://jointdesk/%25252e%25252e/secret.txt',
  'app://jointdesk/%c0%ae%c0%ae/secret.txt',
  'app://jointdesk/%c0%af',
  'app://jointdesk/%e0%80%ae%e0%80%ae/secret.txt',
  'app://jointdesk/index.html%00.png',
  'app://jointdesk/%00',
  'app://jointdesk/index.html\u0000',
  'app://jointdesk/%0a',
  'app://jointdesk//etc/passwd',
  'app://jointdesk//server/share/secret.txt',
  'app://jointdesk/\\\\server\\share\\secret.txt',
  'app://jointdesk/\\\\?\\C:\\Windows\\win.ini',
  'app://jointdesk/C:/Windows/win.ini',
  'app://jointdesk/C:%5cWindows%5cwin.ini',
  'app://jointdesk/index.html::$DATA',
  'app://jointdesk/etc/passwd/..',
  'app://jointdesk/assets/./../../secret.txt',
  'app://jointdesk/assets/leak.js',
  'app://jointdesk/linked/y.js',
  'app://jointdesk/../renderer-evil/x.js',
  'app://jointdesk.evil/index.html',
  'app://evil/index.html',
  'app://jointdesk:1/index.html',
  'app://u@jointdesk/index.html',
  'app:/index.html',
  'app:index.html',
  'file:///etc/passwd',
  'https://jointdesk/index.html',
  'app://jointdesk/secret.txt',
  `app://jointdesk/${'a/'.repeat(1100)}`,
  'app://jointdesk/%',
  'app://jointdesk/%zz',
  'app://jointdesk/a%2f..%2f..%2fsecret.txt?x=1',
  'app://jointdesk/index.html/..%2f..%2fsecret.txt#frag',
  'not a url',
  '',
];

describe('createProtocolHandler — escapes', () => {
  it('covers at least 50 payloads', () => {
    expect(ESCAPES.length).toBeGreaterThanOrEqual(50);
  });

  it.each(ESCAPES)('refuses %s with a 4xx and no secret', async (url) => {
    const response = await handler(raw(url));
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await response.text()).not.toMatch(/SECRET/);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('read no file outside the renderer root during all of the above', async () => {
    for (const url of ESCAPES) await handler(raw(url));
    const outside = reads.filter((p) => {
      const rel = relative(root, p);
      return rel.startsWith('..') || rel.split(sep)[0] === '..';
    });
    expect(outside).toEqual([]);
  });

  it('also refuses after Node normalises the URL (new Request)', async () => {
    for (const url of ['app://jointdesk/../secret.txt', 'app://jointdesk/%2e%2e/secret.txt']) {
      const response = await handler(new Request(url));
      expect(await response.text()).not.toMatch(/SECRET/);
    }
  });
});

describe('createProtocolHandler — serving', () => {
  it('serves index.html for the root with CSP, nosniff and the HTML type', async () => {
    const response = await handler(raw('app://jointdesk/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>JointDesk</title>');
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it.each([
    ['app://jointdesk/index.html', 'text/html; charset=utf-8'],
    ['app://jointdesk/assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['app://jointdesk/assets/index-abc.css', 'text/css; charset=utf-8'],
    ['app://jointdesk/assets/logo.svg', 'image/svg+xml'],
    ['app://jointdesk/assets/font.woff2', 'font/woff2'],
    ['app://jointdesk/assets/%E8%81%94%E5%B8%AD.png', 'image/png'],
    ['app://JOINTDESK/index.html?v=1#x', 'text/html; charset=utf-8'],
    ['app://jointdesk/assets/inside-link.html', 'text/html; charset=utf-8'],
  ])('serves %s as %s', async (url, type) => {
    const response = await handler(raw(url));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(type);
  });

  it('falls back to index.html for an extension-less client route', async () => {
    const response = await handler(raw('app://jointdesk/meetings/2026-q3'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('JointDesk');
  });

  it('answers 404 for a missing asset (no fallback for files)', async () => {
    const response = await handler(raw('app://jointdesk/assets/missing.js'));
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await handler(raw('app://jointdesk/index.html', 'HEAD'));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS']) {
      expect((await handler(raw('app://jointdesk/index.html', method))).status).toBe(405);
    }
  });

  it('answers 404 for a directory', async () => {
    expect((await handler(raw('app://jointdesk/assets/'))).status).toBe(404);
  });

  it('answers 500, not a crash, when the root is missing', async () => {
    const broken = createProtocolHandler(join(base, 'no-such-dir'));
    const response = await broken(raw('app://jointdesk/index.html'));
    expect(response.status).toBe(500);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('resolveRequestPath', () => {
  it('maps the root to index.html and splits segments', () => {
    expect(resolveRequestPath('app://jointdesk/')).toEqual({ ok: true, segments: ['index.html'] });
    expect(resolveRequestPath('app://jointdesk/assets/a.js')).toEqual({ ok: true, segments: ['assets', 'a.js'] });
  });

  it('names the reason for a refusal', () => {
    expect(resolveRequestPath('app://other/x')).toMatchObject({ ok: false, status: 403 });
    expect(resolveRequestPath('app://jointdesk/%2e%2e/x')).toMatchObject({ ok: false, status: 400 });
    expect(resolveRequestPath('app://jointdesk/../x')).toMatchObject({ ok: false, status: 403 });
    expect(resolveRequestPath('app://jointdesk/a\\b')).toMatchObject({ ok: false, status: 400 });
  });
});

describe('mimeTypeFor', () => {
  it('knows the build outputs and falls back to bytes', () => {
    expect(mimeTypeFor('a.MJS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('a.json')).toBe('application/json; charset=utf-8');
    expect(mimeTypeFor('a.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('README')).toBe('application/octet-stream');
    expect(mimeTypeFor('x.exe')).toBe('application/octet-stream');
  });
});
