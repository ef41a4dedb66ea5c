export const id = 867;
export const ids = [867,952];
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

/***/ 8443:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Zc: () => (/* binding */ DEFAULT_REQUEST_TIMEOUT_MS),
  AI: () => (/* binding */ isLeaseGone),
  dB: () => (/* binding */ listLocks),
  qB: () => (/* binding */ openLock)
});

// UNUSED EXPORTS: LockBlob

// EXTERNAL MODULE: ./src/lock/break-record.ts
var break_record = __webpack_require__(9916);
// EXTERNAL MODULE: ./src/lock/errors.ts
var errors = __webpack_require__(2960);
// EXTERNAL MODULE: ./src/lock/holder.ts
var lock_holder = __webpack_require__(7053);
;// CONCATENATED MODULE: ./src/lock/lock-status.ts
// What a look at a lock shows, read-only: held or free, by whom, with what
// kind of lease, and the last break. One blob's properties and one item of a
// List Blobs answer carry the same facts, so both map through statusOf.


function statusOf(name, properties) {
    const leaseState = properties.leaseState ?? 'available';
    const held = leaseState === 'leased' || leaseState === 'breaking';
    const status = { name, held, leaseState };
    if (held) {
        if (properties.leaseDuration === 'infinite' || properties.leaseDuration === 'fixed') {
            status.leaseKind = properties.leaseDuration;
        }
        const holder = (0,lock_holder/* holderFromMetadata */.ez)(properties.metadata);
        if (holder)
            status.holder = holder;
    }
    const lastBreak = (0,break_record/* breakFromMetadata */.rP)(properties.metadata);
    if (lastBreak)
        status.lastBreak = lastBreak;
    return status;
}

// EXTERNAL MODULE: ./src/lock/names.ts
var names = __webpack_require__(6139);
// EXTERNAL MODULE: ./src/lock/storage.ts
var storage = __webpack_require__(4906);
;// CONCATENATED MODULE: ./src/lock/lock-blob.ts
// One lock = one blob in a container, leased by whoever holds the lock. This is
// the only module that talks to storage; it turns Azure's answers into the
// few outcomes the waiter and the renewer reason about.






const LEASE_GONE = new Set([
    'LeaseIdMismatchWithLeaseOperation',
    'LeaseIsBrokenAndCannotBeRenewed',
    'LeaseNotPresentWithLeaseOperation',
    'LeaseLost',
    'LeaseNotPresentWithBlobOperation',
    'LeaseIdMismatchWithBlobOperation',
    'BlobNotFound',
    'ContainerNotFound',
]);
/** True when Azure says the lease id is no longer the blob's lease: the lock is definitely not ours. */
function isLeaseGone(err) {
    const code = (0,errors/* storageErrorCode */.t6)(err);
    return code !== undefined && LEASE_GONE.has(code);
}
function isMissing(err) {
    const code = (0,errors/* storageErrorCode */.t6)(err);
    return (0,errors/* statusCode */.se)(err) === 404 && (code === 'BlobNotFound' || code === 'ContainerNotFound' || code === undefined);
}
/**
 * Every request gets a client-side deadline. The SDK's tryTimeoutInMs only asks
 * the service to give up; a connection whose packets are dropped would
 * otherwise be waited on for ever.
 */
const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
class LockBlob {
    container;
    blob;
    requestTimeoutMs;
    name;
    constructor(container, name, options = {}) {
        this.container = container;
        this.name = name;
        this.blob = container.getBlobClient(name);
        this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    }
    /** Runs one call under the caller's signal and a deadline; a missed deadline is a RequestTimeoutError. */
    async request(options, call) {
        const timeoutMs = options.timeoutMs ?? this.requestTimeoutMs;
        const deadline = AbortSignal.timeout(timeoutMs);
        try {
            return await call(options.signal ? AbortSignal.any([options.signal, deadline]) : deadline);
        }
        catch (err) {
            if (deadline.aborted && !options.signal?.aborted)
                throw new errors/* RequestTimeoutError */.DH(timeoutMs);
            throw err;
        }
    }
    /** A description of where the lock lives, without credentials: account/container/blob. */
    get location() {
        return `${this.container.accountName}/${this.container.containerName}/${this.name}`;
    }
    /** One HEAD request: the lease state and the holder record. */
    async view(options = {}) {
        try {
            const props = await this.request(options, (abortSignal) => this.blob.getProperties({ abortSignal }));
            const record = (0,lock_holder/* holderFromMetadata */.ez)(props.metadata);
            if (props.leaseState === 'leased' || props.leaseState === 'breaking') {
                return { state: 'leased', holder: record };
            }
            return { state: 'free', staleHolder: record };
        }
        catch (err) {
            if (isMissing(err))
                return { state: 'missing' };
            throw err;
        }
    }
    /**
     * Creates the empty lock blob if it is missing, and its container if that is
     * missing too. Never overwrites an existing blob (If-None-Match: *), so a
     * holder's lease and record survive any number of racing creators.
     * Returns what it created.
     */
    async create(options = {}) {
        try {
            return (await this.createBlob(options)) ? 'blob' : 'nothing';
        }
        catch (err) {
            if ((0,errors/* storageErrorCode */.t6)(err) !== 'ContainerNotFound')
                throw err;
        }
        const { succeeded } = await this.request(options, (abortSignal) => this.container.createIfNotExists({ abortSignal }));
        const blob = await this.createBlob(options);
        return succeeded ? 'container' : blob ? 'blob' : 'nothing';
    }
    /** True when this call created the blob, false when it existed already. */
    async createBlob(options) {
        try {
            await this.request(options, (abortSignal) => this.blob.getBlockBlobClient().upload('', 0, { abortSignal, conditions: { ifNoneMatch: '*' } }));
            return true;
        }
        catch (err) {
            // Exists already: 409 BlobAlreadyExists, or 412 LeaseIdMissing on Azure when it is leased.
            const code = (0,errors/* storageErrorCode */.t6)(err);
            if (code === 'BlobAlreadyExists' || code === 'LeaseIdMissing' || (0,errors/* statusCode */.se)(err) === 412)
                return false;
            throw err;
        }
    }
    /** Tries once to take the lease with our own id. Retrying with the same id is idempotent. */
    async acquire(leaseId, durationSeconds, options = {}) {
        try {
            await this.request(options, (abortSignal) => this.blob.getBlobLeaseClient(leaseId).acquireLease(durationSeconds, { abortSignal }));
            return 'acquired';
        }
        catch (err) {
            if ((0,errors/* storageErrorCode */.t6)(err) === 'LeaseAlreadyPresent')
                return 'held-by-other';
            if (isMissing(err))
                return 'missing';
            throw err;
        }
    }
    /**
     * Writes who holds the lock, under our lease. Only the holder keys change:
     * metadata that others put on the blob (owner=platform-team) is kept.
     */
    async writeHolder(leaseId, record, options = {}) {
        await this.request(options, (abortSignal) => this.updateHolderKeys(leaseId, (0,lock_holder/* holderToMetadata */.Jp)(record), abortSignal));
    }
    /**
     * Azure's Set Blob Metadata replaces all metadata, so changing our keys is a
     * read, a merge and a write. Both requests carry our lease id: while the
     * lease is ours, nobody else can change the metadata (a write without our id
     * is refused with 412), and if the lease is lost in between, our write is
     * refused instead of overwriting the next holder's record. The write is also
     * conditional on the ETag we read, so a second writer of our own (same
     * lease id) cannot be overwritten unseen either; that case is read again.
     * With `record` undefined the holder keys are removed, and nothing is
     * written when the blob carries none.
     */
    async updateHolderKeys(leaseId, record, abortSignal) {
        for (let attempt = 1;; attempt++) {
            const props = await this.blob.getProperties({ abortSignal, conditions: { leaseId } });
            const current = Object.entries(props.metadata ?? {});
            if (!record && !current.some(([key]) => (0,lock_holder/* isHolderKey */._L)(key)))
                return;
            const metadata = { ...Object.fromEntries(current.filter(([key]) => !(0,lock_holder/* isHolderKey */._L)(key))), ...record };
            try {
                await this.blob.setMetadata(metadata, { abortSignal, conditions: { leaseId, ifMatch: props.etag } });
                return;
            }
            catch (err) {
                if ((0,errors/* storageErrorCode */.t6)(err) !== 'ConditionNotMet' || attempt >= 3)
                    throw err;
            }
        }
    }
    /** One HEAD request: the lock's state for people (status), or 'missing'. Read-only. */
    async status(options = {}) {
        try {
            const props = await this.request(options, (abortSignal) => this.blob.getProperties({ abortSignal }));
            return statusOf(this.name, props);
        }
        catch (err) {
            if (isMissing(err))
                return 'missing';
            throw err;
        }
    }
    /**
     * Breaks whatever lease the blob has, at once (break period 0), and writes
     * the break record that `describe` makes for the holder it found. The
     * record is merged with the metadata on the blob (the holder record and
     * others' keys stay). It is written without a lease, as nobody holds one
     * after the break: if a waiter takes the lease first, Azure refuses the
     * write (412) and no record is written, which the outcome says.
     */
    async breakLease(describe, options = {}) {
        return this.request(options, async (abortSignal) => {
            let holder;
            try {
                const props = await this.blob.getProperties({ abortSignal });
                if (props.leaseState !== 'leased' && props.leaseState !== 'breaking')
                    return { outcome: 'not-held' };
                holder = (0,lock_holder/* holderFromMetadata */.ez)(props.metadata);
                await this.blob.getBlobLeaseClient().breakLease(0, { abortSignal });
            }
            catch (err) {
                if (isMissing(err))
                    return { outcome: 'missing' };
                // Released between the look and the break: there was nothing left to break.
                if ((0,errors/* storageErrorCode */.t6)(err) === 'LeaseNotPresentWithLeaseOperation')
                    return { outcome: 'not-held' };
                throw err;
            }
            const record = describe(holder);
            for (let attempt = 1;; attempt++) {
                try {
                    const props = await this.blob.getProperties({ abortSignal });
                    const kept = Object.entries(props.metadata ?? {}).filter(([key]) => !(0,break_record/* isBreakKey */.$y)(key));
                    const metadata = { ...Object.fromEntries(kept), ...(0,break_record/* breakToMetadata */.gr)(record) };
                    await this.blob.setMetadata(metadata, { abortSignal, conditions: { ifMatch: props.etag } });
                    return { outcome: 'broken', holder, record, recorded: true };
                }
                catch (err) {
                    const code = (0,errors/* storageErrorCode */.t6)(err);
                    if (code === 'ConditionNotMet' && attempt < 3)
                        continue;
                    if (code === 'LeaseIdMissing' || code === 'ConditionNotMet' || isMissing(err)) {
                        return { outcome: 'broken', holder, record, recorded: false };
                    }
                    throw err;
                }
            }
        });
    }
    /** Renews our lease; throws when it fails (see isLeaseGone for a definite loss). */
    async renew(leaseId, options = {}) {
        await this.request(options, (abortSignal) => this.blob.getBlobLeaseClient(leaseId).renewLease({ abortSignal }));
    }
    /**
     * Clears our holder record (others' metadata stays) and releases our lease.
     * 'not-held' means the lease was no longer ours (expired and taken, broken,
     * or the blob is gone): nothing of anybody else's is touched in that case.
     */
    async release(leaseId, options = {}) {
        try {
            await this.request(options, async (abortSignal) => {
                await this.updateHolderKeys(leaseId, undefined, abortSignal);
                await this.blob.getBlobLeaseClient(leaseId).releaseLease({ abortSignal });
            });
            return 'released';
        }
        catch (err) {
            if (isLeaseGone(err) || (0,errors/* statusCode */.se)(err) === 412)
                return 'not-held';
            throw err;
        }
    }
}
/** The longest a listing of a container's locks may take, every page included. */
const LIST_TIMEOUT_MS = 30_000;
/**
 * Every lock in a container, in name order, from List Blobs with metadata
 * (one request per 5,000 blobs); blobs under the reserved prefix, which are
 * the action's own, are left out. 'missing' when the container does not exist.
 */
async function listLocks(container, options = {}) {
    const timeoutMs = options.timeoutMs ?? LIST_TIMEOUT_MS;
    const deadline = AbortSignal.timeout(timeoutMs);
    const abortSignal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
    const locks = [];
    try {
        for await (const blob of container.listBlobsFlat({ includeMetadata: true, abortSignal })) {
            if (blob.name.startsWith(names/* RESERVED_PREFIX */.Uy))
                continue;
            const { leaseState, leaseDuration } = blob.properties;
            locks.push(statusOf(blob.name, { leaseState, leaseDuration, metadata: blob.metadata }));
        }
    }
    catch (err) {
        if (deadline.aborted && !options.signal?.aborted)
            throw new errors/* RequestTimeoutError */.DH(timeoutMs);
        if ((0,errors/* storageErrorCode */.t6)(err) === 'ContainerNotFound')
            return 'missing';
        throw err;
    }
    return locks;
}
/** The lock a spec names, signed with the given credential; no request is made. */
function openLock(auth, spec, options = {}) {
    const container = (0,storage/* containerClientFor */.wW)({ endpoint: spec.endpoint, auth }, spec.container, options);
    return new LockBlob(container, spec.lockName, { requestTimeoutMs: options.requestTimeoutMs });
}


/***/ }),

/***/ 3885:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  J: () => (/* binding */ signIn)
});

// EXTERNAL MODULE: ./src/sign-in/ambient.ts
var ambient = __webpack_require__(3271);
// EXTERNAL MODULE: ./src/sign-in/entra-id.ts
var entra_id = __webpack_require__(969);
// EXTERNAL MODULE: ./src/lock/errors.ts
var errors = __webpack_require__(2960);
;// CONCATENATED MODULE: ./src/sign-in/github-oidc.ts
// Entra ID through GitHub's OIDC token: a federated credential trades the
// job's OIDC token for storage tokens. GitHub's token lives a few minutes, so
// the credential asks GitHub for a new one every time Entra ID needs an
// assertion. The request token that allows this is a secret: it reaches the
// renewer through its private pipe only, and no token is ever logged.


/** GitHub did not hand out an OIDC token. Another try may succeed, so it carries no status code. */
class OidcTokenError extends errors/* UserError */.yo {
    name = 'OidcTokenError';
}
/** One fresh GitHub OIDC token for the audience. Never logged; the caller may mask it. */
async function fetchGitHubIdToken(request, audience) {
    // Loaded here, not at start-up: the client brings undici, which jobs with a key or SAS never need.
    const [{ HttpClient }, { BearerCredentialHandler }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(942), __webpack_require__.e(952)]).then(__webpack_require__.bind(__webpack_require__, 4942)),
        __webpack_require__.e(/* import() */ 145).then(__webpack_require__.bind(__webpack_require__, 2145)),
    ]);
    const client = new HttpClient('azure-mutex-action', [new BearerCredentialHandler(request.token)], {
        allowRetries: true,
        maxRetries: 3,
        socketTimeout: 10_000,
    });
    const url = `${request.url}${request.url.includes('?') ? '&' : '?'}audience=${encodeURIComponent(audience)}`;
    try {
        const response = await client.getJson(url);
        const token = response.result?.value;
        if (typeof token !== 'string' || token === '') {
            throw new OidcTokenError(`GitHub answered ${response.statusCode} without an OIDC token.`);
        }
        return token;
    }
    catch (err) {
        if (err instanceof OidcTokenError)
            throw err;
        const status = err.statusCode;
        throw new OidcTokenError(`GitHub did not issue an OIDC token (${status ? `HTTP ${status}` : (err.message ?? 'no answer')}).`);
    }
    finally {
        client.dispose();
    }
}
/** The claims of a JWT that help a user match a federated credential; the token itself is never shown. */
function claimsOf(jwt) {
    try {
        return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
    }
    catch {
        return {};
    }
}
/** A credential that fetches a fresh GitHub OIDC token whenever Entra ID needs an assertion. */
async function federatedCredential(auth, request, options = {}) {
    let subject;
    const { ClientAssertionCredential } = await (0,entra_id/* identity */.D_)();
    const credential = new ClientAssertionCredential(auth.tenantId, auth.clientId, async () => {
        const token = await fetchGitHubIdToken(request, auth.audience);
        options.onIdToken?.(token);
        subject = claimsOf(token).sub;
        return token;
    }, (0,entra_id/* authorityOptions */.Cs)(options.env ?? process.env));
    return Object.assign(credential, { lastSubject: () => subject });
}

;// CONCATENATED MODULE: ./src/sign-in/sign-in.ts
// From a sign-in method to the credential that signs storage requests: a key
// or SAS as it is, or an Entra ID token credential that fetches (and renews)
// short-lived tokens on demand. Knows nothing of the steps that ask for it.



async function signIn(method, options = {}) {
    const env = options.env ?? process.env;
    if (method.kind === 'shared-key' || method.kind === 'sas') {
        return { auth: method, description: method.kind === 'sas' ? 'a SAS token' : 'the account key' };
    }
    if (method.kind === 'federated') {
        if (!options.oidcRequest)
            throw new entra_id/* SignInError */.Jj("Signing in with GitHub's OIDC token needs a token request.");
        const credential = await federatedCredential(method, options.oidcRequest, { env, onIdToken: options.onIdToken });
        if (options.check) {
            try {
                await (0,entra_id/* firstToken */.wk)(credential, 60_000);
            }
            catch (err) {
                throw federatedFailure(err, method, credential.lastSubject());
            }
        }
        return {
            auth: { kind: 'token', credential },
            description: `Entra ID through GitHub's OIDC token (client id ${method.clientId}, tenant ${method.tenantId})`,
        };
    }
    if (options.ambientSource) {
        return {
            auth: { kind: 'token', credential: await (0,ambient/* ambientCredential */.mh)(options.ambientSource, env) },
            description: `Entra ID with ${(0,ambient/* ambientLabel */.dP)(options.ambientSource)}`,
            ambientSource: options.ambientSource,
        };
    }
    const found = await (0,ambient/* findAmbientCredential */.H8)(env);
    return {
        auth: { kind: 'token', credential: found.credential },
        description: `Entra ID with ${found.label}`,
        ambientSource: found.source,
    };
}
function federatedFailure(err, auth, subject) {
    if (err instanceof entra_id/* SignInError */.Jj)
        return err;
    if (err instanceof OidcTokenError)
        return new entra_id/* SignInError */.Jj(err.message);
    const cause = (0,entra_id/* firstLine */.TM)(err);
    const match = subject
        ? ` The GitHub token's subject was '${subject}': the app's federated credential must name exactly this subject, with audience '${auth.audience}'.`
        : '';
    return new entra_id/* SignInError */.Jj(`Entra ID did not sign in client id ${auth.clientId} in tenant ${auth.tenantId} with GitHub's OIDC token: ${cause}.${match}`);
}


/***/ })

};
