// Every entry point of the action. `npm run build` bundles this file once into
// dist/bundle/ and writes a thin dist/<name>/index.js for each name here, which
// calls it. Each entry loads only its own part of the bundle.
// Adding an entry (a sub-action, say) is one line here.

export const entries = {
  main: () => import('./main.ts'),
  post: () => import('./post.ts'),
  renewer: () => import('./renewer.ts'),
  release: () => import('./release.ts'),
  status: () => import('./status.ts'),
  break: () => import('./break.ts'),
}
