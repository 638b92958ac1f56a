/**
 * The conformance scenarios (test/support/conformance.ts) in Node, against each reference server:
 * Lightfield, LlamaCloud, and xAI in both of its answer shapes.
 */
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import type { DevServer } from '../../../src/server/index.js';
import { applies, reset, scenarios, type Target } from '../../support/conformance.js';
import { startService } from '../../support/services.js';

const targets = [
  { service: 'lightfield', label: 'lightfield' },
  { service: 'llamacloud', label: 'llamacloud' },
  { service: 'xai', label: 'xai (OpenAI-compatible shape)', xaiShape: 'openai' },
  { service: 'xai', label: 'xai (management shape)', xaiShape: 'management' },
] as const;

for (const { service, label, ...options } of targets) {
  describe(`conformance: ${label}`, () => {
    let server: DevServer;
    const target: Target = { service, label, url: '' };
    beforeAll(async () => {
      server = await startService(service, options);
      target.url = server.url;
    });
    beforeEach(() => reset(target));
    afterAll(() => server.close());

    // A scenario about a capability the service lacks is not a test of it (e.g. a session
    // transfer has no "deleted after its last byte"): it is left out, not skipped.
    for (const scenario of scenarios.filter((s) => applies(s, target)))
      it(scenario.name, () => scenario.run(target), scenario.timeoutMs ?? 20_000);
  });
}
