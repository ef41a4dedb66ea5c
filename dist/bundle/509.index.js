export const id = 509;
export const ids = [509,952];
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

/***/ 5673:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  V: () => (/* binding */ runMain)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(1659);
// EXTERNAL MODULE: ./src/lock/duration.ts
var duration = __webpack_require__(6307);
// EXTERNAL MODULE: ./src/lock/holder.ts
var lock_holder = __webpack_require__(7053);
// EXTERNAL MODULE: ./src/lock/lock-blob.ts
var lock_blob = __webpack_require__(5246);
// EXTERNAL MODULE: ./src/lock/storage.ts
var storage = __webpack_require__(4906);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/lock/errors.ts
var errors = __webpack_require__(2960);
;// CONCATENATED MODULE: ./src/lock/waiter.ts
// The waiter: watches the lock blob cheaply (one HEAD per poll), tries to take
// the lease only when it looks free, and reports who holds it while it waits.





const DEFAULT_POLL_MS = [250, 750];
/**
 * Waits until the lease is ours, then writes our holder record. Throws
 * LockTimeoutError when the time runs out, LockCancelledError on cancel, and
 * the storage error when one is not transient (bad credentials, for instance).
 */
async function waitForLease(options) {
    const { lock, signal } = options;
    const [pollMin, pollMax] = options.pollMs ?? DEFAULT_POLL_MS;
    const progressEveryMs = options.progressEveryMs ?? 30_000;
    const graceMs = options.cancelGraceMs ?? 1_000;
    const started = Date.now();
    const deadline = options.timeoutMs === undefined ? Infinity : started + options.timeoutMs;
    const leaseId = options.leaseId ?? (0,external_node_crypto_.randomUUID)();
    const emit = (event) => options.onEvent?.(event);
    // Requests get a short grace after a cancel: an acquire that is in flight is
    // better finished and released than abandoned half way.
    const requests = new AbortController();
    const onCancel = () => void (0,promises_.setTimeout)(graceMs, undefined, { ref: false }).then(() => requests.abort());
    signal?.addEventListener('abort', onCancel, { once: true });
    let acquireTried = false;
    let acquired = false; // the lease is ours but the holder record is not written yet
    let contacted = false;
    let tried = false; // the lease was tried for, or seen held
    let lastHolder;
    let unknownOnce = false;
    let lastReport = started;
    let lastTroubleReport = -Infinity;
    let seen;
    const stale = new Set();
    try {
        for (;;) {
            if (signal?.aborted)
                throw new errors/* LockCancelledError */.pw(`Cancelled while waiting for lock ${lock.location}.`);
            const now = Date.now();
            // The lock is always tried once, so a timeout of 0 means "try once".
            if (now >= deadline && tried) {
                throw new errors/* LockTimeoutError */.XB(`Timed out after ${(0,duration/* formatDuration */.a)(now - started)} waiting for lock ${lock.location}; ` +
                    `it is held by ${(0,lock_holder/* describeHolder */.sG)(seen)}.`);
            }
            try {
                const view = acquired ? undefined : await lock.view(requests.signal);
                contacted = true;
                if (view?.state === 'missing') {
                    const created = await lock.create(requests.signal);
                    if (created !== 'nothing')
                        emit({ type: 'created', what: created });
                    continue;
                }
                if (view === undefined || view.state === 'free') {
                    // A record on a free blob belongs to a holder whose lease lapsed; if a
                    // record-less client leases the blob next, that record is not theirs.
                    if (view?.staleHolder)
                        stale.add((0,lock_holder/* holderKey */.I4)(view.staleHolder));
                    unknownOnce = false;
                    if (signal?.aborted)
                        continue;
                    acquireTried = true;
                    tried = true;
                    // With our own id this is idempotent: it also re-confirms a lease we
                    // took on a try whose holder record could not be written.
                    const outcome = await lock.acquire(leaseId, options.leaseDurationSeconds, requests.signal);
                    if (outcome === 'missing')
                        continue;
                    if (outcome === 'acquired') {
                        acquired = true;
                        const acquiredAt = new Date();
                        const holder = { ...options.holder, acquiredAt: acquiredAt.toISOString() };
                        await lock.writeHolder(leaseId, holder, requests.signal);
                        if (signal?.aborted)
                            throw new errors/* LockCancelledError */.pw(`Cancelled while taking lock ${lock.location}.`);
                        return { leaseId, acquiredAt, waitedMs: acquiredAt.getTime() - started, holder };
                    }
                    acquired = false;
                }
                else {
                    const holder = view.holder && !stale.has((0,lock_holder/* holderKey */.I4)(view.holder)) ? view.holder : undefined;
                    const key = (0,lock_holder/* holderKey */.I4)(holder);
                    const waitedMs = Date.now() - started;
                    // A lease without a record is also what a handoff looks like for a few
                    // ms (the new holder writes its record just after taking the lease), so
                    // an unknown holder is believed only when two polls in a row see it.
                    const settled = holder !== undefined || unknownOnce;
                    unknownOnce = holder === undefined;
                    tried = true;
                    if (settled) {
                        const event = lastHolder === undefined
                            ? 'waiting'
                            : key !== lastHolder
                                ? 'holder-changed'
                                : Date.now() - lastReport >= progressEveryMs
                                    ? 'still-waiting'
                                    : undefined;
                        if (event) {
                            emit({ type: event, holder, waitedMs });
                            lastReport = Date.now();
                        }
                        lastHolder = key;
                        seen = holder;
                    }
                }
            }
            catch (err) {
                if (err instanceof errors/* LockCancelledError */.pw)
                    throw err;
                if (signal?.aborted)
                    continue;
                // Until the service has answered once, a network failure is about the
                // setup (a wrong or unreachable endpoint) and the SDK has retried it.
                // Throttling and server errors are answers: they are waited out.
                if (!(0,errors/* isTransient */.dg)(err) || (!contacted && (0,errors/* statusCode */.se)(err) === undefined))
                    throw err;
                if (Date.now() - lastTroubleReport >= progressEveryMs) {
                    emit({ type: 'storage-trouble', error: err, waitedMs: Date.now() - started });
                    lastTroubleReport = Date.now();
                }
            }
            const pause = pollMin + Math.random() * (pollMax - pollMin);
            await (0,promises_.setTimeout)(Math.max(0, Math.min(pause, deadline - Date.now())), undefined, { signal }).catch(() => { });
        }
    }
    catch (err) {
        // Whatever ends the wait without success, a lease we may have taken goes back.
        if (acquireTried)
            await releaseQuietly(lock, leaseId);
        throw err;
    }
    finally {
        signal?.removeEventListener('abort', onCancel);
    }
}
/** Best effort, bounded: give back a lease we may hold. 'not-held' and errors are both fine here. */
async function releaseQuietly(lock, leaseId) {
    await lock.release(leaseId, AbortSignal.timeout(2_000)).catch(() => undefined);
}

// EXTERNAL MODULE: ./src/action/constants.ts
var constants = __webpack_require__(915);
;// CONCATENATED MODULE: ./src/action/context.ts
// Who we are, from the runner's environment: the holder record written on the
// lock blob so that waiters in other repositories can see who has the lock.
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

// EXTERNAL MODULE: ./src/action/entra.ts
var entra = __webpack_require__(7786);
// EXTERNAL MODULE: ./src/action/inputs.ts + 1 modules
var inputs = __webpack_require__(4487);
// EXTERNAL MODULE: ./src/action/renewer-control.ts
var renewer_control = __webpack_require__(9984);
;// CONCATENATED MODULE: ./src/action/failure.ts
// One place that turns any failure into the single error line a user sees.






/** The message for a failure: ours as written, storage errors in plain words, anything else marked unexpected. */
function messageFor(err, endpoint, context = {}) {
    if (err instanceof inputs/* InputError */.dz || err instanceof errors/* LockError */.Ku || err instanceof storage/* StorageConfigError */.ix)
        return err.message;
    if (err instanceof renewer_control/* RenewerStartError */.DY || err instanceof entra/* EntraSignInError */.DV)
        return err.message;
    if (err instanceof entra/* OidcTokenError */.HZ)
        return `${err.message}.`;
    // Before the status check: an identity error carries Entra's HTTP status, not storage's.
    if ((0,entra/* isIdentityError */.Lo)(err))
        return (0,entra/* describeIdentityError */._q)(err);
    if ((0,errors/* statusCode */.se)(err) !== undefined || (0,errors/* storageErrorCode */.t6)(err) !== undefined) {
        return (0,errors/* describeStorageError */.rb)(err, endpoint ?? 'the blob endpoint', context);
    }
    return `Unexpected error: ${err instanceof Error ? err.message : String(err)}`;
}
/** Fails the step with one line; the stack goes to the debug log only. */
function failStep(err, endpoint, context = {}) {
    if (err instanceof Error && err.stack)
        core/* debug */.Yz(err.stack);
    core/* setFailed */.C1(messageFor(err, endpoint, context));
}

// EXTERNAL MODULE: ./src/action/processes.ts
var processes = __webpack_require__(7451);
// EXTERNAL MODULE: ./src/action/state.ts
var state = __webpack_require__(3175);
;// CONCATENATED MODULE: ./src/action/main-step.ts
// The main step: wait for the lease, hand it to the detached renewer, and
// leave in state everything post needs to give it back.
















async function runMain() {
    const cancel = new AbortController();
    const onSignal = (signal) => {
        if (!cancel.signal.aborted)
            core/* info */.pq(`Received ${signal}: cancelling.`);
        cancel.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    let settings;
    try {
        settings = (0,inputs/* readSettings */.sb)((name) => core/* getInput */.V4(name));
        for (const secret of (0,storage/* secretsOf */.Fj)(settings.target))
            core/* setSecret */.Pq(secret);
        await holdLock(settings, cancel.signal);
    }
    catch (err) {
        failStep(err, settings?.target.endpoint, {
            tokenAuth: settings !== undefined && (0,inputs/* usesEntra */.xN)(settings.target),
            container: settings?.container,
        });
    }
    finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
    }
}
async function holdLock(settings, cancel) {
    const { container, lockName, leaseDurationSeconds } = settings;
    const access = settings.target;
    let oidcRequest;
    if (access.auth.kind === 'federated') {
        oidcRequest = (0,entra/* oidcRequestFromEnv */.gJ)();
        // The renewer gets this on stdin; mask it in case anything ever echoes it.
        core/* setSecret */.Pq(oidcRequest.token);
    }
    const signedIn = await (0,entra/* signIn */.Jv)(access, { oidcRequest, onIdToken: (token) => core/* setSecret */.Pq(token), check: true });
    if ((0,inputs/* usesEntra */.xN)(access))
        core/* info */.pq(`Signed in to ${signedIn.description}.`);
    const target = signedIn.target;
    const lock = new lock_blob/* LockBlob */.$((0,storage/* containerClientFor */.wW)(target, container, { retry: storage/* STEP_RETRY */.QA }), lockName);
    state/* saveLockPlace */.KX({
        endpoint: target.endpoint,
        container,
        lockName,
        location: lock.location,
        leaseDurationSeconds,
        ambientSource: signedIn.ambientSource,
    });
    const limit = settings.timeoutMs === undefined ? 'no time limit' : `at most ${(0,duration/* formatDuration */.a)(settings.timeoutMs)}`;
    core/* info */.pq(`Taking lock ${lock.location} (lease ${leaseDurationSeconds}s, wait ${limit}).`);
    const leaseId = (0,external_node_crypto_.randomUUID)();
    state/* saveProposedLeaseId */.fR(leaseId);
    const acquired = await waitForLease({
        lock,
        leaseId,
        leaseDurationSeconds,
        holder: holderFromEnvironment(),
        timeoutMs: settings.timeoutMs,
        signal: cancel,
        onEvent: logWaitEvent,
    });
    state/* saveLease */.Ae(acquired.leaseId, acquired.acquiredAt);
    const statusFile = (0,renewer_control/* newStatusFile */.zf)();
    state/* saveStatusFile */.is(statusFile);
    let renewerPid;
    try {
        renewerPid = await (0,renewer_control/* startRenewer */.Te)({
            target: access,
            oidcRequest,
            ambientSource: signedIn.ambientSource,
            container,
            lockName,
            leaseId: acquired.leaseId,
            leaseDurationSeconds,
            heldSince: acquired.acquiredAt.toISOString(),
            worker: (0,renewer_control/* workerOf */.IY)(process.ppid),
        }, statusFile, { signal: cancel });
        state/* saveRenewerPid */.f(renewerPid);
        if (cancel.aborted)
            throw new errors/* LockCancelledError */.pw('Cancelled just after taking the lock; it was released.');
    }
    catch (err) {
        // Without a renewer the lease would lapse mid-job: give it back now and fail.
        if (renewerPid !== undefined)
            (0,processes/* signalProcess */.a7)(renewerPid, 'SIGKILL');
        await lock.release(acquired.leaseId, AbortSignal.timeout(10_000)).catch(() => undefined);
        state/* clearLease */.ER();
        throw err;
    }
    core/* setOutput */.uH(constants/* Outputs */.tY.LeaseId, acquired.leaseId);
    core/* setOutput */.uH(constants/* Outputs */.tY.AcquiredAt, acquired.holder.acquiredAt);
    core/* setOutput */.uH(constants/* Outputs */.tY.WaitedSeconds, (acquired.waitedMs / 1000).toFixed(1));
    core/* info */.pq(`Holding lock ${lock.location} since ${acquired.holder.acquiredAt} after waiting ${(0,duration/* formatDuration */.a)(acquired.waitedMs)}. ` +
        `Renewer pid ${renewerPid} renews the ${leaseDurationSeconds}s lease every ${(0,duration/* formatDuration */.a)((leaseDurationSeconds * 1000) / 3)}.`);
}
function logWaitEvent(event) {
    switch (event.type) {
        case 'waiting':
            core/* info */.pq(`The lock is held by ${(0,lock_holder/* describeHolder */.sG)(event.holder)}. Waiting.`);
            break;
        case 'holder-changed':
            core/* info */.pq(`The lock is now held by ${(0,lock_holder/* describeHolder */.sG)(event.holder)} (waited ${(0,duration/* formatDuration */.a)(event.waitedMs)}).`);
            break;
        case 'still-waiting':
            core/* info */.pq(`Still waiting after ${(0,duration/* formatDuration */.a)(event.waitedMs)}; held by ${(0,lock_holder/* describeHolder */.sG)(event.holder)}.`);
            break;
        case 'created':
            core/* info */.pq(event.what === 'container' ? 'Created the container and the lock blob.' : 'Created the lock blob.');
            break;
        case 'storage-trouble':
            core/* warning */.$e(`Storage is failing while waiting (${(0,errors/* describeStorageErrorBrief */.rg)(event.error)}); retrying.`);
            break;
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

/***/ 1730:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _action_main_step_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5673);

await (0,_action_main_step_js__WEBPACK_IMPORTED_MODULE_0__/* .runMain */ .V)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ })

};
