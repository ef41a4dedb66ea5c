export const id = 730;
export const ids = [730];
export const modules = {

/***/ 9280:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ failStep)
/* harmony export */ });
/* unused harmony export messageFor */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
/* harmony import */ var _lock_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2960);
/* harmony import */ var _sign_in_ambient_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3271);
/* harmony import */ var _sign_in_entra_id_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(969);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(915);
/* harmony import */ var _phases_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6864);
// One place that turns any failure into the single error line a user sees.






/** The message for a failure: ours as written, storage errors in plain words, anything else marked unexpected. */
function messageFor(err, endpoint, context = {}) {
    if (err instanceof _sign_in_ambient_js__WEBPACK_IMPORTED_MODULE_2__/* .NoAmbientCredentialError */ .pl) {
        return (`${err.message} Or sign in with GitHub's OIDC token: ` +
            `set '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.ClientId}' and '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.TenantId}' and 'permissions: id-token: write'.`);
    }
    if (err instanceof _lock_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo)
        return err.message;
    // Before the status check: an identity error carries Entra's HTTP status, not storage's.
    if ((0,_sign_in_entra_id_js__WEBPACK_IMPORTED_MODULE_3__/* .isIdentityError */ .Lo)(err))
        return (0,_sign_in_entra_id_js__WEBPACK_IMPORTED_MODULE_3__/* .describeIdentityError */ ._q)(err);
    if ((0,_lock_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .statusCode */ .se)(err) !== undefined || (0,_lock_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .storageErrorCode */ .t6)(err) !== undefined) {
        return (0,_lock_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeStorageError */ .rb)(err, endpoint ?? 'the blob endpoint', context);
    }
    return `Unexpected error: ${err instanceof Error ? err.message : String(err)}`;
}
/** Fails the step with one line, outside any log group; the stack goes to the debug log only. */
function failStep(err, endpoint, context = {}) {
    (0,_phases_js__WEBPACK_IMPORTED_MODULE_5__/* .endPhase */ .z)();
    if (err instanceof Error && err.stack)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(err.stack);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(messageFor(err, endpoint, context));
}


/***/ }),

/***/ 2094:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fj: () => (/* binding */ publishHeld),
/* harmony export */   Mw: () => (/* binding */ heldLocks),
/* harmony export */   O: () => (/* binding */ withdrawHeld),
/* harmony export */   V5: () => (/* binding */ pickHeld)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
/* harmony import */ var _lock_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2960);
/* harmony import */ var _lock_spec_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7832);
/* harmony import */ var _lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4469);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(915);
/* harmony import */ var _shape_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5895);
// The locks this job holds, published for the job's later steps. A release
// step is an action of its own: it cannot read main's state, and it has no
// credentials. Main therefore exports, through $GITHUB_ENV, where each lock's
// renewer listens and the token it obeys; a second lock step adds its lock to
// the list, and a release step takes its lock off. The token is masked: the
// runner shows exported variables in later steps' logs.






const heldLockFields = {
    lockName: _shape_js__WEBPACK_IMPORTED_MODULE_5__/* .nonEmptyText */ .al,
    /** account/container/name, as the logs name the lock. */
    location: _shape_js__WEBPACK_IMPORTED_MODULE_5__/* .nonEmptyText */ .al,
    acquiredAt: _shape_js__WEBPACK_IMPORTED_MODULE_5__/* .time */ .kB,
    channel: (0,_shape_js__WEBPACK_IMPORTED_MODULE_5__/* .shape */ .cW)({ address: _shape_js__WEBPACK_IMPORTED_MODULE_5__/* .nonEmptyText */ .al, token: _shape_js__WEBPACK_IMPORTED_MODULE_5__/* .nonEmptyText */ .al }),
};
/** More locks than any job holds: a list longer than this was not written by main. */
const MAX_HELD = 100;
const heldLocksShape = (0,_shape_js__WEBPACK_IMPORTED_MODULE_5__/* .listOf */ .c3)((0,_shape_js__WEBPACK_IMPORTED_MODULE_5__/* .shape */ .cW)(heldLockFields), MAX_HELD);
/** The locks the earlier steps published; [] when none. Throws MalformedError when the variable holds something else. */
function heldLocks(env = process.env) {
    const value = env[_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Exported */ .KJ.HeldLocks];
    if (!value)
        return [];
    const held = (0,_shape_js__WEBPACK_IMPORTED_MODULE_5__/* .parseJson */ .qF)(value, heldLocksShape);
    if (!held)
        throw new _lock_spec_js__WEBPACK_IMPORTED_MODULE_2__/* .MalformedError */ .G4(`${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Exported */ .KJ.HeldLocks} is not the list that the main step writes`);
    return held;
}
function publish(held) {
    // Without the file, core.exportVariable would fall back to the set-env command, which runners refuse.
    if (!process.env.GITHUB_ENV) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`GITHUB_ENV is not set: release steps cannot find this job's locks (${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Exported */ .KJ.HeldLocks}).`);
        return;
    }
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .exportVariable */ .dN(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Exported */ .KJ.HeldLocks, JSON.stringify(held));
}
/** Adds a lock this job now holds (in place of an older entry for the same lock). */
function publishHeld(lock) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(lock.channel.token);
    let held;
    try {
        held = heldLocks();
    }
    catch {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Exported */ .KJ.HeldLocks} held something else: starting the list again`);
        held = [];
    }
    const entry = {
        lockName: lock.lockName,
        location: lock.location,
        acquiredAt: lock.acquiredAt.toISOString(),
        channel: { address: lock.channel.address, token: lock.channel.token },
    };
    publish([...held.filter((other) => other.location !== lock.location), entry]);
}
/** Takes a released lock off the list. */
function withdrawHeld(location) {
    publish(heldLocks().filter((other) => other.location !== location));
}
/**
 * The held lock a release step means: the one named, or the only one. One
 * clear error otherwise, listing what the job holds.
 */
function pickHeld(held, lockName) {
    // Earlier steps of the job wrote these; shown like any text the action did not write itself.
    const list = (locks) => locks.map((lock) => (0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_3__/* .showUntrusted */ .G)(lock.location)).join(', ');
    if (held.length === 0) {
        throw new _lock_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('This job holds no lock to release: the main action (uses: org/azure-mutex-action@v1) must take it earlier ' +
            "in the same job. (It took none, it did not get the lock with 'fail-on-timeout: false', or a release step " +
            'released it already.)');
    }
    if (lockName === undefined) {
        if (held.length === 1)
            return held[0];
        throw new _lock_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`This job holds ${held.length} locks (${list(held)}): name the one to release in '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.LockName}'.`);
    }
    const named = held.filter((lock) => lock.lockName === lockName);
    if (named.length === 1)
        return named[0];
    if (named.length === 0) {
        throw new _lock_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`This job holds no lock named '${lockName}'; it holds ${list(held)}.`);
    }
    throw new _lock_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`This job holds ${named.length} locks named '${lockName}', in different containers or accounts (${list(named)}): ` +
        'a release step cannot tell them apart; let their post steps release them.');
}


/***/ }),

/***/ 611:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  V: () => (/* binding */ runMain)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(1659);
// EXTERNAL MODULE: ./src/lock/duration.ts
var duration = __webpack_require__(6307);
// EXTERNAL MODULE: ./src/lock/errors.ts
var errors = __webpack_require__(2960);
// EXTERNAL MODULE: ./src/lock/holder.ts
var lock_holder = __webpack_require__(7053);
// EXTERNAL MODULE: ./src/lock/lock-blob.ts + 1 modules
var lock_blob = __webpack_require__(8443);
// EXTERNAL MODULE: ./src/lock/spec.ts
var lock_spec = __webpack_require__(7832);
// EXTERNAL MODULE: ./src/lock/storage.ts
var storage = __webpack_require__(4906);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./src/lock/waiter.ts
// The waiter: watches the lock blob cheaply (one HEAD per poll), tries to take
// the lease only when it looks free, and reports who holds it while it waits.






const DEFAULT_POLL_MS = [250, 750];
/** A request may outlive the wait's deadline by this much, so `timeout` holds within a few seconds. */
const DEADLINE_GRACE_MS = 2_000;
/**
 * Waits until the lease is ours, then writes our holder record. Throws
 * LockTimeoutError when the time runs out, LockCancelledError on cancel, and
 * the storage error when one is not transient (bad credentials, for instance).
 */
async function waitForLease(options) {
    const { lock, signal } = options;
    const [pollMin, pollMax] = options.pollMs ?? DEFAULT_POLL_MS;
    const progressEveryMs = options.progressEveryMs ?? 30_000;
    const graceMs = options.cancelGraceMs ?? 1_000;
    const started = Date.now();
    const deadline = options.timeoutMs === undefined ? Infinity : started + options.timeoutMs;
    const leaseId = options.leaseId ?? (0,external_node_crypto_.randomUUID)();
    const emit = (event) => options.onEvent?.(event);
    // Requests get a short grace after a cancel: an acquire that is in flight is
    // better finished and released than abandoned half way.
    const requests = new AbortController();
    // Every request ends by its own deadline, and by the wait's deadline plus a little grace.
    // Whole seconds, so that a message about a missed deadline reads "no answer within 7 s".
    const call = () => ({
        signal: requests.signal,
        timeoutMs: Math.max(1_000, Math.min(lock_blob/* DEFAULT_REQUEST_TIMEOUT_MS */.Zc, Math.ceil((deadline - Date.now() + DEADLINE_GRACE_MS) / 1_000) * 1_000)),
    });
    const onCancel = () => void (0,promises_.setTimeout)(graceMs, undefined, { ref: false }).then(() => requests.abort());
    signal?.addEventListener('abort', onCancel, { once: true });
    let acquireTried = false;
    let acquired = false; // the lease is ours but the holder record is not written yet
    let contacted = false;
    let tried = false; // the lease was tried for, or seen held
    let lastHolder;
    let unknownOnce = false;
    let lastReport = started;
    let lastTroubleReport = -Infinity;
    let seen;
    const stale = new Set();
    try {
        for (;;) {
            if (signal?.aborted)
                throw new errors/* LockCancelledError */.pw(`Cancelled while waiting for lock ${lock.location}.`);
            const now = Date.now();
            // The lock is always tried once, so a timeout of 0 means "try once".
            if (now >= deadline && tried) {
                throw new errors/* LockTimeoutError */.XB(`Timed out after ${(0,duration/* formatDuration */.a)(now - started)} waiting for lock ${lock.location}; ` +
                    `it is held by ${(0,lock_holder/* describeHolder */.sG)(seen)}.`);
            }
            try {
                const view = acquired ? undefined : await lock.view(call());
                contacted = true;
                if (view?.state === 'missing') {
                    const created = await lock.create(call());
                    if (created !== 'nothing')
                        emit({ type: 'created', what: created });
                    continue;
                }
                if (view === undefined || view.state === 'free') {
                    // A record on a free blob belongs to a holder whose lease lapsed; if a
                    // record-less client leases the blob next, that record is not theirs.
                    if (view?.staleHolder)
                        stale.add((0,lock_holder/* holderKey */.I4)(view.staleHolder));
                    unknownOnce = false;
                    if (signal?.aborted)
                        continue;
                    acquireTried = true;
                    tried = true;
                    // With our own id this is idempotent: it also re-confirms a lease we
                    // took on a try whose holder record could not be written.
                    const sentAt = new Date();
                    const outcome = await lock.acquire(leaseId, options.leaseDurationSeconds, call());
                    if (outcome === 'missing')
                        continue;
                    if (outcome === 'acquired') {
                        acquired = true;
                        const acquiredAt = new Date();
                        const holder = { ...options.holder, acquiredAt: acquiredAt.toISOString() };
                        await lock.writeHolder(leaseId, holder, call());
                        if (signal?.aborted)
                            throw new errors/* LockCancelledError */.pw(`Cancelled while taking lock ${lock.location}.`);
                        return { leaseId, confirmedAt: sentAt, acquiredAt, waitedMs: acquiredAt.getTime() - started, holder };
                    }
                    acquired = false;
                }
                else {
                    const holder = view.holder && !stale.has((0,lock_holder/* holderKey */.I4)(view.holder)) ? view.holder : undefined;
                    const key = (0,lock_holder/* holderKey */.I4)(holder);
                    const waitedMs = Date.now() - started;
                    // A lease without a record is also what a handoff looks like for a few
                    // ms (the new holder writes its record just after taking the lease), so
                    // an unknown holder is believed only when two polls in a row see it.
                    const settled = holder !== undefined || unknownOnce;
                    unknownOnce = holder === undefined;
                    tried = true;
                    if (settled) {
                        const event = lastHolder === undefined
                            ? 'waiting'
                            : key !== lastHolder
                                ? 'holder-changed'
                                : Date.now() - lastReport >= progressEveryMs
                                    ? 'still-waiting'
                                    : undefined;
                        if (event) {
                            emit({ type: event, holder, waitedMs });
                            lastReport = Date.now();
                        }
                        lastHolder = key;
                        seen = holder;
                    }
                }
            }
            catch (err) {
                if (err instanceof errors/* LockCancelledError */.pw)
                    throw err;
                if (signal?.aborted)
                    continue;
                // Until the service has answered once, a network failure is about the
                // setup (a wrong or unreachable endpoint) and the SDK has retried it.
                // Throttling and server errors are answers: they are waited out.
                if (!(0,errors/* isTransient */.dg)(err) || (!contacted && (0,errors/* statusCode */.se)(err) === undefined))
                    throw err;
                if (Date.now() - lastTroubleReport >= progressEveryMs) {
                    emit({ type: 'storage-trouble', error: err, waitedMs: Date.now() - started });
                    lastTroubleReport = Date.now();
                }
            }
            const pause = pollMin + Math.random() * (pollMax - pollMin);
            await (0,promises_.setTimeout)(Math.max(0, Math.min(pause, deadline - Date.now())), undefined, { signal }).catch(() => { });
        }
    }
    catch (err) {
        // Whatever ends the wait without success, a lease we may have taken goes back.
        if (acquireTried)
            await releaseQuietly(lock, leaseId);
        throw err;
    }
    finally {
        signal?.removeEventListener('abort', onCancel);
    }
}
/** Best effort, bounded: give back a lease we may hold. 'not-held' and errors are both fine here. */
async function releaseQuietly(lock, leaseId) {
    await lock.release(leaseId, { timeoutMs: 2_000 }).catch(() => undefined);
}

// EXTERNAL MODULE: ./src/renewer/control.ts
var control = __webpack_require__(9779);
// EXTERNAL MODULE: ./src/sign-in/methods.ts
var methods = __webpack_require__(7349);
// EXTERNAL MODULE: ./src/sign-in/sign-in.ts + 1 modules
var sign_in = __webpack_require__(3885);
// EXTERNAL MODULE: ./src/action/constants.ts
var constants = __webpack_require__(915);
// EXTERNAL MODULE: ./src/action/context.ts
var context = __webpack_require__(645);
// EXTERNAL MODULE: ./src/action/failure.ts
var failure = __webpack_require__(9280);
// EXTERNAL MODULE: ./src/action/held-locks.ts
var held_locks = __webpack_require__(2094);
// EXTERNAL MODULE: ./src/action/inputs.ts
var inputs = __webpack_require__(1729);
// EXTERNAL MODULE: ./src/action/phases.ts
var phases = __webpack_require__(6864);
// EXTERNAL MODULE: ./src/action/request-log.ts
var request_log = __webpack_require__(3304);
// EXTERNAL MODULE: ./src/action/state.ts
var state = __webpack_require__(3175);
// EXTERNAL MODULE: ./src/action/wait-record.ts
var wait_record = __webpack_require__(479);
;// CONCATENATED MODULE: ./src/action/main-step.ts
// The main step: wait for the lease, hand it to the detached renewer, and
// leave in state everything post needs to give it back.





















/** How long the renewer may take to start and confirm the lease, once main has it. */
const RENEWER_CONFIRM_MS = 20_000;
async function runMain() {
    const cancel = new AbortController();
    const onSignal = (signal) => {
        if (!cancel.signal.aborted)
            core/* info */.pq(`Received ${signal}: cancelling.`);
        cancel.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    let settings;
    try {
        settings = (0,inputs/* readSettings */.sb)((name) => core/* getInput */.V4(name));
        for (const secret of (0,storage/* secretsOf */.Fj)(settings.auth))
            core/* setSecret */.Pq(secret);
        await holdLock(settings, cancel.signal);
        core/* setOutput */.uH(constants/* Outputs */.tY.Acquired, 'true');
    }
    catch (err) {
        core/* setOutput */.uH(constants/* Outputs */.tY.Acquired, 'false');
        if (err instanceof errors/* LockTimeoutError */.XB && settings?.failOnTimeout === false)
            return goOnWithoutLock(err);
        (0,failure/* failStep */.v)(err, settings?.lock.endpoint, {
            tokenAuth: settings !== undefined && (0,methods/* usesEntra */.x)(settings.auth),
            container: settings?.lock.container,
        });
    }
    finally {
        (0,phases/* endPhase */.z)();
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
    }
}
/** Try-lock: with 'fail-on-timeout: false', a timeout ends the step successfully, holding nothing. */
function goOnWithoutLock(err) {
    (0,phases/* endPhase */.z)();
    core/* notice */.lm(`${err.message} Going on without it ('fail-on-timeout' is false): the output 'acquired' is 'false'.`);
}
async function holdLock(settings, cancel) {
    const spec = settings.lock;
    (0,phases/* startPhase */.C)('Sign in');
    let oidcRequest;
    if (settings.auth.kind === 'federated') {
        oidcRequest = (0,context/* oidcRequestFromEnv */.g)();
        // The renewer gets this over its private pipe; mask it in case anything ever echoes it.
        core/* setSecret */.Pq(oidcRequest.token);
    }
    const signedIn = await (0,sign_in/* signIn */.J)(settings.auth, {
        oidcRequest,
        onIdToken: (token) => core/* setSecret */.Pq(token),
        check: true,
    });
    core/* info */.pq((0,methods/* usesEntra */.x)(settings.auth)
        ? `Signed in to ${signedIn.description}.`
        : `Requests are signed with ${signedIn.description}.`);
    const lock = (0,lock_blob/* openLock */.qB)(signedIn.auth, spec, { retry: storage/* STEP_RETRY */.QA, observe: (0,request_log/* requestLog */.M)() });
    state/* saveLock */.RB(spec);
    state/* saveAmbientSource */.ZE(signedIn.ambientSource);
    // The renewer starts now, while we wait: once the lease is ours, handing it
    // over costs one renewal, not a process start.
    const places = (0,control/* newRenewerPlaces */.nV)();
    state/* saveRenewer */.Kb(places);
    const renewer = new control/* SpawnedRenewer */.F8({
        lock: spec,
        auth: settings.auth,
        oidcRequest,
        ambientSource: signedIn.ambientSource,
        channel: places.channel,
        statusFile: places.statusFile,
        worker: (0,control/* workerOf */.IY)(process.ppid),
    });
    let handedOver = false;
    try {
        const limit = settings.timeoutMs === undefined ? 'no time limit' : `at most ${(0,duration/* formatDuration */.a)(settings.timeoutMs)}`;
        (0,phases/* startPhase */.C)(`Wait for lock ${(0,lock_spec/* lockLocation */.VU)(spec)}`);
        core/* info */.pq(`Taking lock ${(0,lock_spec/* lockLocation */.VU)(spec)} (lease ${spec.leaseDurationSeconds}s, wait ${limit}).`);
        const leaseId = (0,external_node_crypto_.randomUUID)();
        state/* saveProposedLeaseId */.fR(leaseId);
        const watch = new wait_record/* WaitWatch */.Nx(state/* saveWait */.Rq);
        const waiting = waitForLease({
            lock,
            leaseId,
            leaseDurationSeconds: spec.leaseDurationSeconds,
            holder: (0,context/* holderFromEnvironment */.Q)(),
            timeoutMs: settings.timeoutMs,
            signal: cancel,
            onEvent: watch.and(logWaitEvent),
        });
        const acquired = await watch.settle(waiting);
        state/* saveLease */.Ae(acquired);
        (0,phases/* endPhase */.z)();
        try {
            await renewer.hold({ leaseId, confirmedAt: acquired.confirmedAt.toISOString() }, { timeoutMs: RENEWER_CONFIRM_MS, signal: cancel });
            handedOver = true;
            if (cancel.aborted)
                throw new errors/* LockCancelledError */.pw('Cancelled just after taking the lock.');
        }
        catch (err) {
            // Without a renewer the lease would lapse mid-job: give it back now and fail.
            renewer.kill();
            handedOver = false;
            await lock.release(leaseId).catch(() => undefined);
            state/* clearLease */.ER();
            throw err instanceof errors/* LockCancelledError */.pw
                ? new errors/* LockCancelledError */.pw('Cancelled just after taking the lock; it was released.')
                : err;
        }
        (0,held_locks/* publishHeld */.Fj)({
            lockName: spec.lockName,
            location: (0,lock_spec/* lockLocation */.VU)(spec),
            acquiredAt: acquired.acquiredAt,
            channel: places.channel,
        });
        core/* setOutput */.uH(constants/* Outputs */.tY.LeaseId, leaseId);
        core/* setOutput */.uH(constants/* Outputs */.tY.AcquiredAt, acquired.holder.acquiredAt);
        core/* setOutput */.uH(constants/* Outputs */.tY.WaitedSeconds, (acquired.waitedMs / 1000).toFixed(1));
        core/* info */.pq(`Holding lock ${(0,lock_spec/* lockLocation */.VU)(spec)} since ${acquired.holder.acquiredAt} after waiting ${(0,duration/* formatDuration */.a)(acquired.waitedMs)}. ` +
            `Renewer pid ${renewer.pid} renews the ${spec.leaseDurationSeconds}s lease every ${(0,duration/* formatDuration */.a)((spec.leaseDurationSeconds * 1000) / 3)}.`);
    }
    finally {
        if (handedOver)
            renewer.detach();
        else
            renewer.dismiss();
    }
}
function logWaitEvent(event) {
    switch (event.type) {
        case 'waiting':
            core/* info */.pq(`The lock is held by ${(0,lock_holder/* describeHolder */.sG)(event.holder)}. Waiting.`);
            break;
        case 'holder-changed':
            core/* info */.pq(`The lock is now held by ${(0,lock_holder/* describeHolder */.sG)(event.holder)} (waited ${(0,duration/* formatDuration */.a)(event.waitedMs)}).`);
            break;
        case 'still-waiting':
            core/* info */.pq(`Still waiting after ${(0,duration/* formatDuration */.a)(event.waitedMs)}; held by ${(0,lock_holder/* describeHolder */.sG)(event.holder)}.`);
            break;
        case 'created':
            core/* info */.pq(event.what === 'container' ? 'Created the container and the lock blob.' : 'Created the lock blob.');
            break;
        case 'storage-trouble':
            core/* warning */.$e(`Storage is failing while waiting (${(0,errors/* describeStorageErrorBrief */.rg)(event.error)}); retrying.`);
            break;
    }
}


/***/ }),

/***/ 6864:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ startPhase),
/* harmony export */   z: () => (/* binding */ endPhase)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
// The phases of a step as log groups: each phase's lines fold under one
// title. Only one group is open at a time, and failStep closes it first, so
// that the error line of a failed step is never folded away.

let open = false;
/** Ends the phase that is open, if any, and opens a group for the next. */
function startPhase(title) {
    endPhase();
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh(title);
    open = true;
}
/** Ends the phase that is open, if any. */
function endPhase() {
    if (!open)
        return;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4();
    open = false;
}


/***/ }),

/***/ 5895:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lm: () => (/* binding */ yesNo),
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   U9: () => (/* binding */ count),
/* harmony export */   al: () => (/* binding */ nonEmptyText),
/* harmony export */   c3: () => (/* binding */ listOf),
/* harmony export */   cW: () => (/* binding */ shape),
/* harmony export */   kB: () => (/* binding */ time),
/* harmony export */   qF: () => (/* binding */ parseJson),
/* harmony export */   yL: () => (/* binding */ oneOf)
/* harmony export */ });
/* unused harmony exports NOT_IT, optional */
// Shapes for JSON that the action reads back from places it does not control
// alone: step state, and the variables it exports to later steps. A shape is
// declared once, field by field; its type follows from it, and reading a value
// builds a new object of exactly those fields, or fails: no value read back is
// cast to a type it was not checked against.
//
// Adding a field to a record is one line in its shape: `fencingToken:
// optional(count)`, say. Optional fields may be missing from what was written
// before the field existed.
const NOT_IT = Symbol('not it');
const text = (value) => (typeof value === 'string' ? value : NOT_IT);
const nonEmptyText = (value) => (typeof value === 'string' && value !== '' ? value : NOT_IT);
/** An ISO 8601 time as Date.parse reads it. */
const time = (value) => typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : NOT_IT;
/** A whole number, 0 or more. */
const count = (value) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : NOT_IT;
const yesNo = (value) => (typeof value === 'boolean' ? value : NOT_IT);
function oneOf(...values) {
    return (value) => (values.includes(value) ? value : NOT_IT);
}
/** A list of at most `max` items, each checked. */
function listOf(item, max) {
    return (value) => {
        if (!Array.isArray(value) || value.length > max)
            return NOT_IT;
        const items = [];
        for (const element of value) {
            const checked = item(element);
            if (checked === NOT_IT)
                return NOT_IT;
            items.push(checked);
        }
        return items;
    };
}
function optional(check) {
    return { optional: check };
}
/** An object with exactly these fields (others are dropped), each checked. */
function shape(fields) {
    return (value) => {
        if (typeof value !== 'object' || value === null || Array.isArray(value))
            return NOT_IT;
        const source = value;
        const result = {};
        for (const [name, field] of Object.entries(fields)) {
            const given = Object.hasOwn(source, name) ? source[name] : undefined;
            if (typeof field !== 'function') {
                if (given === undefined)
                    continue;
                const checked = field.optional(given);
                if (checked === NOT_IT)
                    return NOT_IT;
                result[name] = checked;
                continue;
            }
            const checked = field(given);
            if (checked === NOT_IT)
                return NOT_IT;
            result[name] = checked;
        }
        return result;
    };
}
/** JSON text read back through a shape: the value, or undefined when the text is missing, not JSON or not of the shape. */
function parseJson(textValue, check) {
    if (!textValue)
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(textValue);
    }
    catch {
        return undefined;
    }
    const checked = check(parsed);
    return checked === NOT_IT ? undefined : checked;
}


/***/ }),

/***/ 3175:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ae: () => (/* binding */ saveLease),
/* harmony export */   ER: () => (/* binding */ clearLease),
/* harmony export */   GD: () => (/* binding */ proposedLeaseId),
/* harmony export */   Kb: () => (/* binding */ saveRenewer),
/* harmony export */   RB: () => (/* binding */ saveLock),
/* harmony export */   Rq: () => (/* binding */ saveWait),
/* harmony export */   T9: () => (/* binding */ renewer),
/* harmony export */   ZE: () => (/* binding */ saveAmbientSource),
/* harmony export */   aN: () => (/* binding */ ambientSource),
/* harmony export */   dm: () => (/* binding */ lease),
/* harmony export */   fR: () => (/* binding */ saveProposedLeaseId),
/* harmony export */   s2: () => (/* binding */ lock),
/* harmony export */   uk: () => (/* binding */ wait)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
/* harmony import */ var _lock_spec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7832);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(915);
/* harmony import */ var _shape_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5895);
/* harmony import */ var _wait_record_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(479);
// The only module that reads or writes step state. Post relies on nothing else
// from main: inputs are evaluated again for post, but not reliably, and secrets
// never go into state. What is read back is checked, not trusted.





function readJson(key) {
    const text = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(key);
    if (!text)
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
const isText = (value) => typeof value === 'string' && value !== '';
const isTime = (value) => isText(value) && !Number.isNaN(Date.parse(value));
function saveLock(spec) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.Lock, JSON.stringify(spec));
}
/** The lock main worked on; undefined when main saved none. Throws MalformedError when state holds something else. */
function lock() {
    const value = readJson(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.Lock);
    return value === undefined ? undefined : (0,_lock_spec_js__WEBPACK_IMPORTED_MODULE_1__/* .parseLockSpec */ .aY)(value);
}
function saveAmbientSource(source) {
    if (source)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.AmbientSource, source);
}
function ambientSource() {
    const source = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.AmbientSource);
    const known = ['environment', 'workload-identity', 'managed-identity', 'azure-cli'];
    return known.includes(source) ? source : undefined;
}
function saveProposedLeaseId(leaseId) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.ProposedLeaseId, leaseId);
}
function proposedLeaseId() {
    return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.ProposedLeaseId) || undefined;
}
function saveLease(lease) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.Lease, JSON.stringify({
        leaseId: lease.leaseId,
        confirmedAt: lease.confirmedAt.toISOString(),
        acquiredAt: lease.acquiredAt.toISOString(),
    }));
}
/** Main gave the lease back itself: post has nothing to release. */
function clearLease() {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.Lease, '');
}
function lease() {
    const value = readJson(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.Lease);
    if (!value || !isText(value.leaseId) || !isTime(value.confirmedAt) || !isTime(value.acquiredAt))
        return undefined;
    return { leaseId: value.leaseId, confirmedAt: new Date(value.confirmedAt), acquiredAt: new Date(value.acquiredAt) };
}
function saveRenewer(places) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.RenewerChannel, JSON.stringify(places.channel));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.StatusFile, places.statusFile);
}
function renewer() {
    const channel = readJson(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.RenewerChannel);
    const statusFile = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.StatusFile);
    if (!channel || !isText(channel.address) || !isText(channel.token) || !statusFile)
        return undefined;
    return { channel: { address: channel.address, token: channel.token }, statusFile };
}
/** What main saw while it waited; saved when the wait ends, however it ends. */
function saveWait(record) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.Wait, JSON.stringify(record));
}
function wait() {
    return (0,_shape_js__WEBPACK_IMPORTED_MODULE_3__/* .parseJson */ .qF)(_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.Wait), _wait_record_js__WEBPACK_IMPORTED_MODULE_4__/* .waitRecordShape */ .GJ);
}


/***/ }),

/***/ 479:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GJ: () => (/* binding */ waitRecordShape),
/* harmony export */   Nx: () => (/* binding */ WaitWatch)
/* harmony export */ });
/* unused harmony exports MAX_HOLDERS_KEPT, holderShape */
/* harmony import */ var _lock_holder_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7053);
/* harmony import */ var _lock_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2960);
/* harmony import */ var _shape_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5895);
// What main saw while it waited for the lock, kept in step state for post,
// which writes the job summary from it. The record is declared as a shape
// (shape.ts): reading it back checks every field, and a new fact is one line.



/** The most holders a record keeps; a summary has no room for more, and state has a size limit. */
const MAX_HOLDERS_KEPT = 20;
const holderShape = (0,_shape_js__WEBPACK_IMPORTED_MODULE_2__/* .shape */ .cW)({
    repository: _shape_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq,
    workflow: _shape_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq,
    job: _shape_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq,
    runId: _shape_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq,
    runAttempt: _shape_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq,
    actor: _shape_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq,
    runUrl: _shape_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq,
    acquiredAt: _shape_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq,
});
const waitRecordFields = {
    /** When main started waiting, and when the wait ended (the lease taken, or given up). */
    startedAt: _shape_js__WEBPACK_IMPORTED_MODULE_2__/* .time */ .kB,
    endedAt: _shape_js__WEBPACK_IMPORTED_MODULE_2__/* .time */ .kB,
    outcome: (0,_shape_js__WEBPACK_IMPORTED_MODULE_2__/* .oneOf */ .yL)('acquired', 'timed-out', 'cancelled', 'failed'),
    /** Every holder seen while waiting, in the order seen, at most MAX_HOLDERS_KEPT of them. */
    holders: (0,_shape_js__WEBPACK_IMPORTED_MODULE_2__/* .listOf */ .c3)(holderShape, MAX_HOLDERS_KEPT),
    /** Holders seen beyond those kept. */
    holdersLeftOut: _shape_js__WEBPACK_IMPORTED_MODULE_2__/* .count */ .U9,
    /** A lease without a holder record was seen: a client such as az CLI or go-azuremutex. */
    unknownHolderSeen: _shape_js__WEBPACK_IMPORTED_MODULE_2__/* .yesNo */ .Lm,
    // The queue (issue 9) adds its facts here, one line each, as optional fields, e.g.
    // `queuePlace: optional(count)` (the place in the queue on arrival) and
    // `fencingToken: optional(nonEmptyText)`; summary.ts shows each in one more line.
};
const waitRecordShape = (0,_shape_js__WEBPACK_IMPORTED_MODULE_2__/* .shape */ .cW)(waitRecordFields);
function outcomeOf(err) {
    if (err instanceof _lock_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LockTimeoutError */ .XB)
        return 'timed-out';
    if (err instanceof _lock_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LockCancelledError */ .pw)
        return 'cancelled';
    return 'failed';
}
/** Watches a wait's events and, when the wait settles, hands the record to `save`. */
class WaitWatch {
    startedAt = new Date();
    holders = [];
    seen = new Set();
    holdersLeftOut = 0;
    unknownHolderSeen = false;
    save;
    constructor(save) {
        this.save = save;
    }
    /** Notes one event. */
    see(event) {
        if (event.type !== 'waiting' && event.type !== 'holder-changed' && event.type !== 'still-waiting')
            return;
        if (!event.holder) {
            this.unknownHolderSeen = true;
            return;
        }
        const key = (0,_lock_holder_js__WEBPACK_IMPORTED_MODULE_0__/* .holderKey */ .I4)(event.holder);
        if (this.seen.has(key))
            return;
        this.seen.add(key);
        if (this.holders.length < MAX_HOLDERS_KEPT)
            this.holders.push(event.holder);
        else
            this.holdersLeftOut += 1;
    }
    /** An event handler that notes each event, then passes it on. */
    and(next) {
        return (event) => {
            this.see(event);
            next(event);
        };
    }
    /** The record as it stands, with the wait ended now in the given way. */
    record(outcome, endedAt = new Date()) {
        return {
            startedAt: this.startedAt.toISOString(),
            endedAt: endedAt.toISOString(),
            outcome,
            holders: [...this.holders],
            holdersLeftOut: this.holdersLeftOut,
            unknownHolderSeen: this.unknownHolderSeen,
        };
    }
    /** Saves the record once the wait settles, however it ends; the wait's own result or error passes through. */
    async settle(wait) {
        try {
            const result = await wait;
            this.save(this.record('acquired'));
            return result;
        }
        catch (err) {
            this.save(this.record(outcomeOf(err)));
            throw err;
        }
    }
}


/***/ }),

/***/ 1730:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _action_main_step_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(611);

await (0,_action_main_step_js__WEBPACK_IMPORTED_MODULE_0__/* .runMain */ .V)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 9779:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F8: () => (/* binding */ SpawnedRenewer),
/* harmony export */   IY: () => (/* binding */ workerOf),
/* harmony export */   ih: () => (/* binding */ askToLetGo),
/* harmony export */   nV: () => (/* binding */ newRenewerPlaces)
/* harmony export */ });
/* unused harmony export RenewerStartError */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var _lock_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2960);
/* harmony import */ var _channel_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(665);
/* harmony import */ var _messages_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4632);
/* harmony import */ var _platform_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(7855);
// The steps' side of the renewer. Main starts it early, while it waits for the
// lease, and hands the lease over once it has one; post (or a release step)
// asks it to let go through its channel.
//
// Main talks to the renewer over Node's IPC pipe, which exists only between
// the two: the configuration, secrets included, never touches a command line,
// an environment variable or a file. The renewer's stdout and stderr go
// nowhere, so it cannot hold the step's output open.










/** Environment variables that carry secrets or step inputs: the renewer gets none of them. */
const WITHHELD_ENV = /^(INPUT_|ACTIONS_RUNTIME_TOKEN$|ACTIONS_ID_TOKEN_REQUEST_TOKEN$|GITHUB_TOKEN$)/;
class RenewerStartError extends _lock_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo {
    name = 'RenewerStartError';
}
/** A fresh channel and status file for one renewer: the address is the renewer's, the token its password. */
function newRenewerPlaces() {
    const id = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomUUID)();
    return {
        channel: { address: (0,_platform_js__WEBPACK_IMPORTED_MODULE_9__/* .channelAddress */ .ov)(id), token: (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomBytes)(24).toString('base64url') },
        statusFile: (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(process.env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'azure-mutex', `renewer-${id}.json`),
    };
}
/** The worker to watch: main's parent, unless that is init or a container's pid 1. */
function workerOf(ppid) {
    return (0,_platform_js__WEBPACK_IMPORTED_MODULE_9__/* .isSignallablePid */ .sp)(ppid) ? { pid: ppid, startTime: (0,_platform_js__WEBPACK_IMPORTED_MODULE_9__/* .startTimeOf */ .P2)(ppid) } : undefined;
}
function renewerScript() {
    // This code runs from a file in dist/bundle/ (npm run build), beside dist/renewer/index.js.
    return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)((0,node_url__WEBPACK_IMPORTED_MODULE_5__.fileURLToPath)(import.meta.url)), '..', 'renewer', 'index.js');
}
/** A renewer that main has started and not yet let go of. */
class SpawnedRenewer {
    child;
    messages = [];
    wake = () => undefined;
    ended;
    constructor(config) {
        const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !WITHHELD_ENV.test(name)));
        this.child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(process.execPath, [renewerScript()], {
            detached: true,
            stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
            env,
            windowsHide: true,
        });
        this.child.on('message', (value) => {
            const message = (0,_messages_js__WEBPACK_IMPORTED_MODULE_8__/* .parseFromRenewer */ .Cd)(value);
            if (message)
                this.messages.push(message);
            this.wake();
        });
        this.child.once('exit', (code, signal) => {
            this.ended = signal ? `signal ${signal}` : `exit code ${code}`;
            this.wake();
        });
        this.child.once('error', (err) => {
            this.ended = err.message;
            this.wake();
        });
        this.child.unref();
        this.send({ type: 'config', config });
    }
    get pid() {
        return this.child.pid;
    }
    send(message) {
        if (this.child.connected)
            this.child.send(message, () => undefined);
    }
    /** The next message of the given type, or an error when the renewer ends, fails, or the time or signal runs out. */
    async expect(type, timeoutMs, signal) {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const index = this.messages.findIndex((m) => m.type === type || m.type === 'failed');
            if (index >= 0) {
                const [message] = this.messages.splice(index, 1);
                if (message.type === 'failed') {
                    throw new RenewerStartError(`The renewer could not keep the lease: ${message.error}.`);
                }
                return message;
            }
            if (this.ended)
                throw new RenewerStartError(`The renewer exited before it confirmed the lease (${this.ended}).`);
            if (signal?.aborted)
                throw new RenewerStartError('Cancelled while the renewer was starting.');
            if (Date.now() >= deadline) {
                throw new RenewerStartError(`The renewer did not confirm the lease within ${timeoutMs / 1000} s.`);
            }
            const woken = new Promise((resolve) => (this.wake = resolve));
            const onAbort = () => this.wake();
            signal?.addEventListener('abort', onAbort, { once: true });
            await Promise.race([woken, (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_4__.setTimeout)(Math.max(0, deadline - Date.now()), undefined, { ref: false })]);
            signal?.removeEventListener('abort', onAbort);
        }
    }
    /**
     * Hands the lease over and waits until the renewer has renewed it once:
     * then it is known to reach storage with its own credentials. Throws
     * RenewerStartError otherwise; the caller still owns the lease then.
     */
    async hold(lease, options) {
        await this.expect('ready', options.timeoutMs, options.signal);
        this.send({ type: 'hold', lease });
        const { report } = await this.expect('holding', options.timeoutMs, options.signal);
        return report;
    }
    /** Lets a renewer that holds the lease run on alone. */
    detach() {
        if (this.child.connected)
            this.child.disconnect();
    }
    /** Before a hand-over: the renewer sees main go and exits, holding nothing. */
    dismiss() {
        this.detach();
    }
    /** After a failed hand-over: end it now. Main spawned it, so the pid is certainly this process. */
    kill() {
        if (this.ended === undefined && this.child.pid !== undefined)
            (0,_platform_js__WEBPACK_IMPORTED_MODULE_9__/* .killProcess */ .ix)(this.child.pid);
        this.detach();
    }
}
/** How long post waits for a renewer that answered "stop" to be gone, so nothing is left for the job-end clean-up. */
const EXIT_WAIT_MS = 2_000;
/** Waits until the process is gone (only looks, never signals); false if it is still there at the limit. */
async function exited(pid, limitMs) {
    const deadline = Date.now() + limitMs;
    while ((0,_platform_js__WEBPACK_IMPORTED_MODULE_9__/* .livenessOf */ .l8)(pid, undefined) !== 'gone') {
        if (Date.now() >= deadline)
            return false;
        await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_4__.setTimeout)(10);
    }
    return true;
}
/**
 * Asks the renewer behind a channel to stop or release, and waits for its
 * answer. A renewer that said hello (so the open connection proves its pid)
 * but does not answer in time is killed when killIfStuck is set; one that
 * never says hello is left alone.
 */
async function askToLetGo(ref, request, options = {}) {
    const conversation = await (0,_channel_js__WEBPACK_IMPORTED_MODULE_7__/* .askRenewer */ .m)(ref, request);
    if (conversation === 'nothing listens')
        return { answer: { kind: 'gone' }, log: [] };
    try {
        const timeout = (ms) => (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_4__.setTimeout)(ms, 'timeout', { ref: false });
        const pid = await Promise.race([conversation.hello, timeout(options.helloTimeoutMs ?? 5_000)]);
        if (pid === 'timeout' || pid === undefined)
            return { answer: { kind: 'silent' }, log: [] };
        const answer = await Promise.race([
            conversation.answer,
            timeout(options.answerTimeoutMs ?? 15_000),
        ]);
        if (answer === 'timeout') {
            if (!options.killIfStuck)
                return { answer: { kind: 'silent' }, log: [] };
            (0,_platform_js__WEBPACK_IMPORTED_MODULE_9__/* .killProcess */ .ix)(pid); // still connected, so the pid is still this renewer's
            return { answer: { kind: 'stopped', pid }, log: [] };
        }
        // The line closed without an answer: the renewer died while it worked.
        if (answer === undefined)
            return { answer: { kind: 'gone' }, log: [] };
        if (request.op === 'stop')
            await exited(pid, EXIT_WAIT_MS);
        return { answer: { kind: 'answered', report: answer.report }, log: answer.log };
    }
    finally {
        conversation.close();
    }
}


/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ usesEntra)
/* harmony export */ });
// The ways to sign in to the lock's storage account, as plain data: it is read
// from the inputs, and the renewer gets it as JSON. Entra ID credentials are
// built from it later, in whichever process needs them.
/** True when requests are signed with Entra ID tokens rather than a key or SAS. */
function usesEntra(method) {
    return method.kind === 'federated' || method.kind === 'ambient';
}


/***/ })

};
