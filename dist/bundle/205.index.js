export const id = 205;
export const ids = [205];
export const modules = {

/***/ 4501:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ runPost)
/* harmony export */ });
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1659);
/* harmony import */ var _lock_clock_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(2041);
/* harmony import */ var _lock_duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6307);
/* harmony import */ var _lock_lease_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4277);
/* harmony import */ var _lock_service_time_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(3024);
/* harmony import */ var _lock_spec_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7832);
/* harmony import */ var _renewer_control_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9779);
/* harmony import */ var _renewer_platform_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7855);
/* harmony import */ var _renewer_lifecycle_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2722);
/* harmony import */ var _renewer_status_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(1210);
/* harmony import */ var _loss_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(2603);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(3175);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(2379);
// The post step: ask the renewer to let go, make sure the lease is given
// back, and fail loudly if the lock was lost while the job's steps ran. Then
// write the lock's section of the job summary.














/**
 * The post step's own storage client and what it does with it, loaded only
 * when needed: usually the renewer lets go, and post starts faster without
 * the storage SDK (the handoff to the next job counts from post's start).
 */
const storage = () => Promise.all(/* import() */[__webpack_require__.e(728), __webpack_require__.e(774), __webpack_require__.e(69), __webpack_require__.e(61)]).then(__webpack_require__.bind(__webpack_require__, 8061));
async function runPost() {
    let hold;
    try {
        hold = await releaseLock();
    }
    catch (err) {
        // Clean-up trouble is a warning: the lease expires by itself.
        _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e(`Could not finish releasing the lock: ${err instanceof Error ? err.message : String(err)}`);
    }
    await writeSummary(hold);
}
/**
 * How far the runner's wall clock is ahead of the service's, when a renewal
 * has read the service's clock (0 otherwise): main dated its wait by the wall
 * clock, and the summary shows it beside times told by the service.
 */
function wallClockAheadMs() {
    let service;
    try {
        service = _state_js__WEBPACK_IMPORTED_MODULE_10__/* .lease */ .dm()?.service;
    }
    catch {
        return 0;
    }
    if (!service)
        return 0;
    const now = (0,_lock_clock_js__WEBPACK_IMPORTED_MODULE_12__/* .monotonicNow */ .X)();
    const wall = Date.now();
    return wall - (0,_lock_service_time_js__WEBPACK_IMPORTED_MODULE_13__/* .serviceTimeAt */ .yi)(now, service, 'no-later').getTime();
}
/** The lock's section of the job summary, when main got as far as waiting for it. */
async function writeSummary(hold) {
    let spec;
    try {
        spec = _state_js__WEBPACK_IMPORTED_MODULE_10__/* .lock */ .s2();
    }
    catch {
        return;
    }
    const waited = _state_js__WEBPACK_IMPORTED_MODULE_10__/* .wait */ .uk();
    if (!spec || (!waited && !hold))
        return;
    const ahead = wallClockAheadMs();
    const onService = (iso) => new Date(Date.parse(iso) - ahead).toISOString();
    const wait = waited && { ...waited, startedAt: onService(waited.startedAt), endedAt: onService(waited.endedAt) };
    const serverUrl = process.env.GITHUB_SERVER_URL || 'https://github.com';
    const turn = hold ? _state_js__WEBPACK_IMPORTED_MODULE_10__/* .turn */ .wC() : undefined;
    await (0,_summary_js__WEBPACK_IMPORTED_MODULE_11__/* .appendSummary */ .fe)((0,_summary_js__WEBPACK_IMPORTED_MODULE_11__/* .renderLockSummary */ .O3)({ location: (0,_lock_spec_js__WEBPACK_IMPORTED_MODULE_4__/* .lockLocation */ .VU)(spec), wait, hold, turn, priority: spec.priority }, serverUrl));
}
/** Releases the lock; returns what the summary says of the hold, undefined when main held nothing. */
async function releaseLock() {
    const spec = _state_js__WEBPACK_IMPORTED_MODULE_10__/* .lock */ .s2();
    const lease = _state_js__WEBPACK_IMPORTED_MODULE_10__/* .lease */ .dm();
    if (!spec || !lease) {
        // Main may have been killed between Azure granting the lease and main
        // recording it: give back a lease under the id it proposed, if there is one.
        const proposed = _state_js__WEBPACK_IMPORTED_MODULE_10__/* .proposedLeaseId */ .GD();
        if (spec && proposed && (await (await storage()).releaseHere(spec, proposed, { quiet: true })) === 'released') {
            _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq('Released the lease that the main step took as it was stopped.');
            return;
        }
        _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq('Nothing to release: the main step did not take the lock.');
        await renewerGone(_state_js__WEBPACK_IMPORTED_MODULE_10__/* .renewer */ .T9()?.renewer);
        return;
    }
    // scope run: the lease becomes a hold of the run instead, unless that cannot be done.
    const kept = spec.runHoldMs !== undefined ? await (await storage()).keepForRun(spec, lease) : undefined;
    if (kept)
        return kept;
    const location = (0,_lock_spec_js__WEBPACK_IMPORTED_MODULE_4__/* .lockLocation */ .VU)(spec);
    const places = _state_js__WEBPACK_IMPORTED_MODULE_10__/* .renewer */ .T9();
    const asked = places
        ? await (0,_renewer_control_js__WEBPACK_IMPORTED_MODULE_5__/* .askToLetGo */ .ih)(places.channel, { op: 'stop', by: 'post' }, { killIfStuck: true, expected: places.renewer })
        : { answer: { kind: 'gone' }, log: [] };
    const statusFile = places && asked.answer.kind !== 'answered' ? (0,_renewer_status_js__WEBPACK_IMPORTED_MODULE_8__/* .readStatusFile */ .zF)(places.statusFile) : undefined;
    const log = asked.log.length > 0 ? asked.log.join('\n') : places ? (0,_renewer_status_js__WEBPACK_IMPORTED_MODULE_8__/* .readLogFile */ .jQ)(places.statusFile).trimEnd() : '';
    if (log) {
        _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .startGroup */ .Oh('Renewer log');
        _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(log);
        _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .endGroup */ .N4();
    }
    let ownRelease;
    let ownRenewal;
    // A release sent while the lease was still valid proves it was ours up to then (monotonic, like all lease arithmetic).
    const releaseSentAt = (0,_lock_clock_js__WEBPACK_IMPORTED_MODULE_12__/* .monotonicNow */ .X)();
    const leaseDurationMs = spec.leaseDurationSeconds * 1000;
    if ((0,_renewer_lifecycle_js__WEBPACK_IMPORTED_MODULE_7__/* .needsOwnRelease */ .l1)(asked.answer, statusFile)) {
        // The renewer could not release (it is dead, stuck or failed): do it here with the step's credentials.
        // A lease that went a whole duration unconfirmed is renewed first: that alone can prove nobody took it since.
        const confirmed = Math.max(lease.confirmedMono, statusFile?.confirmedMono ?? -Infinity);
        const { renewHere, releaseHere } = await storage();
        if (releaseSentAt >= (0,_lock_lease_js__WEBPACK_IMPORTED_MODULE_3__/* .leaseValidUntil */ .$8)(confirmed, leaseDurationMs))
            ownRenewal = await renewHere(spec, lease.leaseId);
        if (ownRenewal?.outcome !== 'gone')
            ownRelease = await releaseHere(spec, lease.leaseId);
    }
    const { verdict: outcome, warnings } = (0,_renewer_lifecycle_js__WEBPACK_IMPORTED_MODULE_7__/* .verdict */ .WJ)({
        answer: asked.answer,
        statusFile,
        ownRelease,
        ownRenewal,
        confirmedMono: lease.confirmedMono,
        service: lease.service,
        leaseDurationMs,
        now: releaseSentAt,
    });
    for (const warning of warnings)
        _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e(warning);
    // For the summary: the renewer's last word, however it came.
    const lastReport = asked.answer.kind === 'answered' ? asked.answer.report : statusFile;
    // Times of the hold are shown on the service's clock, which the renewer (or main) last read.
    const service = lastReport?.service ?? lease.service;
    const heldSince = lease.heldSince ?? lease.acquiredAt;
    const hold = {
        acquiredAt: heldSince,
        endedAt: (0,_lock_service_time_js__WEBPACK_IMPORTED_MODULE_13__/* .serviceTimeAt */ .yi)((0,_lock_clock_js__WEBPACK_IMPORTED_MODULE_12__/* .monotonicNow */ .X)(), service, 'no-earlier'),
        renewals: lastReport?.renewals,
        longestGapMs: lastReport?.longestGapMs,
        ...(lastReport?.healedLapse ? { healedLapse: lastReport.healedLapse } : {}),
    };
    switch (outcome.kind) {
        case 'lost': {
            const brokenBy = await (await storage()).breakRecordFor(spec, lease.acquiredAt, heldSince, new Date(outcome.loss.detectedAt));
            reportLoss(location, outcome.loss, brokenBy);
            return { ...hold, endedAt: new Date(outcome.loss.detectedAt), outcome: 'lost', loss: outcome.loss, brokenBy };
        }
        case 'expires':
            // releaseHere has said why; the lease runs out by itself.
            return { ...hold, outcome: 'expires' };
        case 'released': {
            const held = `after holding it for ${(0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(hold.endedAt.getTime() - heldSince.getTime())}`;
            const report = outcome.report;
            const renewals = report
                ? ` (${report.renewals} renewals, longest gap ${(0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(report.longestGapMs)})`
                : '';
            if (outcome.early) {
                _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`Lock ${location} was released early by the ${outcome.early.by} at ${outcome.early.at}${renewals}.`);
            }
            else {
                _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`Released lock ${location} ${held}${renewals}.`);
            }
            const releasedAt = outcome.report?.released?.at;
            return {
                ...hold,
                endedAt: releasedAt ? new Date(releasedAt) : hold.endedAt,
                outcome: 'released',
                releasedBy: outcome.report?.released?.by,
            };
        }
    }
}
/** How long post waits for a renewer that main dismissed (it held nothing) to exit by itself. */
const DISMISSED_EXIT_MS = 2_000;
/**
 * Waits, only looking and never signalling, until the renewer main started
 * and dismissed has exited: it leaves once it has loaded its code and sees
 * main gone, which can be after a quick post step (a job whose main failed at
 * once), and a process left at the job's end is an orphan the runner reports.
 */
async function renewerGone(renewer) {
    if (!renewer)
        return;
    const deadline = (0,_lock_clock_js__WEBPACK_IMPORTED_MODULE_12__/* .monotonicNow */ .X)() + DISMISSED_EXIT_MS;
    while ((0,_renewer_platform_js__WEBPACK_IMPORTED_MODULE_6__/* .livenessOf */ .l8)(renewer.pid, renewer.startTime) === 'alive' && (0,_lock_clock_js__WEBPACK_IMPORTED_MODULE_12__/* .monotonicNow */ .X)() < deadline)
        await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(10);
}
/** One annotation with a title; the step fails as setFailed would make it. */
function reportLoss(location, loss, brokenBy) {
    _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .error */ .z3((0,_loss_js__WEBPACK_IMPORTED_MODULE_9__/* .lossMessage */ .L)(location, loss, brokenBy), { title: 'Lock lost' });
    process.exitCode = 1;
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
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(643);
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
