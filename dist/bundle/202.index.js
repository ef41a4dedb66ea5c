export const id = 202;
export const ids = [202];
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

/***/ 2603:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ lossMessage)
/* harmony export */ });
/* harmony import */ var _lock_break_record_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9916);
// How a lost lock is reported, by post and by a release step: when
// exclusivity ended, when the loss was found and why, and who broke the lease
// when a break step did.

function lossMessage(location, loss, brokenBy) {
    const broken = brokenBy ? ` It was ${(0,_lock_break_record_js__WEBPACK_IMPORTED_MODULE_0__/* .describeBreak */ .Li)(brokenBy)}.` : '';
    return (`Lock ${location} was lost: exclusivity was guaranteed only until ${loss.exclusiveUntil}, ` +
        `and the loss was found at ${loss.detectedAt}: ${loss.reason}.${broken} ` +
        `Steps that ran under the lock after ${loss.exclusiveUntil} may have overlapped another holder.`);
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

/***/ 194:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ runRelease)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
/* harmony import */ var _lock_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6307);
/* harmony import */ var _renewer_control_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9779);
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9280);
/* harmony import */ var _held_locks_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2094);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1729);
/* harmony import */ var _loss_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2603);
// The release step (uses: org/azure-mutex-action/release@v1): lets a lock go
// before the job ends, when slow steps that need no lock follow. It asks the
// lock's renewer through the channel post uses, so it needs no credentials;
// the renewer releases, then stays, idle, to tell post how it went. Post then
// reports the early release and passes.







async function runRelease() {
    try {
        const lockName = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_5__/* .readOptionalLockName */ .FW)((name) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name));
        await release((0,_held_locks_js__WEBPACK_IMPORTED_MODULE_4__/* .pickHeld */ .V5)((0,_held_locks_js__WEBPACK_IMPORTED_MODULE_4__/* .heldLocks */ .Mw)(), lockName));
    }
    catch (err) {
        (0,_failure_js__WEBPACK_IMPORTED_MODULE_3__/* .failStep */ .v)(err, undefined);
    }
}
async function release(lock) {
    const { location } = lock;
    const asked = await (0,_renewer_control_js__WEBPACK_IMPORTED_MODULE_2__/* .askToLetGo */ .ih)(lock.channel, { op: 'release', by: 'release step' }, { killIfStuck: false });
    const later = `The main action's post step will release it, or report what happened to it.`;
    switch (asked.answer.kind) {
        case 'gone':
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`The renewer of lock ${location} is not running any more. ${later}`);
            return;
        case 'silent':
        case 'stopped':
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`The renewer of lock ${location} did not answer. ${later}`);
            return;
        case 'answered':
            break;
    }
    const report = asked.answer.report;
    switch (report.phase) {
        case 'released': {
            (0,_held_locks_js__WEBPACK_IMPORTED_MODULE_4__/* .withdrawHeld */ .O)(location);
            const releasedAt = report.released ? Date.parse(report.released.at) : Date.now();
            const held = (0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(releasedAt - Date.parse(lock.acquiredAt));
            const by = report.released?.by === 'release step' ? '' : ` (by the ${report.released?.by}, earlier)`;
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Released lock ${location} early${by}, after holding it for ${held} ` +
                `(${report.renewals} renewals, longest gap ${(0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(report.longestGapMs)}).`);
            return;
        }
        case 'lost':
            (0,_held_locks_js__WEBPACK_IMPORTED_MODULE_4__/* .withdrawHeld */ .O)(location);
            // The loss is news the job must see now: the steps it protected may have overlapped another holder.
            if (report.loss) {
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3((0,_loss_js__WEBPACK_IMPORTED_MODULE_6__/* .lossMessage */ .L)(location, report.loss), { title: 'Lock lost' });
                process.exitCode = 1;
                return;
            }
            throw new Error(`the renewer says lock ${location} was lost, without saying when`);
        case 'unreleased':
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`The renewer could not release lock ${location} (${report.error ?? 'no reason given'}). ` +
                "The post step will try again with the step's credentials; else the lease expires by itself.");
            return;
        default:
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`The renewer of lock ${location} is ${report.phase}, not holding the lock. ${later}`);
    }
}


/***/ }),

/***/ 4202:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _action_release_step_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(194);

await (0,_action_release_step_js__WEBPACK_IMPORTED_MODULE_0__/* .runRelease */ .T)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ })

};
