// Every entry point of the action. `npm run build` bundles this file once into
// dist/bundle/ and writes a thin dist/<name>/index.js for each name here, which
// calls it. Each entry loads only its own part of the bundle.
// Adding an entry (a sub-action, say) is one line here.
//
// The steps name one chunk ("steps"): the bundler would otherwise copy the small
// modules that some steps share (inputs, sign-in, the summary) into each step's
// own chunk. The renewer stays apart, so that it loads no step code.

import { dropEarlyRenewer, startRenewerEarly } from './renewer/early.ts'

export const entries = {
  main: async () => {
    // The renewer loads its code while main loads its own (renewer/early.ts); main ends it if it never takes it.
    startRenewerEarly()
    try {
      await import(/* webpackChunkName: "steps" */ './main.ts')
    } finally {
      dropEarlyRenewer()
    }
  },
  post: () => import(/* webpackChunkName: "post" */ './post.ts'),
  renewer: () => import('./renewer.ts'),
  release: () => import(/* webpackChunkName: "steps" */ './release.ts'),
  status: () => import(/* webpackChunkName: "steps" */ './status.ts'),
  break: () => import(/* webpackChunkName: "steps" */ './break.ts'),
  hold: () => import(/* webpackChunkName: "steps" */ './hold.ts'),
  unhold: () => import(/* webpackChunkName: "steps" */ './unhold.ts'),
}
