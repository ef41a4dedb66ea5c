export const id = 565;
export const ids = [565];
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

/***/ 4973:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ runStatus)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
/* harmony import */ var _lock_break_record_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9916);
/* harmony import */ var _lock_holder_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7053);
/* harmony import */ var _lock_lease_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4277);
/* harmony import */ var _lock_lock_blob_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8443);
/* harmony import */ var _lock_spec_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7832);
/* harmony import */ var _lock_storage_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4906);
/* harmony import */ var _lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4469);
/* harmony import */ var _sign_in_methods_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(7349);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(915);
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9280);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(1729);
/* harmony import */ var _request_log_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(3304);
/* harmony import */ var _step_sign_in_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(1284);
/* harmony import */ var _summary_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(8770);
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
        const lockName = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_10__/* .readOptionalLockName */ .FW)(read);
        container = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_10__/* .readContainer */ .u2)(read);
        const target = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_10__/* .readStorageTarget */ .dZ)(read);
        endpoint = target.endpoint;
        tokenAuth = (0,_sign_in_methods_js__WEBPACK_IMPORTED_MODULE_14__/* .usesEntra */ .x)(target.auth);
        const { signedIn } = await (0,_step_sign_in_js__WEBPACK_IMPORTED_MODULE_12__/* .signInTo */ .a)(target, { check: true });
        const options = { retry: _lock_storage_js__WEBPACK_IMPORTED_MODULE_6__/* .STEP_RETRY */ .QA, observe: (0,_request_log_js__WEBPACK_IMPORTED_MODULE_11__/* .requestLog */ .M)() };
        const serverUrl = process.env.GITHUB_SERVER_URL || 'https://github.com';
        if (lockName !== undefined) {
            const spec = { endpoint, container, lockName, leaseDurationSeconds: _lock_lease_js__WEBPACK_IMPORTED_MODULE_3__/* .LEASE_SECONDS */ .Vb.default };
            const found = await (0,_lock_lock_blob_js__WEBPACK_IMPORTED_MODULE_4__/* .openLock */ .qB)(signedIn.auth, spec, options).status();
            const status = found === 'missing' ? undefined : found;
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Lock ${(0,_lock_spec_js__WEBPACK_IMPORTED_MODULE_5__/* .lockLocation */ .VU)(spec)}: ${describeStatus(status)}`);
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(_constants_js__WEBPACK_IMPORTED_MODULE_8__/* .Outputs */ .tY.Held, status?.held ? 'true' : 'false');
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(_constants_js__WEBPACK_IMPORTED_MODULE_8__/* .Outputs */ .tY.Holder, holderOutput(status));
            const locks = [status ?? { name: lockName, held: false, leaseState: 'available' }];
            await (0,_summary_js__WEBPACK_IMPORTED_MODULE_13__/* .appendSummary */ .fe)((0,_summary_js__WEBPACK_IMPORTED_MODULE_13__/* .renderStatusTable */ .dK)(`Lock ${(0,_lock_spec_js__WEBPACK_IMPORTED_MODULE_5__/* .lockLocation */ .VU)(spec)}`, locks, serverUrl));
            return;
        }
        const place = `${(0,_lock_spec_js__WEBPACK_IMPORTED_MODULE_5__/* .accountNameOf */ .o)(endpoint)}/${container}`;
        const locks = await (0,_lock_lock_blob_js__WEBPACK_IMPORTED_MODULE_4__/* .listLocks */ .dB)((0,_lock_storage_js__WEBPACK_IMPORTED_MODULE_6__/* .containerClientFor */ .wW)({ endpoint, auth: signedIn.auth }, container, options));
        if (locks === 'missing') {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Container ${place} does not exist: no locks.`);
            await (0,_summary_js__WEBPACK_IMPORTED_MODULE_13__/* .appendSummary */ .fe)((0,_summary_js__WEBPACK_IMPORTED_MODULE_13__/* .renderStatusTable */ .dK)(`Locks in ${place}`, [], serverUrl));
            return;
        }
        const held = locks.filter((lock) => lock.held).length;
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Container ${place}: ${locks.length} ${locks.length === 1 ? 'lock' : 'locks'}, ${held} held.`);
        for (const lock of locks)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`  ${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_7__/* .showUntrusted */ .G)(lock.name)}: ${describeStatus(lock)}`);
        await (0,_summary_js__WEBPACK_IMPORTED_MODULE_13__/* .appendSummary */ .fe)((0,_summary_js__WEBPACK_IMPORTED_MODULE_13__/* .renderStatusTable */ .dK)(`Locks in ${place}`, locks, serverUrl));
    }
    catch (err) {
        (0,_failure_js__WEBPACK_IMPORTED_MODULE_9__/* .failStep */ .v)(err, endpoint, { tokenAuth, container });
    }
}
/** "free", or "held by … (fixed lease)", and the last break; every value from the blob shown through showUntrusted. */
function describeStatus(status) {
    if (!status)
        return 'free (its blob does not exist yet).';
    const lastBreak = status.lastBreak ? ` Last ${(0,_lock_break_record_js__WEBPACK_IMPORTED_MODULE_1__/* .describeBreak */ .Li)(status.lastBreak)}.` : '';
    if (!status.held)
        return `free.${lastBreak}`;
    const lease = status.leaseKind === 'infinite'
        ? 'an infinite lease, which never expires; this action never takes one'
        : status.leaseKind === 'fixed'
            ? 'a fixed lease'
            : 'a lease';
    const breaking = status.leaseState === 'breaking' ? ', being broken' : '';
    return `held by ${(0,_lock_holder_js__WEBPACK_IMPORTED_MODULE_2__/* .describeHolder */ .sG)(status.holder)}, with ${lease}${breaking}.${lastBreak}`;
}
/** The holder output: the record with every value as the log shows it; {} for a holder without one; null when free. */
function holderOutput(status) {
    if (!status?.held)
        return 'null';
    if (!status.holder)
        return '{}';
    const record = status.holder;
    const shown = Object.fromEntries(Object.keys(record).map((field) => [field, (0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_7__/* .showUntrusted */ .G)(record[field])]));
    return JSON.stringify(shown);
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
/* harmony import */ var _lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4469);
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
    return escapeMarkup((0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_3__/* .showUntrusted */ .G)(untrusted, maxLength));
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
 * undefined is left out. A new fact (the queue's place on arrival, the
 * fencing token) is one more row here.
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
/**
 * The columns of the status table, in order. The queue (issue 9) adds its
 * column here, one line: ['Queue', (lock) => …].
 */
const STATUS_COLUMNS = [
    ['Lock', (lock) => summaryText(lock.name)],
    ['State', (lock) => (!lock.held ? 'free' : lock.leaseState === 'breaking' ? 'held (lease breaking)' : 'held')],
    [
        'Holder',
        (lock, serverUrl) => !lock.held
            ? ''
            : lock.holder
                ? `${who(lock.holder)} ${runCell(lock.holder, serverUrl)}`
                : 'unknown: a client that writes no holder record',
    ],
    ['Since', (lock) => (lock.held && lock.holder ? summaryText(lock.holder.acquiredAt) : '')],
    [
        'Lease',
        (lock) => (!lock.held ? '' : lock.leaseKind === 'infinite' ? 'infinite (never expires)' : (lock.leaseKind ?? '')),
    ],
    ['Last break', (lock) => (lock.lastBreak ? escapeMarkup((0,_lock_break_record_js__WEBPACK_IMPORTED_MODULE_1__/* .describeBreak */ .Li)(lock.lastBreak)) : '')],
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

/***/ })

};
