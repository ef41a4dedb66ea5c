export const id = 986;
export const ids = [986,952];
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

/***/ 5895:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lm: () => (/* binding */ yesNo),
/* harmony export */   Qq: () => (/* binding */ text),
/* harmony export */   U9: () => (/* binding */ count),
/* harmony export */   al: () => (/* binding */ nonEmptyText),
/* harmony export */   c3: () => (/* binding */ listOf),
/* harmony export */   cW: () => (/* binding */ shape),
/* harmony export */   kB: () => (/* binding */ time),
/* harmony export */   lq: () => (/* binding */ optional),
/* harmony export */   qF: () => (/* binding */ parseJson),
/* harmony export */   yL: () => (/* binding */ oneOf)
/* harmony export */ });
/* unused harmony export NOT_IT */
// Shapes for JSON that the action reads back from places it does not control
// alone: step state, and the variables it exports to later steps. A shape is
// declared once, field by field; its type follows from it, and reading a value
// builds a new object of exactly those fields, or fails: no value read back is
// cast to a type it was not checked against.
//
// Adding a field to a record is one line in its shape: `fencingToken:
// optional(count)`, say. Optional fields may be missing from what was written
// before the field existed.
const NOT_IT = Symbol('not it');
const text = (value) => (typeof value === 'string' ? value : NOT_IT);
const nonEmptyText = (value) => (typeof value === 'string' && value !== '' ? value : NOT_IT);
/** An ISO 8601 time as Date.parse reads it. */
const time = (value) => typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : NOT_IT;
/** A whole number, 0 or more. */
const count = (value) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : NOT_IT;
const yesNo = (value) => (typeof value === 'boolean' ? value : NOT_IT);
function oneOf(...values) {
    return (value) => (values.includes(value) ? value : NOT_IT);
}
/** A list of at most `max` items, each checked. */
function listOf(item, max) {
    return (value) => {
        if (!Array.isArray(value) || value.length > max)
            return NOT_IT;
        const items = [];
        for (const element of value) {
            const checked = item(element);
            if (checked === NOT_IT)
                return NOT_IT;
            items.push(checked);
        }
        return items;
    };
}
function optional(check) {
    return { optional: check };
}
/** An object with exactly these fields (others are dropped), each checked. */
function shape(fields) {
    return (value) => {
        if (typeof value !== 'object' || value === null || Array.isArray(value))
            return NOT_IT;
        const source = value;
        const result = {};
        for (const [name, field] of Object.entries(fields)) {
            const given = Object.hasOwn(source, name) ? source[name] : undefined;
            if (typeof field !== 'function') {
                if (given === undefined)
                    continue;
                const checked = field.optional(given);
                if (checked === NOT_IT)
                    return NOT_IT;
                result[name] = checked;
                continue;
            }
            const checked = field(given);
            if (checked === NOT_IT)
                return NOT_IT;
            result[name] = checked;
        }
        return result;
    };
}
/** JSON text read back through a shape: the value, or undefined when the text is missing, not JSON or not of the shape. */
function parseJson(textValue, check) {
    if (!textValue)
        return undefined;
    let parsed;
    try {
        parsed = JSON.parse(textValue);
    }
    catch {
        return undefined;
    }
    const checked = check(parsed);
    return checked === NOT_IT ? undefined : checked;
}


/***/ }),

/***/ 9779:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F8: () => (/* binding */ SpawnedRenewer),
/* harmony export */   IY: () => (/* binding */ workerOf),
/* harmony export */   ih: () => (/* binding */ askToLetGo),
/* harmony export */   nV: () => (/* binding */ newRenewerPlaces)
/* harmony export */ });
/* unused harmony export RenewerStartError */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var _lock_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2960);
/* harmony import */ var _channel_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(665);
/* harmony import */ var _messages_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4632);
/* harmony import */ var _platform_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(7855);
// The steps' side of the renewer. Main starts it early, while it waits for the
// lease, and hands the lease over once it has one; post (or a release step)
// asks it to let go through its channel.
//
// Main talks to the renewer over Node's IPC pipe, which exists only between
// the two: the configuration, secrets included, never touches a command line,
// an environment variable or a file. The renewer's stdout and stderr go
// nowhere, so it cannot hold the step's output open.










/** Environment variables that carry secrets or step inputs: the renewer gets none of them. */
const WITHHELD_ENV = /^(INPUT_|ACTIONS_RUNTIME_TOKEN$|ACTIONS_ID_TOKEN_REQUEST_TOKEN$|GITHUB_TOKEN$)/;
class RenewerStartError extends _lock_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .UserError */ .yo {
    name = 'RenewerStartError';
}
/** A fresh channel and status file for one renewer: the address is the renewer's, the token its password. */
function newRenewerPlaces() {
    const id = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomUUID)();
    return {
        channel: { address: (0,_platform_js__WEBPACK_IMPORTED_MODULE_9__/* .channelAddress */ .ov)(id), token: (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomBytes)(24).toString('base64url') },
        statusFile: (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(process.env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_2__.tmpdir)(), 'azure-mutex', `renewer-${id}.json`),
    };
}
/** The worker to watch: main's parent, unless that is init or a container's pid 1. */
function workerOf(ppid) {
    return (0,_platform_js__WEBPACK_IMPORTED_MODULE_9__/* .isSignallablePid */ .sp)(ppid) ? { pid: ppid, startTime: (0,_platform_js__WEBPACK_IMPORTED_MODULE_9__/* .startTimeOf */ .P2)(ppid) } : undefined;
}
function renewerScript() {
    // This code runs from a file in dist/bundle/ (npm run build), beside dist/renewer/index.js.
    return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)((0,node_url__WEBPACK_IMPORTED_MODULE_5__.fileURLToPath)(import.meta.url)), '..', 'renewer', 'index.js');
}
/** A renewer that main has started and not yet let go of. */
class SpawnedRenewer {
    child;
    messages = [];
    wake = () => undefined;
    ended;
    constructor(config) {
        const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !WITHHELD_ENV.test(name)));
        this.child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(process.execPath, [renewerScript()], {
            detached: true,
            stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
            env,
            windowsHide: true,
        });
        this.child.on('message', (value) => {
            const message = (0,_messages_js__WEBPACK_IMPORTED_MODULE_8__/* .parseFromRenewer */ .Cd)(value);
            if (message)
                this.messages.push(message);
            this.wake();
        });
        this.child.once('exit', (code, signal) => {
            this.ended = signal ? `signal ${signal}` : `exit code ${code}`;
            this.wake();
        });
        this.child.once('error', (err) => {
            this.ended = err.message;
            this.wake();
        });
        this.child.unref();
        this.send({ type: 'config', config });
    }
    get pid() {
        return this.child.pid;
    }
    send(message) {
        if (this.child.connected)
            this.child.send(message, () => undefined);
    }
    /** The next message of the given type, or an error when the renewer ends, fails, or the time or signal runs out. */
    async expect(type, timeoutMs, signal) {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const index = this.messages.findIndex((m) => m.type === type || m.type === 'failed');
            if (index >= 0) {
                const [message] = this.messages.splice(index, 1);
                if (message.type === 'failed') {
                    throw new RenewerStartError(`The renewer could not keep the lease: ${message.error}.`);
                }
                return message;
            }
            if (this.ended)
                throw new RenewerStartError(`The renewer exited before it confirmed the lease (${this.ended}).`);
            if (signal?.aborted)
                throw new RenewerStartError('Cancelled while the renewer was starting.');
            if (Date.now() >= deadline) {
                throw new RenewerStartError(`The renewer did not confirm the lease within ${timeoutMs / 1000} s.`);
            }
            const woken = new Promise((resolve) => (this.wake = resolve));
            const onAbort = () => this.wake();
            signal?.addEventListener('abort', onAbort, { once: true });
            await Promise.race([woken, (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_4__.setTimeout)(Math.max(0, deadline - Date.now()), undefined, { ref: false })]);
            signal?.removeEventListener('abort', onAbort);
        }
    }
    /**
     * Hands the lease over and waits until the renewer has renewed it once:
     * then it is known to reach storage with its own credentials. Throws
     * RenewerStartError otherwise; the caller still owns the lease then.
     */
    async hold(lease, options) {
        await this.expect('ready', options.timeoutMs, options.signal);
        this.send({ type: 'hold', lease });
        const { report } = await this.expect('holding', options.timeoutMs, options.signal);
        return report;
    }
    /** Lets a renewer that holds the lease run on alone. */
    detach() {
        if (this.child.connected)
            this.child.disconnect();
    }
    /** Before a hand-over: the renewer sees main go and exits, holding nothing. */
    dismiss() {
        this.detach();
    }
    /** After a failed hand-over: end it now. Main spawned it, so the pid is certainly this process. */
    kill() {
        if (this.ended === undefined && this.child.pid !== undefined)
            (0,_platform_js__WEBPACK_IMPORTED_MODULE_9__/* .killProcess */ .ix)(this.child.pid);
        this.detach();
    }
}
/** How long post waits for a renewer that answered "stop" to be gone, so nothing is left for the job-end clean-up. */
const EXIT_WAIT_MS = 2_000;
/** Waits until the process is gone (only looks, never signals); false if it is still there at the limit. */
async function exited(pid, limitMs) {
    const deadline = Date.now() + limitMs;
    while ((0,_platform_js__WEBPACK_IMPORTED_MODULE_9__/* .livenessOf */ .l8)(pid, undefined) !== 'gone') {
        if (Date.now() >= deadline)
            return false;
        await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_4__.setTimeout)(10);
    }
    return true;
}
/**
 * Asks the renewer behind a channel to stop or release, and waits for its
 * answer. A renewer that said hello (so the open connection proves its pid)
 * but does not answer in time is killed when killIfStuck is set; one that
 * never says hello is left alone.
 */
async function askToLetGo(ref, request, options = {}) {
    const conversation = await (0,_channel_js__WEBPACK_IMPORTED_MODULE_7__/* .askRenewer */ .m)(ref, request);
    if (conversation === 'nothing listens')
        return { answer: { kind: 'gone' }, log: [] };
    try {
        const timeout = (ms) => (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_4__.setTimeout)(ms, 'timeout', { ref: false });
        const pid = await Promise.race([conversation.hello, timeout(options.helloTimeoutMs ?? 5_000)]);
        if (pid === 'timeout' || pid === undefined)
            return { answer: { kind: 'silent' }, log: [] };
        const answer = await Promise.race([
            conversation.answer,
            timeout(options.answerTimeoutMs ?? 15_000),
        ]);
        if (answer === 'timeout') {
            if (!options.killIfStuck)
                return { answer: { kind: 'silent' }, log: [] };
            (0,_platform_js__WEBPACK_IMPORTED_MODULE_9__/* .killProcess */ .ix)(pid); // still connected, so the pid is still this renewer's
            return { answer: { kind: 'stopped', pid }, log: [] };
        }
        // The line closed without an answer: the renewer died while it worked.
        if (answer === undefined)
            return { answer: { kind: 'gone' }, log: [] };
        if (request.op === 'stop')
            await exited(pid, EXIT_WAIT_MS);
        return { answer: { kind: 'answered', report: answer.report }, log: answer.log };
    }
    finally {
        conversation.close();
    }
}


/***/ })

};
