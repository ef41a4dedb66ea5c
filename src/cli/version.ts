// The version of the azure-mutex command: the package's, which the bundle
// carries from package.json (npm run build), for --version.

import pkg from '../../package.json' with { type: 'json' }

export const VERSION: string = pkg.version
