// The HTTPS answers as data, without a network: how a path becomes a key,
// how the root and the atServer answer what a browser or curl may send, and
// Base2e15 (how binary public values are stored).
import { describe, expect, it } from 'vitest';
import { decodeBase2e15 } from '../../../../testing/atplatform/base2e15.mjs';
import { decodePath, splitTarget } from '../../../../testing/atplatform/http-answer.mjs';
import { answerPublicHttp, keyForPath } from '../../../../testing/atplatform/public-http.mjs';
import { answerRootHttp } from '../../../../testing/atplatform/root-https.mjs';

const ATSIGN = '@alice🛠';

describe('keyForPath', () => {
  it('builds public:<name>@atSign from the path, its parts reversed into a dotted name', () => {
    expect(keyForPath('/publickey', ATSIGN)).toBe(`public:publickey${ATSIGN}`);
    expect(keyForPath('/atwallet/signing_key', ATSIGN)).toBe(`public:signing_key.atwallet${ATSIGN}`);
    expect(keyForPath('//gary/demo/index.html', ATSIGN)).toBe(`public:index.html.demo.gary${ATSIGN}`);
  });

  it('takes the full key name, and the /@atSign/ prefix a proxy puts in front', () => {
    expect(keyForPath(`/public:signing_key.atwallet${ATSIGN}`, ATSIGN)).toBe(`public:signing_key.atwallet${ATSIGN}`);
    expect(keyForPath(`/${ATSIGN}/atwallet/signing_key`, ATSIGN)).toBe(`public:signing_key.atwallet${ATSIGN}`);
    expect(keyForPath('/publickey?at_rt=meta', ATSIGN)).toBe(`public:publickey${ATSIGN}`);
  });
});

describe('answerPublicHttp', () => {
  const core = {
    atSign: ATSIGN,
    publicLookup: (name: string) => (name === 'publickey' ? { value: 'KEY', metadata: { isBinary: false } } : null),
  };

  it('answers what it finds, and 404 for the rest', () => {
    expect(answerPublicHttp({ method: 'GET', url: '/publickey' }, core)).toMatchObject({ status: 200, body: 'KEY' });
    expect(answerPublicHttp({ method: 'GET', url: '/' }, core)).toMatchObject({ status: 404, body: '404 Not Found' });
  });

  it('uses a content type asked for only when it is one', () => {
    const asked = answerPublicHttp({ method: 'GET', url: '/publickey?at_ct=application/x-pem-file' }, core);
    expect(asked.headers?.['content-type']).toBe('application/x-pem-file; charset=utf-8');
    const injected = answerPublicHttp({ method: 'GET', url: '/publickey?at_ct=text/html%0D%0Ax-evil:%201' }, core);
    expect(injected.headers?.['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('answers a path that is not UTF-8 with 400, and a stray % as itself', () => {
    expect(answerPublicHttp({ method: 'GET', url: '/%FF' }, core).status).toBe(400);
    expect(answerPublicHttp({ method: 'get', url: '/publickey' }, core).status).toBe(200);
    expect(decodePath('/100%')).toBe('/100%');
  });

  it('never sends a CORS header', () => {
    for (const url of ['/publickey', '/publickey?at_rt=meta', '/missing']) {
      const headers = Object.keys(answerPublicHttp({ method: 'GET', url }, core).headers ?? {});
      expect(headers.some((name) => name.startsWith('access-control-'))).toBe(false);
    }
  });
});

describe('answerRootHttp', () => {
  const lookup = (name: string) => (name === 'alice🛠' ? '127.0.0.1:1234' : null);

  it('answers /@alice and /alice, 404 for unknown, 302 onward for longer paths', () => {
    expect(answerRootHttp({ method: 'GET', url: `/${encodeURIComponent(ATSIGN)}` }, lookup)).toMatchObject({ status: 200, body: '127.0.0.1:1234' });
    expect(answerRootHttp({ method: 'GET', url: `/${encodeURIComponent('alice🛠')}/` }, lookup)).toMatchObject({ status: 200 });
    expect(answerRootHttp({ method: 'GET', url: '/' }, lookup)).toMatchObject({ status: 404 });
    const onward = answerRootHttp({ method: 'GET', url: `/${encodeURIComponent(ATSIGN)}/a b/c%2Fd` }, lookup);
    expect(onward.status).toBe(302);
    expect(onward.headers?.location).toBe('https://127.0.0.1:1234/a%20b/c/d');
  });

  it('answers other methods with 401 and overlong requests with 400', () => {
    expect(answerRootHttp({ method: 'HEAD', url: '/alice' }, lookup).status).toBe(401);
    expect(answerRootHttp({ method: 'GET', url: `/${'x'.repeat(1000)}` }, lookup).status).toBe(400);
  });
});

describe('splitTarget', () => {
  it('decodes query parameters as a form does, a repeated name keeping its last value', () => {
    expect(splitTarget('/p?at_rt=meta&x=a+b&x=c')).toEqual({ path: '/p', query: 'at_rt=meta&x=a+b&x=c', params: { at_rt: 'meta', x: 'c' } });
  });
});

describe('decodeBase2e15', () => {
  it('decodes the scheme’s own example', () => {
    expect(Buffer.from(decodeBase2e15('嗺둽嬖蟝巍媖疌켉溁닽壪')).toString('utf8')).toBe('Base2e15 is awesome!');
  });

  it('decodes every length, from an encoder written from the mapping table', () => {
    const encode = (bytes: Uint8Array) => {
      const bits = [...bytes].map((byte) => byte.toString(2).padStart(8, '0')).join('');
      let out = '';
      for (let at = 0; at < bits.length; at += 15) {
        const chunk = bits.slice(at, at + 15);
        if (chunk.length <= 7) {
          out += String.fromCharCode(0x3400 + parseInt(chunk.padEnd(7, '0'), 2));
          continue;
        }
        const value = parseInt(chunk.padEnd(15, '0'), 2);
        out += String.fromCharCode(value < 0x1936 ? value + 0x3480 : value < 0x545c ? value - 0x1936 + 0x4e00 : value - 0x545c + 0xac00);
      }
      return out;
    };
    for (let length = 0; length < 64; length += 1) {
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 151 + length * 7) % 256);
      expect(Buffer.from(decodeBase2e15(encode(bytes)))).toEqual(Buffer.from(bytes));
    }
  });
});
