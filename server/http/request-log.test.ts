import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestLog } from './request-log.ts';

describe('the request log', () => {
  const lines: Record<string, unknown>[] = [];
  let server: http.Server;
  let url = '';
  beforeAll(async () => {
    const log = pino({ level: 'info' }, { write: (l: string) => void lines.push(JSON.parse(l) as Record<string, unknown>) });
    const app = express();
    app.use(requestLog(log));
    app.post('/graphql', (req, res) => {
      req.log.warn('something to say about this request');
      res.setHeader('set-cookie', 'lantern_session=the-session-secret; HttpOnly');
      res.json({ ok: true });
    });
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('says which request, its status and time, and never its credentials or cookies', async () => {
    const res = await fetch(`${url}/graphql?x=1`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer lt_the-token-secret',
        cookie: 'lantern_session=the-session-secret',
        'x-csrf-token': 'the-csrf-secret',
        'x-request-id': 'req-42',
      },
    });
    expect(res.status).toBe(200);
    await expect.poll(() => lines.length).toBe(2);
    const [said, done] = lines;
    expect(said).toMatchObject({ msg: 'something to say about this request', req: { id: 'req-42', method: 'POST', url: '/graphql?x=1' } });
    expect(done).toMatchObject({ msg: 'request completed', req: { id: 'req-42', method: 'POST', url: '/graphql?x=1' }, res: { statusCode: 200 } });
    expect(typeof done?.responseTime).toBe('number');
    expect(JSON.stringify(lines)).not.toMatch(/secret/);
  });
});
