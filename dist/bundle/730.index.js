export const id = 730;
export const ids = [730];
export const modules = {

/***/ 2982:
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
// EXTERNAL MODULE: ./src/lock/lock-blob.ts + 2 modules
var lock_blob = __webpack_require__(7469);
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
;// CONCATENATED MODULE: ./src/sign-in/methods.ts
// The ways to sign in to the lock's storage account, as plain data: it is read
// from the inputs, and the renewer gets it as JSON. Entra ID credentials are
// built from it later, in whichever process needs them.
/** True when requests are signed with Entra ID tokens rather than a key or SAS. */
function usesEntra(method) {
    return method.kind === 'federated' || method.kind === 'ambient';
}

// EXTERNAL MODULE: ./src/sign-in/sign-in.ts + 1 modules
var sign_in = __webpack_require__(3885);
// EXTERNAL MODULE: ./src/action/constants.ts
var constants = __webpack_require__(915);
// EXTERNAL MODULE: ./src/action/context.ts
var context = __webpack_require__(645);
// EXTERNAL MODULE: ./src/sign-in/ambient.ts
var ambient = __webpack_require__(3271);
// EXTERNAL MODULE: ./src/sign-in/entra-id.ts
var entra_id = __webpack_require__(969);
;// CONCATENATED MODULE: ./src/action/failure.ts
// One place that turns any failure into the single error line a user sees.





/** The message for a failure: ours as written, storage errors in plain words, anything else marked unexpected. */
function messageFor(err, endpoint, context = {}) {
    if (err instanceof ambient/* NoAmbientCredentialError */.pl) {
        return (`${err.message} Or sign in with GitHub's OIDC token: ` +
            `set '${constants/* Inputs */.G0.ClientId}' and '${constants/* Inputs */.G0.TenantId}' and 'permissions: id-token: write'.`);
    }
    if (err instanceof errors/* UserError */.yo)
        return err.message;
    // Before the status check: an identity error carries Entra's HTTP status, not storage's.
    if ((0,entra_id/* isIdentityError */.Lo)(err))
        return (0,entra_id/* describeIdentityError */._q)(err);
    if ((0,errors/* statusCode */.se)(err) !== undefined || (0,errors/* storageErrorCode */.t6)(err) !== undefined) {
        return (0,errors/* describeStorageError */.rb)(err, endpoint ?? 'the blob endpoint', context);
    }
    return `Unexpected error: ${err instanceof Error ? err.message : String(err)}`;
}
/** Fails the step with one line; the stack goes to the debug log only. */
function failStep(err, endpoint, context = {}) {
    if (err instanceof Error && err.stack)
        core/* debug */.Yz(err.stack);
    core/* setFailed */.C1(messageFor(err, endpoint, context));
}

// EXTERNAL MODULE: ./src/action/inputs.ts
var inputs = __webpack_require__(1729);
// EXTERNAL MODULE: ./src/action/state.ts
var state = __webpack_require__(3175);
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
    }
    catch (err) {
        failStep(err, settings?.lock.endpoint, {
            tokenAuth: settings !== undefined && usesEntra(settings.auth),
            container: settings?.lock.container,
        });
    }
    finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
    }
}
async function holdLock(settings, cancel) {
    const spec = settings.lock;
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
    if (usesEntra(settings.auth))
        core/* info */.pq(`Signed in to ${signedIn.description}.`);
    const lock = (0,lock_blob/* openLock */.qB)(signedIn.auth, spec, { retry: storage/* STEP_RETRY */.QA });
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
        core/* info */.pq(`Taking lock ${(0,lock_spec/* lockLocation */.VU)(spec)} (lease ${spec.leaseDurationSeconds}s, wait ${limit}).`);
        const leaseId = (0,external_node_crypto_.randomUUID)();
        state/* saveProposedLeaseId */.fR(leaseId);
        const acquired = await waitForLease({
            lock,
            leaseId,
            leaseDurationSeconds: spec.leaseDurationSeconds,
            holder: (0,context/* holderFromEnvironment */.Q)(),
            timeoutMs: settings.timeoutMs,
            signal: cancel,
            onEvent: logWaitEvent,
        });
        state/* saveLease */.Ae(acquired);
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

/***/ 1730:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _action_main_step_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2982);

await (0,_action_main_step_js__WEBPACK_IMPORTED_MODULE_0__/* .runMain */ .V)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ })

};
