// The app lives inside the filedock repository: root it here, so neither bundler nor the output
// tracing reaches for the repository's own node_modules.
const root = import.meta.dirname;

export default {
  turbopack: { root },
  outputFileTracingRoot: root,
  devIndicators: false,
};
