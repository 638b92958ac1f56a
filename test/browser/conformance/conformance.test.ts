/**
 * The conformance scenarios (test/support/conformance.ts) in Chromium, against the reference
 * servers the browser project's global setup starts (xAI in its default, OpenAI-compatible shape).
 */
import { beforeEach, describe, inject, it } from 'vitest';
import {
  applies,
  reset,
  scenarios,
  type ServiceName,
  type Target,
} from '../../support/conformance.js';

const services: ServiceName[] = ['lightfield', 'llamacloud', 'xai'];

for (const service of services) {
  describe(`conformance in Chromium: ${service}`, () => {
    const target: Target = { service, label: service, url: inject('serverUrls')[service] };
    beforeEach(() => reset(target));
    // A scenario about a capability the service lacks is not a test of it (e.g. a session
    // transfer has no "deleted after its last byte"): it is left out, not skipped.
    for (const scenario of scenarios.filter((s) => applies(s, target)))
      it(scenario.name, () => scenario.run(target), scenario.timeoutMs ?? 20_000);
  });
}
