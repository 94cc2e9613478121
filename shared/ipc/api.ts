// The renderer's view of main: one method per channel, each returning a Result. The preload (in
// Electron) and the HTTP client (in browser mode) both implement exactly this type.
import type { Channel, Events, Input, Output } from './contract';
import type { Result } from './result';

export type RendererApi = {
  [C in Channel]: Input<C> extends void
    ? () => Promise<Result<Output<C>>>
    : // An input that may be left out entirely is an optional argument.
      undefined extends Input<C>
      ? (input?: Input<C>) => Promise<Result<Output<C>>>
      : (input: Input<C>) => Promise<Result<Output<C>>>;
};

export type EventListener<E extends keyof Events> = (payload: Events[E]) => void;

export interface RendererEvents {
  on<E extends keyof Events>(event: E, listener: EventListener<E>): () => void;
}

export interface WindowApi extends RendererApi {
  events: RendererEvents;
}
