export const id = 661;
export const ids = [661];
export const modules = {

/***/ 645:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ holderFromEnvironment),
/* harmony export */   g: () => (/* binding */ oidcRequestFromEnv)
/* harmony export */ });
/* harmony import */ var _lock_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2960);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(915);
// What the runner tells the job about itself, from its environment: who we
// are (the holder record waiters in other repositories see), and how this
// job may ask GitHub for an OIDC token.


function holderFromEnvironment(env = process.env) {
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    const repository = env.GITHUB_REPOSITORY ?? '';
    const runId = env.GITHUB_RUN_ID ?? '';
    return {
        repository,
        workflow: env.GITHUB_WORKFLOW ?? '',
        job: env.GITHUB_JOB ?? '',
        runId,
        runAttempt: env.GITHUB_RUN_ATTEMPT ?? '',
        actor: env.GITHUB_ACTOR ?? '',
        runUrl: repository && runId ? `${server}/${repository}/actions/runs/${runId}` : '',
    };
}
/** ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN, which the runner sets only for jobs with 'id-token: write'. */
function oidcRequestFromEnv(env = process.env) {
    const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const token = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!url || !token) {
        throw new _lock_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`'${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.ClientId}' and '${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.TenantId}' sign in with GitHub's OIDC token, but this job may not request one: ` +
            "add 'permissions: id-token: write' to the job or the workflow. (Pull requests from forks never get one.)");
    }
    return { url, token };
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

/***/ 4501:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ runPost)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
/* harmony import */ var _lock_break_record_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9916);
/* harmony import */ var _lock_duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6307);
/* harmony import */ var _lock_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2960);
/* harmony import */ var _lock_lock_blob_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4912);
/* harmony import */ var _lock_spec_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7832);
/* harmony import */ var _lock_storage_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4906);
/* harmony import */ var _renewer_control_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9779);
/* harmony import */ var _renewer_lifecycle_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2722);
/* harmony import */ var _renewer_status_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1210);
/* harmony import */ var _loss_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(2603);
/* harmony import */ var _request_log_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(3304);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(3175);
/* harmony import */ var _step_sign_in_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(1284);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(8770);
// The post step: ask the renewer to let go, make sure the lease is given
// back, and fail loudly if the lock was lost while the job's steps ran. Then
// write the lock's section of the job summary.















async function runPost() {
    let hold;
    try {
        hold = await releaseLock();
    }
    catch (err) {
        // Clean-up trouble is a warning: the lease expires by itself.
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Could not finish releasing the lock: ${err instanceof Error ? err.message : String(err)}`);
    }
    await writeSummary(hold);
}
/** The lock's section of the job summary, when main got as far as waiting for it. */
async function writeSummary(hold) {
    let spec;
    try {
        spec = _state_js__WEBPACK_IMPORTED_MODULE_12__/* .lock */ .s2();
    }
    catch {
        return;
    }
    const wait = _state_js__WEBPACK_IMPORTED_MODULE_12__/* .wait */ .uk();
    if (!spec || (!wait && !hold))
        return;
    const serverUrl = process.env.GITHUB_SERVER_URL || 'https://github.com';
    const turn = hold ? _state_js__WEBPACK_IMPORTED_MODULE_12__/* .turn */ .wC() : undefined;
    await (0,_summary_js__WEBPACK_IMPORTED_MODULE_14__/* .appendSummary */ .fe)((0,_summary_js__WEBPACK_IMPORTED_MODULE_14__/* .renderLockSummary */ .O3)({ location: (0,_lock_spec_js__WEBPACK_IMPORTED_MODULE_5__/* .lockLocation */ .VU)(spec), wait, hold, turn }, serverUrl));
}
/** Releases the lock; returns what the summary says of the hold, undefined when main held nothing. */
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
    const location = (0,_lock_spec_js__WEBPACK_IMPORTED_MODULE_5__/* .lockLocation */ .VU)(spec);
    const places = _state_js__WEBPACK_IMPORTED_MODULE_12__/* .renewer */ .T9();
    const asked = places
        ? await (0,_renewer_control_js__WEBPACK_IMPORTED_MODULE_7__/* .askToLetGo */ .ih)(places.channel, { op: 'stop', by: 'post' }, { killIfStuck: true })
        : { answer: { kind: 'gone' }, log: [] };
    const statusFile = places && asked.answer.kind !== 'answered' ? (0,_renewer_status_js__WEBPACK_IMPORTED_MODULE_9__/* .readStatusFile */ .zF)(places.statusFile) : undefined;
    const log = asked.log.length > 0 ? asked.log.join('\n') : places ? (0,_renewer_status_js__WEBPACK_IMPORTED_MODULE_9__/* .readLogFile */ .jQ)(places.statusFile).trimEnd() : '';
    if (log) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh('Renewer log');
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(log);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4();
    }
    let ownRelease;
    // A release sent while the lease was still valid proves it was ours up to then.
    const releaseSentAt = new Date();
    if ((0,_renewer_lifecycle_js__WEBPACK_IMPORTED_MODULE_8__/* .needsOwnRelease */ .l1)(asked.answer, statusFile)) {
        // The renewer could not release (it is dead, stuck or failed): do it here with the step's credentials.
        ownRelease = await releaseHere(spec, lease.leaseId);
    }
    const { verdict: outcome, warnings } = (0,_renewer_lifecycle_js__WEBPACK_IMPORTED_MODULE_8__/* .verdict */ .WJ)({
        answer: asked.answer,
        statusFile,
        ownRelease,
        confirmedAt: lease.confirmedAt,
        leaseDurationMs: spec.leaseDurationSeconds * 1000,
        now: releaseSentAt,
    });
    for (const warning of warnings)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(warning);
    // For the summary: the renewer's last word, however it came.
    const lastReport = asked.answer.kind === 'answered' ? asked.answer.report : statusFile;
    const hold = {
        acquiredAt: lease.acquiredAt,
        endedAt: new Date(),
        renewals: lastReport?.renewals,
        longestGapMs: lastReport?.longestGapMs,
    };
    switch (outcome.kind) {
        case 'lost': {
            const brokenBy = await breakRecordFor(spec, lease.acquiredAt);
            reportLoss(location, outcome.loss, brokenBy);
            return { ...hold, endedAt: new Date(outcome.loss.detectedAt), outcome: 'lost', loss: outcome.loss, brokenBy };
        }
        case 'expires':
            // releaseHere has said why; the lease runs out by itself.
            return { ...hold, outcome: 'expires' };
        case 'released': {
            const held = `after holding it for ${(0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a)(Date.now() - lease.acquiredAt.getTime())}`;
            const report = outcome.report;
            const renewals = report
                ? ` (${report.renewals} renewals, longest gap ${(0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a)(report.longestGapMs)})`
                : '';
            if (outcome.early) {
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Lock ${location} was released early by the ${outcome.early.by} at ${outcome.early.at}${renewals}.`);
            }
            else {
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Released lock ${location} ${held}${renewals}.`);
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
/** One annotation with a title; the step fails as setFailed would make it. */
function reportLoss(location, loss, brokenBy) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3((0,_loss_js__WEBPACK_IMPORTED_MODULE_10__/* .lossMessage */ .L)(location, loss, brokenBy), { title: 'Lock lost' });
    process.exitCode = 1;
}
/**
 * The break record on the lock blob, when a break step broke this hold (and
 * not an earlier one): read with the step's credentials. Undefined when
 * there is none, or it cannot be read.
 */
async function breakRecordFor(spec, acquiredAt) {
    try {
        const { signedIn } = await (0,_step_sign_in_js__WEBPACK_IMPORTED_MODULE_13__/* .signInWithInputs */ .M)({ ambientSource: _state_js__WEBPACK_IMPORTED_MODULE_12__/* .ambientSource */ .aN() });
        const status = await (0,_lock_lock_blob_js__WEBPACK_IMPORTED_MODULE_4__/* .openLock */ .qB)(signedIn.auth, spec, { retry: _lock_storage_js__WEBPACK_IMPORTED_MODULE_6__/* .STEP_RETRY */ .QA, observe: (0,_request_log_js__WEBPACK_IMPORTED_MODULE_11__/* .requestLog */ .M)() }).status({
            timeoutMs: 5_000,
        });
        const record = status === 'missing' ? undefined : status.lastBreak;
        const hold = { acquiredAt: acquiredAt.toISOString(), runId: process.env.GITHUB_RUN_ID ?? '' };
        return record && (0,_lock_break_record_js__WEBPACK_IMPORTED_MODULE_1__/* .breakApplies */ .sr)(record, hold) ? record : undefined;
    }
    catch (err) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`Could not read the lock blob for a break record: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
    }
}
/** Releases with the step's own credentials, read from the inputs again. */
async function releaseHere(spec, leaseId, options = {}) {
    const report = options.quiet ? _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz : _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e;
    const expiry = `it expires by itself within ${spec.leaseDurationSeconds}s`;
    let lock;
    try {
        const { signedIn } = await (0,_step_sign_in_js__WEBPACK_IMPORTED_MODULE_13__/* .signInWithInputs */ .M)({ ambientSource: _state_js__WEBPACK_IMPORTED_MODULE_12__/* .ambientSource */ .aN() });
        lock = (0,_lock_lock_blob_js__WEBPACK_IMPORTED_MODULE_4__/* .openLock */ .qB)(signedIn.auth, spec, { retry: _lock_storage_js__WEBPACK_IMPORTED_MODULE_6__/* .STEP_RETRY */ .QA, observe: (0,_request_log_js__WEBPACK_IMPORTED_MODULE_11__/* .requestLog */ .M)() });
    }
    catch (err) {
        report(`Cannot release the lease here (${err.message}); ${expiry}.`);
        return 'failed';
    }
    try {
        return await lock.release(leaseId, { timeoutMs: options.quiet ? 5_000 : 15_000 });
    }
    catch (err) {
        report(`Releasing the lease failed (${(0,_lock_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeStorageErrorBrief */ .rg)(err)}); ${expiry}.`);
        return 'failed';
    }
}


/***/ }),

/***/ 3304:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ requestLog)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
/* harmony import */ var _lock_storage_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4906);
// With debug logging on (RUNNER_DEBUG=1, or "Enable debug logging" on a
// re-run), every storage request of a step goes to the debug log: method, URL
// without its query (so never a SAS), status, request id and retries. The
// lock core reports requests through an observer; this plugs core.debug in.


/** The observer for a step's storage clients: undefined (no cost) unless debug logging is on. */
function requestLog() {
    return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .isDebug */ ._o() ? (request) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz((0,_lock_storage_js__WEBPACK_IMPORTED_MODULE_1__/* .describeRequest */ .Ng)(request)) : undefined;
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
/* harmony export */   dR: () => (/* binding */ saveTurn),
/* harmony export */   dm: () => (/* binding */ lease),
/* harmony export */   fR: () => (/* binding */ saveProposedLeaseId),
/* harmony export */   s2: () => (/* binding */ lock),
/* harmony export */   uk: () => (/* binding */ wait),
/* harmony export */   wC: () => (/* binding */ turn)
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
function saveTurn(turn) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.Turn, JSON.stringify({ fencingToken: turn.fencingToken, arrivalPosition: turn.arrivalPosition }));
}
/** The turn main saved; undefined when there is none or state holds something else. */
function turn() {
    const value = readJson(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.Turn);
    const isCount = (n) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 1;
    if (!value || !isCount(value.fencingToken) || !isCount(value.arrivalPosition))
        return undefined;
    return { fencingToken: value.fencingToken, arrivalPosition: value.arrivalPosition };
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

/***/ 8770:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O3: () => (/* binding */ renderLockSummary),
/* harmony export */   dK: () => (/* binding */ renderStatusTable),
/* harmony export */   fe: () => (/* binding */ appendSummary)
/* harmony export */ });
/* unused harmony exports escapeMarkup, summaryText, safeRunLink */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
/* harmony import */ var _lock_break_record_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9916);
/* harmony import */ var _lock_duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6307);
/* harmony import */ var _lock_queue_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5624);
/* harmony import */ var _lock_holder_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7053);
/* harmony import */ var _lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4469);
// The job summary ($GITHUB_STEP_SUMMARY): post writes one section per lock,
// and the status step a table of locks. GitHub renders the summary as
// Markdown with HTML, so text that others wrote (holder and break records)
// could add links, images, headings or table cells of its own. Every such
// value is first shown through showUntrusted (one line, no controls), then
// written with each character that Markdown or HTML could read as markup
// replaced by its numeric character reference, which renders as the character
// itself. Links are made only to GitHub run pages on this job's own server.






/**
 * Characters that start or end markup in Markdown (emphasis, code, links,
 * images, tables, autolinks (the ':' of a URL), mentions, headings, math,
 * escapes) or in HTML (tags, entities, attribute quotes).
 */
const MARKUP = /[&<>"'`|*_~[\]()\\@:#!$]/g;
/**
 * Text that is already one line the log may show (the action's own, or what
 * showUntrusted or describeHolder made of others'), with its markup
 * characters replaced by references, and any line break by a space.
 */
function escapeMarkup(text) {
    return text.replace(/[\r\n]+/g, ' ').replace(MARKUP, (ch) => `&#${ch.codePointAt(0)};`);
}
/** Text that others wrote, for the summary: one line, no controls, no markup; it renders as the log shows it. */
function summaryText(untrusted, maxLength) {
    return escapeMarkup((0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .G)(untrusted, maxLength));
}
/** A GitHub Actions run page on this job's server: /owner/repo/actions/runs/<id>, optionally /attempts/<n>. */
const RUN_PATH = /^\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/actions\/runs\/\d+(\/attempts\/\d+)?\/?$/;
/** The run URL of a record as an href, only when it is a run page on the job's own GitHub server. */
function safeRunLink(runUrl, serverUrl) {
    let url;
    let server;
    try {
        url = new URL(runUrl);
        server = new URL(serverUrl);
    }
    catch {
        return undefined;
    }
    if (url.protocol !== 'https:' || url.origin !== server.origin || url.search || url.hash)
        return undefined;
    if (url.username || url.password || !RUN_PATH.test(url.pathname))
        return undefined;
    return url.href;
}
/** A cell that links a holder's run when its URL is safe, and shows it as plain text otherwise. */
function runCell(record, serverUrl) {
    const label = record.runId ? `run ${summaryText(record.runId, 40)}` : 'run';
    const href = safeRunLink(record.runUrl, serverUrl);
    // The href passed safeRunLink: https, this server, and a path of letters, digits and . _ - / only.
    if (href)
        return `<a href="${href}">${label}</a>`;
    return record.runUrl ? `${label} (${summaryText(record.runUrl)})` : record.runId ? label : '';
}
function who(record) {
    const parts = [
        summaryText(record.repository) || 'unknown repository',
        record.workflow && `workflow “${summaryText(record.workflow)}”`,
        record.job && `job ${summaryText(record.job)}`,
        record.actor && `actor ${summaryText(record.actor)}`,
    ];
    return parts.filter(Boolean).join(', ');
}
function table(head, rows) {
    const th = head.map((cell) => `<th align="left">${cell}</th>`).join('');
    const trs = rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('');
    return `<table><tr>${th}</tr>${trs}</table>`;
}
function resultOf(summary) {
    const hold = summary.hold;
    if (hold?.outcome === 'lost')
        return '<strong>Lost while held</strong>: see below';
    if (hold?.outcome === 'expires')
        return 'Held; not released, the lease expires by itself';
    if (hold) {
        if (hold.releasedBy === 'release step')
            return 'Held, and released early by a release step';
        if (hold.releasedBy === 'worker gone')
            return 'Held, and released when the runner worker was gone';
        return 'Held, and released by post';
    }
    switch (summary.wait?.outcome) {
        case 'acquired':
            // Main gave it back (its renewer could not start), or post could not finish.
            return 'Taken, but not held through the job: see the main and post steps’ logs';
        case 'timed-out':
            return 'Not taken: the wait timed out';
        case 'cancelled':
            return 'Not taken: the step was cancelled';
        case 'failed':
            return 'Not taken: the step failed';
        default:
            return 'Not taken';
    }
}
/** A time from state, written again by the action: digits, '-', ':', '.', 'T' and 'Z' only. */
const at = (iso) => new Date(Date.parse(iso)).toISOString();
/** '1m 30s': digits, letters and spaces only. */
const span = (fromMs, toMs) => (0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a)(toMs - fromMs);
/**
 * The facts of a section, one row each, in order; a row whose value is
 * undefined is left out. A new fact is one more row here.
 */
const FACTS = [
    ['Result', (s) => resultOf(s)],
    [
        'Waited',
        ({ wait }) => wait &&
            `${span(Date.parse(wait.startedAt), Date.parse(wait.endedAt))}, from ${at(wait.startedAt)} to ${at(wait.endedAt)}`,
    ],
    [
        'Held',
        ({ hold }) => hold &&
            `${span(hold.acquiredAt.getTime(), hold.endedAt.getTime())}, from ${at(hold.acquiredAt.toISOString())} to ${at(hold.endedAt.toISOString())}`,
    ],
    [
        'Renewals',
        ({ hold }) => hold?.renewals === undefined
            ? undefined
            : `${hold.renewals}${hold.longestGapMs ? `, longest gap ${(0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a)(hold.longestGapMs)}` : ''}`,
    ],
    [
        'Lost',
        ({ hold }) => !hold
            ? undefined
            : hold.loss
                ? `<strong>Yes</strong>: exclusivity was guaranteed only until ${at(hold.loss.exclusiveUntil)}; ` +
                    `found at ${at(hold.loss.detectedAt)}: ${escapeMarkup(hold.loss.reason)}`
                : 'No',
    ],
    ['Broken by', ({ hold }) => hold?.brokenBy && escapeMarkup((0,_lock_break_record_js__WEBPACK_IMPORTED_MODULE_1__/* .describeBreak */ .Li)(hold.brokenBy))],
    [
        'Place in line',
        ({ turn }) => turn && (turn.arrivalPosition === 1 ? 'first: the lock was free' : `${(0,_lock_queue_js__WEBPACK_IMPORTED_MODULE_5__/* .ordinal */ .IE)(turn.arrivalPosition)} on arrival`),
    ],
    ['Fencing token', ({ turn }) => turn && String(turn.fencingToken)],
];
/** The section post writes for one lock, as Markdown with HTML. */
function renderLockSummary(summary, serverUrl) {
    const rows = FACTS.flatMap(([label, value]) => {
        const shown = value(summary);
        return shown === undefined ? [] : [[label, shown]];
    });
    const facts = `<table>${rows.map(([label, value]) => `<tr><th align="left">${label}</th><td>${value}</td></tr>`).join('')}</table>`;
    const parts = [`### Lock ${escapeMarkup(summary.location)}`, '', facts, ''];
    const wait = summary.wait;
    if (wait) {
        const seen = wait.holders.map((holder) => [who(holder), runCell(holder, serverUrl), summaryText(holder.acquiredAt)]);
        if (wait.unknownHolderSeen)
            seen.push(['a client that writes no holder record (az CLI, go-azuremutex…)', '', '']);
        if (seen.length === 0) {
            parts.push('Nobody held the lock while this job waited for it.', '');
        }
        else {
            parts.push('Holders seen while waiting:', '', table(['Holder', 'Run', 'Since'], seen), '');
            if (wait.holdersLeftOut > 0)
                parts.push(`… and ${wait.holdersLeftOut} more.`, '');
        }
    }
    return parts.join('\n');
}
/** Appends to the step's summary file; says why in the debug log when there is none or it cannot be written. */
async function appendSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz('No job summary: GITHUB_STEP_SUMMARY is not set (an older runner, or a run outside GitHub Actions).');
        return;
    }
    try {
        await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw(markdown, true).write();
    }
    catch (err) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`Could not write the job summary: ${err instanceof Error ? err.message : String(err)}`);
    }
    finally {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.emptyBuffer();
    }
}
// ---- Status: a table of locks ----------------------------------------------
/** The columns of the status table, in order. */
const STATUS_COLUMNS = [
    ['Lock', (lock) => summaryText(lock.name)],
    ['State', (lock) => (!lock.held ? 'free' : lock.leaseState === 'breaking' ? 'held (lease breaking)' : 'held')],
    [
        'Holder',
        (lock, serverUrl) => !lock.held
            ? ''
            : lock.holder
                ? `${who(lock.holder)} ${runCell(lock.holder, serverUrl)}`
                : lock.seen?.record
                    ? escapeMarkup((0,_lock_holder_js__WEBPACK_IMPORTED_MODULE_3__/* .describeHolderSeen */ .NW)({ ...lock.seen, infinite: false }))
                    : 'unknown: a client that writes no holder record',
    ],
    ['Since', (lock) => (lock.held && lock.holder ? summaryText(lock.holder.acquiredAt) : '')],
    [
        'Lease',
        (lock) => (!lock.held ? '' : lock.leaseKind === 'infinite' ? 'infinite (never expires)' : (lock.leaseKind ?? '')),
    ],
    ['Last break', (lock) => (lock.lastBreak ? escapeMarkup((0,_lock_break_record_js__WEBPACK_IMPORTED_MODULE_1__/* .describeBreak */ .Li)(lock.lastBreak)) : '')],
    [
        'Waiting',
        (lock) => lock.queue === undefined
            ? 'not listed'
            : lock.queue
                .map((who) => (who ? escapeMarkup((0,_lock_holder_js__WEBPACK_IMPORTED_MODULE_3__/* .briefHolder */ .p2)(who)) : 'a waiter that wrote no record'))
                .join('<br>'),
    ],
];
/** The status step's section: a heading and one row per lock. */
function renderStatusTable(title, locks, serverUrl) {
    const rows = locks.map((lock) => STATUS_COLUMNS.map(([, cell]) => cell(lock, serverUrl)));
    const body = locks.length === 0
        ? 'No locks.'
        : table(STATUS_COLUMNS.map(([head]) => head), rows);
    return [`### ${escapeMarkup(title)}`, '', body, ''].join('\n');
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
    leaseSeconds: (0,_shape_js__WEBPACK_IMPORTED_MODULE_2__/* .optional */ .lq)(_shape_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq),
    ticket: (0,_shape_js__WEBPACK_IMPORTED_MODULE_2__/* .optional */ .lq)(_shape_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq),
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
    /** A lease without a believable holder record was seen: a client such as az CLI or go-azuremutex, or a stale record. */
    unknownHolderSeen: _shape_js__WEBPACK_IMPORTED_MODULE_2__/* .yesNo */ .Lm,
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
        const seen = event.type === 'infinite-lease'
            ? event.holder
            : event.type === 'waiting' ||
                event.type === 'moved' ||
                event.type === 'holder-changed' ||
                event.type === 'still-waiting'
                ? event.place.holder
                : undefined;
        if (!seen)
            return;
        // A stale record names a holder that is gone, not the one holding the lease.
        const record = seen.freshness.kind === 'stale' ? undefined : seen.record;
        if (!record) {
            this.unknownHolderSeen = true;
            return;
        }
        const key = (0,_lock_holder_js__WEBPACK_IMPORTED_MODULE_0__/* .holderKey */ .I4)(record);
        if (this.seen.has(key))
            return;
        this.seen.add(key);
        if (this.holders.length < MAX_HOLDERS_KEPT)
            this.holders.push(record);
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
