/**
 * A small switchboard for a reference server's fault injection, so a newcomer can watch retries
 * and recovery happen. It talks to the control endpoint, which only the dev server serves.
 */
import { useState } from 'react';
import type { FaultPreset } from './services.js';

export function FaultPanel({
  controlUrl,
  presets,
}: {
  controlUrl: string;
  presets: FaultPreset[];
}) {
  const [status, setStatus] = useState('');
  async function send(method: string, body?: object): Promise<void> {
    const res = await fetch(`${controlUrl}/_control/faults`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : null,
    });
    setStatus(res.ok ? 'Done.' : `The server answered ${res.status}.`);
  }
  return (
    <fieldset className="faults">
      <legend>Fault injection (reference server)</legend>
      {presets.map((preset) => (
        <button
          key={preset.label}
          type="button"
          onClick={() => void send('POST', { faults: preset.faults })}
        >
          {preset.label}
        </button>
      ))}
      <button type="button" onClick={() => void send('DELETE')}>
        Clear faults
      </button>
      <output aria-live="polite">{status}</output>
    </fieldset>
  );
}
