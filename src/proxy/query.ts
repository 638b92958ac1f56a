/**
 * Rebuilds a route's query from its allow-list: unknown names, repeats of a single-valued name,
 * and out-of-range values are refused; what goes upstream is re-encoded from the checked values.
 */
import { type Refusal, refuse } from './errors.js';
import type { RouteSpec } from './services/types.js';

export function checkQuery(
  route: RouteSpec,
  incoming: URLSearchParams,
  pinned: Readonly<Record<string, string>>,
): URLSearchParams | Refusal {
  const out = new URLSearchParams();
  const seen = new Set<string>();
  for (const [name, value] of incoming) {
    const rule = route.query[name];
    if (!rule)
      return refuse(400, 'unknown_parameter', `Unknown query parameter "${name}".`, {
        param: name,
      });
    if (seen.has(name) && !rule.repeatable)
      return refuse(400, 'invalid_parameter', `${name} may appear once.`, { param: name });
    seen.add(name);
    const problem = rule.check(value);
    // A server-side parameter (LlamaCloud's project) is the proxy's choice, never the browser's:
    // the browser may repeat the pinned value, nothing else.
    if (problem) return refuse(400, 'invalid_parameter', `${name} ${problem}.`, { param: name });
    if (rule.serverSide) {
      if (pinned[name] !== value)
        return refuse(400, 'invalid_parameter', `${name} is set by the server.`, { param: name });
      continue;
    }
    out.append(name, value);
  }
  for (const [name, value] of Object.entries(pinned)) if (route.query[name]) out.set(name, value);
  return out;
}
