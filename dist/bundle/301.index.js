export const id = 301;
export const ids = [301,952];
export const modules = {

/***/ 5952:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ ProxyAgent)
/* harmony export */ });
// What the bundle holds in place of undici (LEFT_OUT in scripts/build.ts). @actions/http-client
// imports its ProxyAgent at load time, but uses it only in getAgentDispatcher(), for callers
// that bring their own fetch; neither @actions/core nor this action calls that. HttpClient's
// requests, and their proxy support, go through node:http and tunnel.
class ProxyAgent {
    constructor() {
        throw new Error('azure-mutex-action: undici is left out of dist/ (see LEFT_OUT in scripts/build.ts), so getAgentDispatcher() is unavailable.');
    }
}


/***/ }),

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
/* harmony import */ var _lock_lock_blob_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4912);
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

/***/ 915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G0: () => (/* binding */ Inputs),
/* harmony export */   Hw: () => (/* binding */ Defaults),
/* harmony export */   KJ: () => (/* binding */ Exported),
/* harmony export */   Uw: () => (/* binding */ State),
/* harmony export */   tY: () => (/* binding */ Outputs)
/* harmony export */ });
// The whole contract with action.yml and the sub-actions' action.yml files
// (release/, status/, break/): every input, output, state key and exported
// variable, spelled once.
const Inputs = {
    LockName: 'lock-name',
    Container: 'container',
    ConnectionString: 'connection-string',
    AccountName: 'account-name',
    AccountKey: 'account-key',
    SasToken: 'sas-token',
    BlobEndpoint: 'blob-endpoint',
    ClientId: 'client-id',
    TenantId: 'tenant-id',
    Audience: 'audience',
    LeaseDuration: 'lease-duration',
    Timeout: 'timeout',
    /** Main: with false, a timeout ends the step successfully, holding nothing (try-lock). */
    FailOnTimeout: 'fail-on-timeout',
    /** Break: why the lease is broken; written on the blob. */
    Reason: 'reason',
};
const Outputs = {
    LeaseId: 'lease-id',
    AcquiredAt: 'acquired-at',
    WaitedSeconds: 'waited-seconds',
    /** Main: 'true' when this job holds the lock, 'false' otherwise; set on every run. */
    Acquired: 'acquired',
    /** Status, for one lock: 'true' when it is leased. */
    Held: 'held',
    /** Status, for one lock: its holder record as JSON, every value shown as the log shows it. */
    Holder: 'holder',
    /** Main: an integer that grows with every acquisition of the lock by this action; see the README. */
    FencingToken: 'fencing-token',
};
const State = {
    /** The lock: its LockSpec as JSON (no secrets); saved before waiting starts. */
    Lock: 'lock',
    /** For ambient Entra sign-in: the credential source main found, so post need not search again. */
    AmbientSource: 'ambient-source',
    /** The lease id main proposes, saved before it asks: post can give back a lease taken as main died. */
    ProposedLeaseId: 'proposed-lease-id',
    /** The lease, as JSON, saved the moment it is ours, so post can release it whatever happens next. */
    Lease: 'lease',
    /** Where the renewer listens and the token it obeys, as JSON; saved before the renewer starts. */
    RenewerChannel: 'renewer-channel',
    /** The renewer's status file: its latest report, for when it cannot answer. */
    StatusFile: 'renewer-status-file',
    /** What main saw while it waited, as JSON: post writes the job summary from it. */
    Wait: 'wait',
    /** This job's turn, as JSON: its fencing token and its place in line on arrival, for the job summary. */
    Turn: 'turn',
};
/** Variables that a step exports ($GITHUB_ENV) for the later steps of the job. */
const Exported = {
    /**
     * The locks this job holds, as a JSON list of {lockName, location, acquiredAt, channel}:
     * how a release step, which cannot read main's state, finds each renewer.
     */
    HeldLocks: 'AZURE_MUTEX_HELD_LOCKS',
};
const Defaults = {
    Container: 'locks',
    /** The audience Entra ID expects on a GitHub OIDC token in a federated credential. */
    Audience: 'api://AzureADTokenExchange',
};


/***/ }),

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

/***/ 1729:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FW: () => (/* binding */ readOptionalLockName),
/* harmony export */   VY: () => (/* binding */ readLockName),
/* harmony export */   dZ: () => (/* binding */ readStorageTarget),
/* harmony export */   pk: () => (/* binding */ readReason),
/* harmony export */   sb: () => (/* binding */ readSettings),
/* harmony export */   u2: () => (/* binding */ readContainer)
/* harmony export */ });
/* unused harmony exports InputError, readLeaseDuration, readTimeout, readBoolean, readFailOnTimeout, REASON_MAX_LENGTH */
/* harmony import */ var _lock_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6307);
/* harmony import */ var _lock_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2960);
/* harmony import */ var _lock_lease_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4277);
/* harmony import */ var _lock_names_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6139);
/* harmony import */ var _lock_storage_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4906);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(915);
// Turns the step's inputs into one typed settings object, up front. Every
// problem becomes an InputError that names the input and the form expected.






class InputError extends _lock_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo {
    name = 'InputError';
}
function invalid(input, problem) {
    return new InputError(`Invalid input '${input}': ${problem}.`);
}
function readLockName(read) {
    const name = read(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.LockName);
    if (name === '') {
        throw new InputError(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.LockName}' is required: the name of the lock, e.g. 'production-deploy'.`);
    }
    const problem = (0,_lock_names_js__WEBPACK_IMPORTED_MODULE_5__/* .lockNameProblem */ .Qn)(name);
    if (problem)
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.LockName, `${problem}; expected a blob name of 1 to 1024 characters`);
    return name;
}
/** The lock name of a sub-action, where it may be left out: undefined when it is. */
function readOptionalLockName(read) {
    return read(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.LockName) === '' ? undefined : readLockName(read);
}
function readContainer(read) {
    const container = read(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.Container) || _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Defaults */ .Hw.Container;
    const problem = (0,_lock_names_js__WEBPACK_IMPORTED_MODULE_5__/* .containerNameProblem */ .iH)(container);
    if (problem) {
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.Container, `'${container}' is not a valid container name: ${problem}`);
    }
    return container;
}
function readLeaseDuration(read) {
    const text = read(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.LeaseDuration);
    if (text === '')
        return _lock_lease_js__WEBPACK_IMPORTED_MODULE_2__/* .LEASE_SECONDS */ .Vb.default;
    const seconds = /^\d+$/.test(text) ? Number(text) : NaN;
    if ((0,_lock_lease_js__WEBPACK_IMPORTED_MODULE_2__/* .leaseSecondsProblem */ .j1)(seconds)) {
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.LeaseDuration, `'${text}' is not a whole number of seconds from ${_lock_lease_js__WEBPACK_IMPORTED_MODULE_2__/* .LEASE_SECONDS */ .Vb.min} to ${_lock_lease_js__WEBPACK_IMPORTED_MODULE_2__/* .LEASE_SECONDS */ .Vb.max}`);
    }
    return seconds;
}
function readTimeout(read) {
    const text = read(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.Timeout);
    if (text === '')
        return undefined;
    const ms = (0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E)(text);
    if (ms === undefined) {
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.Timeout, `'${text}' is not a duration; expected a number of seconds or a form like 90s, 15m or 2h`);
    }
    return ms;
}
/**
 * A yes/no input with the rule of core.getBooleanInput: true, True or TRUE;
 * false, False or FALSE. Empty gives the default.
 */
function readBoolean(read, input, defaultValue) {
    const text = read(input);
    if (text === '')
        return defaultValue;
    if (['true', 'True', 'TRUE'].includes(text))
        return true;
    if (['false', 'False', 'FALSE'].includes(text))
        return false;
    throw invalid(input, `'${text}' is not a boolean; expected true or false`);
}
function readFailOnTimeout(read) {
    return readBoolean(read, _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.FailOnTimeout, true);
}
/** The longest reason a break record keeps: metadata is sent in HTTP headers, 8 KiB for all of it. */
const REASON_MAX_LENGTH = 300;
/** Why an operator breaks a lease: required, one line, at most REASON_MAX_LENGTH characters. */
function readReason(read) {
    const reason = read(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.Reason);
    if (reason === '') {
        throw new InputError(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.Reason}' is required: why the lease is broken, e.g. 'deploy run 812 hung; approved by on-call'. ` +
            "It is written on the lock blob, and the former holder's post step shows it.");
    }
    if (reason.length > REASON_MAX_LENGTH) {
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.Reason, `it is ${reason.length} characters long; expected at most ${REASON_MAX_LENGTH}`);
    }
    return reason;
}
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT_DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
/**
 * Exactly one kind of credential: a connection string, an account key, a SAS
 * token, Entra ID through GitHub OIDC (client-id and tenant-id), or, with only
 * an account name or endpoint, the Azure credential found on the runner.
 */
function readStorageTarget(read) {
    const connectionString = read(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.ConnectionString);
    const accountName = read(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.AccountName);
    const accountKey = read(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.AccountKey);
    const sasToken = read(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.SasToken);
    const blobEndpoint = read(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.BlobEndpoint);
    const clientId = read(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.ClientId);
    const tenantId = read(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.TenantId);
    const audience = read(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.Audience);
    const kinds = [
        connectionString && _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.ConnectionString,
        accountKey && _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.AccountKey,
        sasToken && _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.SasToken,
    ].filter(Boolean);
    const entra = [clientId && _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.ClientId, tenantId && _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.TenantId].filter(Boolean);
    if (kinds.length > 0 && entra.length > 0) {
        throw new InputError(`Give exactly one kind of credential, not ${quoted(kinds)} and ${quoted(entra)}: ` +
            `'${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.ClientId}' and '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.TenantId}' sign in with Entra ID, without a key or SAS.`);
    }
    if (kinds.length > 1) {
        throw new InputError(`Give exactly one kind of credential, not ${quoted(kinds)}.`);
    }
    if (audience && entra.length === 0) {
        throw new InputError(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.Audience}' is used only with '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.ClientId}' and '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.TenantId}'.`);
    }
    const endpointOverride = blobEndpoint ? guard(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.BlobEndpoint, () => (0,_lock_storage_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizeEndpoint */ .lI)(blobEndpoint)) : undefined;
    if (connectionString) {
        if (accountName) {
            throw new InputError(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.AccountName}' cannot be combined with '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.ConnectionString}', which names the account itself.`);
        }
        const target = guard(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.ConnectionString, () => (0,_lock_storage_js__WEBPACK_IMPORTED_MODULE_3__/* .parseConnectionString */ .HH)(connectionString));
        return endpointOverride ? { ...target, endpoint: endpointOverride } : target;
    }
    if (kinds.length === 0 && entra.length === 0 && accountName === '' && !endpointOverride) {
        throw new InputError(`No credential given: set '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.ConnectionString}'; or '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.AccountName}' with '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.AccountKey}' or '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.SasToken}'; ` +
            `or '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.AccountName}' with '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.ClientId}' and '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.TenantId}' to sign in through GitHub OIDC; ` +
            `or '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.AccountName}' alone to use the Azure credential of the runner.`);
    }
    if (accountName === '' && (kinds.length > 0 || !endpointOverride)) {
        throw new InputError(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.AccountName}' is required with ${quoted([...kinds, ...entra])}.`);
    }
    if (accountName) {
        const nameProblem = (0,_lock_storage_js__WEBPACK_IMPORTED_MODULE_3__/* .accountNameProblem */ .w_)(accountName);
        if (nameProblem)
            throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.AccountName, `'${accountName}' is not a storage account name; ${nameProblem}`);
    }
    const endpoint = endpointOverride ?? (0,_lock_storage_js__WEBPACK_IMPORTED_MODULE_3__/* .defaultEndpoint */ .nQ)(accountName);
    if (accountKey) {
        const keyProblem = (0,_lock_storage_js__WEBPACK_IMPORTED_MODULE_3__/* .accountKeyProblem */ .Kp)(accountKey);
        if (keyProblem)
            throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.AccountKey, keyProblem);
        return { endpoint, auth: { kind: 'shared-key', accountName, accountKey } };
    }
    if (sasToken) {
        return { endpoint, auth: { kind: 'sas', sasToken: guard(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.SasToken, () => (0,_lock_storage_js__WEBPACK_IMPORTED_MODULE_3__/* .normalizeSasToken */ .co)(sasToken)) } };
    }
    // Entra ID from here on: bearer tokens travel only over https.
    if (!endpoint.startsWith('https://')) {
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.BlobEndpoint, `'${endpoint}' is http, but Entra ID tokens are sent only over https`);
    }
    if (entra.length === 0)
        return { endpoint, auth: { kind: 'ambient' } };
    if (!clientId) {
        throw new InputError(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.ClientId}' is required with '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.TenantId}': the application (client) id of the app registration or managed identity.`);
    }
    if (!tenantId) {
        throw new InputError(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.TenantId}' is required with '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.ClientId}': the directory (tenant) id of the app registration.`);
    }
    if (!GUID.test(clientId)) {
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.ClientId, `expected an application (client) id such as 00000000-0000-0000-0000-000000000000`);
    }
    if (!GUID.test(tenantId) && !TENANT_DOMAIN.test(tenantId)) {
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.TenantId, `expected a directory (tenant) id such as 00000000-0000-0000-0000-000000000000, or a domain such as contoso.onmicrosoft.com`);
    }
    return {
        endpoint,
        auth: { kind: 'federated', tenantId, clientId, audience: audience || _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Defaults */ .Hw.Audience },
    };
}
function quoted(names) {
    return names.map((name) => `'${String(name)}'`).join(' and ');
}
function guard(input, parse) {
    try {
        return parse();
    }
    catch (err) {
        if (err instanceof _lock_storage_js__WEBPACK_IMPORTED_MODULE_3__/* .StorageConfigError */ .ix)
            throw invalid(input, err.message);
        throw err;
    }
}
function readSettings(read) {
    const lockName = readLockName(read);
    const container = readContainer(read);
    const leaseDurationSeconds = readLeaseDuration(read);
    const timeoutMs = readTimeout(read);
    const failOnTimeout = readFailOnTimeout(read);
    const { endpoint, auth } = readStorageTarget(read);
    return { lock: { endpoint, container, lockName, leaseDurationSeconds }, auth, timeoutMs, failOnTimeout };
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
