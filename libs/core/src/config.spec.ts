import { loadConfig } from './config.js';

describe('loadConfig: HTTP limits', () => {
  it('has safe defaults', () => {
    const config = loadConfig({});
    expect(config.http).toEqual({ adapter: 'fastify', bodyLimitBytes: 256 * 1024, jsonMaxDepth: 32 });
    expect(config.authFailures).toEqual({ limit: 20, windowSeconds: 60 });
  });

  it('reads the environment and refuses nonsense', () => {
    const config = loadConfig({
      HTTP_BODY_LIMIT_KB: '64',
      HTTP_JSON_MAX_DEPTH: '8',
      AUTH_FAILURE_LIMIT: '5',
      AUTH_FAILURE_WINDOW_SECONDS: '30',
    });
    expect(config.http).toEqual({ adapter: 'fastify', bodyLimitBytes: 64 * 1024, jsonMaxDepth: 8 });
    expect(config.authFailures).toEqual({ limit: 5, windowSeconds: 30 });
    expect(() => loadConfig({ HTTP_JSON_MAX_DEPTH: '0' })).toThrow(/HTTP_JSON_MAX_DEPTH/);
    expect(() => loadConfig({ AUTH_FAILURE_LIMIT: 'many' })).toThrow(/AUTH_FAILURE_LIMIT/);
  });
});

describe('loadConfig: HTTP adapter', () => {
  it('runs on Fastify by default, on Express with HTTP_ADAPTER=express, and refuses anything else', () => {
    expect(loadConfig({}).http.adapter).toBe('fastify');
    expect(loadConfig({ HTTP_ADAPTER: 'Express' }).http.adapter).toBe('express');
    expect(loadConfig({ HTTP_ADAPTER: 'fastify' }).http.adapter).toBe('fastify');
    expect(() => loadConfig({ HTTP_ADAPTER: 'koa' })).toThrow(/HTTP_ADAPTER/);
  });
});

describe('loadConfig: snapshots', () => {
  it('snapshots every 1,000 events by default, 0 turns them off, nonsense is refused', () => {
    expect(loadConfig({}).snapshotEvery).toBe(1000);
    expect(loadConfig({ SNAPSHOT_EVERY: '250' }).snapshotEvery).toBe(250);
    expect(loadConfig({ SNAPSHOT_EVERY: '0' }).snapshotEvery).toBe(0);
    expect(() => loadConfig({ SNAPSHOT_EVERY: '-1' })).toThrow(/SNAPSHOT_EVERY/);
    expect(() => loadConfig({ SNAPSHOT_EVERY: 'often' })).toThrow(/SNAPSHOT_EVERY/);
  });
});

describe('loadConfig: idempotency keys', () => {
  it('keeps Idempotency-Keys 24 h by default, IDEMPOTENCY_KEY_RETENTION_HOURS sets it, nonsense is refused', () => {
    expect(loadConfig({}).idempotencyRetentionMs).toBe(24 * 3_600_000);
    expect(loadConfig({ IDEMPOTENCY_KEY_RETENTION_HOURS: '48' }).idempotencyRetentionMs).toBe(48 * 3_600_000);
    expect(() => loadConfig({ IDEMPOTENCY_KEY_RETENTION_HOURS: '0' })).toThrow(/IDEMPOTENCY_KEY_RETENTION_HOURS/);
    expect(() => loadConfig({ IDEMPOTENCY_KEY_RETENTION_HOURS: 'a day' })).toThrow(/IDEMPOTENCY_KEY_RETENTION_HOURS/);
  });
});

describe('loadConfig: command queue', () => {
  it('admits 512 commands in flight by default; COMMAND_QUEUE_LIMIT changes it, nonsense is refused', () => {
    expect(loadConfig({}).commandQueueLimit).toBe(512);
    expect(loadConfig({ COMMAND_QUEUE_LIMIT: '3' }).commandQueueLimit).toBe(3);
    expect(() => loadConfig({ COMMAND_QUEUE_LIMIT: '0' })).toThrow(/COMMAND_QUEUE_LIMIT/);
    expect(() => loadConfig({ COMMAND_QUEUE_LIMIT: 'lots' })).toThrow(/COMMAND_QUEUE_LIMIT/);
  });

  it('holds a group commit open for no extra time by default; GROUP_COMMIT_WAIT_MS sets it, up to 1 s', () => {
    expect(loadConfig({}).groupCommitWaitMs).toBe(0);
    expect(loadConfig({ GROUP_COMMIT_WAIT_MS: '2' }).groupCommitWaitMs).toBe(2);
    expect(() => loadConfig({ GROUP_COMMIT_WAIT_MS: '-1' })).toThrow(/GROUP_COMMIT_WAIT_MS/);
    expect(() => loadConfig({ GROUP_COMMIT_WAIT_MS: '5000' })).toThrow(/GROUP_COMMIT_WAIT_MS/);
  });

  it('leaves the rebuild threads to the machine by default; REBUILD_THREADS sets a positive count', () => {
    expect(loadConfig({}).rebuildThreads).toBeUndefined();
    expect(loadConfig({ REBUILD_THREADS: '3' }).rebuildThreads).toBe(3);
    expect(() => loadConfig({ REBUILD_THREADS: '0' })).toThrow('REBUILD_THREADS must be a positive integer');
    expect(() => loadConfig({ REBUILD_THREADS: 'two' })).toThrow('REBUILD_THREADS must be a positive integer');
  });
});
