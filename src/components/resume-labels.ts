/**
 * The English texts of an interrupted upload (resume after a reload). They live apart from the
 * other defaults so that they load with the interrupted-upload UI, not with every uploader.
 */
import type { InterruptionReason } from '../core/upload/types.js';
import type { ResumeLabels } from './labels.js';

const INTERRUPTED: Record<InterruptionReason, (name: string) => string> = {
  'choose-again': (name) =>
    `The page was reloaded during the upload of ${name}. Choose it again to continue.`,
  permission: (name) => `The page was reloaded during the upload of ${name}. Resume to continue.`,
  unreachable: (name) =>
    `The upload of ${name} was interrupted and the server could not be reached.`,
  elsewhere: (name) => `${name} is being uploaded in another tab.`,
};

export const resumeLabels: ResumeLabels = {
  chooseAgain: (name) => `Choose ${name} again`,
  resume: (name) => `Resume upload of ${name}`,
  interrupted: (name, reason) => INTERRUPTED[reason](name),
};
