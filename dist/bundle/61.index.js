export const id = 61;
export const ids = [61];
export const modules = {

/***/ 8061:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  breakRecordFor: () => (/* binding */ breakRecordFor),
  keepForRun: () => (/* reexport */ keepForRun),
  releaseHere: () => (/* binding */ releaseHere),
  renewHere: () => (/* binding */ renewHere)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(1659);
// EXTERNAL MODULE: ./src/lock/break-record.ts
var break_record = __webpack_require__(9916);
// EXTERNAL MODULE: ./src/lock/clock.ts
var clock = __webpack_require__(2041);
// EXTERNAL MODULE: ./src/lock/errors.ts
var errors = __webpack_require__(2960);
// EXTERNAL MODULE: ./src/lock/lease.ts
var lease = __webpack_require__(4277);
// EXTERNAL MODULE: ./src/lock/lock-blob.ts + 6 modules
var lock_blob = __webpack_require__(8692);
// EXTERNAL MODULE: ./src/lock/queue/handover.ts
var handover = __webpack_require__(988);
// EXTERNAL MODULE: ./src/lock/storage.ts
var storage = __webpack_require__(4906);
// EXTERNAL MODULE: ./src/action/request-log.ts
var request_log = __webpack_require__(3304);
// EXTERNAL MODULE: ./src/action/state.ts
var state = __webpack_require__(3175);
// EXTERNAL MODULE: ./src/action/step-sign-in.ts
var step_sign_in = __webpack_require__(1284);
// EXTERNAL MODULE: ./src/lock/lease-answers.ts
var lease_answers = __webpack_require__(8883);
// EXTERNAL MODULE: ./src/lock/deploy/hold.ts
var hold = __webpack_require__(4166);
;// CONCATENATED MODULE: ./src/lock/deploy/run-hold.ts
// scope: run. The lock spans the jobs of one workflow run: at a job's end,
// post turns its lease into a hold of the run (hold.ts) instead of releasing
// it, lasting at most the spec's runHoldMs; a later job of the same run
// (repository and run id, any attempt) takes that hold over without waiting
// its turn, and keeps the same fencing token: at once when it comes, or at its
// next look at the lock when it waits in the queue already (a parallel or
// matrix job). The waiter does it (attempt.ts: takeOverRunHold, takeOver);
// mayTakeOver (hold.ts) says who may. A run that never comes back frees the
// lock when the hold ends, through whoever looks at the lock next.

/**
 * The hold of a run that a job's post places on the lease it still holds:
 * until the service's clock `serviceNow` plus runHoldMs, with the fencing
 * token of the run's acquisition.
 */
function runHoldRecord(spec, who, lease, serviceNow) {
    return (0,hold/* newHoldRecord */.rh)('run', who, `kept for the next job of run ${who.runId}`, { kind: 'for', ms: spec.runHoldMs }, { leaseId: lease.leaseId, heldFrom: serviceNow, fencingToken: lease.fencingToken });
}

// EXTERNAL MODULE: ./src/lock/spec.ts
var lock_spec = __webpack_require__(7832);
// EXTERNAL MODULE: ./src/renewer/control.ts
var control = __webpack_require__(9779);
// EXTERNAL MODULE: ./src/action/context.ts
var context = __webpack_require__(645);
;// CONCATENATED MODULE: ./src/action/run-hold-step.ts
// Post, for scope run: instead of releasing, turn the lease into a hold of the
// workflow run (lock/deploy/run-hold.ts), then let the renewer stop. In that order:
// the renewer keeps the lease until the hold is in place, and never stops
// before. Whenever the hold cannot be placed, post goes on as for scope job
// and releases the lock: a run's hold is a convenience, never a reason to
// leave a lease that nobody keeps.












/**
 * Keeps the lock as a hold of this run, when the spec says scope run and the
 * renewer still holds the lease. Returns what the summary says of the job's
 * hold, or undefined when post should release as usual (scope job, a release
 * step let go already, the lease was lost, or the hold could not be placed).
 */
async function keepForRun(spec, lease) {
    const runHoldMs = spec.runHoldMs;
    const places = state/* renewer */.T9();
    const turn = state/* turn */.wC();
    if (runHoldMs === undefined || !places || !turn)
        return undefined;
    const location = (0,lock_spec/* lockLocation */.VU)(spec);
    const asked = await (0,control/* askToLetGo */.ih)(places.channel, { op: 'report', by: 'post' }, { expected: places.renewer });
    // Released by a release step (which ends the run's hold), lost, or a renewer that cannot say: as for scope job.
    if (asked.answer.kind !== 'answered' || asked.answer.report.phase !== 'holding')
        return undefined;
    let record;
    try {
        const { signedIn } = await (0,step_sign_in/* signInWithInputs */.M)({ ambientSource: state/* ambientSource */.aN() });
        const lock = (0,lock_blob/* openLock */.q)(signedIn.auth, spec, { retry: storage/* STEP_RETRY */.QA, observe: (0,request_log/* requestLog */.M)() });
        const look = await lock.view();
        if (look.state !== 'leased')
            return undefined;
        const who = (0,context/* holderFromEnvironment */.Q)();
        record = runHoldRecord({ ...spec, runHoldMs }, who, { leaseId: lease.leaseId, fencingToken: turn.fencingToken }, look.serviceNow ?? new Date());
        await lock.placeHold(lease.leaseId, { ...who, acquiredAt: lease.acquiredAt.toISOString() }, record);
    }
    catch (err) {
        core/* warning */.$e(`Could not keep lock ${location} for the next job of this run (${(0,errors/* describeStorageErrorBrief */.rg)(err)}): releasing it instead.`);
        return undefined;
    }
    // The hold is in place: only now may the renewer stop, leaving the lease as it is.
    const stopped = await (0,control/* askToLetGo */.ih)(places.channel, { op: 'keep', by: 'post' }, { killIfStuck: true, expected: places.renewer });
    if (stopped.log.length > 0) {
        core/* startGroup */.Oh('Renewer log');
        core/* info */.pq(stopped.log.join('\n'));
        core/* endGroup */.N4();
    }
    core/* info */.pq(`Kept lock ${location} for the next job of this run: it is held by ${(0,hold/* describeHold */.TZ)(record)}. ` +
        "A later job of this run with 'scope: run' takes it over at once (one that waits in line already, at its next " +
        'look); the release action ends the hold.');
    const heldSince = lease.heldSince ?? lease.acquiredAt;
    return { acquiredAt: heldSince, endedAt: new Date(record.setAt), outcome: 'kept' };
}

;// CONCATENATED MODULE: ./src/action/post-storage.ts
// What the post step does with its own storage client: only when the renewer
// could not let go itself (it is dead, stuck or failed), when a loss needs the
// break record, or for scope run. post-step.ts imports this module lazily, so
// that the usual post step, where the already running renewer hands the lease
// over or releases it, loads no storage SDK before the lease moves (loading
// it cost post about 60 ms of CPU; see docs/measurements.md).













/**
 * The break record on the lock blob, when a break step broke this hold (and
 * not an earlier one, nor a forged one): read with the step's credentials.
 * Undefined when there is none, it cannot be read, or it is dated outside
 * the hold (see breakApplies).
 */
async function breakRecordFor(spec, acquiredAt, heldFrom, lossFoundAt) {
    try {
        const { signedIn } = await (0,step_sign_in/* signInWithInputs */.M)({ ambientSource: state/* ambientSource */.aN() });
        const status = await (0,lock_blob/* openLock */.q)(signedIn.auth, spec, { retry: storage/* STEP_RETRY */.QA, observe: (0,request_log/* requestLog */.M)() }).status({
            timeoutMs: 5_000,
        });
        const record = status === 'missing' ? undefined : status.lastBreak;
        const hold = {
            acquiredAt: acquiredAt.toISOString(),
            runId: process.env.GITHUB_RUN_ID ?? '',
            heldFrom,
            lossFoundAt,
        };
        return record && (0,break_record/* breakApplies */.sr)(record, hold) ? record : undefined;
    }
    catch (err) {
        core/* debug */.Yz(`Could not read the lock blob for a break record: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
    }
}
/**
 * One renewal with the step's own credentials, for a lease that went a whole
 * duration unconfirmed: Azure renews it only if nobody leased the blob since.
 */
async function renewHere(spec, leaseId) {
    const sentAt = (0,clock/* monotonicNow */.X)();
    try {
        const { signedIn } = await (0,step_sign_in/* signInWithInputs */.M)({ ambientSource: state/* ambientSource */.aN() });
        const lock = (0,lock_blob/* openLock */.q)(signedIn.auth, spec, { retry: storage/* STEP_RETRY */.QA, observe: (0,request_log/* requestLog */.M)() });
        await lock.renew(leaseId, { timeoutMs: (0,lease/* renewalSchedule */.md)(spec.leaseDurationSeconds * 1000).attemptTimeoutMs });
        return { sentAt, outcome: 'renewed' };
    }
    catch (err) {
        core/* debug */.Yz(`The renewal before releasing failed: ${err instanceof Error ? err.message : String(err)}`);
        return { sentAt, outcome: (0,lease_answers/* isLeaseGone */.A)(err) ? 'gone' : 'failed' };
    }
}
/** Releases with the step's own credentials, read from the inputs again. */
async function releaseHere(spec, leaseId, options = {}) {
    const report = options.quiet ? core/* debug */.Yz : core/* warning */.$e;
    const expiry = `it expires by itself within ${spec.leaseDurationSeconds}s`;
    let lock;
    try {
        const { signedIn } = await (0,step_sign_in/* signInWithInputs */.M)({ ambientSource: state/* ambientSource */.aN() });
        lock = (0,lock_blob/* openLock */.q)(signedIn.auth, spec, { retry: storage/* STEP_RETRY */.QA, observe: (0,request_log/* requestLog */.M)() });
    }
    catch (err) {
        report(`Cannot release the lease here (${err.message}); ${expiry}.`);
        return 'failed';
    }
    try {
        if (options.quiet) {
            // A lease main may have been granted without hearing so: almost always there is none, so one plain
            // release, and no look at the queue for a handover.
            return await lock.release(leaseId, { timeoutMs: 5_000 });
        }
        // Handed to the head of the queue when one waits (handover.ts), else released.
        const outcome = await (0,handover/* letGo */.Ko)(lock, leaseId, { timeoutMs: 15_000 });
        core/* debug */.Yz(`Post ${(0,handover/* describeLetGo */.dz)(outcome)}.`);
        return outcome.outcome === 'not-held' ? 'not-held' : 'released';
    }
    catch (err) {
        report(`Releasing the lease failed (${(0,errors/* describeStorageErrorBrief */.rg)(err)}); ${expiry}.`);
        return 'failed';
    }
}


/***/ })

};
