export const id = 474;
export const ids = [474,952];
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

/***/ 4487:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dz: () => (/* binding */ InputError),
  sb: () => (/* binding */ readSettings),
  dZ: () => (/* binding */ readStorageTarget),
  xN: () => (/* binding */ usesEntra)
});

// UNUSED EXPORTS: readContainer, readLeaseDuration, readLockName, readTimeout

// EXTERNAL MODULE: ./src/lock/duration.ts
var duration = __webpack_require__(6307);
;// CONCATENATED MODULE: ./src/lock/names.ts
// Azure's naming rules for the two names that identify a lock: the container
// and the blob (the lock name, as in go-azuremutex). Each check returns why a
// name is invalid, or undefined when it is fine.
const CONTAINER_NAME = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$/;
/** 3 to 63 characters: lowercase letters, digits and single hyphens, starting and ending with a letter or digit. */
function containerNameProblem(name) {
    if (name === '')
        return 'it is empty';
    if (name.length < 3 || name.length > 63)
        return `it is ${name.length} characters long, not 3 to 63`;
    if (!CONTAINER_NAME.test(name)) {
        return 'it may contain only lowercase letters, digits and single hyphens, and must start and end with a letter or digit';
    }
    return undefined;
}
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
/** 1 to 1024 characters, no control characters or backslashes, at most 254 path segments, not ending in '.' or '/'. */
function lockNameProblem(name) {
    if (name === '')
        return 'it is empty';
    if (name.length > 1024)
        return `it is ${name.length} characters long, more than 1024`;
    if (CONTROL_CHARACTER.test(name))
        return 'it contains a control character';
    if (name.includes('\\'))
        return 'it contains a backslash, which some Azure tools turn into /';
    if (/[./]$/.test(name))
        return "it ends with '.' or '/'";
    if (name.split('/').length > 254)
        return 'it has more than 254 path segments';
    return undefined;
}

// EXTERNAL MODULE: ./src/lock/storage.ts
var storage = __webpack_require__(4906);
// EXTERNAL MODULE: ./src/action/constants.ts
var constants = __webpack_require__(915);
;// CONCATENATED MODULE: ./src/action/inputs.ts
// Turns the step's inputs into one typed settings object, up front. Every
// problem becomes an InputError that names the input and the form expected.




class InputError extends Error {
    name = 'InputError';
}
/** True when requests are signed with Entra ID tokens rather than a key or SAS. */
function usesEntra(access) {
    return access.auth.kind === 'federated' || access.auth.kind === 'ambient';
}
function invalid(input, problem) {
    return new InputError(`Invalid input '${input}': ${problem}.`);
}
function readLockName(read) {
    const name = read(constants/* Inputs */.G0.LockName);
    if (name === '') {
        throw new InputError(`Input '${constants/* Inputs */.G0.LockName}' is required: the name of the lock, e.g. 'production-deploy'.`);
    }
    const problem = lockNameProblem(name);
    if (problem)
        throw invalid(constants/* Inputs */.G0.LockName, `${problem}; expected a blob name of 1 to 1024 characters`);
    return name;
}
function readContainer(read) {
    const container = read(constants/* Inputs */.G0.Container) || constants/* Defaults */.Hw.Container;
    const problem = containerNameProblem(container);
    if (problem) {
        throw invalid(constants/* Inputs */.G0.Container, `'${container}' is not a valid container name: ${problem}`);
    }
    return container;
}
function readLeaseDuration(read) {
    const text = read(constants/* Inputs */.G0.LeaseDuration);
    if (text === '')
        return constants/* Defaults */.Hw.LeaseDurationSeconds;
    const seconds = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!(seconds >= constants/* Defaults */.Hw.MinLeaseSeconds && seconds <= constants/* Defaults */.Hw.MaxLeaseSeconds)) {
        throw invalid(constants/* Inputs */.G0.LeaseDuration, `'${text}' is not a whole number of seconds from ${constants/* Defaults */.Hw.MinLeaseSeconds} to ${constants/* Defaults */.Hw.MaxLeaseSeconds}`);
    }
    return seconds;
}
function readTimeout(read) {
    const text = read(constants/* Inputs */.G0.Timeout);
    if (text === '')
        return undefined;
    const ms = (0,duration/* parseDuration */.E)(text);
    if (ms === undefined) {
        throw invalid(constants/* Inputs */.G0.Timeout, `'${text}' is not a duration; expected a number of seconds or a form like 90s, 15m or 2h`);
    }
    return ms;
}
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT_DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
/**
 * Exactly one kind of credential: a connection string, an account key, a SAS
 * token, Entra ID through GitHub OIDC (client-id and tenant-id), or, with only
 * an account name or endpoint, the Azure credential found on the runner.
 */
function readStorageTarget(read) {
    const connectionString = read(constants/* Inputs */.G0.ConnectionString);
    const accountName = read(constants/* Inputs */.G0.AccountName);
    const accountKey = read(constants/* Inputs */.G0.AccountKey);
    const sasToken = read(constants/* Inputs */.G0.SasToken);
    const blobEndpoint = read(constants/* Inputs */.G0.BlobEndpoint);
    const clientId = read(constants/* Inputs */.G0.ClientId);
    const tenantId = read(constants/* Inputs */.G0.TenantId);
    const audience = read(constants/* Inputs */.G0.Audience);
    const kinds = [
        connectionString && constants/* Inputs */.G0.ConnectionString,
        accountKey && constants/* Inputs */.G0.AccountKey,
        sasToken && constants/* Inputs */.G0.SasToken,
    ].filter(Boolean);
    const entra = [clientId && constants/* Inputs */.G0.ClientId, tenantId && constants/* Inputs */.G0.TenantId].filter(Boolean);
    if (kinds.length > 0 && entra.length > 0) {
        throw new InputError(`Give exactly one kind of credential, not ${quoted(kinds)} and ${quoted(entra)}: ` +
            `'${constants/* Inputs */.G0.ClientId}' and '${constants/* Inputs */.G0.TenantId}' sign in with Entra ID, without a key or SAS.`);
    }
    if (kinds.length > 1) {
        throw new InputError(`Give exactly one kind of credential, not ${quoted(kinds)}.`);
    }
    if (audience && entra.length === 0) {
        throw new InputError(`Input '${constants/* Inputs */.G0.Audience}' is used only with '${constants/* Inputs */.G0.ClientId}' and '${constants/* Inputs */.G0.TenantId}'.`);
    }
    const endpointOverride = blobEndpoint ? guard(constants/* Inputs */.G0.BlobEndpoint, () => (0,storage/* normalizeEndpoint */.lI)(blobEndpoint)) : undefined;
    if (connectionString) {
        if (accountName) {
            throw new InputError(`Input '${constants/* Inputs */.G0.AccountName}' cannot be combined with '${constants/* Inputs */.G0.ConnectionString}', which names the account itself.`);
        }
        const target = guard(constants/* Inputs */.G0.ConnectionString, () => (0,storage/* parseConnectionString */.HH)(connectionString));
        return endpointOverride ? { ...target, endpoint: endpointOverride } : target;
    }
    if (kinds.length === 0 && entra.length === 0 && accountName === '' && !endpointOverride) {
        throw new InputError(`No credential given: set '${constants/* Inputs */.G0.ConnectionString}'; or '${constants/* Inputs */.G0.AccountName}' with '${constants/* Inputs */.G0.AccountKey}' or '${constants/* Inputs */.G0.SasToken}'; ` +
            `or '${constants/* Inputs */.G0.AccountName}' with '${constants/* Inputs */.G0.ClientId}' and '${constants/* Inputs */.G0.TenantId}' to sign in through GitHub OIDC; ` +
            `or '${constants/* Inputs */.G0.AccountName}' alone to use the Azure credential of the runner.`);
    }
    if (accountName === '' && (kinds.length > 0 || !endpointOverride)) {
        throw new InputError(`Input '${constants/* Inputs */.G0.AccountName}' is required with ${quoted([...kinds, ...entra])}.`);
    }
    if (accountName) {
        const nameProblem = (0,storage/* accountNameProblem */.w_)(accountName);
        if (nameProblem)
            throw invalid(constants/* Inputs */.G0.AccountName, `'${accountName}' is not a storage account name; ${nameProblem}`);
    }
    const endpoint = endpointOverride ?? (0,storage/* defaultEndpoint */.nQ)(accountName);
    if (accountKey) {
        const keyProblem = (0,storage/* accountKeyProblem */.Kp)(accountKey);
        if (keyProblem)
            throw invalid(constants/* Inputs */.G0.AccountKey, keyProblem);
        return { endpoint, auth: { kind: 'shared-key', accountName, accountKey } };
    }
    if (sasToken) {
        return { endpoint, auth: { kind: 'sas', sasToken: guard(constants/* Inputs */.G0.SasToken, () => (0,storage/* normalizeSasToken */.co)(sasToken)) } };
    }
    // Entra ID from here on: bearer tokens travel only over https.
    if (!endpoint.startsWith('https://')) {
        throw invalid(constants/* Inputs */.G0.BlobEndpoint, `'${endpoint}' is http, but Entra ID tokens are sent only over https`);
    }
    if (entra.length === 0)
        return { endpoint, auth: { kind: 'ambient' } };
    if (!clientId) {
        throw new InputError(`Input '${constants/* Inputs */.G0.ClientId}' is required with '${constants/* Inputs */.G0.TenantId}': the application (client) id of the app registration or managed identity.`);
    }
    if (!tenantId) {
        throw new InputError(`Input '${constants/* Inputs */.G0.TenantId}' is required with '${constants/* Inputs */.G0.ClientId}': the directory (tenant) id of the app registration.`);
    }
    if (!GUID.test(clientId)) {
        throw invalid(constants/* Inputs */.G0.ClientId, `expected an application (client) id such as 00000000-0000-0000-0000-000000000000`);
    }
    if (!GUID.test(tenantId) && !TENANT_DOMAIN.test(tenantId)) {
        throw invalid(constants/* Inputs */.G0.TenantId, `expected a directory (tenant) id such as 00000000-0000-0000-0000-000000000000, or a domain such as contoso.onmicrosoft.com`);
    }
    return {
        endpoint,
        auth: { kind: 'federated', tenantId, clientId, audience: audience || constants/* Defaults */.Hw.Audience },
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
        if (err instanceof storage/* StorageConfigError */.ix)
            throw invalid(input, err.message);
        throw err;
    }
}
function readSettings(read) {
    return {
        lockName: readLockName(read),
        container: readContainer(read),
        leaseDurationSeconds: readLeaseDuration(read),
        timeoutMs: readTimeout(read),
        target: readStorageTarget(read),
    };
}


/***/ }),

/***/ 4501:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ runPost)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
/* harmony import */ var _lock_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6307);
/* harmony import */ var _lock_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2960);
/* harmony import */ var _lock_lock_blob_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5246);
/* harmony import */ var _lock_storage_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4906);
/* harmony import */ var _entra_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7786);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4487);
/* harmony import */ var _renewer_control_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9984);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3175);
// The post step: stop the renewer, make sure the lease is given back, and
// fail loudly if the lock was lost while the job's steps were running.









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
    const place = _state_js__WEBPACK_IMPORTED_MODULE_8__/* .lockPlace */ .nh();
    const leaseId = _state_js__WEBPACK_IMPORTED_MODULE_8__/* .leaseId */ .K();
    if (!place || !leaseId) {
        // Main may have been killed between Azure granting the lease and main
        // recording it: give back a lease under the id it proposed, if there is one.
        const proposed = _state_js__WEBPACK_IMPORTED_MODULE_8__/* .proposedLeaseId */ .GD();
        if (place && proposed && (await releaseHere(place, proposed, { quiet: true })) === 'released') {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('Released the lease that the main step took as it was stopped.');
            return;
        }
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq('Nothing to release: the main step did not take the lock.');
        return;
    }
    const location = place.location;
    const leaseMs = place.leaseDurationSeconds * 1000;
    const acquiredAt = _state_js__WEBPACK_IMPORTED_MODULE_8__/* .acquiredAt */ .sj();
    const statusFile = _state_js__WEBPACK_IMPORTED_MODULE_8__/* .statusFile */ .DP();
    let status;
    let renewerRan = false;
    if (statusFile) {
        const stopped = await (0,_renewer_control_js__WEBPACK_IMPORTED_MODULE_7__/* .stopRenewer */ .Fc)(_state_js__WEBPACK_IMPORTED_MODULE_8__/* .renewerPid */ .Cz(), statusFile);
        status = stopped.status;
        renewerRan = stopped.kind !== 'not-running';
        const log = (0,_renewer_control_js__WEBPACK_IMPORTED_MODULE_7__/* .renewerLog */ .Xn)(statusFile);
        if (log) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh('Renewer log');
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(log.trimEnd());
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4();
        }
        if (stopped.kind === 'killed')
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e('The renewer did not stop in time and was killed.');
    }
    // The lease was lost while held: the steps after the lock may have overlapped another holder's.
    let loss = status?.state === 'lost'
        ? {
            when: status.lostAt
                ? `at ${status.lostAt}`
                : `at an unknown time after ${status.lastRenewedAt ?? status.startedAt}`,
            reason: status.reason ?? 'unknown',
        }
        : undefined;
    if (!loss && !renewerRan && status?.state === 'renewing') {
        // The renewer died without a word. The lease lasted until its last renewal plus the lease duration.
        const lapsedAt = Date.parse(status.lastRenewedAt ?? status.startedAt) + leaseMs;
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`The renewer (pid ${status.pid}) stopped unexpectedly; its last renewal was at ${status.lastRenewedAt}.`);
        if (lapsedAt < Date.now()) {
            loss = { when: `at ${new Date(lapsedAt).toISOString()}`, reason: 'the renewer had stopped and the lease expired' };
        }
    }
    let released = status?.state === 'released';
    if (!released) {
        // The renewer could not release (dead, lost, or failed): do it here with the step's credentials.
        const outcome = await releaseHere(place, leaseId);
        released = outcome === 'released';
        if (outcome === 'not-held' && !loss) {
            const since = status?.lastRenewedAt ?? acquiredAt?.toISOString();
            loss = {
                when: since ? `at an unknown time after ${since}` : 'at an unknown time',
                reason: 'at release, Azure said the lease was no longer ours',
            };
        }
    }
    if (loss) {
        const message = `Lock ${location} was lost ${loss.when}: ${loss.reason}. ` +
            'Exclusivity was not guaranteed after that time: steps that ran under the lock may have overlapped another holder.';
        // One annotation with a title; the step fails as setFailed would make it.
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3(message, { title: 'Lock lost' });
        process.exitCode = 1;
        return;
    }
    // Not released and not lost: releaseHere has warned that the lease expires by itself.
    if (!released)
        return;
    const held = acquiredAt ? ` after holding it for ${(0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(Date.now() - acquiredAt.getTime())}` : '';
    const renewals = status ? ` (${status.renewals} renewals, longest gap ${(0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a)(status.longestGapMs)})` : '';
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Released lock ${location}${held}${renewals}.`);
}
async function releaseHere(place, leaseId, options = {}) {
    const report = options.quiet ? _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz : _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e;
    const expiry = `it expires by itself within ${place.leaseDurationSeconds}s`;
    let target;
    try {
        const access = { ...(0,_inputs_js__WEBPACK_IMPORTED_MODULE_6__/* .readStorageTarget */ .dZ)((name) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name)), endpoint: place.endpoint };
        for (const secret of (0,_lock_storage_js__WEBPACK_IMPORTED_MODULE_4__/* .secretsOf */ .Fj)(access))
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(secret);
        const oidcRequest = access.auth.kind === 'federated' ? (0,_entra_js__WEBPACK_IMPORTED_MODULE_5__/* .oidcRequestFromEnv */ .gJ)() : undefined;
        if (oidcRequest)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(oidcRequest.token);
        target = (await (0,_entra_js__WEBPACK_IMPORTED_MODULE_5__/* .signIn */ .Jv)(access, {
            oidcRequest,
            ambientSource: place.ambientSource,
            onIdToken: (token) => _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(token),
        })).target;
    }
    catch (err) {
        report(`Cannot release the lease here (${err.message}); ${expiry}.`);
        return 'failed';
    }
    const lock = new _lock_lock_blob_js__WEBPACK_IMPORTED_MODULE_3__/* .LockBlob */ .$((0,_lock_storage_js__WEBPACK_IMPORTED_MODULE_4__/* .containerClientFor */ .wW)(target, place.container, { retry: _lock_storage_js__WEBPACK_IMPORTED_MODULE_4__/* .STEP_RETRY */ .QA }), place.lockName);
    try {
        return await lock.release(leaseId, AbortSignal.timeout(options.quiet ? 5_000 : 15_000));
    }
    catch (err) {
        report(`Releasing the lease failed (${(0,_lock_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeStorageErrorBrief */ .rg)(err)}); ${expiry}.`);
        return 'failed';
    }
}


/***/ }),

/***/ 3175:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ae: () => (/* binding */ saveLease),
/* harmony export */   Cz: () => (/* binding */ renewerPid),
/* harmony export */   DP: () => (/* binding */ statusFile),
/* harmony export */   ER: () => (/* binding */ clearLease),
/* harmony export */   GD: () => (/* binding */ proposedLeaseId),
/* harmony export */   K: () => (/* binding */ leaseId),
/* harmony export */   KX: () => (/* binding */ saveLockPlace),
/* harmony export */   f: () => (/* binding */ saveRenewerPid),
/* harmony export */   fR: () => (/* binding */ saveProposedLeaseId),
/* harmony export */   is: () => (/* binding */ saveStatusFile),
/* harmony export */   nh: () => (/* binding */ lockPlace),
/* harmony export */   sj: () => (/* binding */ acquiredAt)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(915);
// The only module that reads or writes step state. Post relies on nothing else
// from main: inputs are evaluated again for post, but not reliably, and secrets
// never go into state.


function saveLockPlace(place) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .State */ .Uw.Lock, JSON.stringify(place));
}
function lockPlace() {
    const text = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .State */ .Uw.Lock);
    return text ? JSON.parse(text) : undefined;
}
function saveProposedLeaseId(leaseId) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .State */ .Uw.ProposedLeaseId, leaseId);
}
function proposedLeaseId() {
    return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .State */ .Uw.ProposedLeaseId) || undefined;
}
function saveLease(leaseId, acquiredAt) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .State */ .Uw.LeaseId, leaseId);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .State */ .Uw.AcquiredAt, acquiredAt.toISOString());
}
/** Main gave the lease back itself: post has nothing to release. */
function clearLease() {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .State */ .Uw.LeaseId, '');
}
function leaseId() {
    return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .State */ .Uw.LeaseId) || undefined;
}
function acquiredAt() {
    const text = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .State */ .Uw.AcquiredAt);
    return text ? new Date(text) : undefined;
}
function saveStatusFile(path) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .State */ .Uw.StatusFile, path);
}
function statusFile() {
    return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .State */ .Uw.StatusFile) || undefined;
}
function saveRenewerPid(pid) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .State */ .Uw.RenewerPid, String(pid));
}
function renewerPid() {
    const pid = Number(_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .State */ .Uw.RenewerPid));
    return Number.isSafeInteger(pid) && pid > 1 ? pid : undefined;
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

/***/ })

};
