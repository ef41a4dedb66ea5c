export const id = 676;
export const ids = [676];
export const modules = {

/***/ 3081:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  F: () => (/* binding */ runBreak)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(1659);
// EXTERNAL MODULE: ./src/lock/break-record.ts
var break_record = __webpack_require__(9916);
// EXTERNAL MODULE: ./src/lock/errors.ts
var errors = __webpack_require__(2960);
// EXTERNAL MODULE: ./src/lock/holder.ts
var holder = __webpack_require__(7053);
;// CONCATENATED MODULE: ./src/lock/queue/slots-break.ts
// What breaking a lock with slots says (LockBlob.breakEverySlot): the break
// step and `azure-mutex break` print the same lines. A lock of one slot keeps
// the lines it always had; these are for a lock whose counter keeps N > 1, or
// that has a leased slot blob beside its lock blob.


/** True when the break touched more than the lock blob, or the lock has slots: the lines below are its report. */
function isSlotsBreak(result) {
    return result.count > 1 || result.slots.length > 1;
}
/**
 * "Broke the leases on 2 of the 3 slots of lock L: slot 1 held by …, slot 3
 * held by …." and the break record written, or that no slot was leased; and
 * as warnings, the slots whose record another client beat, and a listing that
 * was refused (only slot 1 was looked at). Every value from storage goes
 * through showUntrusted (describeHolder, describeBreak).
 */
function slotsBreakLines(location, result) {
    const broken = result.slots.flatMap((s) => (s.outcome === 'broken' ? [s] : []));
    const info = [];
    const warnings = [];
    const of = `${result.count} slot${result.count === 1 ? '' : 's'}`;
    if (broken.length === 0) {
        info.push(`Lock ${location} is not held: none of its ${of} is leased; nothing to break, nothing written.`);
    }
    else {
        const who = broken.map((s) => `slot ${s.slot} held by ${(0,holder/* describeHolder */.sG)(s.holder)}`).join(', ');
        const leases = broken.length === 1 ? 'the lease' : 'the leases';
        info.push(`Broke ${leases} on ${broken.length} of the ${of} of lock ${location}: ${who}.`);
        const recorded = broken.find((s) => s.recorded);
        if (recorded)
            info.push(`Wrote on each broken slot's blob: ${(0,break_record/* describeBreak */.Li)(recorded.record)}.`);
        for (const s of broken.filter((b) => !b.recorded)) {
            warnings.push(`Another client took slot ${s.slot} of lock ${location} before the break record could be written: ` +
                "its former holder's post step will report the loss without naming this break.");
        }
    }
    if (!result.listed) {
        warnings.push(`The credential may not list the container: only slot 1 (the lock blob) of lock ${location} was looked at; ` +
            'other slots, if it has any, were not broken.');
    }
    return { info, warnings };
}

// EXTERNAL MODULE: ./src/lock/spec.ts
var lock_spec = __webpack_require__(7832);
// EXTERNAL MODULE: ./src/sign-in/methods.ts
var methods = __webpack_require__(7349);
// EXTERNAL MODULE: ./src/action/constants.ts
var constants = __webpack_require__(915);
// EXTERNAL MODULE: ./src/action/context.ts
var context = __webpack_require__(645);
// EXTERNAL MODULE: ./src/action/failure.ts
var failure = __webpack_require__(9280);
// EXTERNAL MODULE: ./src/action/inputs.ts
var inputs = __webpack_require__(1729);
// EXTERNAL MODULE: ./src/action/operator-lock.ts
var operator_lock = __webpack_require__(6870);
// EXTERNAL MODULE: ./src/lock/untrusted-text.ts
var untrusted_text = __webpack_require__(4469);
;// CONCATENATED MODULE: ./src/action/break-step.ts
// The break step (uses: org/azure-mutex-action/break@v1): breaks a lock's
// lease at once, for a foreign client's infinite lease or a hung job that an
// operator decides to override, and writes on the blob who broke it (this
// run's repository, run and actor), why and when. The former holder's renewer
// finds the lease gone at its next renewal, and its post step fails naming
// this record: its protected steps may now overlap the next holder's.













async function runBreak() {
    let spec;
    let tokenAuth = false;
    let entry;
    try {
        const read = (name) => core/* getInput */.V4(name);
        let reason = '';
        const target = (0,operator_lock/* readOperatorLock */.I)(read, () => {
            reason = (0,inputs/* readReason */.pk)(read);
            entry = readEntry(read);
        });
        spec = target.spec;
        tokenAuth = (0,methods/* usesEntra */.x)(target.access.auth);
        const lock = await (0,operator_lock/* openOperatorLock */.s)(target);
        const breaker = (0,context/* holderFromEnvironment */.Q)();
        const location = (0,lock_spec/* lockLocation */.VU)(spec);
        if (entry !== undefined)
            return await clearEntry(lock, location, entry, reason);
        // Every slot of a lock with slots; a lock of one slot is its lock blob, and says what it always said.
        const result = await lock.breakEverySlot((holder, brokenAt) => (0,break_record/* newBreakRecord */.po)(breaker, reason, brokenAt ?? new Date(), holder));
        const outcome = result.slots[0];
        if (isSlotsBreak(result) && (outcome.outcome !== 'missing' || result.slots.length > 1)) {
            const { info, warnings } = slotsBreakLines(location, result);
            for (const line of info)
                core/* info */.pq(line);
            for (const line of warnings)
                core/* warning */.$e(line);
            return;
        }
        if (!result.listed)
            core/* info */.pq(`The credential may not list: if lock ${location} has slots, only slot 1 was broken.`);
        switch (outcome.outcome) {
            case 'missing':
                throw new errors/* UserError */.yo(`Lock ${location} does not exist: nothing to break. Check 'lock-name' and 'container'.`);
            case 'not-held':
                core/* notice */.lm(`Lock ${location} is not held: nothing to break, nothing written.`);
                return;
            case 'broken':
                core/* info */.pq(`Broke the lease on lock ${location}, held by ${(0,holder/* describeHolder */.sG)(outcome.holder)}.`);
                if (outcome.recorded) {
                    core/* info */.pq(`Wrote on the lock blob: ${(0,break_record/* describeBreak */.Li)(outcome.record)}.`);
                }
                else {
                    core/* warning */.$e(`Another client took lock ${location} before the break record could be written: ` +
                        "the former holder's post step will report the loss without naming this break.");
                }
        }
    }
    catch (err) {
        (0,failure/* failStep */.v)(err, spec?.endpoint, {
            tokenAuth,
            container: spec?.container,
            needs: (0,errors/* breakRights */.VJ)(entry !== undefined, `'${constants/* Inputs */.G0.Entry}'`),
        });
    }
}
/** The 'entry' input: a ticket of the queue, or undefined when empty. */
function readEntry(read) {
    const text = read(constants/* Inputs */.G0.Entry).trim();
    if (text === '')
        return undefined;
    if (!/^\d{1,15}$/.test(text) || Number(text) < 1) {
        throw new inputs/* InputError */.dz(`Invalid input '${constants/* Inputs */.G0.Entry}': expected a ticket of the lock's queue, a whole number such as 3, ` +
            "as the waiting jobs' warnings and the status action name it.");
    }
    return Number(text);
}
/** Clears a squatted or lapsed queue entry; refuses a live waiter's. */
async function clearEntry(lock, location, ticket, reason) {
    const cleared = await lock.queue.clear(ticket);
    switch (cleared) {
        case 'missing':
            core/* notice */.lm(`Lock ${location} has no queue entry ${ticket}: nothing to clear.`);
            return;
        case 'live':
            throw new errors/* UserError */.yo(`Entry ${ticket} in the queue of lock ${location} has a fixed lease that its waiting job renews: ` +
                'it is a live waiter, and was left alone. Only an entry with an infinite lease, or none, is cleared.');
        case 'cleared':
            core/* info */.pq(`Cleared entry ${ticket} from the queue of lock ${location} (reason: ${(0,untrusted_text/* showUntrusted */.Gz)(reason)}).`);
    }
}


/***/ }),

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
        return (0,_lock_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeStorageError */ .rb)(err, endpoint, context);
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
/* harmony export */   V5: () => (/* binding */ pickHeld),
/* harmony export */   cS: () => (/* binding */ refuseHeldTwice)
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
// renewer listens and the key (`token`) that the renewer and its callers
// prove themselves with (renewer/proof.ts; the key itself never crosses the
// channel); a second lock step adds its lock to the list, and a release step
// takes its lock off. The key is masked: the runner shows exported variables
// in later steps' logs.






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
/**
 * Main refuses a lock that an earlier step of this job holds already: a
 * second take would wait in line behind the job itself, until its timeout or
 * the job's time limit. Two different locks are fine. A list that earlier
 * steps garbled is not this check's business: the release step reports it.
 */
function refuseHeldTwice(location, env = process.env) {
    let held;
    try {
        held = heldLocks(env);
    }
    catch {
        return;
    }
    const same = held.find((lock) => lock.location === location);
    if (!same)
        return;
    throw new _lock_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`This job already holds lock ${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_3__/* .showUntrusted */ .Gz)(same.location)} since ${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_3__/* .showUntrusted */ .Gz)(same.acquiredAt, 40)}: ` +
        'a second take would wait for the job itself. Release it first (uses: org/azure-mutex-action/release@v1), ' +
        `or use another '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.LockName}'.`);
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
    const list = (locks) => locks.map((lock) => (0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_3__/* .showUntrusted */ .Gz)(lock.location)).join(', ');
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

/***/ 3991:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  r: () => (/* binding */ runHold)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(1659);
// EXTERNAL MODULE: ./src/lock/duration.ts
var duration = __webpack_require__(6307);
// EXTERNAL MODULE: ./src/lock/deploy/hold.ts
var hold = __webpack_require__(4166);
// EXTERNAL MODULE: ./src/lock/lock-blob.ts + 13 modules
var lock_blob = __webpack_require__(3292);
// EXTERNAL MODULE: ./src/lock/spec.ts
var lock_spec = __webpack_require__(7832);
// EXTERNAL MODULE: ./src/lock/storage.ts
var storage = __webpack_require__(4906);
// EXTERNAL MODULE: ./src/lock/queue/slots.ts
var slots = __webpack_require__(5230);
// EXTERNAL MODULE: ./src/lock/waiter.ts + 12 modules
var waiter = __webpack_require__(1671);
// EXTERNAL MODULE: ./src/sign-in/methods.ts
var methods = __webpack_require__(7349);
// EXTERNAL MODULE: ./src/action/constants.ts
var constants = __webpack_require__(915);
// EXTERNAL MODULE: ./src/action/context.ts
var context = __webpack_require__(645);
// EXTERNAL MODULE: ./src/action/failure.ts
var failure = __webpack_require__(9280);
// EXTERNAL MODULE: ./src/settings/index.ts + 8 modules
var settings = __webpack_require__(7388);
// EXTERNAL MODULE: ./src/action/inputs.ts
var inputs = __webpack_require__(1729);
;// CONCATENATED MODULE: ./src/action/hold-inputs.ts
// The inputs of the hold/ step, read into one HoldSpec up front by the
// face-neutral readers (settings/hold.ts); every problem is an InputError
// that names the input and the form expected.



/** The word that asks for a hold with no end, in 'duration'. */
const NO_END = settings/* NO_END */.SS;
function readHoldSettings(read) {
    return (0,inputs/* readInputs */.Ko)(read, (byKey) => settings/* readHoldSettings */.bv(byKey, settings/* readLockName */.VY(byKey)));
}

// EXTERNAL MODULE: ./src/action/request-log.ts
var request_log = __webpack_require__(3304);
// EXTERNAL MODULE: ./src/action/step-sign-in.ts
var step_sign_in = __webpack_require__(1284);
// EXTERNAL MODULE: ./src/action/wait-lines.ts
var wait_lines = __webpack_require__(7779);
;// CONCATENATED MODULE: ./src/action/hold-step.ts
// The hold step (uses: org/azure-mutex-action/hold@v1): freezes a lock. It
// waits in line like a job (FIFO, its place shown), takes the lock, and turns
// the lease into a hold (lock/deploy/hold.ts): an infinite lease with a record of who
// set it, why, and until when. No renewer stays behind: the hold outlives the
// job. Every job that comes for the lock queues behind the hold and shows it;
// when its end comes, the head of the queue ends it. The unhold step lifts it
// earlier.

















async function runHold() {
    const cancel = new AbortController();
    const onSignal = () => cancel.abort();
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    let spec;
    let tokenAuth = false;
    try {
        const settings = readHoldSettings((name) => core/* getInput */.V4(name));
        spec = settings.hold.lock;
        tokenAuth = (0,methods/* usesEntra */.x)(settings.access.auth);
        const { signedIn } = await (0,step_sign_in/* signInTo */.a)(settings.access, { check: true });
        const lock = (0,lock_blob/* openLock */.qB)(signedIn.auth, spec, { retry: storage/* STEP_RETRY */.QA, observe: (0,request_log/* requestLog */.M)() });
        const location = (0,lock_spec/* lockLocation */.VU)(spec);
        const limit = settings.timeoutMs === undefined ? 'no time limit' : `at most ${(0,duration/* formatDuration */.a3)(settings.timeoutMs)}`;
        core/* info */.pq(`Taking lock ${location} to hold it (wait ${limit}).`);
        const who = (0,context/* holderFromEnvironment */.Q)();
        const leaseId = (0,external_node_crypto_.randomUUID)();
        const acquired = await (0,waiter/* waitForLease */.tH)({
            lock,
            leaseId,
            spec,
            holder: who,
            timeoutMs: settings.timeoutMs,
            signal: cancel.signal,
            onEvent: (0,wait_lines/* waitEventLogger */.w1)(spec),
        });
        const record = await (0,hold/* setFreeze */.kB)(lock, who, settings.hold, acquired);
        core/* setOutput */.uH(constants/* Outputs */.tY.HeldUntil, record.until);
        core/* setOutput */.uH(constants/* Outputs */.tY.FencingToken, String(acquired.fencingToken));
        core/* info */.pq(`Lock ${location} is now held by ${(0,hold/* describeHold */.TZ)(record)}.`);
        core/* info */.pq(record.until
            ? `Jobs that come for it queue behind the hold; the first of them ends it at ${record.until}. ` +
                'The unhold action lifts it earlier.'
            : 'Jobs that come for it queue behind the hold until the unhold action lifts it.');
    }
    catch (err) {
        const shown = spec ? (0,slots/* refuseHoldOnSlots */.kA)(err, (0,lock_spec/* lockLocation */.VU)(spec)) : err;
        (0,failure/* failStep */.v)(shown, spec?.endpoint, { tokenAuth, container: spec?.container });
    }
    finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
    }
}


/***/ }),

/***/ 617:
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
// EXTERNAL MODULE: ./src/lock/deploy/latest.ts
var latest = __webpack_require__(5244);
// EXTERNAL MODULE: ./src/lock/untrusted-text.ts
var untrusted_text = __webpack_require__(4469);
// EXTERNAL MODULE: ./src/action/constants.ts
var constants = __webpack_require__(915);
;// CONCATENATED MODULE: ./src/action/cancel-run.ts
// 'on-superseded: cancel': a superseded or stale job cancels its own workflow
// run through the GitHub API, so that the run shows as cancelled, as GitHub's
// own `concurrency:` does. One request, POST
// {GITHUB_API_URL}/repos/{owner}/{repo}/actions/runs/{run_id}/cancel with the
// job's token, which needs `actions: write`. The token is masked when it is
// read and never written to the log; GitHub's answer is shown through
// showUntrusted.


/** The longest the cancel request may take. */
const CANCEL_TIMEOUT_MS = 15_000;
/** The cancel could not be asked for, or GitHub refused it: one line, naming what to change. */
class CancelRunError extends Error {
    name = 'CancelRunError';
}
/** The target from the job's environment and the token; a CancelRunError naming what is missing. */
function cancelTarget(token, env = process.env) {
    if (token === '') {
        throw new CancelRunError(`'${constants/* Inputs */.G0.OnSuperseded}: cancel' needs a GitHub token, and '${constants/* Inputs */.G0.GithubToken}' is empty; ` +
            'leave it at its default (the job token) or pass one that has actions: write.');
    }
    const apiUrl = env.GITHUB_API_URL || 'https://api.github.com';
    const repository = env.GITHUB_REPOSITORY ?? '';
    const runId = env.GITHUB_RUN_ID ?? '';
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository) || !/^\d+$/.test(runId)) {
        throw new CancelRunError(`'${constants/* Inputs */.G0.OnSuperseded}: cancel' needs GITHUB_REPOSITORY and GITHUB_RUN_ID, which the runner sets; ` +
            'they are missing or malformed here.');
    }
    return { apiUrl: apiUrl.replace(/\/+$/, ''), repository, runId, token };
}
/** Asks GitHub to cancel the run. Resolves once GitHub accepted (202); a CancelRunError otherwise. */
async function cancelRun(target, fetchImpl = fetch) {
    const url = `${target.apiUrl}/repos/${target.repository}/actions/runs/${target.runId}/cancel`;
    let answer;
    try {
        answer = await fetchImpl(url, {
            method: 'POST',
            headers: {
                accept: 'application/vnd.github+json',
                authorization: `Bearer ${target.token}`,
                'x-github-api-version': '2022-11-28',
                'user-agent': 'azure-mutex-action',
            },
            signal: AbortSignal.timeout(CANCEL_TIMEOUT_MS),
        });
    }
    catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        throw new CancelRunError(`Could not cancel this run: the GitHub API at ${target.apiUrl} did not answer (${why}).`);
    }
    if (answer.status === 202)
        return;
    const body = await answer.text().catch(() => '');
    let message = '';
    try {
        message = String(JSON.parse(body).message ?? '');
    }
    catch {
        message = body;
    }
    const said = message ? `: ${(0,untrusted_text/* showUntrusted */.Gz)(message, 200)}` : '';
    if (answer.status === 403 || answer.status === 404) {
        throw new CancelRunError(`Could not cancel this run: GitHub answered ${answer.status}${said}. The token lacks the 'actions: write' ` +
            `permission: give the job 'permissions: actions: write', or set '${constants/* Inputs */.G0.OnSuperseded}' to skip or fail.`);
    }
    throw new CancelRunError(`Could not cancel this run: GitHub answered ${answer.status}${said}.`);
}

// EXTERNAL MODULE: ./src/lock/lock-blob.ts + 13 modules
var lock_blob = __webpack_require__(3292);
// EXTERNAL MODULE: ./src/lock/service-time.ts
var service_time = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/lock/spec.ts
var lock_spec = __webpack_require__(7832);
// EXTERNAL MODULE: ./src/lock/storage.ts
var storage = __webpack_require__(4906);
// EXTERNAL MODULE: ./src/lock/waiter.ts + 12 modules
var waiter = __webpack_require__(1671);
// EXTERNAL MODULE: ./src/renewer/control.ts
var control = __webpack_require__(9779);
// EXTERNAL MODULE: ./src/sign-in/methods.ts
var methods = __webpack_require__(7349);
// EXTERNAL MODULE: ./src/sign-in/sign-in.ts + 1 modules
var sign_in = __webpack_require__(3885);
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
// EXTERNAL MODULE: ./src/action/wait-lines.ts
var wait_lines = __webpack_require__(7779);
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
        // The supersede key is read untrimmed: keys are compared exactly.
        settings = (0,inputs/* readSettings */.sb)((name) => core/* getInput */.V4(name, { trimWhitespace: name !== constants/* Inputs */.G0.SupersedeKey }));
        for (const secret of (0,storage/* secretsOf */.Fj)(settings.auth))
            core/* setSecret */.Pq(secret);
        if (settings.githubToken)
            core/* setSecret */.Pq(settings.githubToken);
        // Before signing in or waiting: a lock this job holds already would be waited for until the job's end.
        (0,held_locks/* refuseHeldTwice */.cS)((0,lock_spec/* lockLocation */.VU)(settings.lock));
        await holdLock(settings, cancel.signal);
        core/* setOutput */.uH(constants/* Outputs */.tY.Acquired, 'true');
        core/* setOutput */.uH(constants/* Outputs */.tY.Outcome, 'acquired');
    }
    catch (err) {
        core/* setOutput */.uH(constants/* Outputs */.tY.Acquired, 'false');
        if (err instanceof errors/* LockTimeoutError */.XB)
            core/* setOutput */.uH(constants/* Outputs */.tY.Outcome, 'timed-out');
        if (err instanceof latest/* LockSupersededError */.IL) {
            core/* setOutput */.uH(constants/* Outputs */.tY.Outcome, err.outcome);
            if (settings?.onSuperseded === 'skip')
                return goOnSuperseded(err);
            if (settings?.onSuperseded === 'cancel')
                return await cancelOnSuperseded(err, settings.githubToken ?? '');
        }
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
/** With 'on-superseded: skip' (the default), a newer job of the key ends the step successfully, holding nothing. */
function goOnSuperseded(err) {
    (0,phases/* endPhase */.z)();
    core/* notice */.lm(`${err.message} Going on without the lock ('${constants/* Inputs */.G0.OnSuperseded}' is skip): the output 'acquired' is 'false', ` +
        `'outcome' is '${err.outcome}'.`);
}
/**
 * With 'on-superseded: cancel', a newer job of the key cancels this run through the GitHub API
 * (cancel-run.ts), so that it shows as cancelled; the step itself succeeds, holding nothing.
 * A cancel that GitHub refuses fails the step with one line that says what to change.
 */
async function cancelOnSuperseded(err, token) {
    (0,phases/* endPhase */.z)();
    try {
        await cancelRun(cancelTarget(token));
    }
    catch (refused) {
        if (!(refused instanceof CancelRunError))
            throw refused;
        core/* setFailed */.C1(`${err.message} ${refused.message}`);
        return;
    }
    core/* notice */.lm(`${err.message} Cancelling this run ('${constants/* Inputs */.G0.OnSuperseded}' is cancel): GitHub accepted the cancel; ` +
        `the output 'acquired' is 'false', 'outcome' is '${err.outcome}'.`);
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
    // The renewer, started as this process started (renewer/early.ts), gets its
    // configuration now and is ready while we wait: once the lease is ours,
    // handing it over costs one renewal, not a process start.
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
    // Post may end this process if it is stuck, and no other: its pid and start time, as spawned.
    state/* saveRenewer */.Kb({ ...places, renewer: renewer.identity });
    let handedOver = false;
    try {
        const limit = settings.timeoutMs === undefined ? 'no time limit' : `at most ${(0,duration/* formatDuration */.a3)(settings.timeoutMs)}`;
        (0,phases/* startPhase */.C)(`Wait for lock ${(0,lock_spec/* lockLocation */.VU)(spec)}`);
        const priority = spec.priority === 'high' ? ', high priority' : '';
        core/* info */.pq(`Taking lock ${(0,lock_spec/* lockLocation */.VU)(spec)} (lease ${spec.leaseDurationSeconds}s, wait ${limit}${priority}).`);
        const leaseId = (0,external_node_crypto_.randomUUID)();
        state/* saveProposedLeaseId */.fR(leaseId);
        const watch = new wait_record/* WaitWatch */.Nx(state/* saveWait */.Rq);
        const acquired = await watch.settle((0,waiter/* waitForLease */.tH)({
            lock,
            leaseId,
            spec,
            holder: (0,context/* holderFromEnvironment */.Q)(),
            timeoutMs: settings.timeoutMs,
            signal: cancel,
            onEvent: watch.and((0,wait_lines/* waitEventLogger */.w1)(spec)),
            // With scope: run (spec.runHoldMs), a hold this run left on the lock is taken over, at once or from the
            // queue (the run already won any supersede decision when its first job took the lock).
            supersede: settings.supersede,
        }));
        // The waiter dated the acquire on the monotonic clock too: the renewer counts the lease from that reading.
        const { confirmedMono, acquiredMono } = acquired;
        state/* saveLease */.Ae({ ...acquired, confirmedMono });
        // With slots, the lease is on the slot's blob: post, release/ and status/ read the slot from the saved lock.
        if (acquired.slot > 1) {
            lock.useSlot(acquired.slot);
            state/* saveLock */.RB({ ...spec, slot: acquired.slot });
        }
        (0,phases/* endPhase */.z)();
        let heldSince = acquired.acquiredAt;
        try {
            const report = await renewer.hold({
                leaseId,
                confirmedAt: acquired.confirmedAt.toISOString(),
                confirmedMono,
                ...(acquired.slot > 1 ? { slot: acquired.slot } : {}),
            }, { timeoutMs: RENEWER_CONFIRM_MS, signal: cancel });
            // The renewer's first renewal read the service's clock: the hold's times are told on it from here on.
            heldSince = (0,service_time/* serviceTimeAt */.yi)(acquiredMono, report.service, 'no-later');
            state/* saveLease */.Ae({
                leaseId,
                confirmedAt: report.confirmedAt ? new Date(report.confirmedAt) : acquired.confirmedAt,
                confirmedMono: report.confirmedMono ?? confirmedMono,
                acquiredAt: acquired.acquiredAt,
                heldSince,
                service: report.service,
            });
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
            // The time the holder record, the output and the log give: one time for the take, wherever it is shown.
            acquiredAt: acquired.acquiredAt,
            channel: places.channel,
        });
        core/* setOutput */.uH(constants/* Outputs */.tY.LeaseId, leaseId);
        core/* setOutput */.uH(constants/* Outputs */.tY.AcquiredAt, acquired.holder.acquiredAt);
        core/* setOutput */.uH(constants/* Outputs */.tY.WaitedSeconds, (acquired.waitedMs / 1000).toFixed(1));
        (0,wait_lines/* reportTurn */.i8)(acquired, spec.slots);
        core/* info */.pq(`Holding lock ${(0,lock_spec/* lockLocation */.VU)(spec)} since ${acquired.holder.acquiredAt} after waiting ${(0,duration/* formatDuration */.a3)(acquired.waitedMs)}. ` +
            `Renewer pid ${renewer.pid} renews the ${spec.leaseDurationSeconds}s lease every ${(0,duration/* formatDuration */.a3)((spec.leaseDurationSeconds * 1000) / 3)}.`);
    }
    finally {
        if (handedOver)
            renewer.detach();
        else
            renewer.dismiss();
    }
}


/***/ }),

/***/ 6870:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ readOperatorLock),
/* harmony export */   s: () => (/* binding */ openOperatorLock)
/* harmony export */ });
/* harmony import */ var _lock_lease_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4277);
/* harmony import */ var _lock_lock_blob_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3292);
/* harmony import */ var _lock_storage_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4906);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1729);
/* harmony import */ var _request_log_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3304);
/* harmony import */ var _step_sign_in_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1284);
// The lock an operator's step works on (break/, unhold/, and release/ ending
// its run's hold): named by the step's inputs and reached with the step's own
// credentials, with no renewer and no lease of its own.






/** The lock's name and container, and where the account is: `before` reads the step's own inputs in between. */
function readOperatorLock(read, before = () => undefined) {
    const lockName = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .readLockName */ .VY)(read);
    const container = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .readContainer */ .u2)(read);
    before();
    const access = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .readStorageTarget */ .dZ)(read);
    return {
        spec: { endpoint: access.endpoint, container, lockName, leaseDurationSeconds: _lock_lease_js__WEBPACK_IMPORTED_MODULE_0__/* .LEASE_SECONDS */ .Vb.default },
        access,
    };
}
/** Signs in with the step's credentials (a wrong Entra ID setup fails here) and opens the lock. */
async function openOperatorLock(target) {
    const { signedIn } = await (0,_step_sign_in_js__WEBPACK_IMPORTED_MODULE_5__/* .signInTo */ .a)(target.access, { check: true });
    return (0,_lock_lock_blob_js__WEBPACK_IMPORTED_MODULE_1__/* .openLock */ .qB)(signedIn.auth, target.spec, { retry: _lock_storage_js__WEBPACK_IMPORTED_MODULE_2__/* .STEP_RETRY */ .QA, observe: (0,_request_log_js__WEBPACK_IMPORTED_MODULE_4__/* .requestLog */ .M)() });
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

/***/ 6944:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  T: () => (/* binding */ runRelease)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(1659);
// EXTERNAL MODULE: ./src/lock/duration.ts
var duration = __webpack_require__(6307);
// EXTERNAL MODULE: ./src/renewer/control.ts
var control = __webpack_require__(9779);
// EXTERNAL MODULE: ./src/renewer/lifecycle.ts
var lifecycle = __webpack_require__(2722);
// EXTERNAL MODULE: ./src/action/failure.ts
var failure = __webpack_require__(9280);
// EXTERNAL MODULE: ./src/action/held-locks.ts
var held_locks = __webpack_require__(2094);
// EXTERNAL MODULE: ./src/lock/errors.ts
var errors = __webpack_require__(2960);
// EXTERNAL MODULE: ./src/lock/queue/handover.ts
var handover = __webpack_require__(988);
// EXTERNAL MODULE: ./src/lock/deploy/hold.ts
var hold = __webpack_require__(4166);
// EXTERNAL MODULE: ./src/lock/holder-seen.ts
var holder_seen = __webpack_require__(8577);
// EXTERNAL MODULE: ./src/lock/deploy/lift-hold.ts
var lift_hold = __webpack_require__(1406);
// EXTERNAL MODULE: ./src/lock/spec.ts
var spec = __webpack_require__(7832);
// EXTERNAL MODULE: ./src/action/constants.ts
var constants = __webpack_require__(915);
// EXTERNAL MODULE: ./src/action/context.ts
var context = __webpack_require__(645);
// EXTERNAL MODULE: ./src/action/operator-lock.ts
var operator_lock = __webpack_require__(6870);
;// CONCATENATED MODULE: ./src/action/end-run-hold.ts
// release/ with 'scope: run' in a job that does not hold the lock: a final
// job of the run (a clean-up job, say) ends the hold that an earlier job of
// the same run left on the lock (lock/deploy/run-hold.ts). Only this run's hold is
// lifted (same repository and run id, any attempt), and its lease goes
// straight to the head of the queue (lock/deploy/lift-hold.ts). Anything else on the
// lock (another run's hold, a freeze, a running job) is left alone: the step
// says so and passes, since the run's hold may have ended by itself and the
// lock moved on.










async function endRunHold(read) {
    if (read(constants/* Inputs */.G0.LockName) === '') {
        throw new errors/* UserError */.yo(`This job holds no lock, so the release action ends this run's hold: name the lock in '${constants/* Inputs */.G0.LockName}', ` +
            'and give the credential inputs of the main action.');
    }
    const target = (0,operator_lock/* readOperatorLock */.I)(read);
    const location = (0,spec/* lockLocation */.VU)(target.spec);
    const lock = await (0,operator_lock/* openOperatorLock */.s)(target);
    const who = (0,context/* holderFromEnvironment */.Q)();
    const lifted = await (0,lift_hold/* liftHold */.n)(lock, {
        lifter: who,
        reason: `the release action ended the hold of run ${who.runId}`,
        force: false,
        accept: (hold) => hold.scope === 'run' && hold.repository === who.repository && hold.runId === who.runId,
    });
    switch (lifted.outcome) {
        case 'missing':
            throw new errors/* UserError */.yo(`Lock ${location} does not exist: nothing to release. Check 'lock-name' and 'container'.`);
        case 'free':
            core/* notice */.lm(`Lock ${location} is not held: this run's hold has ended already.`);
            return;
        case 'lifted':
            core/* info */.pq(`Ended this run's hold on lock ${location}, ${(0,hold/* describeHold */.TZ)(lifted.hold)}; ${(0,handover/* describeLetGo */.dz)(lifted.letGo)}.`);
            return;
        case 'ended-already':
            // This run's hold ended by itself a moment ago (hold-for passed): nothing left to release.
            if (lifted.note.holderRepository === who.repository && lifted.note.holderRunId === who.runId) {
                core/* notice */.lm((0,lift_hold/* describeEndedAlready */.y)(location, lifted));
                return;
            }
            if (!lifted.seen) {
                core/* notice */.lm(`Lock ${location} is not held: this run's hold has ended already.`);
                return;
            }
            core/* warning */.$e(`Lock ${location} is held by ${(0,holder_seen/* describeHolderSeen */.NW)(lifted.seen)}, not by a hold of this run: it was left alone.`);
            return;
        case 'left-alone':
        case 'broken':
        case 'gone':
            core/* warning */.$e(`Lock ${location} is held by ${(0,holder_seen/* describeHolderSeen */.NW)(lifted.seen)}, not by a hold of this run: it was left alone.`);
    }
}

// EXTERNAL MODULE: ./src/action/inputs.ts
var inputs = __webpack_require__(1729);
// EXTERNAL MODULE: ./src/action/loss.ts
var loss = __webpack_require__(2603);
;// CONCATENATED MODULE: ./src/action/release-step.ts
// The release step (uses: org/azure-mutex-action/release@v1): lets a lock go
// before the job ends, when slow steps that need no lock follow. It asks the
// lock's renewer through the channel post uses, so it needs no credentials;
// the renewer releases, then stays, idle, to tell post how it went. Post then
// reports the early release and passes.









async function runRelease() {
    try {
        const read = (name) => core/* getInput */.V4(name);
        const lockName = (0,inputs/* readOptionalLockName */.FW)(read);
        const held = (0,held_locks/* heldLocks */.Mw)();
        // scope run, and this job does not hold the lock: it ends the hold its run left on it (end-run-hold.ts).
        if ((0,inputs/* readRunHold */.f_)(read) !== undefined && !held.some((lock) => lockName === undefined || lock.lockName === lockName)) {
            return await endRunHold(read);
        }
        await release((0,held_locks/* pickHeld */.V5)(held, lockName));
    }
    catch (err) {
        (0,failure/* failStep */.v)(err, undefined);
    }
}
async function release(lock) {
    const { location } = lock;
    const asked = await (0,control/* askToLetGo */.ih)(lock.channel, { op: 'release', by: 'release step' }, { killIfStuck: false });
    const later = `The main action's post step will release it, or report what happened to it.`;
    switch (asked.answer.kind) {
        case 'gone':
            core/* warning */.$e(`The renewer of lock ${location} is not running any more. ${later}`);
            return;
        case 'silent':
        case 'stopped':
            core/* warning */.$e(`The renewer of lock ${location} did not answer. ${later}`);
            return;
        case 'impostor':
            core/* warning */.$e(`Something other than the renewer of lock ${location} listens at its address and could not prove who it ` +
                `is: it was told nothing. ${later}`);
            return;
        case 'answered':
            break;
    }
    const report = asked.answer.report;
    switch (report.phase) {
        case 'released': {
            (0,held_locks/* withdrawHeld */.O)(location);
            const releasedAt = report.released ? Date.parse(report.released.at) : Date.now();
            const held = (0,duration/* formatDuration */.a3)(releasedAt - Date.parse(lock.acquiredAt));
            const by = report.released?.by === 'release step' ? '' : ` (by the ${report.released?.by}, earlier)`;
            core/* info */.pq(`Released lock ${location} early${by}, after holding it for ${held} ` +
                `(${report.renewals} renewals, longest gap ${(0,duration/* formatDuration */.a3)(report.longestGapMs)}).`);
            if (report.healedLapse)
                core/* warning */.$e((0,lifecycle/* healedLapseWarning */.dy)(report.healedLapse));
            return;
        }
        case 'lost':
            (0,held_locks/* withdrawHeld */.O)(location);
            // The loss is news the job must see now: the steps it protected may have overlapped another holder.
            if (report.loss) {
                core/* error */.z3((0,loss/* lossMessage */.L)(location, report.loss), { title: 'Lock lost' });
                process.exitCode = 1;
                return;
            }
            throw new Error(`the renewer says lock ${location} was lost, without saying when`);
        case 'unreleased':
            core/* warning */.$e(`The renewer could not release lock ${location} (${report.error ?? 'no reason given'}). ` +
                "The post step will try again with the step's credentials; else the lease expires by itself.");
            return;
        default:
            core/* warning */.$e(`The renewer of lock ${location} is ${report.phase}, not holding the lock. ${later}`);
    }
}


/***/ }),

/***/ 4973:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ runStatus)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
/* harmony import */ var _lock_break_record_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9916);
/* harmony import */ var _lock_deploy_hold_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4166);
/* harmony import */ var _lock_holder_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7053);
/* harmony import */ var _lock_holder_seen_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8577);
/* harmony import */ var _lock_lease_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4277);
/* harmony import */ var _lock_lock_blob_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3292);
/* harmony import */ var _lock_queue_slots_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5230);
/* harmony import */ var _lock_spec_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7832);
/* harmony import */ var _lock_storage_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4906);
/* harmony import */ var _lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(4469);
/* harmony import */ var _sign_in_methods_js__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(7349);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(915);
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(9280);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(1729);
/* harmony import */ var _request_log_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(3304);
/* harmony import */ var _step_sign_in_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(1284);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(2379);
// The status step (uses: org/azure-mutex-action/status@v1): looks at one lock,
// or at every lock in the container, and says who holds each, since when and
// with what kind of lease, in the log and as a table in the job summary. It
// only reads: one HEAD request for a lock, one List Blobs request per 5,000
// blobs for a container. It takes no lease and writes nothing on a blob.


















async function runStatus() {
    let endpoint;
    let container;
    let tokenAuth = false;
    try {
        const read = (name) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name);
        // '*' (or no name) asks for the board of every lock in the container.
        const lockName = read(_constants_js__WEBPACK_IMPORTED_MODULE_11__/* .Inputs */ .G0.LockName) === '*' ? undefined : (0,_inputs_js__WEBPACK_IMPORTED_MODULE_13__/* .readOptionalLockName */ .FW)(read);
        container = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_13__/* .readContainer */ .u2)(read);
        const target = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_13__/* .readStorageTarget */ .dZ)(read);
        endpoint = target.endpoint;
        tokenAuth = (0,_sign_in_methods_js__WEBPACK_IMPORTED_MODULE_17__/* .usesEntra */ .x)(target.auth);
        const { signedIn } = await (0,_step_sign_in_js__WEBPACK_IMPORTED_MODULE_15__/* .signInTo */ .a)(target, { check: true });
        const options = { retry: _lock_storage_js__WEBPACK_IMPORTED_MODULE_9__/* .STEP_RETRY */ .QA, observe: (0,_request_log_js__WEBPACK_IMPORTED_MODULE_14__/* .requestLog */ .M)() };
        const serverUrl = process.env.GITHUB_SERVER_URL || 'https://github.com';
        if (lockName !== undefined) {
            const spec = { endpoint, container, lockName, leaseDurationSeconds: _lock_lease_js__WEBPACK_IMPORTED_MODULE_5__/* .LEASE_SECONDS */ .Vb.default };
            const found = await (0,_lock_lock_blob_js__WEBPACK_IMPORTED_MODULE_6__/* .openLock */ .qB)(signedIn.auth, spec, options).status();
            const status = found === 'missing' ? undefined : found;
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Lock ${(0,_lock_spec_js__WEBPACK_IMPORTED_MODULE_8__/* .lockLocation */ .VU)(spec)}: ${describeStatus(status)}`);
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(_constants_js__WEBPACK_IMPORTED_MODULE_11__/* .Outputs */ .tY.Held, status?.held ? 'true' : 'false');
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(_constants_js__WEBPACK_IMPORTED_MODULE_11__/* .Outputs */ .tY.Holder, holderOutput(status));
            const locks = [status ?? { name: lockName, held: false, leaseState: 'available' }];
            await (0,_summary_js__WEBPACK_IMPORTED_MODULE_16__/* .appendSummary */ .fe)((0,_summary_js__WEBPACK_IMPORTED_MODULE_16__/* .renderStatusTable */ .dK)(`Lock ${(0,_lock_spec_js__WEBPACK_IMPORTED_MODULE_8__/* .lockLocation */ .VU)(spec)}`, locks, serverUrl));
            return;
        }
        const place = `${(0,_lock_spec_js__WEBPACK_IMPORTED_MODULE_8__/* .accountNameOf */ .o)(endpoint)}/${container}`;
        const locks = await (0,_lock_lock_blob_js__WEBPACK_IMPORTED_MODULE_6__/* .listLocks */ .dB)((0,_lock_storage_js__WEBPACK_IMPORTED_MODULE_9__/* .containerClientFor */ .wW)({ endpoint, auth: signedIn.auth }, container, options));
        if (locks === 'missing') {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Container ${place} does not exist: no locks.`);
            await (0,_summary_js__WEBPACK_IMPORTED_MODULE_16__/* .appendSummary */ .fe)((0,_summary_js__WEBPACK_IMPORTED_MODULE_16__/* .renderStatusTable */ .dK)(`Locks in ${place}`, [], serverUrl));
            return;
        }
        const held = locks.filter((lock) => lock.held).length;
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Container ${place}: ${locks.length} ${locks.length === 1 ? 'lock' : 'locks'}, ${held} held.`);
        for (const lock of locks)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`  ${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_10__/* .showUntrusted */ .Gz)(lock.name)}: ${describeStatus(lock)}`);
        await (0,_summary_js__WEBPACK_IMPORTED_MODULE_16__/* .appendSummary */ .fe)((0,_summary_js__WEBPACK_IMPORTED_MODULE_16__/* .renderStatusTable */ .dK)(`Locks in ${place}`, locks, serverUrl));
    }
    catch (err) {
        (0,_failure_js__WEBPACK_IMPORTED_MODULE_12__/* .failStep */ .v)(err, endpoint, { tokenAuth, container });
    }
}
/** "free", or "held by … (fixed lease)", and the last break; every value from the blob shown through showUntrusted. */
function describeStatus(status) {
    if (!status)
        return 'free (its blob does not exist yet).';
    const lastBreak = (status.lastBreak ? ` Last ${(0,_lock_break_record_js__WEBPACK_IMPORTED_MODULE_1__/* .describeBreak */ .Li)(status.lastBreak)}.` : '') +
        describeQueue(status.queue, status.priorities) +
        describeSquatters(status.squatters) +
        describeLatest(status.latest) +
        (status.slots ? ` ${(0,_lock_queue_slots_js__WEBPACK_IMPORTED_MODULE_7__/* .describeSlotsHeld */ ._H)(status.slots)}.` : '');
    // With slots, the lock blob is slot 1.
    const blob = status.slots ? 'slot 1 (the lock blob) is ' : '';
    // A hold whose end has come holds nothing: the next job ends it. Status only reads, so the hold stays until then.
    if (!status.held && status.endedHold)
        return `${blob}free: ${(0,_lock_deploy_hold_js__WEBPACK_IMPORTED_MODULE_2__/* .describeHoldPastItsEnd */ .Rx)(status.endedHold)}.${lastBreak}`;
    if (!status.held)
        return `${blob}free.${lastBreak}`;
    const lease = status.seen?.hold
        ? 'an infinite lease, which the first job in the queue ends when the hold ends'
        : status.leaseKind === 'infinite'
            ? 'an infinite lease, which never expires; this action never takes one'
            : status.leaseKind === 'fixed'
                ? 'a fixed lease'
                : 'a lease';
    const breaking = status.leaseState === 'breaking' ? ', being broken' : '';
    // The lease kind is said below; describeHolderSeen would say "infinite" a second time.
    const who = status.seen ? (0,_lock_holder_seen_js__WEBPACK_IMPORTED_MODULE_4__/* .describeHolderSeen */ .NW)({ ...status.seen, infinite: false }) : (0,_lock_holder_js__WEBPACK_IMPORTED_MODULE_3__/* .describeHolder */ .sG)(status.holder);
    return `${blob}held by ${who}, with ${lease}${breaking}.${lastBreak}`;
}
/** " Waiting: 2 (org/api run 812, org/web run 77)." or nothing when nobody waits or the queue could not be listed. */
function describeQueue(queue, priorities) {
    if (!queue || queue.length === 0)
        return '';
    const shown = queue
        .slice(0, 10)
        .map((who, index) => (who ? (0,_lock_holder_js__WEBPACK_IMPORTED_MODULE_3__/* .briefHolder */ .p2)(who) : 'a waiter that wrote no record') +
        (priorities?.[index] === 'high' ? ' (high priority)' : ''));
    const more = queue.length > shown.length ? `, and ${queue.length - shown.length} more` : '';
    return ` Waiting: ${queue.length} (${shown.join(', ')}${more}).`;
}
/**
 * ' Newest that held, per supersede key: "production" sequence 812 (org/api run 812 at …).'
 * or nothing; every value read from storage through showUntrusted.
 */
function describeLatest(latest) {
    if (!latest || latest.length === 0)
        return '';
    const shown = latest
        .slice(0, 10)
        .map((record) => `"${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_10__/* .showUntrusted */ .Gz)(record.supersedeKey ?? '', 80)}" sequence ${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_10__/* .showUntrusted */ .Gz)(record.sequence ?? '', 40)} ` +
        `(${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_10__/* .showUntrusted */ .Gz)(record.repository, 100)} run ${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_10__/* .showUntrusted */ .Gz)(record.runId, 40)} at ${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_10__/* .showUntrusted */ .Gz)(record.acquiredAt, 40)})`);
    const more = latest.length > shown.length ? `, and ${latest.length - shown.length} more` : '';
    return ` Newest that held, per supersede key: ${shown.join(', ')}${more}.`;
}
/**
 * " Squatted: queue entry 1 holds an infinite lease ..." or nothing: such an
 * entry is no waiter, and stays until someone clears it.
 */
function describeSquatters(squatters) {
    if (!squatters || squatters.length === 0)
        return '';
    const which = squatters.length === 1 ? `queue entry ${squatters[0]} holds` : `queue entries ${squatters.join(', ')} hold`;
    return (` Squatted: ${which} an infinite lease, which this action never takes; waiters pass ` +
        `${squatters.length === 1 ? 'it' : 'them'} over. Clear one with the break action and 'entry: ${squatters[0]}'.`);
}
/** The holder output: the record with every value as the log shows it; {} for a holder without one; null when free. */
function holderOutput(status) {
    if (!status?.held)
        return 'null';
    if (!status.holder)
        return '{}';
    const record = status.holder;
    const shown = Object.fromEntries(Object.keys(record).map((field) => [field, (0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_10__/* .showUntrusted */ .Gz)(record[field] ?? '')]));
    return JSON.stringify(shown);
}


/***/ }),

/***/ 7729:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ runUnhold)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
/* harmony import */ var _lock_break_record_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9916);
/* harmony import */ var _lock_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2960);
/* harmony import */ var _lock_queue_handover_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(988);
/* harmony import */ var _lock_deploy_hold_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4166);
/* harmony import */ var _lock_holder_seen_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8577);
/* harmony import */ var _lock_deploy_lift_hold_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1406);
/* harmony import */ var _lock_spec_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7832);
/* harmony import */ var _sign_in_methods_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(7349);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(915);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(645);
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(9280);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(1729);
/* harmony import */ var _operator_lock_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(6870);
// The unhold step (uses: org/azure-mutex-action/unhold@v1): lifts a hold
// (lock/deploy/hold.ts) at once, a freeze or a run's hold, and notes on the lock blob
// who lifted it and why. Its lease goes straight to the head of the queue, as
// a holder's does when it lets go (lock/deploy/lift-hold.ts), or is released when
// nobody waits. It ends only a hold: the lift carries the lease id that the
// hold's record names, and is conditional on the blob being as it was read.
// A running job's lease is left alone unless 'force' says to break it.














async function runUnhold() {
    let spec;
    let tokenAuth = false;
    try {
        const read = (name) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name);
        let reason = '';
        let force = false;
        const target = (0,_operator_lock_js__WEBPACK_IMPORTED_MODULE_12__/* .readOperatorLock */ .I)(read, () => {
            reason = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_11__/* .readOptionalReason */ .lg)(read, 'lifted by the unhold action');
            force = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_11__/* .readBoolean */ .Vf)(read, _constants_js__WEBPACK_IMPORTED_MODULE_8__/* .Inputs */ .G0.Force, false);
        });
        spec = target.spec;
        tokenAuth = (0,_sign_in_methods_js__WEBPACK_IMPORTED_MODULE_13__/* .usesEntra */ .x)(target.access.auth);
        const lock = await (0,_operator_lock_js__WEBPACK_IMPORTED_MODULE_12__/* .openOperatorLock */ .s)(target);
        const location = (0,_lock_spec_js__WEBPACK_IMPORTED_MODULE_7__/* .lockLocation */ .VU)(spec);
        const lifted = await (0,_lock_deploy_lift_hold_js__WEBPACK_IMPORTED_MODULE_6__/* .liftHold */ .n)(lock, { lifter: (0,_context_js__WEBPACK_IMPORTED_MODULE_9__/* .holderFromEnvironment */ .Q)(), reason, force });
        switch (lifted.outcome) {
            case 'missing':
                throw new _lock_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`Lock ${location} does not exist: nothing to lift. Check 'lock-name' and 'container'.`);
            case 'free':
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(`Lock ${location} is not held: nothing to lift.`);
                return;
            case 'lifted':
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Lifted the hold on lock ${location}, ${(0,_lock_deploy_hold_js__WEBPACK_IMPORTED_MODULE_4__/* .describeHold */ .TZ)(lifted.hold)}; ${(0,_lock_queue_handover_js__WEBPACK_IMPORTED_MODULE_3__/* .describeLetGo */ .dz)(lifted.letGo)}.`);
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Wrote on the lock blob: ${(0,_lock_break_record_js__WEBPACK_IMPORTED_MODULE_1__/* .describeBreak */ .Li)(lifted.note)}.`);
                return;
            case 'left-alone':
                if (lifted.seen.hold) {
                    throw new _lock_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`Lock ${location} is held by ${(0,_lock_holder_seen_js__WEBPACK_IMPORTED_MODULE_5__/* .describeHolderSeen */ .NW)(lifted.seen)}, but the lease does not answer to the id its record names ` +
                        "(a record written beside another client's lease, or a hold that changed meanwhile): it was left alone. " +
                        `To break that lease anyway, set '${_constants_js__WEBPACK_IMPORTED_MODULE_8__/* .Inputs */ .G0.Force}: true'.`);
                }
                throw new _lock_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`Lock ${location} is held by ${(0,_lock_holder_seen_js__WEBPACK_IMPORTED_MODULE_5__/* .describeHolderSeen */ .NW)(lifted.seen)}, not by a hold: it was left alone. ` +
                    `To break that lease anyway, set '${_constants_js__WEBPACK_IMPORTED_MODULE_8__/* .Inputs */ .G0.Force}: true'.`);
            case 'broken':
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Broke the lease on lock ${location}, held by ${(0,_lock_holder_seen_js__WEBPACK_IMPORTED_MODULE_5__/* .describeHolderSeen */ .NW)(lifted.seen)} ('${_constants_js__WEBPACK_IMPORTED_MODULE_8__/* .Inputs */ .G0.Force}: true').`);
                return;
            case 'gone':
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(`Lock ${location} is not held any more: nothing to lift.`);
                return;
            case 'ended-already':
                // Just after the hold ended by itself: what was asked for is done.
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm((0,_lock_deploy_lift_hold_js__WEBPACK_IMPORTED_MODULE_6__/* .describeEndedAlready */ .y)(location, lifted));
        }
    }
    catch (err) {
        (0,_failure_js__WEBPACK_IMPORTED_MODULE_10__/* .failStep */ .v)(err, spec?.endpoint, { tokenAuth, container: spec?.container });
    }
}


/***/ }),

/***/ 1536:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _action_break_step_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3081);

await (0,_action_break_step_js__WEBPACK_IMPORTED_MODULE_0__/* .runBreak */ .F)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 6114:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _action_hold_step_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3991);

await (0,_action_hold_step_js__WEBPACK_IMPORTED_MODULE_0__/* .runHold */ .r)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 1406:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ liftHold),
/* harmony export */   y: () => (/* binding */ describeEndedAlready)
/* harmony export */ });
/* harmony import */ var _break_record_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9916);
/* harmony import */ var _queue_handover_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(988);
/* harmony import */ var _hold_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4166);
/* harmony import */ var _holder_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7053);
/* harmony import */ var _holder_seen_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8577);
// Lifting a hold (hold.ts) before its end: the unhold step, `azure-mutex
// unhold`, and the release step of a job of the run that set a run's hold.
//
// A lifted hold's lease goes to the head of the queue as a holder's does when
// it lets go (handover.ts): the lock is never free between the hold and the
// next queued job, so a client that does not queue cannot slip in. Nobody
// waiting: the lease is released. The lift proves itself with the lease id the
// hold's record names, conditional on the blob being as the same read showed
// it, so a record forged beside somebody else's lease lifts nothing.
//
// A lease that is not a hold (a running job's, a foreign client's) is left
// alone unless the caller says `force`: then it is broken, as break/ does.
//
// A hold that ended by itself a moment before (hold.ts: whoever came for the
// lock ended it at its end) is not the caller's to lift any more: the lift
// says when it ended, by the note on the lock blob, and leaves alone whoever
// holds the lock now.





/** Reads of the blob to try, when it changes between the read and the conditional lift. */
const TRIES = 3;
/**
 * The outcome when no hold stands on the lock and its last note (one more
 * read, only then) says a hold ended at its end; undefined otherwise, or when
 * the read fails (the outcome is then as it was without it).
 */
async function endedAlready(lock, options, seen) {
    const status = await lock.status(options.request).catch(() => undefined);
    const note = status && status !== 'missing' ? status.lastBreak : undefined;
    if (!(0,_hold_js__WEBPACK_IMPORTED_MODULE_2__/* .isHoldEndNote */ .nJ)(note))
        return undefined;
    return { outcome: 'ended-already', note, ...(seen ? { seen } : {}) };
}
/**
 * 'No hold stands on lock …: the hold of octo/ops run 77 had reached its end;
 * octo/app run 812 ended it at 10:02:11Z (the storage service's clock). It is
 * held by …, whose lease was left alone.' Every value read from storage is
 * shown through showUntrusted.
 */
function describeEndedAlready(location, ended) {
    const now = ended.seen
        ? ` It is held by ${(0,_holder_seen_js__WEBPACK_IMPORTED_MODULE_4__/* .describeHolderSeen */ .NW)(ended.seen)}, whose lease was left alone.`
        : ' It is free.';
    return `No hold stands on lock ${location}: ${(0,_hold_js__WEBPACK_IMPORTED_MODULE_2__/* .describeHoldEndNote */ .iV)(ended.note)}.${now}`;
}
/** Lifts the hold on the lock, handing its lease to the head of the queue; see LiftOutcome. */
async function liftHold(lock, options) {
    for (let attempt = 1;; attempt++) {
        const look = await lock.view(options.request);
        if (look.state === 'missing')
            return { outcome: 'missing' };
        if (look.state === 'free')
            return (await endedAlready(lock, options)) ?? { outcome: 'free' };
        const hold = look.hold;
        if (hold && (options.accept?.(hold) ?? true)) {
            const note = (0,_break_record_js__WEBPACK_IMPORTED_MODULE_0__/* .newBreakRecord */ .po)(options.lifter, options.reason, look.serviceNow ?? new Date(), look.holder);
            // The head is looked up beside the lift's first request, as a holder's letting go does (handover.ts).
            const target = (0,_queue_handover_js__WEBPACK_IMPORTED_MODULE_1__/* .headToHandTo */ .GF)(lock, options.request ?? {}, hold.leaseId);
            const lifted = await lock.liftHold(look, note, target, options.request);
            if (lifted.outcome !== 'refused' && lifted.outcome !== 'not-held') {
                return { outcome: 'lifted', hold, note, letGo: lifted };
            }
            if (attempt < TRIES)
                continue;
        }
        const seen = {
            record: look.holder,
            freshness: look.holder
                ? (0,_holder_js__WEBPACK_IMPORTED_MODULE_3__/* .freshnessOf */ .T5)(look.holder, look.modifiedAt, look.serviceNow)
                : { kind: 'unknown-age' },
            infinite: look.infinite,
            ...(hold ? { hold } : {}),
        };
        if (!options.force)
            return (!hold && (await endedAlready(lock, options, seen))) || { outcome: 'left-alone', seen };
        const broken = await lock.breakLease((holder, brokenAt) => (0,_break_record_js__WEBPACK_IMPORTED_MODULE_0__/* .newBreakRecord */ .po)(options.lifter, options.reason, brokenAt ?? new Date(), holder));
        return { outcome: broken.outcome === 'broken' ? 'broken' : 'gone', seen };
    }
}


/***/ }),

/***/ 1730:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _action_main_step_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(617);

await (0,_action_main_step_js__WEBPACK_IMPORTED_MODULE_0__/* .runMain */ .V)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 4202:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _action_release_step_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6944);

await (0,_action_release_step_js__WEBPACK_IMPORTED_MODULE_0__/* .runRelease */ .T)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

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


/***/ }),

/***/ 5565:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _action_status_step_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4973);

await (0,_action_status_step_js__WEBPACK_IMPORTED_MODULE_0__/* .runStatus */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 1101:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _action_unhold_step_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7729);

await (0,_action_unhold_step_js__WEBPACK_IMPORTED_MODULE_0__/* .runUnhold */ .E)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ })

};
