export const id = 661;
export const ids = [661];
export const modules = {

/***/ 4501:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ runPost)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
/* harmony import */ var _lock_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6307);
/* harmony import */ var _lock_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2960);
/* harmony import */ var _lock_lock_blob_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3291);
/* harmony import */ var _lock_spec_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7832);
/* harmony import */ var _lock_storage_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4906);
/* harmony import */ var _renewer_control_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(9779);
/* harmony import */ var _renewer_lifecycle_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2722);
/* harmony import */ var _renewer_status_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1210);
/* harmony import */ var _sign_in_sign_in_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(3885);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(645);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(1729);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(3175);
// The post step: ask the renewer to let go, make sure the lease is given
// back, and fail loudly if the lock was lost while the job's steps ran.













async function runPost() {
    try {
        await releaseLock();
    }
    catch (err) {
        // Clean-up trouble is a warning: the lease expires by itself.
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not finish releasing the lock: ${err instanceof Error ? err.message : String(err)}`);
    }
}
async function releaseLock() {
    const spec = _state_js__WEBPACK_IMPORTED_MODULE_12__/* .lock */ .s2();
    const lease = _state_js__WEBPACK_IMPORTED_MODULE_12__/* .lease */ .dm();
    if (!spec || !lease) {
        // Main may have been killed between Azure granting the lease and main
        // recording it: give back a lease under the id it proposed, if there is one.
        const proposed = _state_js__WEBPACK_IMPORTED_MODULE_12__/* .proposedLeaseId */ .GD();
        if (spec && proposed && (await releaseHere(spec, proposed, { quiet: true })) === 'released') {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('Released the lease that the main step took as it was stopped.');
            return;
        }
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('Nothing to release: the main step did not take the lock.');
        return;
    }
    const location = (0,_lock_spec_js__WEBPACK_IMPORTED_MODULE_4__/* .lockLocation */ .VU)(spec);
    const places = _state_js__WEBPACK_IMPORTED_MODULE_12__/* .renewer */ .T9();
    const asked = places
        ? await (0,_renewer_control_js__WEBPACK_IMPORTED_MODULE_6__/* .askToLetGo */ .ih)(places.channel, { op: 'stop', by: 'post' }, { killIfStuck: true })
        : { answer: { kind: 'gone' }, log: [] };
    const statusFile = places && asked.answer.kind !== 'answered' ? (0,_renewer_status_js__WEBPACK_IMPORTED_MODULE_8__/* .readStatusFile */ .zF)(places.statusFile) : undefined;
    const log = asked.log.length > 0 ? asked.log.join('\n') : places ? (0,_renewer_status_js__WEBPACK_IMPORTED_MODULE_8__/* .readLogFile */ .jQ)(places.statusFile).trimEnd() : '';
    if (log) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh('Renewer log');
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(log);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4();
    }
    let ownRelease;
    // A release sent while the lease was still valid proves it was ours up to then.
    const releaseSentAt = new Date();
    if ((0,_renewer_lifecycle_js__WEBPACK_IMPORTED_MODULE_7__/* .needsOwnRelease */ .l1)(asked.answer, statusFile)) {
        // The renewer could not release (it is dead, stuck or failed): do it here with the step's credentials.
        ownRelease = await releaseHere(spec, lease.leaseId);
    }
    const { verdict: outcome, warnings } = (0,_renewer_lifecycle_js__WEBPACK_IMPORTED_MODULE_7__/* .verdict */ .WJ)({
        answer: asked.answer,
        statusFile,
        ownRelease,
        confirmedAt: lease.confirmedAt,
        leaseDurationMs: spec.leaseDurationSeconds * 1000,
        now: releaseSentAt,
    });
    for (const warning of warnings)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(warning);
    switch (outcome.kind) {
        case 'lost':
            reportLoss(location, outcome.loss);
            return;
        case 'expires':
            // releaseHere has said why; the lease runs out by itself.
            return;
        case 'released': {
            const held = `after holding it for ${(0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(Date.now() - lease.acquiredAt.getTime())}`;
            const report = outcome.report;
            const renewals = report
                ? ` (${report.renewals} renewals, longest gap ${(0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(report.longestGapMs)})`
                : '';
            if (outcome.early) {
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Lock ${location} was released early by the ${outcome.early.by} at ${outcome.early.at}${renewals}.`);
            }
            else {
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Released lock ${location} ${held}${renewals}.`);
            }
        }
    }
}
/** One annotation with a title; the step fails as setFailed would make it. */
function reportLoss(location, loss) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(`Lock ${location} was lost: exclusivity was guaranteed only until ${loss.exclusiveUntil}, ` +
        `and the loss was found at ${loss.detectedAt}: ${loss.reason}. ` +
        `Steps that ran under the lock after ${loss.exclusiveUntil} may have overlapped another holder.`, { title: 'Lock lost' });
    process.exitCode = 1;
}
/** Releases with the step's own credentials, read from the inputs again. */
async function releaseHere(spec, leaseId, options = {}) {
    const report = options.quiet ? _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz : _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e;
    const expiry = `it expires by itself within ${spec.leaseDurationSeconds}s`;
    let lock;
    try {
        const { auth } = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_11__/* .readStorageTarget */ .dZ)((name) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name));
        for (const secret of (0,_lock_storage_js__WEBPACK_IMPORTED_MODULE_5__/* .secretsOf */ .Fj)(auth))
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(secret);
        const oidcRequest = auth.kind === 'federated' ? (0,_context_js__WEBPACK_IMPORTED_MODULE_10__/* .oidcRequestFromEnv */ .g)() : undefined;
        if (oidcRequest)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(oidcRequest.token);
        const signedIn = await (0,_sign_in_sign_in_js__WEBPACK_IMPORTED_MODULE_9__/* .signIn */ .J)(auth, {
            oidcRequest,
            ambientSource: _state_js__WEBPACK_IMPORTED_MODULE_12__/* .ambientSource */ .aN(),
            onIdToken: (token) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(token),
        });
        lock = (0,_lock_lock_blob_js__WEBPACK_IMPORTED_MODULE_3__/* .openLock */ .qB)(signedIn.auth, spec, { retry: _lock_storage_js__WEBPACK_IMPORTED_MODULE_5__/* .STEP_RETRY */ .QA });
    }
    catch (err) {
        report(`Cannot release the lease here (${err.message}); ${expiry}.`);
        return 'failed';
    }
    try {
        return await lock.release(leaseId, { timeoutMs: options.quiet ? 5_000 : 15_000 });
    }
    catch (err) {
        report(`Releasing the lease failed (${(0,_lock_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeStorageErrorBrief */ .rg)(err)}); ${expiry}.`);
        return 'failed';
    }
}


/***/ }),

/***/ 6661:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _action_post_step_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4501);

await (0,_action_post_step_js__WEBPACK_IMPORTED_MODULE_0__/* .runPost */ .a)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 1210:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   jQ: () => (/* binding */ readLogFile),
/* harmony export */   nr: () => (/* binding */ RenewerRecords),
/* harmony export */   zF: () => (/* binding */ readStatusFile)
/* harmony export */ });
/* unused harmony export logFileOf */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _lifecycle_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2722);
// The renewer's bookkeeping on disk: a status file with its latest report,
// and a log. Both are for when the renewer cannot answer (it died) and for
// people; the lease never depends on them. Every write is best effort: a
// vanished folder is made again, a rename that another process blocks (as
// Windows does while a file is open) is tried again, and a write that still
// fails is skipped. Nothing here throws.



const RENAME_TRIES = 5;
const RENAME_PAUSE_MS = 20;
const LOG_LINES_KEPT = 200;
function logFileOf(statusFile) {
    return statusFile.replace(/\.json$/, '') + '.log';
}
function pause(ms) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
/** Runs a write; on ENOENT makes the folder again and tries once more. Returns the error it gave up on. */
function withFolder(path, write) {
    try {
        write();
        return undefined;
    }
    catch (err) {
        if (err.code !== 'ENOENT')
            return err;
    }
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), { recursive: true, mode: 0o700 });
        write();
        return undefined;
    }
    catch (err) {
        return err;
    }
}
class RenewerRecords {
    statusFile;
    logFile;
    lines = [];
    /** Writes that failed, for the log; they never stop the renewer. */
    failedWrites = 0;
    constructor(statusFile) {
        this.statusFile = statusFile;
        this.logFile = logFileOf(statusFile);
    }
    /** Writes the report whole and renames it into place, so a reader never sees half a file. */
    writeStatus(report) {
        const tmp = `${this.statusFile}.${process.pid}.tmp`;
        const err = withFolder(this.statusFile, () => {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(tmp, JSON.stringify(report), { mode: 0o600 });
            for (let tries = 1;; tries++) {
                try {
                    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(tmp, this.statusFile);
                    return;
                }
                catch (renameErr) {
                    const code = renameErr.code;
                    if (tries >= RENAME_TRIES || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES'))
                        throw renameErr;
                    pause(RENAME_PAUSE_MS);
                }
            }
        });
        if (err)
            this.noteFailure('status file', err);
    }
    /** Appends a line to the log file and keeps it in memory, to be sent to post with the final report. */
    log(line) {
        const stamped = `${new Date().toISOString()} ${line}`;
        this.lines.push(stamped);
        if (this.lines.length > LOG_LINES_KEPT)
            this.lines.splice(0, this.lines.length - LOG_LINES_KEPT);
        const err = withFolder(this.logFile, () => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(this.logFile, `${stamped}\n`, { mode: 0o600 }));
        if (err)
            this.noteFailure('log file', err);
    }
    /** The latest log lines, newest last. */
    recent() {
        return [...this.lines];
    }
    noteFailure(what, err) {
        this.failedWrites += 1;
        // Say so once in a while, in memory only: writing about a failed write would fail too.
        if (this.failedWrites === 1 || this.failedWrites % 100 === 0) {
            const code = err.code ?? err.message;
            this.lines.push(`${new Date().toISOString()} could not write the ${what} (${code}); renewing goes on`);
        }
    }
}
/** The report in a status file, if the file exists and holds one. */
function readStatusFile(path) {
    try {
        return (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRenewerReport */ .Cs)(JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8')));
    }
    catch {
        return undefined;
    }
}
/** The renewer's log file, or '' when there is none. */
function readLogFile(statusFile) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(logFileOf(statusFile), 'utf8');
    }
    catch {
        return '';
    }
}


/***/ })

};
