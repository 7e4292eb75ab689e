import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicAddress } from '#server/channels/kit/ipGuard';
import { safeFetch } from '#server/channels/kit/safeFetch';
import { FetchTooLargeError, SafeFetchError, UnsafeUrlError } from '#server/errors';

// All traffic in this file stays on 127.0.0.1; refused destinations are refused before any connect.
let server: http.Server;
let other: http.Server;
let base = '';
let otherBase = '';
const allowLoopback = { allowHosts: (host: string) => host === '127.0.0.1' };
const opts = { maxBytes: 4096, timeoutMs: 2000, ...allowLoopback };

function listen(handler: http.RequestListener): Promise<[http.Server, string]> {
  return new Promise((resolve) => {
    const s = http.createServer(handler);
    s.listen(0, '127.0.0.1', () => resolve([s, `http://127.0.0.1:${(s.address() as AddressInfo).port}`]));
  });
}

beforeAll(async () => {
  [other, otherBase] = await listen((req, res) => res.end(`auth=${req.headers.authorization ?? 'none'}`));
  [server, base] = await listen((req, res) => {
    const redirect = (location: string) => res.writeHead(302, { Location: location }).end();
    switch (req.url) {
      case '/ok':
        return res.writeHead(200, { 'Content-Type': 'image/png' }).end('hello ✓');
      case '/auth':
        return res.end(`auth=${req.headers.authorization ?? 'none'}`);
      case '/big':
        return res.writeHead(200, { 'Content-Length': '10000' }).end(Buffer.alloc(10000));
      case '/big-chunked': {
        res.writeHead(200);
        for (let i = 0; i < 10; i++) res.write(Buffer.alloc(1000));
        return res.end();
      }
      case '/to-private':
        return redirect('http://10.0.0.1/secret');
      case '/to-metadata':
        return redirect('http://169.254.169.254/latest/meta-data/');
      case '/to-localhost':
        return redirect(`http://localhost:${new URL(base).port}/ok`);
      case '/to-file':
        return redirect('file:///etc/passwd');
      case '/to-ok':
        return redirect('/ok');
      case '/to-other':
        return redirect(`${otherBase}/`);
      case '/loop':
        return redirect('/loop');
      case '/slow':
        return; // never answers
      default:
        return res.writeHead(404).end();
    }
  });
});

afterAll(async () => {
  server.closeAllConnections();
  await Promise.all([new Promise((r) => server.close(r)), new Promise((r) => other.close(r))]);
});

describe('safeFetch refuses internal destinations', () => {
  it.each([
    ['loopback IPv4', () => `${base}/ok`],
    ['private 10/8', () => 'http://10.0.0.1/'],
    ['cloud metadata', () => 'http://169.254.169.254/latest/meta-data/'],
    ['IPv6 loopback', () => `http://[::1]:${new URL(base).port}/ok`],
    ['hostname resolving to loopback', () => `http://localhost:${new URL(base).port}/ok`],
    ['IPv4-mapped IPv6 loopback', () => 'http://[::ffff:127.0.0.1]/'],
    ['IPv4-mapped metadata (hex)', () => 'http://[::ffff:a9fe:a9fe]/'],
    ['decimal-encoded loopback', () => 'http://2130706433/'],
    ['0.0.0.0', () => 'http://0.0.0.0/'],
    ['CGNAT', () => 'http://100.64.0.1/'],
    ['172.16/12', () => 'http://172.31.255.255/'],
    ['192.168/16', () => 'http://192.168.1.1/'],
    ['multicast', () => 'http://224.0.0.1/'],
    ['IPv6 link-local', () => 'http://[fe80::1]/'],
    ['IPv6 ULA', () => 'http://[fd00::1]/'],
    ['non-http scheme', () => 'file:///etc/passwd'],
    ['ftp', () => 'ftp://example.com/x'],
  ])('%s', async (_label, url) => {
    await expect(safeFetch(url(), { maxBytes: 1024, timeoutMs: 2000 })).rejects.toBeInstanceOf(UnsafeUrlError);
  });

  it('allowHosts only exempts the named host', async () => {
    const res = await safeFetch(`${base}/ok`, opts);
    expect(res).toMatchObject({ status: 200, contentType: 'image/png' });
    expect(res.body.toString('utf8')).toBe('hello ✓');
    await expect(safeFetch(`http://localhost:${new URL(base).port}/ok`, opts)).rejects.toBeInstanceOf(UnsafeUrlError);
  });
});

describe('safeFetch redirects', () => {
  it('re-checks every hop: allowed server → private, metadata, localhost or file: is refused', async () => {
    for (const path of ['/to-private', '/to-metadata', '/to-localhost', '/to-file']) {
      await expect(safeFetch(`${base}${path}`, opts)).rejects.toBeInstanceOf(UnsafeUrlError);
    }
  });

  it('follows allowed redirects and reports the final URL', async () => {
    const res = await safeFetch(`${base}/to-ok`, opts);
    expect(res.status).toBe(200);
    expect(res.url).toBe(`${base}/ok`);
  });

  it('keeps credentials on the same origin and drops them across origins', async () => {
    const headers = { Authorization: 'Basic c2VjcmV0' };
    expect((await safeFetch(`${base}/auth`, { ...opts, headers })).body.toString()).toBe('auth=Basic c2VjcmV0');
    expect((await safeFetch(`${base}/to-other`, { ...opts, headers })).body.toString()).toBe('auth=none');
  });

  it('stops after maxRedirects', async () => {
    await expect(safeFetch(`${base}/loop`, { ...opts, maxRedirects: 2 })).rejects.toBeInstanceOf(SafeFetchError);
  });
});

describe('safeFetch limits', () => {
  it('enforces maxBytes from Content-Length and while streaming', async () => {
    await expect(safeFetch(`${base}/big`, opts)).rejects.toBeInstanceOf(FetchTooLargeError);
    await expect(safeFetch(`${base}/big-chunked`, opts)).rejects.toBeInstanceOf(FetchTooLargeError);
    const ok = await safeFetch(`${base}/big-chunked`, { ...opts, maxBytes: 10_000 });
    expect(ok.body.length).toBe(10_000);
  });

  it('times out', async () => {
    await expect(safeFetch(`${base}/slow`, { ...opts, timeoutMs: 150 })).rejects.toThrow(/timed out/);
  });
});

describe('isPublicAddress', () => {
  it('accepts public unicast and refuses special-purpose ranges', () => {
    for (const ok of ['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '2a00:1450:4001:81a::200e'])
      expect(isPublicAddress(ok)).toBe(true);
    for (const bad of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.0.1',
      '169.254.169.254',
      '100.100.100.200',
      '0.0.0.0',
      '255.255.255.255',
      '::1',
      '::',
      'fc00::1',
      'fe80::1%eth0',
      'ff02::1',
      '::ffff:10.0.0.1',
      '64:ff9b::a9fe:a9fe',
      '2002:7f00:1::1',
      'not-an-ip',
    ]) {
      expect(isPublicAddress(bad)).toBe(false);
    }
  });
});
