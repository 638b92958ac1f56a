/**
 * A reference server on an ephemeral port plus clients whose every exchange is recorded, so each
 * test can check what went over the wire against the published OpenAPI schemas.
 */
import axios, { type AxiosInstance } from 'axios';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { FiledockError } from '../../../src/core/errors.js';
import { createDevServer, type DevServerOptions } from '../../../src/server/index.js';
import {
  createLightfieldClient,
  type LightfieldClientOptions,
} from '../../../src/core/lightfield/client.js';
import { validateRequestBody, validateResponse, type HttpMethod } from '../../support/openapi.js';

export const AUTH = { Authorization: 'Bearer sk_lf_test' };

export interface Exchange {
  method: HttpMethod;
  path: string;
  requestBody: unknown;
  status: number;
  responseText: string;
}

export async function startServer(options: DevServerOptions = {}) {
  const server = await createDevServer({ port: 0, rateLimit: false, ...options });
  const exchanges: Exchange[] = [];

  /** An axios instance of the app's own, recording the exchange (filedock never adds interceptors). */
  function recordingAxios(): AxiosInstance {
    const instance = axios.create();
    instance.interceptors.response.use((response) => {
      const url = new URL(response.config.url!);
      exchanges.push({
        method: response.config.method!.toUpperCase() as HttpMethod,
        path: url.pathname + url.search,
        requestBody:
          response.config.data === undefined
            ? undefined
            : JSON.parse(response.config.data as string),
        status: response.status,
        responseText: response.data as string,
      });
      return response;
    });
    return instance;
  }

  function client(overrides: Partial<LightfieldClientOptions> = {}) {
    return createLightfieldClient({
      baseURL: server.url,
      headers: AUTH,
      retryBaseDelayMs: 20,
      axios: recordingAxios(),
      ...overrides,
    });
  }

  /**
   * Every request body must match the published request schema, and every answer with a status
   * the operation documents must match its response schema (errors: the object inside `error`).
   */
  function validateExchanges(): number {
    let checked = 0;
    for (const exchange of exchanges) {
      const path = exchange.path.split('?')[0]!;
      validateRequestBody(path, exchange.method, exchange.requestBody);
      validateResponse(
        { path, method: exchange.method },
        exchange.status,
        JSON.parse(exchange.responseText),
      );
      checked += 1;
    }
    exchanges.length = 0;
    return checked;
  }

  /** The server's log of API calls (storage and control requests left out). */
  function apiRequests() {
    return server.requests().filter((entry) => entry.path.startsWith('/v1/'));
  }

  return { server, url: server.url, client, exchanges, validateExchanges, apiRequests };
}

export type Harness = Awaited<ReturnType<typeof startServer>>;

/** Bytes of a small text file. */
export function textBlob(text: string, type = 'text/plain'): Blob {
  return new Blob([text], { type });
}

/**
 * Starts one reference server for the file, checks every exchange of each test against the
 * OpenAPI description, and resets the server between tests.
 */
export function startHarnessPerTest(
  assign: (harness: Harness) => void,
  options: DevServerOptions = {},
): void {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startServer(options);
    assign(harness);
  });
  afterEach(async () => {
    try {
      harness?.validateExchanges();
    } finally {
      await harness?.server.reset();
    }
  });
  afterAll(() => harness?.server.close());
}

/** The error a promise rejects with; fails the test if it resolves. */
export function rejection(promise: Promise<unknown>): Promise<FiledockError> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as FiledockError,
  );
}
