import type { z } from 'zod';
import type { JourneyOutputs, journeyInputs } from '../../shared/ipc/journey';

export type JourneyChannel = keyof typeof journeyInputs;

/** Handlers for the journey's channels, typed from shared/ipc/journey.ts. */
export type JourneyTableOf<C extends JourneyChannel> = {
  [K in C]: (
    input: z.output<(typeof journeyInputs)[K]>,
  ) => Promise<JourneyOutputs[K]> | JourneyOutputs[K];
};
