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
// EXTERNAL MODULE: ./src/lock/lock-blob.ts + 6 modules
var lock_blob = __webpack_require__(8692);
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
        const lock = (0,lock_blob/* openLock */.q)(signedIn.auth, spec, { retry: storage/* STEP_RETRY */.QA, observe: (0,request_log/* requestLog */.M)() });
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

// EXTERNAL MODULE: ./src/lock/lock-blob.ts + 6 modules
var lock_blob = __webpack_require__(8692);
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
    const lock = (0,lock_blob/* openLock */.q)(signedIn.auth, spec, { retry: storage/* STEP_RETRY */.QA, observe: (0,request_log/* requestLog */.M)() });
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
/* harmony import */ var _lock_lock_blob_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8692);
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
    return (0,_lock_lock_blob_js__WEBPACK_IMPORTED_MODULE_1__/* .openLock */ .q)(signedIn.auth, target.spec, { retry: _lock_storage_js__WEBPACK_IMPORTED_MODULE_2__/* .STEP_RETRY */ .QA, observe: (0,_request_log_js__WEBPACK_IMPORTED_MODULE_4__/* .requestLog */ .M)() });
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
/* harmony import */ var _lock_lock_blob_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8692);
/* harmony import */ var _lock_queue_slots_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5230);
/* harmony import */ var _lock_spec_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7832);
/* harmony import */ var _lock_storage_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4906);
/* harmony import */ var _lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(4469);
/* harmony import */ var _sign_in_methods_js__WEBPACK_IMPORTED_MODULE_18__ = __webpack_require__(7349);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(915);
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(9280);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(1729);
/* harmony import */ var _request_log_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(3304);
/* harmony import */ var _step_sign_in_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(1284);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(2379);
/* harmony import */ var _lock_lock_listing_js__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(7592);
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
        tokenAuth = (0,_sign_in_methods_js__WEBPACK_IMPORTED_MODULE_18__/* .usesEntra */ .x)(target.auth);
        const { signedIn } = await (0,_step_sign_in_js__WEBPACK_IMPORTED_MODULE_15__/* .signInTo */ .a)(target, { check: true });
        const options = { retry: _lock_storage_js__WEBPACK_IMPORTED_MODULE_9__/* .STEP_RETRY */ .QA, observe: (0,_request_log_js__WEBPACK_IMPORTED_MODULE_14__/* .requestLog */ .M)() };
        const serverUrl = process.env.GITHUB_SERVER_URL || 'https://github.com';
        if (lockName !== undefined) {
            const spec = { endpoint, container, lockName, leaseDurationSeconds: _lock_lease_js__WEBPACK_IMPORTED_MODULE_5__/* .LEASE_SECONDS */ .Vb.default };
            const found = await (0,_lock_lock_blob_js__WEBPACK_IMPORTED_MODULE_6__/* .openLock */ .q)(signedIn.auth, spec, options).status();
            const status = found === 'missing' ? undefined : found;
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Lock ${(0,_lock_spec_js__WEBPACK_IMPORTED_MODULE_8__/* .lockLocation */ .VU)(spec)}: ${describeStatus(status)}`);
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(_constants_js__WEBPACK_IMPORTED_MODULE_11__/* .Outputs */ .tY.Held, status?.held ? 'true' : 'false');
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(_constants_js__WEBPACK_IMPORTED_MODULE_11__/* .Outputs */ .tY.Holder, holderOutput(status));
            const locks = [status ?? { name: lockName, held: false, leaseState: 'available' }];
            await (0,_summary_js__WEBPACK_IMPORTED_MODULE_16__/* .appendSummary */ .fe)((0,_summary_js__WEBPACK_IMPORTED_MODULE_16__/* .renderStatusTable */ .dK)(`Lock ${(0,_lock_spec_js__WEBPACK_IMPORTED_MODULE_8__/* .lockLocation */ .VU)(spec)}`, locks, serverUrl));
            return;
        }
        const place = `${(0,_lock_spec_js__WEBPACK_IMPORTED_MODULE_8__/* .accountNameOf */ .o)(endpoint)}/${container}`;
        const locks = await (0,_lock_lock_listing_js__WEBPACK_IMPORTED_MODULE_17__/* .listLocks */ .d)((0,_lock_storage_js__WEBPACK_IMPORTED_MODULE_9__/* .containerClientFor */ .wW)({ endpoint, auth: signedIn.auth }, container, options));
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

/***/ 7779:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   i8: () => (/* binding */ reportTurn),
/* harmony export */   w1: () => (/* binding */ waitEventLogger)
/* harmony export */ });
/* unused harmony export linesFor */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
/* harmony import */ var _lock_waiter_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1671);
/* harmony import */ var _lock_duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6307);
/* harmony import */ var _lock_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2960);
/* harmony import */ var _lock_deploy_hold_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4166);
/* harmony import */ var _lock_holder_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7053);
/* harmony import */ var _lock_deploy_latest_seen_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4422);
/* harmony import */ var _lock_queue_queue_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2980);
/* harmony import */ var _lock_queue_slots_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5230);
/* harmony import */ var _lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4469);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(915);
/* harmony import */ var _settings_wait_words_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(8668);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(3175);
/* harmony import */ var _wait_record_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(479);
/* harmony import */ var _lock_holder_seen_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(8577);
// The main step's lines while it waits, and what it says of its turn once the
// lock is its own: the wording of the waiter's events (lock/wait-report.ts).
// Every value read from storage reaches a line through describeHolderSeen,
// briefHolderSeen or briefHolder, which show it through showUntrusted.
















/** The lines an event makes; none for an event that needs no line. */
function linesFor(event, spec) {
    const name = `${spec.container}/${spec.lockName}`;
    const info = (text) => ({ level: 'info', text });
    switch (event.type) {
        case 'waiting':
            return [
                ...(event.place.queued ? [info((0,_settings_wait_words_js__WEBPACK_IMPORTED_MODULE_11__/* .placeLine */ .ap)(event.place, name))] : []),
                ...(event.place.slots
                    ? [info(`${capitalized((0,_lock_queue_slots_js__WEBPACK_IMPORTED_MODULE_8__/* .describeSlotsHeld */ ._H)(event.place.slots))}. Waiting.`)]
                    : event.place.holder
                        ? [info(`The lock is held by ${(0,_lock_holder_seen_js__WEBPACK_IMPORTED_MODULE_14__/* .describeHolderSeen */ .NW)(event.place.holder)}. Waiting.`)]
                        : []),
            ];
        case 'moved':
            if (!event.place.queued)
                return [];
            return [info(`${(0,_settings_wait_words_js__WEBPACK_IMPORTED_MODULE_11__/* .placeLine */ .ap)(event.place, name)} (waited ${(0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(event.waitedMs)})`)];
        case 'holder-changed':
            if (event.place.slots) {
                return [info(`Now ${(0,_lock_queue_slots_js__WEBPACK_IMPORTED_MODULE_8__/* .describeSlotsHeld */ ._H)(event.place.slots)} (waited ${(0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(event.waitedMs)}).`)];
            }
            return [
                info(`The lock is now held by ${(0,_lock_holder_seen_js__WEBPACK_IMPORTED_MODULE_14__/* .describeHolderSeen */ .NW)(event.place.holder)} (waited ${(0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(event.waitedMs)}).`),
            ];
        case 'still-waiting': {
            const where = event.place.queued
                ? (0,_settings_wait_words_js__WEBPACK_IMPORTED_MODULE_11__/* .placeLine */ .ap)(event.place, name)
                : `held by ${(0,_lock_holder_seen_js__WEBPACK_IMPORTED_MODULE_14__/* .describeHolderSeen */ .NW)(event.place.holder)}`;
            return [info(`Still waiting after ${(0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(event.waitedMs)}; ${where}`)];
        }
        case 'infinite-lease':
            if (event.holder.hold)
                return [holdWaitLine(event.holder.hold, name)];
            return [
                {
                    level: 'warning',
                    text: `Lock ${name} is held by ${(0,_lock_holder_seen_js__WEBPACK_IMPORTED_MODULE_14__/* .describeHolderSeen */ .NW)(event.holder)}. With no '${_constants_js__WEBPACK_IMPORTED_MODULE_10__/* .Inputs */ .G0.Timeout}' this step ` +
                        `may wait for as long as the job may run: set '${_constants_js__WEBPACK_IMPORTED_MODULE_10__/* .Inputs */ .G0.Timeout}' (for example 30m) to bound the wait, ` +
                        `or break the lease: ${event.breakCommand}`,
                },
            ];
        case 'rejoined':
            return [
                {
                    level: 'warning',
                    text: `This job's entry in the queue of ${name} lapsed (it could not be renewed in time), ` +
                        `so it joined the queue again, at the back (waited ${(0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(event.waitedMs)}).`,
                },
            ];
        case 'outside-queue':
            return [
                {
                    level: 'warning',
                    text: `The credential may not list the blobs of container ${spec.container} ` +
                        `(${(0,_lock_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeStorageErrorBrief */ .rg)(event.error)}), so this job cannot wait in the queue of ${name}: ` +
                        'it gets the lock only by winning a race when the lock is free, like a client that does not queue. ' +
                        "To wait in turn, let it also list and delete blobs (a SAS with the permissions 'rwcdl').",
                },
            ];
        case 'created':
            if (event.slot)
                return [info(`Created the blob of slot ${event.slot}.`)];
            return [info(event.what === 'container' ? 'Created the container and the lock blob.' : 'Created the lock blob.')];
        case 'squatter':
            return [
                {
                    level: 'warning',
                    text: `Entry ${event.ticket} in the queue of ${name}${event.waiter ? ` (${(0,_lock_holder_js__WEBPACK_IMPORTED_MODULE_5__/* .briefHolder */ .p2)(event.waiter)})` : ''} ` +
                        'holds an infinite lease, which this action never takes: it is no waiter, so this job does not wait ' +
                        `behind it. It stays until someone breaks its lease and deletes it: ${event.clearCommands} ` +
                        `(or run the break action with 'entry: ${event.ticket}').`,
                },
            ];
        case 'passed-over':
            return [
                {
                    level: 'warning',
                    text: `The first waiter in the queue of ${name} ` +
                        `(${event.waiter ? (0,_lock_holder_js__WEBPACK_IMPORTED_MODULE_5__/* .briefHolder */ .p2)(event.waiter) : 'an entry that wrote no record'}, entry ${event.ticket}) ` +
                        `left the lock free for ${(0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(event.idleMs)} without taking it: it is passed over. ` +
                        'The lease still lets only one job in.',
                },
            ];
        case 'sweep-refused':
            return [
                {
                    level: 'warning',
                    text: `Removing a lapsed entry from the queue of ${name} was refused ` +
                        `(${(0,_lock_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeStorageErrorBrief */ .rg)(event.error)}): the credential may not delete blobs. Lapsed entries ` +
                        "then stay, and slow every first look at the queue; give it the permission 'd' (a SAS with 'rwcdl').",
                },
            ];
        case 'hold-ended':
            return [info(`Ended the hold on ${name}: ${(0,_lock_deploy_hold_js__WEBPACK_IMPORTED_MODULE_4__/* .describeEndedHold */ .de)(event.hold, event.endedAt)}.`)];
        case 'hold-taken-over':
            return [info(`Took over ${(0,_lock_deploy_hold_js__WEBPACK_IMPORTED_MODULE_4__/* .describeTakeOver */ .dm)(event)}.`)];
        case 'storage-trouble':
            return [
                {
                    level: 'warning',
                    text: `Storage is failing while waiting (${(0,_lock_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeStorageErrorBrief */ .rg)(event.error)}); retrying.`,
                },
            ];
        case 'no-answer-yet':
            return [{ level: 'warning', text: (0,_lock_waiter_js__WEBPACK_IMPORTED_MODULE_1__/* .noAnswerYetText */ .Xr)(event, `at ${spec.endpoint}`) }];
        case 'high-priority-ahead':
            return [info((0,_settings_wait_words_js__WEBPACK_IMPORTED_MODULE_11__/* .highPriorityAheadText */ .j7)(event, name))];
        case 'malformed-priority':
            return [{ level: 'warning', text: (0,_settings_wait_words_js__WEBPACK_IMPORTED_MODULE_11__/* .malformedPriorityText */ .L1)(event, name) }];
        case 'long-wait':
            // One warning annotation, visible on the run page; the wait goes on.
            return [{ level: 'warning', text: (0,_settings_wait_words_js__WEBPACK_IMPORTED_MODULE_11__/* .longWaitText */ .Jq)(event, name, _wait_record_js__WEBPACK_IMPORTED_MODULE_13__/* .PAST_WARN_AFTER */ .hd) }];
        case 'malformed-sequence':
            return [
                {
                    level: 'warning',
                    text: `In the queue of ${name}, ${event.where} has this job's supersede key with the sequence ` +
                        `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_9__/* .showUntrusted */ .Gz)(event.value, 40)}', which is ${event.problem}: it is ignored.`,
                },
            ];
        case 'far-sequence':
            return [{ level: 'warning', text: (0,_lock_deploy_latest_seen_js__WEBPACK_IMPORTED_MODULE_6__/* .farSequenceText */ .eM)(event, name, 'job') }];
    }
}
/** Once, for a waiter without a time limit behind a hold: when the hold ends, or that it has no end. */
function holdWaitLine(hold, name) {
    if ((0,_lock_deploy_hold_js__WEBPACK_IMPORTED_MODULE_4__/* .holdHasNoEnd */ .YR)(hold)) {
        return {
            level: 'warning',
            text: `Lock ${name} is held by ${(0,_lock_deploy_hold_js__WEBPACK_IMPORTED_MODULE_4__/* .describeHold */ .TZ)(hold)}. It has no end: with no '${_constants_js__WEBPACK_IMPORTED_MODULE_10__/* .Inputs */ .G0.Timeout}' this step ` +
                'waits until somebody lifts it (the unhold action), or for as long as the job may run.',
        };
    }
    return {
        level: 'info',
        text: `Lock ${name} is held by ${(0,_lock_deploy_hold_js__WEBPACK_IMPORTED_MODULE_4__/* .describeHold */ .TZ)(hold)}. With no '${_constants_js__WEBPACK_IMPORTED_MODULE_10__/* .Inputs */ .G0.Timeout}' this step waits until the ` +
            `hold ends at ${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_9__/* .showUntrusted */ .Gz)(hold.until, 40)} by the storage service's clock, or is lifted earlier.`,
    };
}
/** The main step's handler of the waiter's events. */
function waitEventLogger(spec) {
    return (event) => {
        for (const line of linesFor(event, spec)) {
            if (line.level === 'warning')
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(line.text);
            else
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(line.text);
        }
    };
}
function capitalized(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
/** Once the lease is confirmed: the fencing token as an output, and the turn in state for the job summary. */
function reportTurn(acquired, slots = 1) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(_constants_js__WEBPACK_IMPORTED_MODULE_10__/* .Outputs */ .tY.FencingToken, String(acquired.fencingToken));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(_constants_js__WEBPACK_IMPORTED_MODULE_10__/* .Outputs */ .tY.Slot, String(acquired.slot));
    _state_js__WEBPACK_IMPORTED_MODULE_12__/* .saveTurn */ .dR({
        fencingToken: acquired.fencingToken,
        arrivalPosition: acquired.arrivalPosition,
        ...(slots > 1 ? { slot: { slot: acquired.slot, of: slots } } : {}),
    });
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Fencing token ${acquired.fencingToken} (${(0,_lock_queue_queue_js__WEBPACK_IMPORTED_MODULE_7__/* .ordinal */ .IE)(acquired.arrivalPosition)} in line on arrival): ` +
        'pass it to what this job changes, so that it can refuse writes from an earlier holder.');
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

/***/ 1671:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Xr: () => (/* binding */ noAnswerYetText),
  tH: () => (/* binding */ waitForLease)
});

// UNUSED EXPORTS: FIRST_CONTACT_MS, backoffMs, grantTime, requestTimeoutMs, saysNobodyIsThere

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/lock/clock.ts
var clock = __webpack_require__(2041);
// EXTERNAL MODULE: ./src/lock/errors.ts
var errors = __webpack_require__(2960);
// EXTERNAL MODULE: ./src/lock/break-record.ts
var break_record = __webpack_require__(9916);
// EXTERNAL MODULE: ./src/lock/deploy/hold.ts
var deploy_hold = __webpack_require__(4166);
// EXTERNAL MODULE: ./src/lock/queue/handover.ts
var queue_handover = __webpack_require__(988);
;// CONCATENATED MODULE: ./src/lock/ended-holds.ts
// Holds (deploy/hold.ts) whose end has come, as a waiter meets them: any look
// at the lock that shows one ends it, wherever the waiter stands.



class EndedHolds {
    /** Who ends them: named in the note each end leaves. */
    who;
    emit;
    /** The ETag of a hold whose end was refused as read (a record forged beside another lease): not tried again. */
    endRefused;
    constructor(who, emit) {
        this.who = who;
        this.emit = emit;
    }
    /**
     * Ends a hold whose end has come (hold.ts) that `lock` shows, by the
     * service's clock in the same answer. Whoever meets it ends it, wherever it
     * stands: the head, a waiter further back, a try-lock, a waiter outside the
     * queue. Its lease goes to the head of the queue in the order of the whole
     * line, priority included (handover.ts), or is released when nobody waits
     * (or the queue cannot be read): so what comes next is the decision of a
     * lock handed over, or of a free lock, as for any other, and a waiter that
     * ended the hold has no say in it. Returns the lock as it stands after: as a
     * second look shows it when somebody else ended or changed it first. A hold
     * whose end is refused as read (a record forged beside somebody else's
     * lease) is not tried again.
     */
    async end(lock, store, call) {
        if (lock.state !== 'leased')
            return lock;
        const hold = lock.hold;
        if (!hold || !(0,deploy_hold/* holdExpired */.Tv)(hold, lock.serviceNow) || (lock.etag && lock.etag === this.endRefused))
            return lock;
        const endedAt = lock.serviceNow ?? new Date();
        const note = (0,break_record/* newBreakRecord */.po)(this.who, deploy_hold/* HOLD_END_REASON */.tT, endedAt, lock.holder);
        const target = (0,queue_handover/* headToHandTo */.GF)(store, call(), hold.leaseId);
        const ended = await store.endHold(lock, note, target, call());
        if (ended.outcome === 'refused' || ended.outcome === 'not-held') {
            this.endRefused = lock.etag;
            return store.view(call());
        }
        this.emit({ type: 'hold-ended', hold, endedAt });
        if (ended.outcome === 'released')
            return { state: 'free', staleHolder: undefined };
        return {
            state: 'leased',
            holder: undefined,
            infinite: false,
            serviceNow: lock.serviceNow,
            handedTo: ended.to.ticket,
        };
    }
}

// EXTERNAL MODULE: ./src/lock/queue/priority.ts
var queue_priority = __webpack_require__(1831);
// EXTERNAL MODULE: ./src/lock/queue/queue.ts
var queue_queue = __webpack_require__(2980);
;// CONCATENATED MODULE: ./src/lock/high-priority-watch.ts
// High-priority waiters that go ahead of us (queue/priority.ts), as a waiter
// learns of them: from its listings, from who a look at the lock shows
// holding it or handed it, and, for a normal head about to take a free lock,
// from one more listing when its last is old (it lists the queue seldom).



/**
 * A normal head lists the queue again as it takes a free lock when its last
 * listing is older than this: a high-priority waiter may have joined.
 */
const RELIST_BEFORE_TAKING_MS = 1_000;
/** The tickets a look at the lock shows holding it (the holder record's) or handed it (the handover mark). */
function holdingOf(lock) {
    if (lock.state !== 'leased')
        return new Set();
    const tickets = new Set();
    if (lock.handedTo !== undefined)
        tickets.add(lock.handedTo);
    const held = /^\d{1,16}$/.test(lock.holder?.ticket ?? '') ? Number(lock.holder.ticket) : undefined;
    if (held !== undefined)
        tickets.add(held);
    return tickets;
}
class HighPriorityWatch {
    options;
    /** When the queue was last listed (monotonic): a normal head lists it again before taking a free lock. */
    listedAt = -Infinity;
    /** Tickets the last look at the lock showed holding it or handed it: nobody goes ahead of them. */
    holdingSeen = new Set();
    /** The entries of the last listing, by ticket: who a ticket on the lock is. */
    listed = new Map();
    constructor(options) {
        this.options = options;
    }
    /** Tickets the last look at the lock showed holding it or handed it. */
    get holding() {
        return this.holdingSeen;
    }
    /** A listing of the queue was answered (now): its entries, for who a ticket on the lock is. */
    noteListing(look) {
        this.listedAt = (0,clock/* monotonicNow */.X)();
        this.listed = new Map(look.entries.map((listed) => [listed.ticket, listed]));
    }
    /**
     * Notes who holds the lock or was handed it, from a look at it. A ticket
     * later than ours (`ticket`) there went ahead of us: the holder hands the
     * lease to the head of the line, so that waiter was a high-priority one. A
     * head lists the queue seldom and may never have seen its entry, so this
     * is how it learns. Told once its waiter is known: from the holder record,
     * or from our last listing.
     */
    noteHolding(lock, ticket) {
        this.holdingSeen = holdingOf(lock);
        if (lock.state !== 'leased')
            return;
        const mine = { ticket, priority: this.options.priority };
        for (const held of this.holdingSeen) {
            const record = lock.holder?.ticket === String(held) ? lock.holder : undefined;
            const waiter = record ?? this.listed.get(held)?.waiter;
            if (record || this.listed.has(held))
                this.options.notices.jump(held, waiter, mine);
        }
    }
    /**
     * Whether a normal head is still the head, as it takes a free lock: the
     * head lists the queue seldom, and a high-priority waiter that joined since
     * goes ahead of it. A listing from this attempt (`ahead`), or a moment ago,
     * stands; a high-priority head needs none (a later waiter never goes ahead
     * of it).
     */
    async stillHead(store, call, ticket, ahead) {
        const { priority, passedOver, standing } = this.options;
        if (ticket === undefined || priority === 'high' || ahead !== undefined)
            return true;
        if ((0,clock/* monotonicNow */.X)() - this.listedAt < RELIST_BEFORE_TAKING_MS)
            return true;
        // Only a look for high-priority waiters ahead: the rest of the line is as the last listing left it,
        // and a lapsed entry of our own is not joined again here (the lock is being taken).
        const look = await store.queue.look(call());
        this.listedAt = (0,clock/* monotonicNow */.X)();
        const me = { ticket, priority };
        const passed = look.entries.some((other) => (0,queue_priority/* priorityOf */.a2)(other) === 'high' &&
            other.ticket !== ticket &&
            (0,queue_queue/* isLive */.DG)(other, look.serviceNow) &&
            !(0,queue_queue/* isSquatter */.AB)(other) &&
            !passedOver.has(other.ticket) &&
            (0,queue_priority/* goesBefore */.i_)(other, me, this.holdingSeen));
        // Passed: the next attempt lists the queue as usual, to stand in line and say so.
        if (passed) {
            standing.head = false;
            standing.listAt = (0,clock/* monotonicNow */.X)();
        }
        return !passed;
    }
}

;// CONCATENATED MODULE: ./src/lock/idle-head-watch.ts
// Passing over a head that does not serve the lock: the first waiter ahead,
// when it leaves the lock free for longer than idleHeadMs (pacing.ts), seen
// free at two looks at least. Its job may hang while its entry lives on.
// Passing over is safe: it only lets the waiter behind it ask for the lease.

class IdleHeadWatch {
    /** How long a head may leave the lock free (idleHeadMs). */
    boundMs;
    emit;
    /** Heads that left the lock free for too long: no longer waited for. */
    passedOver = new Set();
    /** The first waiter ahead, while every look since `since` found the lock free. */
    idleHead;
    /** When the waiter right behind the head looks at the lock next, to notice a head that does not take it. */
    idleCheckAt = 0;
    constructor(boundMs, emit) {
        this.boundMs = boundMs;
        this.emit = emit;
    }
    /** Right behind the head: whether this listing looks at the lock too (every quarter of the bound, or while idle). */
    get dueForLook() {
        return (0,clock/* monotonicNow */.X)() >= this.idleCheckAt || this.idleHead !== undefined;
    }
    /**
     * A look at the lock: passes over the first waiter ahead (of `standing`)
     * when it has left the lock free for longer than the bound, and sends us
     * to list the queue again at once.
     */
    watch(lock, standing) {
        const first = standing.lastAhead?.[0];
        this.idleCheckAt = (0,clock/* monotonicNow */.X)() + this.boundMs / 4;
        if (lock.state === 'leased' || !first) {
            this.idleHead = undefined;
            return;
        }
        const now = (0,clock/* monotonicNow */.X)();
        if (this.idleHead?.ticket !== first.ticket) {
            this.idleHead = { ticket: first.ticket, since: now, looks: 1 };
            return;
        }
        this.idleHead.looks += 1;
        const idleMs = now - this.idleHead.since;
        if (idleMs < this.boundMs || this.idleHead.looks < 2)
            return;
        this.passedOver.add(first.ticket);
        this.idleHead = undefined;
        standing.listAt = now; // list again at once: we may be the head now
        this.emit({ type: 'passed-over', ticket: first.ticket, waiter: first.waiter, idleMs });
    }
}

// EXTERNAL MODULE: ./src/lock/deploy/latest.ts
var deploy_latest = __webpack_require__(5244);
;// CONCATENATED MODULE: ./src/lock/latest-gate.ts
// Latest wins, as the waiter meets it (deploy/latest.ts decides): a waiter
// with a supersede key checks the queue and its key's record on arrival and
// just before every acquire, and raises the record to its sequence under the
// lease. Superseded or stale throws, before any lease is asked for.


class LatestGate {
    /** Decides superseded and stale. */
    guard;
    /** The key's record as last read before an acquire: its ETag is what our record is written over. */
    latestRead;
    /** Every key's record that the last listing read, for the lines. */
    records;
    constructor(supersede, store, emit) {
        this.guard = new deploy_latest/* LatestGuard */.t$(supersede, store.location, (malformed) => emit({ type: 'malformed-sequence', ...malformed }), (far) => {
            const command = far.where === 'the record of the key' ? store.latest?.deleteCommand?.(supersede.key) : undefined;
            emit({ type: 'far-sequence', ...far, ...(command ? { clearCommand: command } : {}) });
        });
    }
    /** Every key's record the last listing read. */
    get recordsSeen() {
        return this.records;
    }
    /** The key whose record a listing of the queue reads as well; undefined with a store without records. */
    key(store) {
        return store.latest ? this.guard.spec.key : undefined;
    }
    /**
     * A listing of the queue (`ticket`: ours, when we are in it): keeps the
     * records it read, and throws when a newer job of our key waits.
     */
    checkListing(look, ticket) {
        if (look.records)
            this.records = look.records;
        this.guard.checkQueue(look.entries, look.serviceNow, ticket);
    }
    /**
     * On arrival, from the first listing: leave before joining, and before any
     * acquire, when a newer job of our key waits or has held.
     */
    async arrive(look, store, call) {
        this.checkListing(look, undefined);
        this.latestRead = look.latest ?? (await this.readLatest(store, call));
        await this.checkLatest(store, this.latestRead, call);
    }
    /**
     * Just before an acquire: one listing of the whole queue, which reads our
     * key's record too (a separate read only when it did not reach it). Throws
     * when we are superseded or stale. A waiter outside the queue (it may not
     * list) reads the record alone, and can only be stale.
     */
    async decide(store, call, where) {
        let latest;
        if (!where.outside) {
            const look = await store.queue.look({ ...call(), latestKey: this.key(store) });
            this.checkListing(look, where.ticket);
            latest = look.latest;
        }
        this.latestRead = latest ?? (await this.readLatest(store, call));
        await this.checkLatest(store, this.latestRead, call);
    }
    /** Starts reading our key's record, with a store that can read it. */
    readLatest(store, call) {
        if (!store.latest)
            return undefined;
        return store.latest.read(this.guard.spec.key, call());
    }
    /**
     * Decides stale from our key's record as read: a record whose blob a
     * stranger leased fails the job at once (it could never be written, and no
     * lease or token is taken for it); a record with a higher sequence makes us
     * stale; no record at all (the key is new, or the .azure-mutex/ folder was
     * deleted) asks the lock blob, which keeps each key's sequence too
     * (latest-kept.ts): one more request, only then.
     */
    async checkLatest(store, read, call) {
        const guard = this.guard;
        const latest = store.latest;
        if (read?.leased && latest?.leasedError)
            throw latest.leasedError(guard.spec.key);
        guard.checkRecord(read?.record);
        if (read?.record || !latest?.readKept)
            return;
        guard.checkKept(await latest.readKept(guard.spec.key, call()));
    }
    /**
     * Under the lease: raises our key's record to our sequence. The write is
     * conditional on the record read before the acquire; if another write came
     * between (a newer job that held and left in that moment), it is read again
     * and decided again, and a stale lease is given back by the caller.
     */
    async record(store, record, call, checked) {
        const guard = this.guard;
        const latest = store.latest;
        if (!latest)
            return;
        let read = this.latestRead ?? (await latest.read(guard.spec.key, call()));
        for (let tries = 0; tries < 3; tries++) {
            if (read.leased && latest.leasedError)
                throw latest.leasedError(guard.spec.key);
            guard.checkRecord(read.record);
            const same = read.record?.supersedeKey === guard.spec.key;
            // A re-run of the job that holds the record: it says so already.
            if (same && (0,deploy_latest/* parseSequence */.rd)(read.record?.sequence) === guard.spec.sequence)
                return;
            // Not before the lock blob's sequence is checked under our lease: a stale job must not lower the record.
            await checked;
            if ((await latest.write(guard.spec.key, record, read.etag, call())) === 'written')
                return;
            read = await latest.read(guard.spec.key, call());
        }
        throw new errors/* LockError */.Ku(`The record of the supersede key of lock ${store.location} keeps changing; try again.`);
    }
}

;// CONCATENATED MODULE: ./src/lock/own-entry.ts
// A waiter's own entry in the queue: entering it (a ticket, the entry, its
// lease), renewing its lease every third of the lease duration, leaving it,
// and sweeping the entries of waiters that are gone. Where the entry stands
// in the line is the attempt's to decide (attempt.ts).




/** Tickets to try in a row that turn out to have an entry already, before giving up. */
const MAX_TAKEN_TICKETS = 10;
/** How long leaving the queue and sweeping may take: they are best effort. */
const TIDY_TIMEOUT_MS = 2_000;
class OwnEntry {
    options;
    entry;
    constructor(options) {
        this.options = options;
    }
    /** Our ticket, while we are in the queue. */
    get ticket() {
        return this.entry?.ticket;
    }
    /** When our entry's lease is renewed next (monotonic); Infinity outside the queue. */
    get renewAt() {
        return this.entry?.renewAt ?? Infinity;
    }
    /** The ticket just before ours, while its entry may still be on its way. */
    get predecessor() {
        return this.entry?.predecessor;
    }
    /** The ticket just before ours was seen (its entry, or its waiter holding the lock), or its time is up. */
    predecessorCame() {
        if (this.entry)
            this.entry.predecessor = undefined;
    }
    /**
     * Takes a ticket, writes our entry and leases it. False when the container
     * is gone (storage lost its data, or someone deleted it): the waiter starts
     * again from outside, which creates it. `previousTicket`, our own earlier
     * ticket when joining again, is not waited for.
     */
    async enter(store, call, previousTicket) {
        const leaseId = (0,external_node_crypto_.randomUUID)();
        let claim;
        let entered;
        let tries = 0;
        do {
            try {
                claim = await store.queue.claimTicket(call());
            }
            catch (err) {
                // The container is gone (storage lost its data, or someone deleted it): start again from outside.
                if ((0,errors/* storageErrorCode */.t6)(err) === 'ContainerNotFound')
                    return false;
                throw err;
            }
            // Our entry publishes the lease id we will hold the lock under, so that a holder can hand the lease to us.
            const publish = this.options.leaseId;
            entered = await store.queue.enter(claim.ticket, this.options.who, leaseId, this.options.leaseSeconds, call(), publish, this.options.priority);
            // 'taken': an entry of that ticket that this action did not hand out; the next ticket is free.
        } while (entered === 'taken' && ++tries < MAX_TAKEN_TICKETS);
        if (entered === 'taken')
            throw new errors/* LockError */.Ku(`The queue of lock ${store.location} holds entries this action did not write.`);
        // The container is gone: start again from outside, which creates it.
        if (entered === 'missing')
            return false;
        this.entry = {
            ticket: claim.ticket,
            leaseId,
            renewAt: (0,clock/* monotonicNow */.X)() + (this.options.leaseSeconds * 1000) / 3,
            // Our own earlier ticket (when joining again) is not waited for.
            predecessor: claim.ticket - 1 === previousTicket ? undefined : (0,queue_queue/* recentPredecessor */.JX)(claim, (0,clock/* monotonicNow */.X)()),
        };
        return true;
    }
    /** Renews our entry's lease when it is due. 'gone': the entry was lost, and the waiter joins again, at the back. */
    async keep(store, call) {
        const entry = this.entry;
        if (!entry || (0,clock/* monotonicNow */.X)() < entry.renewAt)
            return 'kept';
        let renewed;
        try {
            renewed = await store.queue.renewEntry(entry.ticket, entry.leaseId, call());
        }
        catch (err) {
            if (!(0,errors/* isTransient */.dg)(err))
                throw err;
            entry.renewAt = (0,clock/* monotonicNow */.X)() + 1_000; // two more chances at least before the lease lapses
            return 'kept';
        }
        if (renewed === 'renewed') {
            entry.renewAt = (0,clock/* monotonicNow */.X)() + (this.options.leaseSeconds * 1000) / 3;
            return 'kept';
        }
        return 'gone';
    }
    /** Forgets an entry that was lost, before joining again; returns its ticket. */
    forget() {
        const previous = this.entry?.ticket;
        this.entry = undefined;
        return previous;
    }
    /**
     * Leaves the queue as we take the lock. Unlike leave(), this must succeed: an
     * entry left behind stays leased for up to a lease duration, and the holders
     * after us would take it for the head of the line and hand the lease to it,
     * where nobody takes it, so the lock would lie idle until it lapsed. A refusal
     * that passes fails the take like a refused token (waiter.ts keeps the lease
     * and takes again). Any other would come again, and is left as before: a
     * credential that may not delete gives the entry's lease back instead
     * (queue-blobs.ts), and an entry without a lease is no waiter.
     */
    async leaveAsHolder(store, call) {
        const entry = this.entry;
        if (!entry)
            return;
        try {
            await store.queue.leave(entry.ticket, entry.leaseId, call());
        }
        catch (err) {
            if ((0,errors/* isTransient */.dg)(err))
                throw err;
        }
        this.entry = undefined;
    }
    /** Leaves the queue, if we are in it. Best effort and bounded: a leftover entry lapses by itself. */
    async leave(store, timeoutMs = TIDY_TIMEOUT_MS) {
        const entry = this.entry;
        if (!entry)
            return;
        this.entry = undefined;
        await store.queue.leave(entry.ticket, entry.leaseId, { timeoutMs }).catch(() => undefined);
    }
    /**
     * Removes entries whose waiters are gone. Not awaited by the attempt: it is
     * housekeeping. A credential that may not delete (a SAS without 'd') is
     * refused quietly by every sweep: said once, as lapsed entries then pile up.
     */
    async sweep(store, lapsed) {
        await Promise.all(lapsed.map((entry) => store.queue.sweep(entry.ticket, { timeoutMs: TIDY_TIMEOUT_MS }).catch((err) => {
            if ((0,errors/* statusCode */.se)(err) !== 403)
                return;
            this.options.notices.sweepRefused(err);
        })));
    }
}

;// CONCATENATED MODULE: ./src/lock/own-lease.ts
// The lease a waiter asks for, on the lock blob or on the slot it chose
// (slots.ts): asking for it (idempotent: an acquire under our own id confirms
// a lease taken on an earlier try), taking over our run's hold (run-hold.ts),
// and giving it back when taking the lock could not be finished. It knows
// whether the lease is, or may be, ours: whatever ends the wait without
// success gives back what it may hold (attempt.ts: abandon).



/** How long giving back a lease may take: it is best effort (a failed one is tried again as the wait ends). */
const GIVE_BACK_TIMEOUT_MS = 2_000;
class OwnLease {
    options;
    /** With slots: the slot we asked for (or hold), and its store; the lease, record and release go there. */
    chosen;
    /** The lease was asked for: whatever ends the wait without success gives it back. */
    acquireTried = false;
    /** The last holder was seen to have handed its lease to us: it is under our id, asked for or not. */
    handed = false;
    /** The lease is ours, but taking it was not finished (a request failed after the grant). */
    acquired = false;
    /** Our run's hold, taken over: the lease is ours, and takeOver finishes taking it. */
    tookOver;
    constructor(options) {
        this.options = options;
    }
    /** Where the lease is: the chosen slot's store, else the lock's. */
    get store() {
        return this.chosen?.store ?? this.options.store;
    }
    /** The slot whose lease we asked for or hold: 1 (the lock blob) without slots. */
    get slot() {
        return this.chosen?.slot ?? 1;
    }
    /** With slots: the slot to ask for next; undefined for none (a client that does not queue took it first). */
    choose(chosen) {
        this.chosen = chosen;
    }
    /** A slot is chosen and its lease was asked for: ask again for the same slot, never for a second one. */
    get askedForSlot() {
        return this.acquireTried && this.chosen !== undefined;
    }
    /** The lease is ours, but taking it was not finished: the next attempt confirms it. */
    get ours() {
        return this.acquired;
    }
    /** Our run's hold taken over, while taking it is not finished. */
    get takenOver() {
        return this.tookOver;
    }
    /** The lease is, or may be, under our id: asked for, or handed to us. */
    get mayHold() {
        return this.acquireTried || this.handed;
    }
    /** The last holder handed its lease to our entry: it is under our id, asked for or not. */
    noteHanded() {
        this.handed = true;
    }
    /** A confirm found the lease held by another: it is not ours, taken over or not. */
    lost() {
        this.tookOver = undefined;
    }
    /** Taking the lock is finished: the lease is the holder's now, not the waiter's to give back. */
    taken() {
        this.acquired = false;
        this.tookOver = undefined;
    }
    /** A lease that may have been ours was passed on: nothing is left to give back. */
    passedOn() {
        this.acquireTried = false;
    }
    /**
     * Asks for the lease with our id (idempotent: it also re-confirms a lease
     * taken on an earlier try). A missing blob is created, and the attempt ends
     * to try again at once.
     */
    async acquire(call) {
        if (this.options.signal?.aborted)
            throw new errors/* LockCancelledError */.pw(`Cancelled while waiting for lock ${this.store.location}.`);
        this.acquireTried = true;
        const sentAt = new Date();
        const sentMono = (0,clock/* monotonicNow */.X)();
        const outcome = await this.store.acquire(this.options.leaseId, this.options.leaseSeconds, call());
        this.acquired = outcome === 'acquired';
        if (outcome === 'acquired')
            return { kind: 'acquired', sentAt, sentMono, serviceNow: this.store.grantedAt };
        // A definite no: no lease of ours exists (an earlier try whose answer was lost included).
        this.acquireTried = false;
        if (outcome === 'held-by-other')
            return outcome;
        const created = await this.store.create(call());
        const slot = this.slot > 1 ? { slot: this.slot } : {};
        if (created !== 'nothing')
            this.options.emit({ type: 'created', what: created, ...slot });
        // Asked for again at once, in this attempt: ending it would cost the wait loop's pause (50 ms) on every new lock.
        if (created !== 'nothing' && !this.options.signal?.aborted) {
            this.acquireTried = true;
            const sentAt = new Date();
            const sentMono = (0,clock/* monotonicNow */.X)();
            const again = await this.store.acquire(this.options.leaseId, this.options.leaseSeconds, call());
            this.acquired = again === 'acquired';
            if (again === 'acquired')
                return { kind: 'acquired', sentAt, sentMono, serviceNow: this.store.grantedAt };
            this.acquireTried = false;
        }
        return { kind: 'waiting', sighting: {}, wakeAt: 0, tried: false };
    }
    /**
     * A job of scope run takes over the hold its own run left on the lock
     * (run-hold.ts) at any look at it, wherever it waits: the run holds the lock
     * already. Of several jobs of the run that try at once, Azure lets one in:
     * the change of the hold's lease id to ours works once (lock-blob.ts); the
     * others go on waiting. takeOver finishes it: the run's fencing token, and
     * out of the queue. `fromQueue`: whether we wait in the queue.
     */
    async takeOverRunHold(lock, who, fromQueue, call) {
        if (lock.state !== 'leased' || !lock.hold)
            return undefined;
        const hold = lock.hold;
        if (!(0,deploy_hold/* mayTakeOver */.rw)(hold, who, lock.serviceNow))
            return undefined;
        if (this.options.signal?.aborted)
            throw new errors/* LockCancelledError */.pw(`Cancelled while waiting for lock ${this.store.location}.`);
        this.acquireTried = true;
        const sentAt = new Date();
        const sentMono = (0,clock/* monotonicNow */.X)();
        const taken = await this.store.takeOverHold(hold.leaseId, this.options.leaseId, this.options.leaseSeconds, call());
        if (taken !== 'taken') {
            // Another job of the run took it over first (or the hold ended): the lease is not under our id.
            this.acquireTried = false;
            return undefined;
        }
        this.acquired = true;
        this.tookOver = { hold, fromQueue };
        return { kind: 'acquired', sentAt, sentMono, serviceNow: this.store.grantedAt, tookOver: this.tookOver };
    }
    /**
     * Gives back the lease we took, when taking the lock could not be finished
     * (the record or the fencing token failed): a job never waits, or tries
     * again, while it holds the lease. Our place in the queue is kept.
     */
    async giveBack() {
        if (!this.acquireTried)
            return;
        const released = await this.store
            .release(this.options.leaseId, { timeoutMs: GIVE_BACK_TIMEOUT_MS })
            .then(() => true)
            .catch(() => false);
        this.acquired = false;
        this.tookOver = undefined;
        // A release that failed is tried again when the wait ends (abandon).
        this.acquireTried = !released;
    }
}

;// CONCATENATED MODULE: ./src/lock/pacing.ts
// How often a waiter looks at the lock and the queue, by where it stands
// (attempt.ts), and how long a head may leave the lock free before the waiter
// behind it passes it over.
/**
 * A waiter with a supersede key lists the queue every 2-3 s, so that it
 * leaves within about that long after a newer job of its key joins. Further
 * back it listed every 4-5 s anyway; the head, every 30 s.
 */
const LATEST_LIST_MS = [2_000, 3_000];
/**
 * At the head: a look at the lock every 90-140 ms, so a release is seen
 * about 60 ms after it on average (about 530 requests a minute with the
 * entry's renewals, under 600). Right behind the head: a listing every 1-1.5 s,
 * so that it takes the head soon after the head takes the lock; a hold
 * shorter than that leaves the lock idle for the rest (about 60 requests a
 * minute with a 15 s lease, 50 with 60 s). Further back: a listing every
 * 4-5 s, which with the entry's renewals (12 a minute for a 15 s lease, 3 for
 * 60 s) and a look at the holder for the line every 30 s stays under 30
 * requests a minute.
 */
const DEFAULT_PACING = {
    headPollMs: [90, 140],
    outsidePollMs: [250, 750],
    onDeckPollMs: [1_000, 1_500],
    queuePollMs: [4_000, 5_000],
    headListMs: 30_000,
    floorMs: 50,
};
/**
 * The pause between looks for a waiter within N of a lock with slots. Its look
 * is two requests (the folder's listing and slot 1's HEAD), so it looks half
 * as often as the head of a lock of one slot: about the same requests a
 * minute, under 600 (about 530 with the entry's renewals).
 */
function slottedHeadMs(pacing) {
    return 2 * between(pacing.headPollMs);
}
/**
 * A head that leaves the lock free this long is passed over by the waiter
 * behind it. A live head looks at the lock every 90-140 ms and takes it within
 * a second; even while storage throttles it, its back-off tries again within
 * 16 s. Two lease durations (30 s at least) is therefore far more than a live
 * head needs, and about what a waiter whose job hangs (SIGSTOP, a swapped-out
 * runner) keeps its entry alive without serving. Passing over is safe: it only
 * lets the next waiter ask for the lease, and the lease still lets one holder in.
 */
function idleHeadMs(leaseSeconds, pacing) {
    return pacing.idleHeadMs ?? Math.max(30_000, 2 * leaseSeconds * 1000);
}
/** A pause drawn at random within [min, max], so that waiters do not look in step. */
const between = ([min, max]) => min + Math.random() * (max - min);

;// CONCATENATED MODULE: ./src/lock/queue/pass-on.ts
// A waiter that ends its wait without the lock, but may hold the lock's lease
// all the same, passes it on at once instead of leaving it to lapse.
//
// A holder that lets go hands its lease to the head of the queue (handover.ts):
// the lease is then under the id the head published, before the head has
// looked. If the head's wait ends right then (it is superseded, turns out
// stale, is cancelled, or times out), nobody would renew that lease and the
// lock would stay idle for up to one lease duration, with the next waiter
// unable to take it. So the waiter lets go as a holder does: it hands the lease
// to the next head, or releases it when nobody waits. If the lease is not
// under our id (it was never handed to us), Azure refuses both, and nothing
// changes: passing on can never take a lease from anybody.

/**
 * Lets go of a lease that may be ours, passing it to the head of the queue
 * other than `ownTicket` (our own entry, which may not be gone yet). Best
 * effort and bounded: a lease that could not be passed on lapses by itself.
 */
async function passOn(store, leaseId, ownTicket, options) {
    const storeLetGo = store.letGo?.bind(store);
    if (!storeLetGo) {
        const released = await store.release(leaseId, options).catch(() => undefined);
        return released === 'released' ? { outcome: 'released' } : undefined;
    }
    const notOurs = (seen) => ({
        ...seen,
        entries: seen.entries.filter((entry) => entry.ticket !== ownTicket),
    });
    const handoverLook = store.handoverLook?.bind(store);
    const handover = {
        queue: { look: async (look) => notOurs(await store.queue.look(look)) },
        ...(handoverLook ? { handoverLook: async (look) => notOurs(await handoverLook(look)) } : {}),
        letGo: storeLetGo,
    };
    return (0,queue_handover/* letGo */.Ko)(handover, leaseId, options).catch(() => undefined);
}

// EXTERNAL MODULE: ./src/lock/queue/slots.ts
var queue_slots = __webpack_require__(5230);
;// CONCATENATED MODULE: ./src/lock/slotted-attempt.ts
// One attempt of a waiter on a lock with slots (queue/slots.ts): one look at
// the queue and every slot together. A waiter takes a slot handed to it, or
// the free slot at its own place among the first k waiters not yet served, k
// being the free slots. Holds and latest wins are refused with slots before
// any waiting (inputs). Joining the queue, and what the lease does, are the
// attempt's (attempt.ts, own-entry.ts, own-lease.ts).






/** How long passing on a slot may take: it is best effort (a slot missed lapses by itself). */
const slotted_attempt_TIDY_TIMEOUT_MS = 2_000;
/** A look at the slots with less time left than this is not worth sending. */
const MIN_LOOK_MS = 250;
/**
 * Passes on (pass-on.ts) every slot that one look shows handed to our
 * ticket, but `keep`, and `also`, a slot whose acquire we tried. Azure
 * refuses the change of a lease that is not under our id, so nobody else's
 * slot is touched. Best effort: a slot missed here lapses by itself.
 */
async function passOnHanded(slots, leaseId, ticket, which) {
    const ours = new Set(which.also === undefined ? [] : [which.also]);
    if (which.timeoutMs >= MIN_LOOK_MS) {
        const look = await slots.look({ timeoutMs: which.timeoutMs }).catch(() => undefined);
        for (const s of look?.slots ?? [])
            if (s.state === 'leased' && s.handedTo === ticket)
                ours.add(s.slot);
    }
    if (which.keep !== undefined)
        ours.delete(which.keep);
    await Promise.all([...ours].map((slot) => passOn(slots.open(slot), leaseId, ticket, { timeoutMs: slotted_attempt_TIDY_TIMEOUT_MS })));
}
class SlottedAttempt {
    options;
    /** The waiters ahead not yet served at the last look; undefined before one. */
    slotStanding;
    /** The extra slots handed to us being passed on, awaited by take(). */
    passing;
    constructor(options) {
        this.options = options;
    }
    /**
     * One attempt. How often it looks follows its standing, the waiters ahead
     * of it that are not served yet: under N, a slot may be its own at the
     * next release, so it looks at the pace of a head (slottedHeadMs); from N
     * to 3N - 1 it is in the next two rounds, and looks as the waiter right
     * behind a head does, so that it knows its standing before its round comes
     * (with equal holds a whole round frees at once); further back, as the
     * queue does. Beyond N, the listing alone: slot 1's HEAD is added only when
     * the listing shows that a slot may be ours.
     */
    async attempt(call) {
        const { slots, entry: own, lease, standing: line } = this.options;
        // No lease is asked for before the lock's number of slots is known to be ours.
        await slots.agree(call());
        if (lease.askedForSlot) {
            // An acquire whose answer was lost: ask again for the same slot (idempotent), never for a second one.
            const outcome = await this.options.acquire(call);
            if (outcome !== 'held-by-other')
                return outcome;
            lease.choose(undefined);
        }
        if (own.ticket !== undefined && (await own.keep(lease.store, call)) === 'gone')
            await this.options.rejoin(call);
        if (own.ticket !== undefined && (0,clock/* monotonicNow */.X)() < line.listAt) {
            return { kind: 'waiting', sighting: {}, wakeAt: Math.min(line.listAt, own.renewAt) };
        }
        // A newcomer, and a waiter that stood within N at its last look, look at slot 1 as well.
        const withLock = own.ticket === undefined || (this.slotStanding ?? 0) <= slots.count;
        let look = await slots.look(call(), { lock: withLock });
        this.options.answered();
        let standing = this.standing(look);
        if (standing === 'rejoin') {
            await this.options.rejoin(call);
            return { kind: 'waiting', sighting: {}, wakeAt: 0 };
        }
        // The listing shows that a slot may be ours: look at slot 1 too before deciding. Its last
        // state may hide at most one served waiter ahead of us, hence N, not N - 1.
        if (!look.lockSeen && standing.count <= slots.count) {
            look = await slots.look(call());
            standing = this.standing(look);
            if (standing === 'rejoin') {
                await this.options.rejoin(call);
                return { kind: 'waiting', sighting: {}, wakeAt: 0 };
            }
        }
        const { ahead, count: standingAhead } = standing;
        const ticket = own.ticket;
        this.slotStanding = standingAhead;
        line.lastAhead = ahead;
        const pick = (0,queue_slots/* slotToTake */.z4)(look.slots, standingAhead, ticket);
        if (pick) {
            lease.choose({ slot: pick.slot, store: slots.open(pick.slot) });
            const outcome = await this.options.acquire(call);
            if (outcome !== 'held-by-other' && outcome.kind === 'acquired' && ticket !== undefined) {
                // Two holders that let go at once may both have handed us their slot: the other goes on
                // to the next waiter now, beside our take (which awaits it), not after it.
                const extra = look.slots.filter((s) => s.slot !== pick.slot && s.state === 'leased' && s.handedTo === ticket);
                this.passing = Promise.all(extra.map((s) => passOn(slots.open(s.slot), this.options.leaseId, ticket, { timeoutMs: slotted_attempt_TIDY_TIMEOUT_MS })));
            }
            if (outcome !== 'held-by-other')
                return outcome;
            // A client that does not queue took it first.
            lease.choose(undefined);
        }
        const free = look.slots.filter((s) => s.state !== 'leased').length;
        // The first waiter ahead that leaves a slot free for too long is passed over, as a head would be.
        if (ticket !== undefined)
            this.options.idle.watch(free > 0 ? { state: 'free', staleHolder: undefined } : { state: 'leased', holder: undefined, infinite: false }, line);
        const shown = look.slots.find((s) => s.state === 'leased');
        const sighting = {
            lock: free > 0 || !shown
                ? { state: 'free', staleHolder: undefined }
                : { state: 'leased', holder: shown.holder, infinite: shown.infinite ?? false },
            ahead,
            slots: (0,queue_slots/* slotsHeld */.$h)(look.slots),
        };
        if (ticket === undefined) {
            if (!this.options.willWait)
                return { kind: 'waiting', sighting, wakeAt: 0 };
            await this.options.join(call);
            line.head = false;
        }
        const { pacing } = this.options;
        line.listAt =
            (0,clock/* monotonicNow */.X)() +
                (standingAhead < slots.count
                    ? slottedHeadMs(pacing)
                    : between(standingAhead < 3 * slots.count ? pacing.onDeckPollMs : pacing.queuePollMs));
        return { kind: 'waiting', sighting, wakeAt: Math.min(line.listAt, own.renewAt) };
    }
    /**
     * Where a look at the slots puts us: the live waiters ahead in the order of
     * the line, and how many of them (with a ticket just before ours whose entry
     * may be on its way) are not served yet (servedTickets), which is what
     * decides whether a free slot is ours. 'rejoin' when our entry is gone.
     */
    standing(look) {
        const { queue } = look;
        const { entry: own, lease, idle, priority } = this.options;
        this.options.notices.squatters(queue.entries, lease.store.queue);
        let ahead;
        const ticket = own.ticket;
        if (ticket !== undefined) {
            const standing = (0,queue_queue/* standingOf */.YP)(queue, ticket, idle.passedOver, { priority });
            if (!standing.mine)
                return 'rejoin';
            void own.sweep(lease.store, standing.lapsed);
            ahead = standing.ahead;
            const predecessor = own.predecessor;
            if (predecessor && ((0,queue_queue/* predecessorShown */.jg)(predecessor, queue) || (0,clock/* monotonicNow */.X)() >= predecessor.until)) {
                own.predecessorCame();
            }
        }
        else {
            // A newcomer stands behind every live waiter, except that a high-priority one passes the normal ones.
            const me = { ticket: Infinity, priority };
            ahead = (0,queue_priority/* lineOrder */.PJ)(queue.entries.filter((e) => (0,queue_queue/* isLive */.DG)(e, queue.serviceNow) && !(0,queue_queue/* isSquatter */.AB)(e) && !idle.passedOver.has(e.ticket) && (0,queue_priority/* goesBefore */.i_)(e, me)));
            void own.sweep(lease.store, queue.entries.filter((e) => !(0,queue_queue/* isLive */.DG)(e, queue.serviceNow)));
        }
        const served = (0,queue_slots/* servedTickets */.V4)(look.slots);
        // A ticket just before ours whose entry may still be on its way stands ahead of us too.
        const count = ahead.filter((e) => !served.has(e.ticket)).length + (own.predecessor ? 1 : 0);
        return { ahead, count };
    }
    /** The extra slots handed to us being passed on, for take() to await; undefined when none are. */
    passingOn() {
        return this.passing?.catch(() => undefined);
    }
    /** take() awaited the extra slots: they are passed on. */
    passedOn() {
        this.passing = undefined;
    }
    /**
     * With slots, two holders that let go at once may both hand their lease to
     * the head (handover.ts), or one may hand it over as the head takes a free
     * slot: the head then holds a second slot that nobody renews. Once out of
     * the queue (no holder hands us anything after its next look), one look
     * finds such a slot, and it is passed on at once (pass-on.ts: handed to the
     * first waiter not yet served, else released) rather than left to lapse.
     * Best effort: a slot missed here lapses within one lease duration.
     */
    async returnStrays(ticket) {
        const keep = this.options.lease.slot;
        await passOnHanded(this.options.slots, this.options.leaseId, ticket, { keep, timeoutMs: slotted_attempt_TIDY_TIMEOUT_MS });
    }
}

;// CONCATENATED MODULE: ./src/lock/wait-notices.ts
// What a waiter says once, each to its own: an entry with an infinite lease
// that is no waiter, a priority that is neither normal nor high, a
// high-priority waiter that went ahead of us, and a sweep that the credential
// may not do. The wording is wait-report.ts's; this only decides when.


class WaitNotices {
    emit;
    /** Squatters (entries with an infinite lease) already told of. */
    squattersTold = new Set();
    /** Entries already told of: a high-priority waiter that joined ahead of us, a malformed priority. */
    jumpsTold = new Set();
    malformedTold = new Set();
    /** A sweep was refused (a credential without delete): said once. */
    sweepRefusedTold = false;
    constructor(emit) {
        this.emit = emit;
    }
    /** Says once, for each, that an entry with an infinite lease is no waiter, and how to clear it. */
    squatters(entries, queue) {
        for (const entry of entries) {
            if (!(0,queue_queue/* isSquatter */.AB)(entry) || this.squattersTold.has(entry.ticket))
                continue;
            this.squattersTold.add(entry.ticket);
            this.emit({
                type: 'squatter',
                ticket: entry.ticket,
                waiter: entry.waiter,
                clearCommands: queue.clearCommands(entry.ticket),
            });
        }
    }
    /**
     * Says once per entry: a high-priority waiter that joined after us (our
     * ticket `mine`) went ahead of us, and a priority that is neither normal
     * nor high (it counts as normal).
     */
    priorities(entries, ahead, mine) {
        for (const entry of (0,queue_priority/* joinedAhead */.pk)(ahead, mine.ticket ?? Infinity))
            this.jump(entry.ticket, entry.waiter, mine);
        for (const entry of entries) {
            if (entry.malformedPriority === undefined || this.malformedTold.has(entry.ticket))
                continue;
            this.malformedTold.add(entry.ticket);
            this.emit({
                type: 'malformed-priority',
                ticket: entry.ticket,
                waiter: entry.waiter,
                value: entry.malformedPriority,
            });
        }
    }
    /** Says once that the waiter of `ticket`, which joined after us, went ahead of us: only a high-priority one can. */
    jump(ticket, waiter, mine) {
        if (mine.priority === 'high' || mine.ticket === undefined || ticket <= mine.ticket || this.jumpsTold.has(ticket))
            return;
        this.jumpsTold.add(ticket);
        this.emit({ type: 'high-priority-ahead', ticket, waiter });
    }
    /**
     * A sweep was refused (a credential that may not delete, a SAS without
     * 'd'): every sweep is refused quietly after, so it is said once, as lapsed
     * entries then pile up.
     */
    sweepRefused(error) {
        if (this.sweepRefusedTold)
            return;
        this.sweepRefusedTold = true;
        this.emit({ type: 'sweep-refused', error });
    }
}

;// CONCATENATED MODULE: ./src/lock/attempt.ts
// One attempt of a waiter: what it does each time the wait loop wakes it.
//
// Outside the queue (its first attempt): one listing of the queue. Nobody
// waiting: it tries for the lease at once, and only if that fails does it join.
// Somebody waiting: it joins behind them.
//
// In the queue, it holds an entry named by its ticket and renews the entry's
// lease every third of the lease duration (own-entry.ts). At the head (no live
// entry ahead) it looks at the lock often and takes the lease when it is free;
// further back it only lists the queue, seldom, to learn when it has moved up
// (pacing.ts). Clients that do not queue (go-azuremutex, az CLI, older
// versions) may still take a free lease: the head then just keeps looking.
//
// Entries that do not serve the lock are not waited for: one with an infinite
// lease (a squatter: this action never takes one), and a head that leaves the
// lock free for longer than idleHeadMs (idle-head-watch.ts). Skipping them is
// safe, as only the lease lets a job in; it costs at most the order of the queue.
//
// Holds (deploy/hold.ts): any look at the lock that shows a hold whose end has
// come ends it, wherever the waiter stands (ended-holds.ts), and a job of scope
// run that sees its own run's hold takes it over (own-lease.ts: takeOverRunHold).
//
// The rest has its own file: the lease asked for (own-lease.ts), latest wins
// (latest-gate.ts), what is said once (wait-notices.ts), and a lock with slots
// (slotted-attempt.ts).













/**
 * The credential may not list the container (a SAS without 'l', or an
 * account SAS without the container resource type): the queue cannot be read.
 */
function isListingRefused(err) {
    const code = (0,errors/* storageErrorCode */.t6)(err);
    return ((0,errors/* statusCode */.se)(err) === 403 &&
        (code === 'AuthorizationPermissionMismatch' || code === 'AuthorizationResourceTypeMismatch'));
}
/** Entries the first listing reads: enough to tell an empty queue from a busy one in one request. */
const FIRST_LOOK_LIMIT = 5;
/** How soon to look again at a lease that had no record yet: its holder writes one just after taking it. */
const RECORD_PAUSE_MS = 300;
/** How long leaving the queue and passing on a lease may take: they are best effort. */
const attempt_TIDY_TIMEOUT_MS = 2_000;
/** A look at the lock with less time left than this is not worth sending. */
const attempt_MIN_LOOK_MS = 250;
/**
 * The least that leaving the queue, and passing on a lease that may be ours,
 * get when the wait's deadline has left them less: on a network that answers
 * they take tens of milliseconds, and an entry left behind costs the next
 * jobs up to a lease duration.
 */
const LEAST_TIDY_MS = 300;
/** A waiter's attempts: each call of attempt() is one, and take() or abandon() ends them. */
class Attempt {
    options;
    priority;
    notices;
    entry;
    lease;
    latest;
    holds;
    idle;
    high;
    /** With slots: the attempt on a lock with slots, which stands in line by its own rules. */
    slotted;
    /** Where we stand in line (standing.ts), shared with the attempt of a lock with slots. */
    line = { head: false, listAt: 0, lastAhead: undefined };
    /** A second look at the lock, soon after one that found a lease without a record. */
    viewAt = Infinity;
    /** Storage has answered at least once: a network failure after that is storage trouble, not a wrong endpoint. */
    answered = false;
    /** The queue cannot be read with this credential: the waiter waits outside it. */
    outside = false;
    constructor(options) {
        this.options = options;
        this.priority = options.priority ?? 'normal';
        this.notices = new WaitNotices(options.emit);
        const { store, leaseId, leaseSeconds, who, signal, emit } = options;
        this.entry = new OwnEntry({ leaseId, leaseSeconds, who, priority: this.priority, notices: this.notices });
        this.lease = new OwnLease({ store, leaseId, leaseSeconds, signal, emit });
        this.latest = options.supersede && new LatestGate(options.supersede, store, emit);
        this.holds = new EndedHolds(who, emit);
        this.idle = new IdleHeadWatch(idleHeadMs(leaseSeconds, options.pacing), emit);
        const { priority, notices, line: standing } = this;
        this.high = new HighPriorityWatch({ priority, notices, passedOver: this.idle.passedOver, standing });
        this.slotted =
            store.slotted &&
                new SlottedAttempt({
                    slots: store.slotted,
                    leaseId,
                    willWait: options.willWait,
                    pacing: options.pacing,
                    priority: this.priority,
                    entry: this.entry,
                    lease: this.lease,
                    notices: this.notices,
                    idle: this.idle,
                    standing: this.line,
                    acquire: (call) => this.acquire(call, { decided: true }),
                    join: (call) => this.join(call),
                    rejoin: (call) => this.rejoin(call),
                    answered: () => {
                        this.answered = true;
                    },
                });
    }
    get store() {
        return this.lease.store;
    }
    /** The slot whose lease we asked for or hold: 1 (the lock blob) without slots. */
    get slot() {
        return this.lease.slot;
    }
    /** One attempt; `call` gives each request its signal and deadline. */
    async attempt(call, wantsHolder) {
        if (this.lease.ours) {
            // The lease is already ours: this only confirms it, so there is nothing to decide again.
            const outcome = await this.acquire(call, { decided: true });
            if (outcome !== 'held-by-other') {
                const tookOver = this.lease.takenOver;
                return outcome.kind === 'acquired' && tookOver ? { ...outcome, tookOver } : outcome;
            }
            this.lease.lost();
        }
        if (this.slotted)
            return this.slotted.attempt(call);
        if (this.outside)
            return this.outsideQueue(call);
        if (this.entry.ticket === undefined)
            return this.fromOutside(call);
        await this.keepEntry(call);
        let ahead;
        if ((0,clock/* monotonicNow */.X)() >= this.line.listAt)
            ahead = await this.lookAtQueue(call);
        if (this.line.head)
            return this.asHead(call, ahead);
        // Waiting for the ticket just before ours: the lock may show its waiter holding it already.
        const pending = this.entry.predecessor !== undefined && ahead?.length === 0;
        // Right behind the head, a look at the lock every quarter of the bound tells a head that does not
        // take a free lock; while it leaves the lock free, every listing looks at the lock too.
        const onDeck = ahead?.length === 1 && this.idle.dueForLook;
        // A job of scope run looks at the lock at each listing too: its run's hold is taken over at the next one.
        const runHold = this.options.takeOverRunHold === true;
        const look = ahead ? pending || wantsHolder(ahead.length) || onDeck || runHold : (0,clock/* monotonicNow */.X)() >= this.viewAt;
        let lock = look ? await this.store.view(call()) : undefined;
        if (lock) {
            const takenOver = await this.takeOverRunHold(lock, call);
            if (takenOver)
                return takenOver;
            lock = await this.endEndedHold(lock, call);
            this.high.noteHolding(lock, this.entry.ticket);
        }
        if (lock && this.handedToUs(lock)) {
            const outcome = await this.acquire(call);
            if (outcome !== 'held-by-other')
                return outcome;
        }
        if (lock)
            this.watchHead(lock);
        // A lease without a record is also the moment between a new holder's lease and its record:
        // look once more shortly, rather than at the next listing, so that the line names the holder.
        this.viewAt = ahead && lock?.state === 'leased' && !lock.holder ? (0,clock/* monotonicNow */.X)() + RECORD_PAUSE_MS : Infinity;
        const predecessor = this.entry.predecessor;
        if (predecessor &&
            lock?.state === 'leased' &&
            (0,queue_queue/* predecessorShown */.jg)(predecessor, { holderTicket: lock.holder?.ticket })) {
            this.entry.predecessorCame();
            this.line.head = true;
            this.line.listAt = (0,clock/* monotonicNow */.X)() + this.options.pacing.headListMs;
        }
        const sighting = { lock: lock?.state === 'missing' ? undefined : lock, ahead };
        return { kind: 'waiting', sighting, wakeAt: this.wakeAt() };
    }
    /**
     * When the next attempt is due: the next look (at the lock for the head, at
     * the queue for the others) or renewal. The head looks at the lock at its
     * own pace, so a second look planned before it became head no longer counts.
     */
    wakeAt() {
        if (this.line.head)
            this.viewAt = Infinity;
        const lookAt = this.line.head ? (0,clock/* monotonicNow */.X)() + between(this.options.pacing.headPollMs) : this.line.listAt;
        return Math.min(lookAt, this.line.listAt, this.viewAt, this.entry.renewAt);
    }
    /** Passes over the first waiter ahead when it leaves the lock free for too long (idle-head-watch.ts). */
    watchHead(lock) {
        this.idle.watch(lock, this.line);
    }
    /** The first attempt: one listing; nobody waiting means trying for the lease at once. */
    async fromOutside(call) {
        if (this.options.takeOverRunHold) {
            // Our run's hold is taken over at once, without queueing: one look at the lock, before the listing.
            const lock = await this.store.view(call());
            this.answered = true;
            const takenOver = await this.takeOverRunHold(lock, call);
            if (takenOver)
                return takenOver;
        }
        // The key's record is read in the first listing itself: on a free lock, no request is added before the acquire.
        const latestKey = this.latest?.key(this.store);
        let look;
        try {
            look = await this.store.queue.look({ ...call(), limit: FIRST_LOOK_LIMIT, latestKey });
            // The first entries were all lapsed or squatters: read on, so that they do not hide an empty queue.
            const waiting = (entry) => (0,queue_queue/* isLive */.DG)(entry, look.serviceNow) && !(0,queue_queue/* isSquatter */.AB)(entry);
            if (!look.complete && !look.entries.some(waiting))
                look = await this.store.queue.look({ ...call(), latestKey });
        }
        catch (err) {
            if (!isListingRefused(err))
                throw err;
            // Waiting as before the queue, rather than not at all: say so, once.
            this.outside = true;
            this.options.emit({ type: 'outside-queue', error: err });
            return this.outsideQueue(call);
        }
        this.answered = true;
        // Arriving after a newer job of our key: leave before joining, and before any acquire.
        if (this.latest)
            await this.latest.arrive(look, this.store, call);
        this.notices.squatters(look.entries, this.store.queue);
        const live = look.entries.filter((entry) => (0,queue_queue/* isLive */.DG)(entry, look.serviceNow) && !(0,queue_queue/* isSquatter */.AB)(entry));
        void this.entry.sweep(this.store, look.entries.filter((entry) => !(0,queue_queue/* isLive */.DG)(entry, look.serviceNow)));
        if (live.length === 0 && look.complete) {
            const outcome = await this.acquire(call, { decided: true });
            if (outcome !== 'held-by-other')
                return outcome;
        }
        if (!this.options.willWait) {
            // A hold whose end has come is ended; then the lock is as any free one: taken only with nobody in line.
            let lock = await this.endEndedHold(await this.store.view(call()), call);
            if (lock.state === 'free' && live.length === 0 && look.complete) {
                const outcome = await this.acquire(call, { decided: true });
                if (outcome !== 'held-by-other')
                    return outcome;
                lock = await this.store.view(call());
            }
            return {
                kind: 'waiting',
                sighting: { lock: lock.state === 'missing' ? undefined : lock, ahead: live },
                wakeAt: 0,
            };
        }
        const [seen, ahead] = await Promise.all([this.store.view(call()), this.join(call)]);
        // Ended with our entry in the queue: its lease goes to the head, which may be us.
        const lock = await this.endEndedHold(seen, call);
        this.watchHead(lock);
        // Handed to us (the hold we ended went to us as the head of the line): look again at once, wherever we stand.
        const handed = this.handedToUs(lock);
        if (lock.state === 'leased' && !lock.holder)
            this.viewAt = (0,clock/* monotonicNow */.X)() + (handed ? 0 : RECORD_PAUSE_MS);
        const sighting = { lock: lock.state === 'missing' ? undefined : lock, ahead };
        // At the head with the lock free (its holder let go meanwhile): look again at once.
        const now = (this.line.head && lock.state !== 'leased') || handed;
        return { kind: 'waiting', sighting, wakeAt: now ? 0 : this.wakeAt() };
    }
    /**
     * Asks for the lease (own-lease.ts). Superseded or stale is decided first,
     * unless `decided` (latest-gate.ts): such a waiter never asks for it.
     */
    async acquire(call, { decided = false } = {}) {
        // A cancel that came while we looked: ask for nothing more.
        if (this.options.signal?.aborted)
            throw new errors/* LockCancelledError */.pw(`Cancelled while waiting for lock ${this.store.location}.`);
        // Superseded or stale is decided from a look taken just before: such a waiter never asks for the lease.
        if (this.latest && !decided)
            await this.latest.decide(this.store, call, { outside: this.outside, ticket: this.entry.ticket });
        return this.lease.acquire(call);
    }
    /** Enters the queue (own-entry.ts), then lists it up to our entry. */
    async join(call, previousTicket) {
        if (!(await this.entry.enter(this.store, call, previousTicket)))
            return [];
        return this.lookAtQueue(call, { justJoined: true });
    }
    /** Renews our entry's lease when it is due; a lost entry means joining again, at the back. */
    async keepEntry(call) {
        if ((await this.entry.keep(this.store, call)) === 'gone')
            await this.rejoin(call);
    }
    async rejoin(call) {
        const previous = this.entry.forget();
        this.line.head = false;
        this.options.emit({ type: 'rejoined', waitedMs: this.options.waitedMs() });
        return this.join(call, previous);
    }
    /** Lists the queue up to our entry: who is ahead, whether we are the head; lapsed entries ahead are swept. */
    async lookAtQueue(call, { justJoined = false } = {}) {
        const ticket = this.entry.ticket;
        if (ticket === undefined)
            return [];
        // With a key, the whole queue: a newer job of the key may wait behind us. Without, up to our
        // entry's page: that page (100 entries) also shows the high-priority waiters that joined after
        // us and go ahead of us (priority.ts); reading on to the end made every listing slower.
        const look = await this.store.queue.look({
            ...call(),
            upTo: this.latest ? undefined : ticket,
            latestKey: this.latest?.key(this.store),
        });
        this.high.noteListing(look);
        this.latest?.checkListing(look, ticket);
        const { passedOver } = this.idle;
        const standing = (0,queue_queue/* standingOf */.YP)(look, ticket, passedOver, { priority: this.priority, holding: this.high.holding });
        // Our entry was removed (its lease had lapsed): join again. Not twice in one attempt, whatever storage says.
        if (!standing.mine && !justJoined)
            return this.rejoin(call);
        void this.entry.sweep(this.store, standing.lapsed);
        this.notices.squatters(standing.squatters, this.store.queue);
        this.notices.priorities(look.entries, standing.ahead, { ticket, priority: this.priority });
        this.line.lastAhead = standing.ahead;
        const predecessor = this.entry.predecessor;
        if (predecessor && ((0,queue_queue/* predecessorShown */.jg)(predecessor, look) || (0,clock/* monotonicNow */.X)() >= predecessor.until)) {
            this.entry.predecessorCame();
        }
        this.line.head = standing.ahead.length === 0 && this.entry.predecessor === undefined;
        const { pacing } = this.options;
        const pause = this.line.head
            ? pacing.headListMs
            : between(standing.ahead.length === 1 ? pacing.onDeckPollMs : pacing.queuePollMs);
        // Not at the head only because a ticket before ours has no entry yet: look again as often as the head.
        const pending = this.entry.predecessor !== undefined && standing.ahead.length === 0;
        const keyed = this.latest ? Math.min(pause, between(pacing.latestListMs ?? LATEST_LIST_MS)) : pause;
        this.line.listAt = (0,clock/* monotonicNow */.X)() + (pending ? between(this.options.pacing.headPollMs) : keyed);
        return standing.ahead;
    }
    /**
     * Without the queue: look at the lock, and take it when it is free, as a
     * client that does not queue would. Such a waiter gets the lock only when
     * it wins a race, and it looks less often than the head, so that it does
     * not crowd out the waiters that wait in turn.
     */
    async outsideQueue(call) {
        const seen = await this.store.view(call());
        this.answered = true;
        const takenOver = await this.takeOverRunHold(seen, call);
        if (takenOver)
            return takenOver;
        // A hold whose end has come is ended (released: the queue cannot be read to hand its lease on), then taken.
        const lock = await this.endEndedHold(seen, call);
        if (lock.state === 'missing' || lock.state === 'free') {
            const outcome = await this.acquire(call);
            if (outcome !== 'held-by-other')
                return outcome;
        }
        const sighting = { lock: lock.state === 'leased' ? lock : undefined };
        return { kind: 'waiting', sighting, wakeAt: (0,clock/* monotonicNow */.X)() + between(this.options.pacing.outsidePollMs) };
    }
    /**
     * A lease taken while a high-priority waiter that joined since our last
     * listing stood ahead of us is given back at once, for it to take: we never
     * hold it (no record, no token), and the lease alone decides who does.
     */
    async unlessPassed(outcome, stillHead) {
        if (outcome.kind !== 'acquired' || !stillHead || (await stillHead.catch(() => true)))
            return outcome;
        await this.giveBack();
        return { kind: 'waiting', sighting: { ahead: this.line.lastAhead }, wakeAt: this.wakeAt() };
    }
    /** The lock's last holder handed its lease to our entry: it is already under our id. */
    handedToUs(lock) {
        const ticket = this.entry.ticket;
        const handed = lock.state === 'leased' && ticket !== undefined && lock.handedTo === ticket;
        if (handed)
            this.lease.noteHanded();
        return handed;
    }
    /**
     * At the head: look at the lock, and take it when it is free or when it was
     * handed to us; a hold whose end has come is ended first, and the lock is
     * then one of those two, decided as for any other (endEndedHold). The
     * acquire decides latest wins first (acquire).
     */
    async asHead(call, ahead) {
        const seen = await this.store.view(call());
        const takenOver = await this.takeOverRunHold(seen, call);
        if (takenOver)
            return takenOver;
        const lock = await this.endEndedHold(seen, call);
        this.high.noteHolding(lock, this.entry.ticket);
        // Handed to another waiter: the order changed (a high-priority waiter joined ahead): list again next time.
        if (lock.state === 'leased' && lock.handedTo !== undefined && !this.handedToUs(lock))
            this.line.listAt = (0,clock/* monotonicNow */.X)();
        // A free lock: a normal head with an old listing checks the line beside its acquire (before it
        // would add a round trip to every take), as a high-priority waiter may have joined ahead of it.
        const stillHead = lock.state === 'leased' ? undefined : this.high.stillHead(this.store, call, this.entry.ticket, ahead);
        stillHead?.catch(() => undefined); // awaited below; an acquire that fails first must not leave it unhandled
        // Free, or handed to us by the last holder (handover.ts): our acquire takes it, with the id we published.
        if (lock.state === 'missing' || lock.state === 'free' || this.handedToUs(lock)) {
            const outcome = await this.acquire(call);
            // 'held-by-other': lost a race to a client that does not queue; it holds the lease now.
            if (outcome !== 'held-by-other')
                return this.unlessPassed(outcome, stillHead);
        }
        await stillHead?.catch(() => undefined);
        const sighting = { lock: lock.state === 'leased' ? lock : undefined, ahead };
        return { kind: 'waiting', sighting, wakeAt: this.wakeAt() };
    }
    /** Ends a hold whose end has come that `lock` shows (ended-holds.ts); the lock as it stands after. */
    endEndedHold(lock, call) {
        return this.holds.end(lock, this.store, call);
    }
    /** A job of scope run takes over the hold its own run left on the lock (own-lease.ts), at any look at it. */
    async takeOverRunHold(lock, call) {
        if (!this.options.takeOverRunHold)
            return undefined;
        return this.lease.takeOverRunHold(lock, this.options.who, this.entry.ticket !== undefined, call);
    }
    /**
     * Our run's hold is ours (takeOverRunHold): our holder record replaces the
     * hold's, the fencing token stays the run's (no new one: the run held the
     * lock all along), and we leave the queue, which must succeed as in take().
     * Returns the record as written and the run's token.
     */
    async takeOver(record, call) {
        const tookOver = this.lease.takenOver;
        const ticket = this.entry.ticket;
        const written = ticket !== undefined ? { ...record, ticket: String(ticket) } : record;
        await this.store.writeHolder(this.options.leaseId, written, call());
        await this.entry.leaveAsHolder(this.store, call);
        this.lease.taken();
        this.options.emit({ type: 'hold-taken-over', ...tookOver, waitedMs: this.options.waitedMs() });
        // Read from storage: a token that is not a positive whole number is none.
        const token = Number(tookOver.hold.fencingToken);
        return { record: written, fencingToken: Number.isSafeInteger(token) && token > 0 ? token : 0 };
    }
    /**
     * The lease is ours: write our holder record, take the next fencing token,
     * and leave the queue, all at once. Returns the record as written and the token.
     */
    async take(record, call) {
        const ticket = this.entry.ticket;
        // Our ticket goes on the record: a waiter right behind us that missed our entry learns from it that we came.
        const written = ticket !== undefined ? { ...record, ticket: String(ticket) } : record;
        const store = this.store;
        // Side by side: the record write waits for the token only to keep it on the lock blob as well.
        const token = store.nextFencingToken(call());
        // With a key, the holder record's write checks, under our lease, the sequence the lock blob keeps
        // (latest-kept.ts); the key's record is raised only once that check has passed.
        let passed;
        let failed;
        const checked = new Promise((resolve, reject) => ((passed = resolve), (failed = reject)));
        checked.catch(() => undefined);
        const holder = store.writeHolder(this.options.leaseId, written, call(), token, () => passed());
        holder.then(() => passed(), (err) => failed(err));
        const [, fencingToken] = await Promise.all([
            holder,
            token,
            this.latest?.record(store, written, call, checked),
            this.slotted?.passingOn(),
        ]);
        this.slotted?.passedOn();
        // Only now: if the record or the token failed, we stay in line for another try (waiter.ts keeps the lease).
        await this.entry.leaveAsHolder(store, call);
        this.lease.taken();
        if (this.slotted && ticket !== undefined)
            await this.slotted.returnStrays(ticket);
        return { record: written, fencingToken };
    }
    /**
     * Gives back the lease we took, when taking the lock could not be finished
     * (the record or the fencing token failed): a job never waits, or tries
     * again, while it holds the lease. Our place in the queue is kept.
     */
    async giveBack() {
        await this.lease.giveBack();
    }
    /** Every key's record the last listing read; undefined for a waiter without a key. */
    get recordsSeen() {
        return this.latest?.recordsSeen;
    }
    /** The live waiters ahead at the last listing; undefined before one. */
    get aheadCount() {
        return this.line.lastAhead?.length;
    }
    /** Leaves the queue, if we are in it. Best effort and bounded: a leftover entry lapses by itself. */
    async leave(timeoutMs = attempt_TIDY_TIMEOUT_MS) {
        await this.entry.leave(this.store, timeoutMs);
    }
    /**
     * The wait ends without success: leave the queue, and give back a lease we
     * may hold. At or next to the head, the last holder may have handed us its
     * lease without our knowing (handover.ts): one look at the lock (which
     * carries no lease id of ours) tells. A lease that is, or may be, ours is
     * passed on to the next head at once (pass-on.ts), after our entry is gone,
     * so that the lock does not sit idle until that lease lapses.
     *
     * `until` (monotonic): when the wait is past its deadline, the end of its
     * grace, which the whole tidy-up ends by (LEAST_TIDY_MS at the least for
     * each step), so that `timeout` holds on a stalled network too.
     */
    async abandon(until) {
        const ticket = this.entry.ticket;
        const nearHead = ticket !== undefined && (this.line.head || (this.line.lastAhead?.length ?? Infinity) <= 1);
        // Leaving and the look share one tidy budget, so that a stalled network adds it to the wait once, not twice.
        const tidyUntil = until ?? (0,clock/* monotonicNow */.X)() + attempt_TIDY_TIMEOUT_MS;
        const budget = () => Math.max(LEAST_TIDY_MS, Math.round(tidyUntil - (0,clock/* monotonicNow */.X)()));
        await this.leave(budget());
        let mayHold = this.lease.mayHold;
        const left = Math.round(tidyUntil - (0,clock/* monotonicNow */.X)());
        const slots = this.options.store.slotted;
        if (slots && ticket !== undefined) {
            // Any slot may have been handed to us (the first waiter not yet served): the look is at every slot.
            const also = mayHold ? this.slot : undefined;
            await passOnHanded(slots, this.options.leaseId, ticket, { also, timeoutMs: left });
            this.lease.passedOn();
            return;
        }
        if (!mayHold && nearHead && this.store.letGo && left >= attempt_MIN_LOOK_MS) {
            const lock = await this.store.view({ timeoutMs: left }).catch(() => undefined);
            mayHold = lock?.state === 'leased' && lock.handedTo === ticket;
        }
        if (!mayHold)
            return;
        const passOnMs = until === undefined ? attempt_TIDY_TIMEOUT_MS : budget();
        await passOn(this.store, this.options.leaseId, ticket, { timeoutMs: passOnMs });
        this.lease.passedOn();
    }
}

// EXTERNAL MODULE: ./src/lock/duration.ts
var duration = __webpack_require__(6307);
// EXTERNAL MODULE: ./src/lock/holder.ts
var lock_holder = __webpack_require__(7053);
// EXTERNAL MODULE: ./src/lock/request.ts
var request = __webpack_require__(4034);
// EXTERNAL MODULE: ./src/lock/holder-seen.ts
var holder_seen = __webpack_require__(8577);
// EXTERNAL MODULE: ./src/lock/deploy/latest-seen.ts
var latest_seen = __webpack_require__(4422);
;// CONCATENATED MODULE: ./src/lock/wait-report.ts
// The waiter's reporting: what each attempt saw goes in, and out come the few
// events worth a line in the log: when waiting starts, when the waiter's place
// in line or the holder changes, every so often while nothing changes, and
// once for a lease that never ends by itself. No storage, no wording: the
// action layer words the events.



/**
 * How long a holder has held the lock: from the time on its record to the
 * service's clock at the look. The record's time is the service's when the
 * holder's clock disagreed with it (waiter.ts, grantTime), so no runner's clock
 * is in it. Undefined when the record says no readable time.
 */
function heldFor(record, serviceNow) {
    const since = record ? Date.parse(record.acquiredAt) : NaN;
    if (!serviceNow || Number.isNaN(since))
        return undefined;
    return Math.max(0, serviceNow.getTime() - since);
}
class WaitReport {
    options;
    /** The holder as last believed for the lines; undefined while the lock is free or not yet seen. */
    seen;
    /** The holder at the last look, believed or not yet. */
    latest;
    heldAtLastLook = false;
    ahead = [];
    records;
    queued = false;
    reportedAhead;
    reportedHolder;
    lastLineAt = 0;
    started = false;
    infiniteTold = false;
    /** A lease without a record was seen once: believed the second time (a new holder writes its record just after). */
    unknownOnce = false;
    /** Records seen on a free blob: their holder's lease lapsed, so a record-less client that leases it next is not them. */
    stale = new Set();
    firstPosition;
    looked;
    slots;
    longWaitTold = false;
    /** How long the holder at the last settled look had held the lock, by the service's clock. */
    heldMs;
    constructor(options) {
        this.options = options;
    }
    /** The holder at the last look that saw the lock leased, for the timeout message. */
    get holder() {
        return this.latest;
    }
    /** The last look at the lock: when (the `now` of see), and the holder it saw, or undefined for a free lock. */
    get lastLook() {
        return this.looked;
    }
    /** The place in line of the first line; undefined when no line was due (the lock was taken at once). */
    get arrivalPosition() {
        return this.firstPosition;
    }
    /** Whether a look at the lock would make a line now: the first one, a new place in line, or one that is due. */
    wantsHolder(aheadCount, now) {
        return (!this.started ||
            aheadCount !== this.reportedAhead ||
            now - this.lastLineAt >= this.options.progressEveryMs ||
            now >= this.longWaitAt);
    }
    /** When the long-wait warning is due (monotonic); Infinity once told, or when there is none. */
    get longWaitAt() {
        const { warnAfterMs, startedAt } = this.options;
        if (this.longWaitTold || warnAfterMs === undefined || startedAt === undefined)
            return Infinity;
        return startedAt + warnAfterMs;
    }
    place() {
        const holder = this.heldAtLastLook ? this.seen : undefined;
        const ahead = this.ahead.map((entry) => entry.waiter);
        const keys = [this.options.ownKey, holder?.record?.supersedeKey, ...ahead.map((who) => who?.supersedeKey)];
        const lastHeld = this.records ? (0,latest_seen/* lastHeldFor */.RO)(this.records, keys) : [];
        return {
            position: 1 + this.ahead.length + (this.heldAtLastLook ? 1 : 0),
            holder,
            ahead,
            queued: this.queued,
            ...(lastHeld.length > 0 ? { lastHeld } : {}),
            ...(this.slots ? { slots: this.slots } : {}),
        };
    }
    /** Takes in one attempt's sighting; returns the events it makes, in order. */
    see(sighting, waitedMs, now) {
        const events = [];
        let settled = sighting.lock === undefined;
        const lock = sighting.lock;
        if (lock?.state === 'free') {
            if (lock.staleHolder)
                this.stale.add((0,lock_holder/* holderKey */.I4)(lock.staleHolder));
            this.unknownOnce = false;
            this.heldAtLastLook = false;
            settled = true;
        }
        else if (lock?.state === 'leased') {
            const record = lock.holder && !this.stale.has((0,lock_holder/* holderKey */.I4)(lock.holder)) ? lock.holder : undefined;
            this.latest = {
                record,
                freshness: record ? (0,lock_holder/* freshnessOf */.T5)(record, lock.modifiedAt, lock.serviceNow) : { kind: 'unknown-age' },
                infinite: lock.infinite,
                ...(lock.hold ? { hold: lock.hold } : {}),
            };
            // A lease without a record is also what a handoff looks like for a few ms.
            settled = record !== undefined || this.unknownOnce;
            this.unknownOnce = record === undefined;
            if (settled) {
                this.seen = this.latest;
                this.heldAtLastLook = true;
                this.heldMs = heldFor(record, lock.serviceNow);
                if (lock.infinite && this.options.noTimeLimit && !this.infiniteTold) {
                    this.infiniteTold = true;
                    events.push({ type: 'infinite-lease', holder: this.seen, breakCommand: this.options.breakCommand });
                }
            }
        }
        if (lock)
            this.looked = { at: now, holder: lock.state === 'leased' ? this.latest : undefined };
        if (sighting.records)
            this.records = sighting.records;
        if (sighting.slots)
            this.slots = sighting.slots;
        if (sighting.ahead) {
            this.ahead = sighting.ahead;
            this.queued = true;
        }
        // Lines wait for a settled look at the lock made by the same attempt, so that they name the
        // holder of now: an attempt that only renewed its entry or listed the queue says nothing.
        if (!settled || !lock)
            return events;
        const place = this.place();
        if (now >= this.longWaitAt) {
            this.longWaitTold = true;
            const warnAfterMs = this.options.warnAfterMs;
            events.push({ type: 'long-wait', place, waitedMs, warnAfterMs, heldMs: place.holder ? this.heldMs : undefined });
        }
        // With slots, a new set of holders is a new holder for the lines.
        const holderKeyNow = place.slots
            ? place.slots.held.map(({ slot, holder }) => `${slot}:${(0,lock_holder/* holderKey */.I4)(holder)}`).join(',')
            : (0,holder_seen/* holderSeenKey */.z)(place.holder);
        let type;
        if (!this.started)
            type = 'waiting';
        else if (this.ahead.length !== this.reportedAhead)
            type = 'moved';
        else if (lock && (place.holder || place.slots) && holderKeyNow !== this.reportedHolder)
            type = 'holder-changed';
        else if (now - this.lastLineAt >= this.options.progressEveryMs)
            type = 'still-waiting';
        if (!type)
            return events;
        events.push({ type, place, waitedMs });
        this.started = true;
        this.firstPosition ??= place.position;
        this.reportedAhead = this.ahead.length;
        if (lock)
            this.reportedHolder = holderKeyNow;
        this.lastLineAt = now;
        return events;
    }
}

;// CONCATENATED MODULE: ./src/lock/waiter.ts
// The wait loop: wakes the waiter for one attempt at a time (attempt.ts),
// feeds what each attempt saw to the reporting (wait-report.ts), and owns the
// rest: the time limit, the cancel, the requests' deadlines, and riding out a
// storage service that fails for a while. Whatever ends the wait, the waiter
// leaves the queue before this returns.












/**
 * How far past its deadline a wait may run, so that `timeout` holds within
 * about a second whether or not storage answers. A request sent before the
 * deadline has until REQUEST_GRACE_MS past it to be answered, by its own
 * deadline ("no answer within 2.4 s"); the attempt is cut at CUT_GRACE_MS past
 * it, after any such request has ended by its own; the timeout's last look at
 * the lock has until LAST_LOOK_GRACE_MS past it, and the tidy-up after it
 * (leaving the queue, passing on a lease that may be ours) the rest, up to
 * END_GRACE_MS (or the little that attempt.ts gives it at the least).
 * Measured with the network stalling mid-wait, `timeout: 5` ended the step
 * after 8.9-9.7 s before these (2 s of grace, then a 2 s last look and 2 s
 * each to leave and to pass on); see docs/measurements.md for after.
 */
const REQUEST_GRACE_MS = 500;
const CUT_GRACE_MS = 700;
const LAST_LOOK_GRACE_MS = 500;
const END_GRACE_MS = 1_000;
/**
 * A wait shorter than this (`timeout: 0` tries once) still gives its one try
 * this long: on a busy machine the first requests of a process can take a
 * second or more.
 */
const LEAST_TRY_MS = 2_000;
/**
 * Until storage has answered once, a request that gets no answer may mean a
 * wrong endpoint, or a machine or network too busy to answer yet: a hundred
 * jobs that start at once on a loaded machine, a runner whose network comes up
 * late. Such failures are tried again, with a warning, for up to this long
 * (or the wait's timeout, when that is shorter); then the last of them ends
 * the wait, naming the endpoint. Before, the first one ended it: 31 of 100
 * jobs started together failed at once with "no answer within 10 s".
 * Failures that say nobody is there end it at once, after the SDK's own
 * tries, as before: see saysNobodyIsThere.
 */
const FIRST_CONTACT_MS = 60_000;
/**
 * A failure without an answer that says the endpoint is not there: nothing
 * listens at that address (ECONNREFUSED), its name does not exist (ENOTFOUND),
 * or whatever is there cuts the connection (ECONNRESET). A busy machine or
 * network does not answer that way; a wrong endpoint, or a proxy or firewall
 * that refuses it, does. Anything else without an answer (no answer within
 * the request's deadline, a name server that does not answer, a network not
 * up yet) is tried again until the first contact's time is up.
 */
function saysNobodyIsThere(err) {
    const code = (0,errors/* storageErrorCode */.t6)(err);
    return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ECONNRESET';
}
/**
 * The warning while storage has not answered yet: what failed, how long the
 * wait goes on trying, and what may be the cause. `where` names the storage:
 * "at https://acct.blob.core.windows.net".
 */
function noAnswerYetText(event, where) {
    return (`Storage has not answered yet ${where} (${(0,errors/* describeStorageErrorBrief */.rg)(event.error)}); trying again for up to ` +
        `${(0,duration/* formatDuration */.a3)(event.triesForMs)}: the machine or the network may be busy, or the endpoint may be wrong.`);
}
/** The shortest deadline a request gets, however little of the wait is left. */
const LEAST_REQUEST_MS = 500;
/**
 * A request's own deadline when `leftMs` of the wait is left: the default,
 * or less, so that it ends REQUEST_GRACE_MS after the wait's deadline at the
 * latest; in tenths of a second, so that a message about it reads "no answer
 * within 2.4 s".
 */
function requestTimeoutMs(leftMs) {
    const ms = Math.ceil((leftMs + REQUEST_GRACE_MS) / 100) * 100;
    return Math.min(request/* DEFAULT_REQUEST_TIMEOUT_MS */.Z, Math.max(LEAST_REQUEST_MS, ms));
}
/**
 * After a failed attempt the loop waits 0.5-1 s, then twice as long after
 * each failure in a row, up to 8-16 s: a throttled account is not hammered,
 * and storage that comes back is seen again within 16 s. A Retry-After that
 * asks for longer is honoured (the wait's deadline still ends it).
 */
const BACKOFF_FIRST_MS = 500;
const BACKOFF_MAX_MS = 8_000;
/**
 * A take (token, record, leaving the queue) that fails for a passing reason
 * keeps the lease through the back-off, twice in a row at most (0.5-1 s, then
 * 1-2 s): the third failure in a row gives it back, and the loop waits
 * without it.
 */
const GIVE_BACK_AFTER_FAILED_TAKES = 3;
/** The pause after `failures` failed attempts in a row (1 or more), with its jitter. */
function backoffMs(failures, err) {
    const base = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.max(0, failures - 1));
    return Math.max((0,errors/* retryAfterMs */.Vs)(err) ?? 0, base + Math.random() * base);
}
/**
 * When the lease began, as the holder record and the outputs say. It is a
 * claim about the service (other jobs compare it with their own times), so
 * it comes from the service's clock: its Date header, of 1 s resolution.
 * When our clock agrees with it within that resolution (the acquire was
 * stamped between our send and our answer), our own reading is kept for its
 * milliseconds; a runner whose clock is off gets the service's time instead.
 */
function grantTime(sentAt, answeredAt, serviceNow) {
    if (!serviceNow)
        return answeredAt;
    const agrees = answeredAt.getTime() >= serviceNow.getTime() && sentAt.getTime() < serviceNow.getTime() + 1_000;
    return agrees ? answeredAt : serviceNow;
}
/** A last look at the lock with less time than this left is not sent: the timeout error names the holder last seen. */
const LEAST_LAST_LOOK_MS = 250;
/** A look at the lock this recent is taken as the state of now; an older one is looked at again. */
const FRESH_LOOK_MS = 1_000;
/**
 * Waits until the lease is ours, in turn, then writes our holder record and
 * takes a fencing token. Throws LockTimeoutError when the time runs out,
 * LockCancelledError on cancel, and the storage error when one is not
 * transient (bad credentials, for instance).
 *
 * Time runs on the monotonic clock: a runner whose wall clock steps does not
 * end a wait early, or make it last for ever.
 */
async function waitForLease(options) {
    const { lock, signal } = options;
    const started = (0,clock/* monotonicNow */.X)();
    const deadline = options.timeoutMs === undefined ? Infinity : started + options.timeoutMs;
    // Where the requests' deadlines and the attempt's cut are counted from: the deadline, or the least one try gets.
    const end = Math.max(deadline, started + LEAST_TRY_MS);
    // Until storage answers once, failures without an answer are tried again up to here: a minute, or the timeout.
    const firstContactUntil = Math.min(deadline, started + (options.firstContactMs ?? FIRST_CONTACT_MS));
    const progressEveryMs = options.progressEveryMs ?? 30_000;
    const graceMs = options.cancelGraceMs ?? 1_000;
    const leaseId = options.leaseId ?? (0,external_node_crypto_.randomUUID)();
    const pacing = options.pacing ?? DEFAULT_PACING;
    const floorMs = pacing.floorMs ?? DEFAULT_PACING.floorMs;
    const emit = (event) => options.onEvent?.(event);
    const waitedMs = () => (0,clock/* monotonicNow */.X)() - started;
    const report = new WaitReport({
        progressEveryMs,
        noTimeLimit: options.timeoutMs === undefined,
        breakCommand: lock.breakCommand,
        ...(options.supersede ? { ownKey: options.supersede.key } : {}),
        warnAfterMs: options.spec.warnAfterMs,
        startedAt: started,
    });
    // Requests get a short grace after a cancel: an acquire that is in flight is
    // better finished and released than abandoned half way.
    const requests = new AbortController();
    // An attempt is several requests, and the SDK retries inside each: the whole
    // attempt is cut at the wait's deadline plus a little grace, so that the
    // deadline is checked in time whether or not the attempt comes back. The
    // cut comes after the own deadline of a request sent before the wait's
    // deadline: a single request that gets no answer ends by its own deadline
    // first, and says so ("no answer within 2.4 s").
    let attemptCut = requests.signal;
    // Every request ends by its own deadline, and by the wait's deadline plus a little grace.
    const call = () => ({
        signal: attemptCut,
        timeoutMs: requestTimeoutMs(end - (0,clock/* monotonicNow */.X)()),
    });
    const onCancel = () => void (0,promises_.setTimeout)(graceMs, undefined, { ref: false }).then(() => requests.abort());
    signal?.addEventListener('abort', onCancel, { once: true });
    // The key and sequence go on our queue entry and our holder record, for the others to read.
    const who = options.supersede
        ? { ...options.holder, supersedeKey: options.supersede.key, sequence: String(options.supersede.sequence) }
        : options.holder;
    const waiter = new Attempt({
        store: lock,
        leaseId,
        leaseSeconds: options.spec.leaseDurationSeconds,
        who,
        supersede: options.supersede,
        priority: options.spec.priority,
        takeOverRunHold: options.spec.runHoldMs !== undefined,
        willWait: deadline > started,
        pacing,
        emit,
        waitedMs,
        signal,
    });
    let tried = false; // the lock was tried for, or seen held: a timeout of 0 still tries once
    let contacted = false;
    let lastTroubleReport = -Infinity;
    /** The error of the last attempt, while attempts fail in a row; undefined once one comes back. */
    let failure;
    let failures = 0;
    try {
        for (;;) {
            if (signal?.aborted)
                throw new errors/* LockCancelledError */.pw(`Cancelled while waiting for lock ${lock.location}.`);
            // Storage never answered, and the first contact's time (a minute, or the timeout) is up: the last failure
            // ends the wait, and names the endpoint.
            if (!contacted && noAnswer(failure) && (0,clock/* monotonicNow */.X)() >= firstContactUntil)
                throw failure;
            // Checked whether or not the last attempt came back: one that failed counts as a try.
            if ((0,clock/* monotonicNow */.X)() >= deadline && (tried || failures > 0)) {
                throw await timedOut(lock, started, report, failure, waiter, end + LAST_LOOK_GRACE_MS);
            }
            let wakeAt = (0,clock/* monotonicNow */.X)();
            const cut = deadline === Infinity
                ? undefined
                : AbortSignal.timeout(Math.ceil(Math.max(0, end - (0,clock/* monotonicNow */.X)()) + CUT_GRACE_MS));
            attemptCut = cut ? AbortSignal.any([requests.signal, cut]) : requests.signal;
            try {
                const outcome = await waiter.attempt(call, (aheadCount) => report.wantsHolder(aheadCount, (0,clock/* monotonicNow */.X)()));
                contacted = true;
                tried ||= outcome.kind === 'acquired' || outcome.tried !== false;
                if (outcome.kind === 'acquired') {
                    if (signal?.aborted)
                        throw new errors/* LockCancelledError */.pw(`Cancelled while taking lock ${lock.location}.`);
                    const acquiredMono = (0,clock/* monotonicNow */.X)();
                    const acquiredAt = grantTime(outcome.sentAt, new Date(), outcome.serviceNow);
                    let taken;
                    try {
                        const record = {
                            ...who,
                            acquiredAt: acquiredAt.toISOString(),
                            leaseSeconds: String(options.spec.leaseDurationSeconds),
                        };
                        // A run's hold taken over keeps the run's fencing token, and writes no key's record.
                        taken = outcome.tookOver ? await waiter.takeOver(record, call) : await waiter.take(record, call);
                    }
                    catch (err) {
                        // Storage failing for a moment (throttled, a server error, a cut) keeps the lease ours, under our
                        // id: the next attempt asks for it again first (an acquire under our own id renews it) and takes
                        // it. Given back, the lock would stand free while we back off, and a client that does not queue
                        // would take it from the line. Any other failure, or one that goes on, gives it back first: a
                        // job that cannot start must not keep the lock from clients that could.
                        if (!(0,errors/* isTransient */.dg)(err) || failures + 1 >= GIVE_BACK_AFTER_FAILED_TAKES)
                            await waiter.giveBack();
                        throw err;
                    }
                    if (signal?.aborted)
                        throw new errors/* LockCancelledError */.pw(`Cancelled while taking lock ${lock.location}.`);
                    return {
                        leaseId,
                        confirmedAt: outcome.sentAt,
                        confirmedMono: outcome.sentMono,
                        acquiredAt,
                        acquiredMono,
                        waitedMs: waitedMs(),
                        holder: taken.record,
                        fencingToken: taken.fencingToken,
                        arrivalPosition: report.arrivalPosition ?? 1,
                        slot: waiter.slot,
                        ...(outcome.tookOver ? { tookOver: outcome.tookOver.hold } : {}),
                    };
                }
                failure = undefined;
                failures = 0;
                // The keys' records come from the waiter's listings: the lines show the last sequence that held per key.
                const sighting = { ...outcome.sighting, records: waiter.recordsSeen };
                for (const event of report.see(sighting, waitedMs(), (0,clock/* monotonicNow */.X)()))
                    emit(event);
                wakeAt = outcome.wakeAt;
            }
            catch (err) {
                if (err instanceof errors/* LockCancelledError */.pw || err instanceof deploy_latest/* LockSupersededError */.IL)
                    throw err;
                if (signal?.aborted)
                    continue;
                // A refusal with a status (a 503 the SDK gave up on) is an answer too: storage is there.
                contacted ||= waiter.answered || (0,errors/* statusCode */.se)(err) !== undefined;
                if (!(0,errors/* isTransient */.dg)(err))
                    throw err;
                // Until the service has answered once, a failure without an answer may be
                // the setup (a wrong endpoint) or a busy machine or network: tried again
                // for up to the first contact's time, unless it says nobody is there (the
                // SDK has tried that three times). Throttling and server errors are
                // answers: they are waited out.
                const unanswered = !contacted && noAnswer(err) && !cut?.aborted;
                if (unanswered && (saysNobodyIsThere(err) || (0,clock/* monotonicNow */.X)() >= firstContactUntil))
                    throw err;
                failures += 1;
                // Our own cut at the deadline is not news from storage: keep what storage said last, if it said anything.
                // Nor is a request's own deadline, cut short by the wait's, after storage answered (the SDK was still
                // asking again after a 503): the answer says more than "no answer within 0.6 s".
                if (cut?.aborted)
                    failure ??= new AttemptCutError();
                else if (!(isCutShort(err, deadline) && (0,errors/* statusCode */.se)(failure) !== undefined))
                    failure = err;
                if ((0,clock/* monotonicNow */.X)() - lastTroubleReport >= progressEveryMs) {
                    const triesForMs = firstContactUntil - (0,clock/* monotonicNow */.X)();
                    emit(unanswered
                        ? { type: 'no-answer-yet', error: err, waitedMs: waitedMs(), triesForMs }
                        : { type: 'storage-trouble', error: err, waitedMs: waitedMs() });
                    lastTroubleReport = (0,clock/* monotonicNow */.X)();
                }
                wakeAt = (0,clock/* monotonicNow */.X)() + backoffMs(failures, err);
                // The first contact's time ends the wait: no back-off past it.
                if (unanswered)
                    wakeAt = Math.min(wakeAt, firstContactUntil);
            }
            // Every path sleeps at least the pacing floor: a wake-up time in the past must not make a busy loop.
            const pause = Math.max(floorMs, Math.min(wakeAt, deadline) - (0,clock/* monotonicNow */.X)());
            await (0,promises_.setTimeout)(pause, undefined, { signal }).catch(() => { });
        }
    }
    catch (err) {
        // Whatever ends the wait without success: out of the queue, and a lease we may have taken goes back.
        // Past the deadline, within what is left of the wait's grace: a stalled network must not stretch `timeout`.
        await waiter.abandon((0,clock/* monotonicNow */.X)() >= deadline ? end + END_GRACE_MS : undefined);
        throw err;
    }
    finally {
        signal?.removeEventListener('abort', onCancel);
    }
}
/** A failure that carries no answer of storage's (a network error, a request's own deadline), and is not our cut. */
function noAnswer(err) {
    return err !== undefined && (0,errors/* statusCode */.se)(err) === undefined && !(err instanceof AttemptCutError);
}
/** A request that ran out of its own deadline once the wait's had passed: cut short by the wait, as likely as not. */
function isCutShort(err, deadline) {
    return err instanceof errors/* RequestTimeoutError */.DH && (0,clock/* monotonicNow */.X)() >= deadline;
}
/** Our own cut of an attempt at the wait's deadline: not news from storage. */
class AttemptCutError extends Error {
    name = 'AttemptCutError';
}
/**
 * The timeout error. After failed attempts it says what storage answered
 * last; otherwise it looks at the lock once more, so that it names the
 * holder of now, not one that left since the last line. The look ends by
 * `lookUntil` (monotonic): the error is due now, and with no answer by then
 * it names the holder it saw last.
 */
async function timedOut(lock, started, report, failure, waiter, lookUntil) {
    const head = `Timed out after ${(0,duration/* formatDuration */.a3)((0,clock/* monotonicNow */.X)() - started)} waiting for lock ${lock.location}`;
    if (failure !== undefined) {
        const said = failure instanceof AttemptCutError
            ? 'its last attempt had not finished by the deadline (storage was slow, or a request kept being retried)'
            : (0,errors/* statusCode */.se)(failure) !== undefined
                ? `storage answered ${(0,errors/* describeStorageErrorBrief */.rg)(failure)}`
                : `storage could not be reached (${(0,errors/* describeStorageErrorBrief */.rg)(failure)})`;
        return new errors/* LockTimeoutError */.XB(`${head}; ${said}.`);
    }
    const ahead = waiter.aheadCount ?? 0;
    const free = `${head}; it is free, ${ahead} ahead in the queue.`;
    let holder;
    const last = report.lastLook;
    if (last && (0,clock/* monotonicNow */.X)() - last.at <= FRESH_LOOK_MS) {
        if (!last.holder)
            return new errors/* LockTimeoutError */.XB(free);
        holder = last.holder;
    }
    else {
        const left = Math.floor(lookUntil - (0,clock/* monotonicNow */.X)());
        const view = left >= LEAST_LAST_LOOK_MS ? await lock.view({ timeoutMs: left }).catch(() => undefined) : undefined;
        if (view && view.state !== 'leased')
            return new errors/* LockTimeoutError */.XB(free);
        holder =
            view?.state === 'leased'
                ? {
                    record: view.holder,
                    freshness: view.holder
                        ? (0,lock_holder/* freshnessOf */.T5)(view.holder, view.modifiedAt, view.serviceNow)
                        : { kind: 'unknown-age' },
                    infinite: view.infinite,
                    ...(view.hold ? { hold: view.hold } : {}),
                }
                : report.holder;
    }
    // A hold ends by itself, or is lifted on purpose: no command to break it.
    const breakIt = holder?.infinite && !holder.hold ? `; break its lease with: ${lock.breakCommand}` : '';
    return new errors/* LockTimeoutError */.XB(`${head}; it is held by ${(0,holder_seen/* describeHolderSeen */.NW)(holder)}${breakIt}.`);
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
