/**
 * A Fastify plugin: `app.register(filesProxyPlugin, { proxy })`. Inside its own encapsulated
 * context it drops Fastify's body parsers (the proxy reads bodies itself, streaming uploads), then
 * hands the raw request and response to the Node listener. Fastify's types are not imported, so
 * the plugin costs apps without Fastify nothing; the minimal shape it needs is declared here.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FilesProxy } from '../proxy.js';
import { toNodeListener } from './listener.js';

interface FastifyLikeRequest {
  raw: IncomingMessage;
}
interface FastifyLikeReply {
  raw: ServerResponse;
  hijack(): void;
}
interface FastifyLikeInstance {
  removeAllContentTypeParsers(): void;
  addContentTypeParser(
    type: string,
    parser: (
      request: unknown,
      payload: unknown,
      done: (error: Error | null, body?: unknown) => void,
    ) => void,
  ): void;
  route(options: {
    method: string[];
    url: string;
    handler: (request: FastifyLikeRequest, reply: FastifyLikeReply) => void;
  }): unknown;
}

export interface FilesProxyPluginOptions {
  proxy: FilesProxy;
}

export function filesProxyPlugin(
  instance: FastifyLikeInstance,
  options: FilesProxyPluginOptions,
  done: (error?: Error) => void,
): void {
  const listener = toNodeListener(options.proxy);
  instance.removeAllContentTypeParsers();
  // Leave every body unread: the proxy streams it (and caps it) itself.
  instance.addContentTypeParser('*', (_request, _payload, parsed) => parsed(null));
  const handler = (request: FastifyLikeRequest, reply: FastifyLikeReply): void => {
    reply.hijack();
    listener(request.raw, reply.raw);
  };
  const methods = ['GET', 'POST', 'DELETE', 'OPTIONS'];
  const base = options.proxy.basePath;
  instance.route({ method: methods, url: base === '' ? '/' : base, handler });
  instance.route({ method: methods, url: `${base}/*`, handler });
  done();
}
