/**
 * A small switchboard for the reference server's fault injection, so a newcomer can watch
 * retries and recovery happen. It talks to the control endpoint, which only the dev server serves.
 */
import { useState } from 'react';

interface Preset {
  label: string;
  faults: object[];
}

const PRESETS: Preset[] = [
  { label: '503 on the next create', faults: [{ route: 'create', status: 503 }] },
  {
    label: '429 (Retry-After: 2 s) on the next complete',
    faults: [{ route: 'complete', status: 429, retryAfter: 2 }],
  },
  { label: 'Drop the next PUT after 64 KiB', faults: [{ route: 'put', dropAfterBytes: 65536 }] },
  { label: 'Expire the next session before its PUT', faults: [{ route: 'put', expire: true }] },
  {
    label: 'Throttle the next 3 PUTs to 256 KiB/s',
    faults: [{ route: 'put', throttleBytesPerSecond: 262144, times: 3 }],
  },
];

export function FaultPanel({ apiUrl }: { apiUrl: string }) {
  const [status, setStatus] = useState('');
  async function send(method: string, body?: object): Promise<void> {
    const res = await fetch(`${apiUrl}/_control/faults`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : null,
    });
    setStatus(res.ok ? 'Done.' : `The server answered ${res.status}.`);
  }
  return (
    <fieldset className="faults">
      <legend>Fault injection (reference server)</legend>
      {PRESETS.map((preset) => (
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
