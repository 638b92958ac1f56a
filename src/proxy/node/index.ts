/** `filedock/proxy/node`: the production proxy's adapters for Node servers. */
export { toNodeListener, type NodeListener } from './listener.js';
export { filesProxyPlugin, type FilesProxyPluginOptions } from './fastify.js';
