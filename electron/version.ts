// Our version, taken into the bundles when they are built, so no door looks for package.json at
// run time (the command line's bundle, browser mode and the tests all report the same number).
import pkg from '../package.json' with { type: 'json' };

export const APP_VERSION: string = pkg.version;
