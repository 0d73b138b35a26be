import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('defaults to port 4000, ./.data and the local Neo4j', () => {
    const c = loadConfig({});
    expect(c.port).toBe(4000);
    expect(c.dataDir).toBe(path.resolve('.data'));
    expect(c.neo4j.uri).toBeUndefined();
  });

  it('fetches and loads Graph Data Science, and lets the size of the graph choose the analytics engine, unless told otherwise', () => {
    expect(loadConfig({}).localNeo4j.gds).toBe(true);
    expect(loadConfig({}).analyticsEngine).toBe('auto');
    expect(loadConfig({ LANTERN_GDS: 'off' }).localNeo4j.gds).toBe(false);
    expect(loadConfig({ LANTERN_ANALYTICS_ENGINE: 'node' }).analyticsEngine).toBe('node');
  });

  it('uses NEO4J_URI with its credentials when set', () => {
    const c = loadConfig({ NEO4J_URI: 'neo4j+s://abcd.databases.neo4j.io', NEO4J_USERNAME: 'u', NEO4J_PASSWORD: 'p' });
    expect(c.neo4j).toMatchObject({ uri: 'neo4j+s://abcd.databases.neo4j.io', username: 'u', password: 'p' });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ NEO4J_URI: '', PORT: '' }).neo4j.uri).toBeUndefined();
  });

  it.each([
    ['PORT', 'eighty', /PORT="eighty": must be a number/],
    ['PORT', '70000', /PORT="70000": must be between 1 and 65535/],
    ['NEO4J_URI', 'http://localhost:7474', /NEO4J_URI="http:\/\/localhost:7474": must be a Bolt URI/],
    ['LANTERN_NEO4J_HEAP', 'lots', /LANTERN_NEO4J_HEAP="lots": must be a size/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL="loud": must be one of/],
    ['LANTERN_GDS', 'yes', /LANTERN_GDS="yes": must be 'on' or 'off'/],
    ['LANTERN_ANALYTICS_ENGINE', 'graphology', /LANTERN_ANALYTICS_ENGINE="graphology": must be 'auto', 'gds' or 'node'/],
  ])('stops on a bad %s naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('lists every bad variable at once', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'y' });
      expect.unreachable();
    } catch (e) {
      expect((e as ConfigError).problems).toHaveLength(2);
    }
  });
});

describe('LANTERN_TRUST_PROXY', () => {
  it('trusts no proxy by default', () => {
    expect(loadConfig({}).auth.trustProxy).toBe(false);
  });

  it.each([
    ['1', 1],
    ['loopback', ['loopback']],
    ['10.0.0.0/8, 192.168.1.7,fd00::/8', ['10.0.0.0/8', '192.168.1.7', 'fd00::/8']],
    ['false', false],
  ])('takes %j as Express does', (value, expected) => {
    expect(loadConfig({ LANTERN_TRUST_PROXY: value }).auth.trustProxy).toEqual(expected);
  });

  it.each([
    ['true', /LANTERN_TRUST_PROXY="true": 'true' would believe X-Forwarded-For from any client/],
    ['10.0.0.0/33', /LANTERN_TRUST_PROXY="10.0.0.0\/33": must be a number of proxy hops.*not understood: 10.0.0.0\/33/],
    ['proxy.example.org', /not understood: proxy.example.org/],
  ])('refuses %j at start-up, naming it', (value, message) => {
    expect(() => loadConfig({ LANTERN_TRUST_PROXY: value })).toThrow(message);
  });
});

describe('LANTERN_MAP_STYLE', () => {
  it("draws the workspace map on the outline it ships unless a force's tile server is named", () => {
    expect(loadConfig({}).map).toEqual({ tiles: null, attribution: null });
    expect(loadConfig({ LANTERN_MAP_STYLE: 'https://tiles.force.example/osm/{z}/{x}/{y}.png', LANTERN_MAP_ATTRIBUTION: '© Force GIS' }).map).toEqual({
      tiles: 'https://tiles.force.example/osm/{z}/{x}/{y}.png',
      attribution: '© Force GIS',
    });
  });

  it.each([
    ['tiles.force.example/{z}/{x}/{y}.png', /LANTERN_MAP_STYLE=.*must be an http\(s\) URL of the tile server/],
    ['https://tiles.force.example/style.json', /LANTERN_MAP_STYLE=.*must hold \{z\}, \{x\} and \{y\}/],
  ])('refuses %j at start-up, naming it', (value, message) => {
    expect(() => loadConfig({ LANTERN_MAP_STYLE: value })).toThrow(message);
  });
});
