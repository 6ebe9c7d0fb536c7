import type { INestApplication } from '@nestjs/common';
import type { AbstractHttpAdapter } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '#core';
import { installExpressBodyParsers, installFastifyBodyParsers } from './json-limits.js';
import { recordFastifyRoutes } from './method-not-allowed.js';
import { PROBLEM_JSON, problemFor } from './problem-details.filter.js';
import { installExpressSecurityHeaders, installFastifySecurityHeaders, securityHeaders } from './security-headers.js';

/**
 * The HTTP server under Nest, chosen by HTTP_ADAPTER. Both give the same answers: the same
 * security headers, body limits, problem+json errors (one filter), 405s, docs and CSV downloads.
 */
export function createHttpAdapter(http: AppConfig['http']): AbstractHttpAdapter {
  if (http.adapter === 'express') return new ExpressAdapter();
  return new FastifyAdapter({
    // As on Express: a trailing slash still routes, and a path parameter (a user id) is not cut at 100 characters.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 8192 },
    bodyLimit: http.bodyLimitBytes,
    // Node's own default, which Express keeps: a client gets 5 minutes to send its whole request (Fastify: no limit).
    requestTimeout: 300_000,
    // No Nest middleware here: every piece below is a Fastify hook or content-type parser.
    skipMiddie: true,
    // A URL the router cannot decode (400) or a path parameter past maxParamLength (414) is refused
    // before any hook runs: the same headers and problem+json as every other refusal.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
      securityHeaders(request.raw, reply.raw, () => {
        const problem = { ...problemFor(error), instance: request.raw.url };
        void reply.code(problem.status).type(PROBLEM_JSON).send(JSON.stringify(problem));
      }),
  });
}

/** Security headers and body parsers, before any route is registered (before `app.init()`). */
export function installHttpPlatform(app: INestApplication, http: AppConfig['http']): void {
  if (http.adapter === 'express') {
    const express = app as NestExpressApplication;
    installExpressSecurityHeaders(express);
    installExpressBodyParsers(express, http);
    return;
  }
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  recordFastifyRoutes(fastify);
  installFastifySecurityHeaders(fastify);
  installFastifyBodyParsers(fastify, http);
}
