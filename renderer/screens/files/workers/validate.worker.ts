// The amendment-file checking worker: a dropped or opened file is read and validated off the
// page's thread, then its lines are served to the viewer on request.
import { serve } from './rpc';
import type { Port } from './rpc';
import { validateHandlers } from './validate-handlers';

serve(self as unknown as Port, validateHandlers());
