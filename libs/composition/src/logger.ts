import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import type { AppConfig } from '#core';

const LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  verbose: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

/** The one logger of every process (API, projector, CLI): JSON lines or text, at LOG_LEVEL. */
export function createLogger(config: AppConfig): ConsoleLogger {
  return new ConsoleLogger({ json: config.logFormat === 'json', logLevels: LEVELS[config.logLevel] });
}
