export const id = 146;
export const ids = [146,952];
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

/***/ 4973:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ runStatus)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
/* harmony import */ var _lock_break_record_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9916);
/* harmony import */ var _lock_holder_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7053);
/* harmony import */ var _lock_lease_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4277);
/* harmony import */ var _lock_lock_blob_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4912);
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
    const lastBreak = (status.lastBreak ? ` Last ${(0,_lock_break_record_js__WEBPACK_IMPORTED_MODULE_1__/* .describeBreak */ .Li)(status.lastBreak)}.` : '') + describeQueue(status.queue);
    if (!status.held)
        return `free.${lastBreak}`;
    const lease = status.leaseKind === 'infinite'
        ? 'an infinite lease, which never expires; this action never takes one'
        : status.leaseKind === 'fixed'
            ? 'a fixed lease'
            : 'a lease';
    const breaking = status.leaseState === 'breaking' ? ', being broken' : '';
    // The lease kind is said below; describeHolderSeen would say "infinite" a second time.
    const who = status.seen ? (0,_lock_holder_js__WEBPACK_IMPORTED_MODULE_2__/* .describeHolderSeen */ .NW)({ ...status.seen, infinite: false }) : (0,_lock_holder_js__WEBPACK_IMPORTED_MODULE_2__/* .describeHolder */ .sG)(status.holder);
    return `held by ${who}, with ${lease}${breaking}.${lastBreak}`;
}
/** " Waiting: 2 (org/api run 812, org/web run 77)." or nothing when nobody waits or the queue could not be listed. */
function describeQueue(queue) {
    if (!queue || queue.length === 0)
        return '';
    const shown = queue.slice(0, 10).map((who) => (who ? (0,_lock_holder_js__WEBPACK_IMPORTED_MODULE_2__/* .briefHolder */ .p2)(who) : 'a waiter that wrote no record'));
    const more = queue.length > shown.length ? `, and ${queue.length - shown.length} more` : '';
    return ` Waiting: ${queue.length} (${shown.join(', ')}${more}).`;
}
/** The holder output: the record with every value as the log shows it; {} for a holder without one; null when free. */
function holderOutput(status) {
    if (!status?.held)
        return 'null';
    if (!status.holder)
        return '{}';
    const record = status.holder;
    const shown = Object.fromEntries(Object.keys(record).map((field) => [field, (0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_7__/* .showUntrusted */ .G)(record[field] ?? '')]));
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
