import type { Channel, Output, ParsedInput } from '../../shared/ipc/contract';

/** One handler per channel: parsed input in, output (or a thrown error) out. */
export type Handler<C extends Channel> = (input: ParsedInput<C>) => Promise<Output<C>> | Output<C>;

export type OperationTableOf<C extends Channel> = { [K in C]: Handler<K> };

export type OperationTable = OperationTableOf<Channel>;
