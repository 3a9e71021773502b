import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES, loadConfig } from '../../src/platform/config.ts';

describe('configuration', () => {
  it('refuses a value of the wrong type, naming the variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/Invalid configuration:\n {2}PORT: /);
  });

  it('names every invalid variable at once', () => {
    let message = '';
    try {
      loadConfig({ PORT: '70000', DATABASE_SCHEMA: 'Shop-1', WORKER_ENABLED: 'maybe', DATABASE_URL: 'nope' });
    } catch (error) {
      message = (error as Error).message;
    }
    for (const name of ['PORT', 'DATABASE_SCHEMA', 'WORKER_ENABLED', 'DATABASE_URL']) {
      expect(message).toMatch(new RegExp(`^ {2}${name}: `, 'm'));
    }
  });

  it('uses the defaults for unset or empty variables and reads booleans and numbers', () => {
    const config = loadConfig({
      PORT: '',
      DATA_DIR: 'var/bazaar',
      WORKER_ENABLED: 'no',
      WORKER_POLL_MS: '250',
    });
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      DATABASE_SCHEMA: 'public',
      WORKER_ENABLED: false,
      WORKER_POLL_MS: 250,
      SEED_DEMO: false,
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.dataDir).toBe(path.resolve('var/bazaar'));
  });

  it('has every variable documented in the operations guide', () => {
    const guide = fs.readFileSync(
      path.join(import.meta.dirname, '..', '..', 'docs', 'operations.md'),
      'utf8',
    );
    const missing = CONFIG_VARIABLES.filter((name) => !new RegExp(`^\\| \`${name}\` +\\|`, 'm').test(guide));
    expect(missing).toEqual([]);
  });
});

describe('TRUST_PROXY', () => {
  it('reads false, true (this host), a hop count or a list of addresses and CIDRs', () => {
    const read = (value: string) => loadConfig({ TRUST_PROXY: value }).TRUST_PROXY;
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(read('false')).toBe(false);
    expect(read('0')).toBe(false);
    expect(read('true')).toEqual(['loopback']);
    expect(read('2')).toBe(2);
    expect(read('10.0.0.0/8, 127.0.0.1,::1')).toEqual(['10.0.0.0/8', '127.0.0.1', '::1']);
    expect(read('loopback,uniquelocal')).toEqual(['loopback', 'uniquelocal']);
  });

  it('refuses anything else, naming the variable', () => {
    for (const bad of ['everyone', '10.0.0.0/33', '300.1.1.1', '1.5', '-1', '10.0.0.0/8,,']) {
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY: /);
    }
  });
});
