/**
 * Helpers for integration tests: a gateway on the run's Neo4j, and a real Lantern HTTP server
 * on an ephemeral port with a small GraphQL client.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import { pino } from 'pino';
import { createDriver, Gateway } from '../db/gateway.ts';
import { createApp } from '../http/app.ts';
import type { AuditLog } from '../modules/audit/audit.service.ts';

export const testLog = pino({ level: process.env.LOG_LEVEL ?? 'silent' });

export function testGateway(o: { queryTimeoutMs?: number } = {}): Gateway {
  const driver = createDriver({ uri: inject('neo4jUri'), username: inject('neo4jUsername') || undefined, password: inject('neo4jPassword') || undefined });
  return new Gateway(driver, { queryTimeoutMs: o.queryTimeoutMs ?? 15_000, log: testLog });
}

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [k: string]: unknown } }[];
}

export interface TestServer {
  url: string;
  gateway: Gateway;
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

export async function startTestServer(o: { gateway?: Gateway; development?: boolean; audit?: AuditLog } = {}): Promise<TestServer> {
  const gateway = o.gateway ?? testGateway();
  const { app, stop } = await createApp({ gateway, log: testLog, development: o.development ?? false, ...(o.audit ? { audit: o.audit } : {}) });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    gateway,
    async graphql(query, variables, headers = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as Omit<GraphQLResponse, 'status'>;
      return { status: res.status, ...body } as GraphQLResponse<never>;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stop();
      if (!o.gateway) await gateway.close();
    },
  };
}
