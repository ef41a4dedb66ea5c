export const id = 536;
export const ids = [536];
export const modules = {

/***/ 1148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ runBreak)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
/* harmony import */ var _lock_break_record_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9916);
/* harmony import */ var _lock_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2960);
/* harmony import */ var _lock_holder_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7053);
/* harmony import */ var _lock_lease_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4277);
/* harmony import */ var _lock_lock_blob_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8443);
/* harmony import */ var _lock_spec_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7832);
/* harmony import */ var _lock_storage_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4906);
/* harmony import */ var _sign_in_methods_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(7349);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(645);
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9280);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(1729);
/* harmony import */ var _request_log_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(3304);
/* harmony import */ var _step_sign_in_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(1284);
// The break step (uses: org/azure-mutex-action/break@v1): breaks a lock's
// lease at once, for a foreign client's infinite lease or a hung job that an
// operator decides to override, and writes on the blob who broke it (this
// run's repository, run and actor), why and when. The former holder's renewer
// finds the lease gone at its next renewal, and its post step fails naming
// this record: its protected steps may now overlap the next holder's.














async function runBreak() {
    let spec;
    let tokenAuth = false;
    try {
        const read = (name) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name);
        const lockName = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_10__/* .readLockName */ .VY)(read);
        const container = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_10__/* .readContainer */ .u2)(read);
        const reason = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_10__/* .readReason */ .pk)(read);
        const target = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_10__/* .readStorageTarget */ .dZ)(read);
        tokenAuth = (0,_sign_in_methods_js__WEBPACK_IMPORTED_MODULE_13__/* .usesEntra */ .x)(target.auth);
        spec = { endpoint: target.endpoint, container, lockName, leaseDurationSeconds: _lock_lease_js__WEBPACK_IMPORTED_MODULE_4__/* .LEASE_SECONDS */ .Vb.default };
        const { signedIn } = await (0,_step_sign_in_js__WEBPACK_IMPORTED_MODULE_12__/* .signInTo */ .a)(target, { check: true });
        const lock = (0,_lock_lock_blob_js__WEBPACK_IMPORTED_MODULE_5__/* .openLock */ .qB)(signedIn.auth, spec, { retry: _lock_storage_js__WEBPACK_IMPORTED_MODULE_7__/* .STEP_RETRY */ .QA, observe: (0,_request_log_js__WEBPACK_IMPORTED_MODULE_11__/* .requestLog */ .M)() });
        const breaker = (0,_context_js__WEBPACK_IMPORTED_MODULE_8__/* .holderFromEnvironment */ .Q)();
        const location = (0,_lock_spec_js__WEBPACK_IMPORTED_MODULE_6__/* .lockLocation */ .VU)(spec);
        const outcome = await lock.breakLease((holder) => (0,_lock_break_record_js__WEBPACK_IMPORTED_MODULE_1__/* .newBreakRecord */ .po)(breaker, reason, new Date(), holder));
        switch (outcome.outcome) {
            case 'missing':
                throw new _lock_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`Lock ${location} does not exist: nothing to break. Check 'lock-name' and 'container'.`);
            case 'not-held':
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .notice */ .lm(`Lock ${location} is not held: nothing to break, nothing written.`);
                return;
            case 'broken':
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Broke the lease on lock ${location}, held by ${(0,_lock_holder_js__WEBPACK_IMPORTED_MODULE_3__/* .describeHolder */ .sG)(outcome.holder)}.`);
                if (outcome.recorded) {
                    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Wrote on the lock blob: ${(0,_lock_break_record_js__WEBPACK_IMPORTED_MODULE_1__/* .describeBreak */ .Li)(outcome.record)}.`);
                }
                else {
                    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Another client took lock ${location} before the break record could be written: ` +
                        "the former holder's post step will report the loss without naming this break.");
                }
        }
    }
    catch (err) {
        (0,_failure_js__WEBPACK_IMPORTED_MODULE_9__/* .failStep */ .v)(err, spec?.endpoint, { tokenAuth, container: spec?.container });
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

/***/ 1284:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ signInWithInputs),
/* harmony export */   a: () => (/* binding */ signInTo)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
/* harmony import */ var _lock_storage_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4906);
/* harmony import */ var _sign_in_sign_in_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3885);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(645);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1729);
// Signing in with a step's own credential inputs, for the steps that are not
// main: post (its own release, and reading a break record), status and break.
// Every secret is masked before anything can print it.





/** Signs in with the step's credential inputs. */
function signInWithInputs(options = {}) {
    return signInTo((0,_inputs_js__WEBPACK_IMPORTED_MODULE_4__/* .readStorageTarget */ .dZ)((name) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name)), options);
}
/** Signs in to storage that the step's inputs named (read with readStorageTarget). */
async function signInTo(access, options = {}) {
    for (const secret of (0,_lock_storage_js__WEBPACK_IMPORTED_MODULE_1__/* .secretsOf */ .Fj)(access.auth))
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(secret);
    const oidcRequest = access.auth.kind === 'federated' ? (0,_context_js__WEBPACK_IMPORTED_MODULE_3__/* .oidcRequestFromEnv */ .g)() : undefined;
    if (oidcRequest)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(oidcRequest.token);
    const signedIn = await (0,_sign_in_sign_in_js__WEBPACK_IMPORTED_MODULE_2__/* .signIn */ .J)(access.auth, {
        oidcRequest,
        ambientSource: options.ambientSource,
        onIdToken: (token) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(token),
        check: options.check,
    });
    return { access, signedIn };
}


/***/ }),

/***/ 1536:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _action_break_step_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1148);

await (0,_action_break_step_js__WEBPACK_IMPORTED_MODULE_0__/* .runBreak */ .F)();

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


/***/ })

};
