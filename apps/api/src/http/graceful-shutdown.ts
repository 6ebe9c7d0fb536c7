import type { Server } from 'node:http';
import { type BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { CommandAdmission } from '#event-store';

/** How long a shutdown waits for admitted commands, then for their answers to be written. */
export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * A stop (SIGTERM, `app.close()`) loses nothing: before any store closes, the server stops taking
 * connections, new commands are refused with 503 SHUTTING_DOWN (nothing recorded), and the
 * admitted ones are decided, committed and answered. Nest closes the HTTP server only after
 * every module's shutdown hook, so without this the stores would close under requests still
 * running, and a committed command could be answered 500.
 */
@Injectable()
export class GracefulShutdown implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Shutdown');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly admission: CommandAdmission,
  ) {}

  async beforeApplicationShutdown(): Promise<void> {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    const closed = new Promise<void>((resolve) => (server?.listening ? server.close(() => resolve()) : resolve()));
    const left = await this.admission.drain(SHUTDOWN_GRACE_MS);
    if (left > 0) this.logger.warn(`${left} commands were still running after ${SHUTDOWN_GRACE_MS} ms`);
    // Answers are written a few ticks after their command resolves; a keep-alive connection is
    // closed as soon as it is idle (polled: Node closes idle ones only when asked).
    let timer: NodeJS.Timeout | undefined;
    const poll = setInterval(() => server?.closeIdleConnections(), 20);
    server?.closeIdleConnections();
    await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_GRACE_MS)))]);
    clearTimeout(timer);
    clearInterval(poll);
    server?.closeAllConnections();
  }
}
