// What the bundle holds in place of a module that `npm run build` leaves out (LEFT_OUT in
// scripts/build.ts) and that dependencies import only lazily. The action never loads one,
// so reaching this line is a bug in the build.
throw new Error(
  'azure-mutex-action: a dependency loaded a module that the build leaves out of dist/ (see LEFT_OUT in scripts/build.ts).',
)
