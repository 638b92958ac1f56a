/** The three services' route tables by name. */
import { lightfield } from './lightfield.js';
import { llamacloud } from './llamacloud.js';
import type { ApiName, ServiceSpec } from './types.js';
import { xai } from './xai.js';

export const SERVICES: Readonly<Record<ApiName, ServiceSpec>> = { lightfield, llamacloud, xai };
