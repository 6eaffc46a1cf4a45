import { readFile as fsReadFile, realpath as fsRealpath } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { SECURITY_HEADERS } from '../security/csp';
import { mimeTypeFor } from './mime-types';
import { resolveRequestPath } from './request-path';

/** File access the handler needs; injected so tests can count reads and simulate failures. */
export interface ProtocolFs {
  readFile(path: string): Promise<Uint8Array>;
  realpath(path: string): Promise<string>;
}

const nodeFs: ProtocolFs = { readFile: fsReadFile, realpath: fsRealpath };

function respond(status: number, body: Uint8Array | string | null, contentType: string): Response {
  const headers = new Headers(SECURITY_HEADERS);
  headers.set('Content-Type', contentType);
  headers.set('Cache-Control', 'no-cache');
  // A fresh ArrayBuffer-backed copy keeps the Response independent of a pooled Buffer.
  const payload = typeof body === 'string' || body === null ? body : new Uint8Array(body);
  return new Response(payload, { status, headers });
}

function refuse(status: number): Response {
  return respond(status, `${status}`, 'text/plain; charset=utf-8');
}

function isInside(root: string, candidate: string): boolean {
  // `relative` normalises, so an escape can only show up as a leading `..` segment (or, on Windows,
  // as an absolute path on another drive).
  const rel = relative(root, candidate);
  return rel === '' || (!isAbsolute(rel) && rel.split(sep)[0] !== '..');
}

/**
 * The `protocol.handle('app', …)` callback: serves regular files from `rootDir` (the renderer build)
 * and nothing else. Every response, errors included, carries the CSP and `nosniff` headers.
 *
 * Order of checks: origin and method, then the pure path checks in `resolveRequestPath`, then the
 * resolved path must stay inside the root *after* `realpath`, so a symlink pointing out of the build
 * is refused (403) rather than followed.
 *
 * An extension-less path that does not exist falls back to `index.html`, so reloading on a client-side
 * route still opens the app.
 */
export function createProtocolHandler(
  rootDir: string,
  fs: Partial<ProtocolFs> = {},
): (request: Request) => Promise<Response> {
  const { readFile, realpath } = { ...nodeFs, ...fs };
  const root = resolve(rootDir);
  let realRoot: string | undefined;

  /** The file's response, or 'missing' when nothing exists at that path. */
  async function load(segments: readonly string[]): Promise<Response | 'missing'> {
    const candidate = resolve(join(root, ...segments));
    if (!isInside(root, candidate)) return refuse(403);
    realRoot ??= await realpath(root);
    let real: string;
    try {
      real = await realpath(candidate);
    } catch {
      return 'missing';
    }
    if (!isInside(realRoot, real)) return refuse(403);
    try {
      return respond(200, await readFile(real), mimeTypeFor(real));
    } catch {
      // EISDIR, EACCES, vanished between realpath and read: the same answer, nothing leaked.
      return refuse(404);
    }
  }

  return async (request: Request): Promise<Response> => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
      const parsed = resolveRequestPath(request.url);
      if (!parsed.ok) return refuse(parsed.status);
      let response = await load(parsed.segments);
      const last = parsed.segments[parsed.segments.length - 1] ?? '';
      if (response === 'missing' && extname(last) === '') response = await load(['index.html']);
      if (response === 'missing') response = refuse(404);
      if (request.method === 'HEAD') return new Response(null, { status: response.status, headers: response.headers });
      return response;
    } catch {
      return refuse(500);
    }
  };
}
