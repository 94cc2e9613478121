// The MIS extract worker: reads, decodes and parses the file off the page's thread, then answers
// for it (rows on screen, searches, the built file). One worker per extract.
import { extractHandlers } from './extract-handlers';
import { serve } from './rpc';
import type { Port } from './rpc';

serve(self as unknown as Port, extractHandlers());
