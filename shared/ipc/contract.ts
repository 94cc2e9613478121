// The contract between the doors (the app's window, browser mode, the command line) and the
// operations: one map of input schemas, one of outputs, the channels that change the history, and
// the events main sends. The preload, the browser-mode client, the CLI and the operations are all
// typed from it, so a change here that one side misses fails to compile.
import type { z } from 'zod';
import { settingsInputs, settingsMutations } from './settings';
import type { SettingsOutputs } from './settings';
import { planInputs, planMutations } from './plans';
import type { PlanOutputs } from './plans';
import { fileInputs, fileMutations } from './files';
import type { FileOutputs } from './files';
import { batchInputs, batchMutations } from './batches';
import type { BatchOutputs } from './batches';
import { uploadInputs, uploadMutations } from './uploads';
import type { UploadOutputs } from './uploads';
import { portalInputs, portalMutations } from './portal';
import type { PortalOutputs } from './portal';
import { loopInputs, loopMutations } from './loop';
import type { LoopOutputs } from './loop';
import { receiptInputs, receiptMutations } from './receipt';
import type { ReceiptOutputs } from './receipt';

/** Input schemas: every operation's input is parsed with its schema before the operation runs. */
export const inputs = {
  ...settingsInputs,
  ...planInputs,
  ...fileInputs,
  ...batchInputs,
  ...uploadInputs,
  ...portalInputs,
  ...loopInputs,
  ...receiptInputs,
} as const;

export type Channel = keyof typeof inputs;
export type Input<C extends Channel> = z.input<(typeof inputs)[C]>;
export type ParsedInput<C extends Channel> = z.output<(typeof inputs)[C]>;

/** What each operation returns. */
export interface Outputs
  extends
    SettingsOutputs,
    PlanOutputs,
    FileOutputs,
    BatchOutputs,
    UploadOutputs,
    PortalOutputs,
    LoopOutputs,
    ReceiptOutputs {}

export type Output<C extends Channel> = Outputs[C];

/**
 * The channels that change the history, and what they change. Declared once here: dispatch tells
 * every screen (`history.changed`) after such a channel ran, so no operation has to remember to.
 */
export const mutations: Partial<Record<Channel, readonly string[]>> = {
  ...settingsMutations,
  ...planMutations,
  ...fileMutations,
  ...batchMutations,
  ...uploadMutations,
  ...portalMutations,
  ...loopMutations,
  ...receiptMutations,
};

/** Events main sends to the renderer. */
export interface Events {
  'upload.progress': {
    fileName: string;
    sent: number;
    total: number;
    rate: number;
    secondsLeft: number | null;
  };
  'verification.result': { fileName: string; status: 'accepted' | 'failed'; messages: string[] };
  'history.changed': { tables: string[] };
}

export const CHANNELS = Object.keys(inputs) as Channel[];
