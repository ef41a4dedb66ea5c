export const id = 61;
export const ids = [61];
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

/***/ 1729:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ REASON_MAX_LENGTH),
/* harmony export */   FW: () => (/* binding */ readOptionalLockName),
/* harmony export */   MB: () => (/* binding */ cappedDuration),
/* harmony export */   OW: () => (/* binding */ readTimeout),
/* harmony export */   VY: () => (/* binding */ readLockName),
/* harmony export */   Vf: () => (/* binding */ readBoolean),
/* harmony export */   dZ: () => (/* binding */ readStorageTarget),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   f_: () => (/* binding */ readRunHold),
/* harmony export */   lg: () => (/* binding */ readOptionalReason),
/* harmony export */   pk: () => (/* binding */ readReason),
/* harmony export */   sb: () => (/* binding */ readSettings),
/* harmony export */   u2: () => (/* binding */ readContainer)
/* harmony export */ });
/* unused harmony exports readLeaseDuration, readFailOnTimeout, readSupersede, readOnSuperseded, refuseSlotsWith, readSlots, readPriority, readWarnAfter, readQueueing */
/* harmony import */ var _lock_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6307);
/* harmony import */ var _lock_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2960);
/* harmony import */ var _lock_lease_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4277);
/* harmony import */ var _lock_names_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6139);
/* harmony import */ var _lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4469);
/* harmony import */ var _lock_deploy_latest_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5244);
/* harmony import */ var _lock_queue_priority_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1831);
/* harmony import */ var _lock_queue_slots_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5230);
/* harmony import */ var _lock_storage_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4906);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(915);
// Turns the step's inputs into one typed settings object, up front. Every
// problem becomes an InputError that names the input and the form expected.










class InputError extends _lock_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo {
    name = 'InputError';
}
function invalid(input, problem) {
    return new InputError(`Invalid input '${input}': ${problem}.`);
}
/**
 * A duration read from `input` (`text` as given, `ms` as parseDuration read
 * it), refused when it is longer than a year (MAX_DURATION_MS): every duration
 * input passes here, so that one too long for any date fails as it is read,
 * before a lease is taken.
 */
function cappedDuration(input, text, ms) {
    if (ms > _lock_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_DURATION_MS */ .rG) {
        throw invalid(input, `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .Gz)(text, 40)}' is longer than a year; expected at most ${_lock_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_DURATION_TEXT */ .yM}`);
    }
    return ms;
}
function readLockName(read) {
    const name = read(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.LockName);
    if (name === '') {
        throw new InputError(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.LockName}' is required: the name of the lock, e.g. 'production-deploy'.`);
    }
    const problem = (0,_lock_names_js__WEBPACK_IMPORTED_MODULE_3__/* .lockNameProblem */ .Qn)(name);
    if (problem)
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.LockName, `${problem}; expected a blob name of 1 to 1024 characters`);
    return name;
}
/** The lock name of a sub-action, where it may be left out: undefined when it is. */
function readOptionalLockName(read) {
    return read(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.LockName) === '' ? undefined : readLockName(read);
}
function readContainer(read) {
    const container = read(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Container) || _constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Defaults */ .Hw.Container;
    const problem = (0,_lock_names_js__WEBPACK_IMPORTED_MODULE_3__/* .containerNameProblem */ .iH)(container);
    if (problem) {
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Container, `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .Gz)(container, 80)}' is not a valid container name: ${problem}`);
    }
    return container;
}
function readLeaseDuration(read) {
    const text = read(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.LeaseDuration);
    if (text === '')
        return _lock_lease_js__WEBPACK_IMPORTED_MODULE_2__/* .LEASE_SECONDS */ .Vb.default;
    const seconds = /^\d+$/.test(text) ? Number(text) : NaN;
    if ((0,_lock_lease_js__WEBPACK_IMPORTED_MODULE_2__/* .leaseSecondsProblem */ .j1)(seconds)) {
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.LeaseDuration, `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .Gz)(text, 40)}' is not a whole number of seconds from ${_lock_lease_js__WEBPACK_IMPORTED_MODULE_2__/* .LEASE_SECONDS */ .Vb.min} to ${_lock_lease_js__WEBPACK_IMPORTED_MODULE_2__/* .LEASE_SECONDS */ .Vb.max}`);
    }
    return seconds;
}
function readTimeout(read) {
    const text = read(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Timeout);
    if (text === '')
        return undefined;
    const ms = (0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9)(text);
    if (ms === undefined) {
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Timeout, `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .Gz)(text, 40)}' is not a duration; expected a number of seconds or a form like 90s, 15m or 2h`);
    }
    return cappedDuration(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Timeout, text, ms);
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
    throw invalid(input, `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .Gz)(text, 40)}' is not a boolean; expected true or false`);
}
function readFailOnTimeout(read) {
    return readBoolean(read, _constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.FailOnTimeout, true);
}
/** The longest reason a break record keeps: metadata is sent in HTTP headers, 8 KiB for all of it. */
const REASON_MAX_LENGTH = 300;
/** Why an operator breaks a lease: required, one line, at most REASON_MAX_LENGTH characters. */
function readReason(read) {
    const reason = read(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Reason);
    if (reason === '') {
        throw new InputError(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Reason}' is required: why the lease is broken, e.g. 'deploy run 812 hung; approved by on-call'. ` +
            "It is written on the lock blob, and the former holder's post step shows it.");
    }
    if (reason.length > REASON_MAX_LENGTH) {
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Reason, `it is ${reason.length} characters long; expected at most ${REASON_MAX_LENGTH}`);
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
    const connectionString = read(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.ConnectionString);
    const accountName = read(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.AccountName);
    const accountKey = read(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.AccountKey);
    const sasToken = read(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.SasToken);
    const blobEndpoint = read(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.BlobEndpoint);
    const clientId = read(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.ClientId);
    const tenantId = read(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.TenantId);
    const audience = read(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Audience);
    const kinds = [
        connectionString && _constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.ConnectionString,
        accountKey && _constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.AccountKey,
        sasToken && _constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.SasToken,
    ].filter(Boolean);
    const entra = [clientId && _constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.ClientId, tenantId && _constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.TenantId].filter(Boolean);
    if (kinds.length > 0 && entra.length > 0) {
        throw new InputError(`Give exactly one kind of credential, not ${quoted(kinds)} and ${quoted(entra)}: ` +
            `'${_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.ClientId}' and '${_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.TenantId}' sign in with Entra ID, without a key or SAS.`);
    }
    if (kinds.length > 1) {
        throw new InputError(`Give exactly one kind of credential, not ${quoted(kinds)}.`);
    }
    if (audience && entra.length === 0) {
        throw new InputError(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Audience}' is used only with '${_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.ClientId}' and '${_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.TenantId}'.`);
    }
    const endpointOverride = blobEndpoint ? guard(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.BlobEndpoint, () => (0,_lock_storage_js__WEBPACK_IMPORTED_MODULE_8__/* .normalizeEndpoint */ .lI)(blobEndpoint)) : undefined;
    if (connectionString) {
        if (accountName) {
            throw new InputError(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.AccountName}' cannot be combined with '${_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.ConnectionString}', which names the account itself.`);
        }
        const target = guard(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.ConnectionString, () => (0,_lock_storage_js__WEBPACK_IMPORTED_MODULE_8__/* .parseConnectionString */ .HH)(connectionString));
        return endpointOverride ? { ...target, endpoint: endpointOverride } : target;
    }
    if (kinds.length === 0 && entra.length === 0 && accountName === '' && !endpointOverride) {
        throw new InputError(`No credential given: set '${_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.ConnectionString}'; or '${_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.AccountName}' with '${_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.AccountKey}' or '${_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.SasToken}'; ` +
            `or '${_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.AccountName}' with '${_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.ClientId}' and '${_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.TenantId}' to sign in through GitHub OIDC; ` +
            `or '${_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.AccountName}' alone to use the Azure credential of the runner.`);
    }
    if (accountName === '' && (kinds.length > 0 || !endpointOverride)) {
        throw new InputError(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.AccountName}' is required with ${quoted([...kinds, ...entra])}.`);
    }
    if (accountName) {
        const nameProblem = (0,_lock_storage_js__WEBPACK_IMPORTED_MODULE_8__/* .accountNameProblem */ .w_)(accountName);
        if (nameProblem)
            throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.AccountName, `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .Gz)(accountName, 80)}' is not a storage account name; ${nameProblem}`);
    }
    const endpoint = endpointOverride ?? (0,_lock_storage_js__WEBPACK_IMPORTED_MODULE_8__/* .defaultEndpoint */ .nQ)(accountName);
    if (accountKey) {
        const keyProblem = (0,_lock_storage_js__WEBPACK_IMPORTED_MODULE_8__/* .accountKeyProblem */ .Kp)(accountKey);
        if (keyProblem)
            throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.AccountKey, keyProblem);
        return { endpoint, auth: { kind: 'shared-key', accountName, accountKey } };
    }
    if (sasToken) {
        return { endpoint, auth: { kind: 'sas', sasToken: guard(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.SasToken, () => (0,_lock_storage_js__WEBPACK_IMPORTED_MODULE_8__/* .normalizeSasToken */ .co)(sasToken)) } };
    }
    // Entra ID from here on: bearer tokens travel only over https.
    if (!endpoint.startsWith('https://')) {
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.BlobEndpoint, `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .Gz)(endpoint, 120)}' is http, but Entra ID tokens are sent only over https`);
    }
    if (entra.length === 0)
        return { endpoint, auth: { kind: 'ambient' } };
    if (!clientId) {
        throw new InputError(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.ClientId}' is required with '${_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.TenantId}': the application (client) id of the app registration or managed identity.`);
    }
    if (!tenantId) {
        throw new InputError(`Input '${_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.TenantId}' is required with '${_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.ClientId}': the directory (tenant) id of the app registration.`);
    }
    if (!GUID.test(clientId)) {
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.ClientId, `expected an application (client) id such as 00000000-0000-0000-0000-000000000000`);
    }
    if (!GUID.test(tenantId) && !TENANT_DOMAIN.test(tenantId)) {
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.TenantId, `expected a directory (tenant) id such as 00000000-0000-0000-0000-000000000000, or a domain such as contoso.onmicrosoft.com`);
    }
    return {
        endpoint,
        auth: { kind: 'federated', tenantId, clientId, audience: audience || _constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Defaults */ .Hw.Audience },
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
        if (err instanceof _lock_storage_js__WEBPACK_IMPORTED_MODULE_8__/* .StorageConfigError */ .ix)
            throw invalid(input, err.message);
        throw err;
    }
}
/**
 * The supersede key, exactly as given (the reader must not trim it: keys are
 * compared exactly), and the sequence: the input, else the run id.
 */
function readSupersede(read, runId) {
    const key = read(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.SupersedeKey);
    const text = read(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Sequence);
    if (key === '') {
        if (text !== '')
            throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Sequence, `it is given without '${_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.SupersedeKey}'; give both, or neither`);
        return undefined;
    }
    const problem = (0,_lock_deploy_latest_js__WEBPACK_IMPORTED_MODULE_5__/* .supersedeKeyProblem */ .JO)(key);
    if (problem)
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.SupersedeKey, problem);
    const given = text === '' ? (runId ?? '') : text;
    const sequence = (0,_lock_deploy_latest_js__WEBPACK_IMPORTED_MODULE_5__/* .parseSequence */ .rd)(given);
    if (sequence === undefined) {
        const what = text === '' ? `the run id '${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .Gz)(given, 40)}' (GITHUB_RUN_ID)` : `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .Gz)(given, 40)}'`;
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Sequence, `${what} is not a whole number; expected a non-negative integer of at most 16 digits, such as \${{ github.run_id }}`);
    }
    return { key, sequence };
}
function readOnSuperseded(read, allowCancel = false) {
    const text = read(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.OnSuperseded);
    if (text === '' || text === 'skip')
        return 'skip';
    if (text === 'fail')
        return 'fail';
    // Cancelling the workflow run exists only in GitHub Actions: the action allows it, the CLI does not.
    if (allowCancel && text === 'cancel')
        return 'cancel';
    throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.OnSuperseded, `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .Gz)(text, 40)}' is not one of skip${allowCancel ? ', fail or cancel' : ' or fail'}`);
}
function readSettings(read, env = process.env) {
    const lockName = readLockName(read);
    const container = readContainer(read);
    const leaseDurationSeconds = readLeaseDuration(read);
    const timeoutMs = readTimeout(read);
    const failOnTimeout = readFailOnTimeout(read);
    const runHoldMs = readRunHold(read);
    const supersede = readSupersede(read, env.GITHUB_RUN_ID);
    const onSuperseded = readOnSuperseded(read, true);
    const githubToken = onSuperseded === 'cancel' ? read(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.GithubToken) : undefined;
    const slots = readSlots(read);
    refuseSlotsWith(slots, { runHold: runHoldMs !== undefined, supersede: supersede !== undefined });
    const queueing = readQueueing(read);
    const { endpoint, auth } = readStorageTarget(read);
    return {
        lock: {
            endpoint,
            container,
            lockName,
            leaseDurationSeconds,
            ...(runHoldMs !== undefined ? { runHoldMs } : {}),
            ...(slots > 1 ? { slots } : {}),
            ...queueing,
        },
        auth,
        timeoutMs,
        failOnTimeout,
        supersede,
        onSuperseded,
        ...(githubToken !== undefined ? { githubToken } : {}),
    };
}
/** 'slots': how many jobs may hold the lock at once; 1 when not given. */
/**
 * A hold (scope: run) or latest wins is one lease on the lock blob: with slots,
 * the other slots would stay open, so either with slots is refused.
 */
function refuseSlotsWith(slots, uses) {
    if (slots > 1 && uses.runHold) {
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Slots, `${slots} slots cannot be held for a run ('${_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Scope}: run'); use one or the other`);
    }
    if (slots > 1 && uses.supersede) {
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Slots, `${slots} slots cannot be used with '${_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.SupersedeKey}'; use one or the other`);
    }
}
function readSlots(read) {
    const text = read(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Slots);
    if (text === '')
        return 1;
    if ((0,_lock_queue_slots_js__WEBPACK_IMPORTED_MODULE_7__/* .slotsProblem */ .nN)(text)) {
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Slots, `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .Gz)(text, 40)}' is not a whole number from 1 to ${_lock_queue_slots_js__WEBPACK_IMPORTED_MODULE_7__/* .MAX_SLOTS */ .Fn}`);
    }
    return Number(text);
}
/** 'scope' and 'hold-for': how long the run's hold may stand (scope run), undefined for scope job. */
function readRunHold(read) {
    const scope = read(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Scope) || 'job';
    if (scope !== 'job' && scope !== 'run') {
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Scope, `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .Gz)(scope, 40)}' is not a scope; expected job or run`);
    }
    if (scope === 'job')
        return undefined;
    const text = read(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.HoldFor) || '1h';
    const ms = (0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9)(text);
    if (ms === undefined || ms <= 0) {
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.HoldFor, `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .Gz)(text, 40)}' is not a duration; expected a number of seconds or a form like 90s, 15m or 2h`);
    }
    return cappedDuration(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.HoldFor, text, ms);
}
/** Why a hold is lifted: optional (`fallback` when empty), at most REASON_MAX_LENGTH characters. */
function readOptionalReason(read, fallback) {
    const reason = read(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Reason) || fallback;
    if (reason.length > REASON_MAX_LENGTH) {
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Reason, `it is ${reason.length} characters long; expected at most ${REASON_MAX_LENGTH}`);
    }
    return reason;
}
/** 'priority': normal (the default) or high. */
function readPriority(read) {
    const text = read(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Priority);
    if (text === '')
        return 'normal';
    const priority = (0,_lock_queue_priority_js__WEBPACK_IMPORTED_MODULE_6__/* .parsePriority */ .cF)(text);
    if (priority === undefined) {
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Priority, `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .Gz)(text, 40)}' is not a priority; expected normal or high`);
    }
    return priority;
}
/** 'warn-after': a duration as 'timeout' takes it; undefined when empty (no warning). */
function readWarnAfter(read) {
    const text = read(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.WarnAfter);
    if (text === '')
        return undefined;
    const ms = (0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9)(text);
    if (ms === undefined) {
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.WarnAfter, `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .Gz)(text, 40)}' is not a duration; expected a number of seconds or a form like 90s, 15m or 2h`);
    }
    return cappedDuration(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.WarnAfter, text, ms);
}
/** The LockSpec's fields for the order of the line and a long wait: a normal priority is left out, as is no warning. */
function readQueueing(read) {
    const priority = readPriority(read);
    const warnAfterMs = readWarnAfter(read);
    return { ...(priority === 'high' ? { priority } : {}), ...(warnAfterMs !== undefined ? { warnAfterMs } : {}) };
}


/***/ }),

/***/ 8061:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  breakRecordFor: () => (/* binding */ breakRecordFor),
  keepForRun: () => (/* reexport */ keepForRun),
  releaseHere: () => (/* binding */ releaseHere),
  renewHere: () => (/* binding */ renewHere)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(1659);
// EXTERNAL MODULE: ./src/lock/break-record.ts
var break_record = __webpack_require__(9916);
// EXTERNAL MODULE: ./src/lock/clock.ts
var clock = __webpack_require__(2041);
// EXTERNAL MODULE: ./src/lock/errors.ts
var errors = __webpack_require__(2960);
// EXTERNAL MODULE: ./src/lock/lease.ts
var lease = __webpack_require__(4277);
// EXTERNAL MODULE: ./src/lock/lock-blob.ts + 13 modules
var lock_blob = __webpack_require__(3292);
// EXTERNAL MODULE: ./src/lock/queue/handover.ts
var handover = __webpack_require__(988);
// EXTERNAL MODULE: ./src/lock/storage.ts
var storage = __webpack_require__(4906);
// EXTERNAL MODULE: ./src/action/request-log.ts
var request_log = __webpack_require__(3304);
// EXTERNAL MODULE: ./src/action/state.ts
var state = __webpack_require__(3175);
// EXTERNAL MODULE: ./src/action/step-sign-in.ts
var step_sign_in = __webpack_require__(1284);
// EXTERNAL MODULE: ./src/lock/deploy/hold.ts
var hold = __webpack_require__(4166);
;// CONCATENATED MODULE: ./src/lock/deploy/run-hold.ts
// scope: run. The lock spans the jobs of one workflow run: at a job's end,
// post turns its lease into a hold of the run (hold.ts) instead of releasing
// it, lasting at most the spec's runHoldMs; a later job of the same run
// (repository and run id, any attempt) takes that hold over without waiting
// its turn, and keeps the same fencing token: at once when it comes, or at its
// next look at the lock when it waits in the queue already (a parallel or
// matrix job). The waiter does it (attempt.ts: takeOverRunHold, takeOver);
// mayTakeOver (hold.ts) says who may. A run that never comes back frees the
// lock when the hold ends, through whoever looks at the lock next.

/**
 * The hold of a run that a job's post places on the lease it still holds:
 * until the service's clock `serviceNow` plus runHoldMs, with the fencing
 * token of the run's acquisition.
 */
function runHoldRecord(spec, who, lease, serviceNow) {
    return (0,hold/* newHoldRecord */.rh)('run', who, `kept for the next job of run ${who.runId}`, { kind: 'for', ms: spec.runHoldMs }, { leaseId: lease.leaseId, heldFrom: serviceNow, fencingToken: lease.fencingToken });
}

// EXTERNAL MODULE: ./src/lock/spec.ts
var lock_spec = __webpack_require__(7832);
// EXTERNAL MODULE: ./src/renewer/control.ts
var control = __webpack_require__(9779);
// EXTERNAL MODULE: ./src/action/context.ts
var context = __webpack_require__(645);
;// CONCATENATED MODULE: ./src/action/run-hold-step.ts
// Post, for scope run: instead of releasing, turn the lease into a hold of the
// workflow run (lock/deploy/run-hold.ts), then let the renewer stop. In that order:
// the renewer keeps the lease until the hold is in place, and never stops
// before. Whenever the hold cannot be placed, post goes on as for scope job
// and releases the lock: a run's hold is a convenience, never a reason to
// leave a lease that nobody keeps.












/**
 * Keeps the lock as a hold of this run, when the spec says scope run and the
 * renewer still holds the lease. Returns what the summary says of the job's
 * hold, or undefined when post should release as usual (scope job, a release
 * step let go already, the lease was lost, or the hold could not be placed).
 */
async function keepForRun(spec, lease) {
    const runHoldMs = spec.runHoldMs;
    const places = state/* renewer */.T9();
    const turn = state/* turn */.wC();
    if (runHoldMs === undefined || !places || !turn)
        return undefined;
    const location = (0,lock_spec/* lockLocation */.VU)(spec);
    const asked = await (0,control/* askToLetGo */.ih)(places.channel, { op: 'report', by: 'post' }, { expected: places.renewer });
    // Released by a release step (which ends the run's hold), lost, or a renewer that cannot say: as for scope job.
    if (asked.answer.kind !== 'answered' || asked.answer.report.phase !== 'holding')
        return undefined;
    let record;
    try {
        const { signedIn } = await (0,step_sign_in/* signInWithInputs */.M)({ ambientSource: state/* ambientSource */.aN() });
        const lock = (0,lock_blob/* openLock */.qB)(signedIn.auth, spec, { retry: storage/* STEP_RETRY */.QA, observe: (0,request_log/* requestLog */.M)() });
        const look = await lock.view();
        if (look.state !== 'leased')
            return undefined;
        const who = (0,context/* holderFromEnvironment */.Q)();
        record = runHoldRecord({ ...spec, runHoldMs }, who, { leaseId: lease.leaseId, fencingToken: turn.fencingToken }, look.serviceNow ?? new Date());
        await lock.placeHold(lease.leaseId, { ...who, acquiredAt: lease.acquiredAt.toISOString() }, record);
    }
    catch (err) {
        core/* warning */.$e(`Could not keep lock ${location} for the next job of this run (${(0,errors/* describeStorageErrorBrief */.rg)(err)}): releasing it instead.`);
        return undefined;
    }
    // The hold is in place: only now may the renewer stop, leaving the lease as it is.
    const stopped = await (0,control/* askToLetGo */.ih)(places.channel, { op: 'keep', by: 'post' }, { killIfStuck: true, expected: places.renewer });
    if (stopped.log.length > 0) {
        core/* startGroup */.Oh('Renewer log');
        core/* info */.pq(stopped.log.join('\n'));
        core/* endGroup */.N4();
    }
    core/* info */.pq(`Kept lock ${location} for the next job of this run: it is held by ${(0,hold/* describeHold */.TZ)(record)}. ` +
        "A later job of this run with 'scope: run' takes it over at once (one that waits in line already, at its next " +
        'look); the release action ends the hold.');
    const heldSince = lease.heldSince ?? lease.acquiredAt;
    return { acquiredAt: heldSince, endedAt: new Date(record.setAt), outcome: 'kept' };
}

;// CONCATENATED MODULE: ./src/action/post-storage.ts
// What the post step does with its own storage client: only when the renewer
// could not let go itself (it is dead, stuck or failed), when a loss needs the
// break record, or for scope run. post-step.ts imports this module lazily, so
// that the usual post step, where the already running renewer hands the lease
// over or releases it, loads no storage SDK before the lease moves (loading
// it cost post about 60 ms of CPU; see docs/measurements.md).












/**
 * The break record on the lock blob, when a break step broke this hold (and
 * not an earlier one, nor a forged one): read with the step's credentials.
 * Undefined when there is none, it cannot be read, or it is dated outside
 * the hold (see breakApplies).
 */
async function breakRecordFor(spec, acquiredAt, heldFrom, lossFoundAt) {
    try {
        const { signedIn } = await (0,step_sign_in/* signInWithInputs */.M)({ ambientSource: state/* ambientSource */.aN() });
        const status = await (0,lock_blob/* openLock */.qB)(signedIn.auth, spec, { retry: storage/* STEP_RETRY */.QA, observe: (0,request_log/* requestLog */.M)() }).status({
            timeoutMs: 5_000,
        });
        const record = status === 'missing' ? undefined : status.lastBreak;
        const hold = {
            acquiredAt: acquiredAt.toISOString(),
            runId: process.env.GITHUB_RUN_ID ?? '',
            heldFrom,
            lossFoundAt,
        };
        return record && (0,break_record/* breakApplies */.sr)(record, hold) ? record : undefined;
    }
    catch (err) {
        core/* debug */.Yz(`Could not read the lock blob for a break record: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
    }
}
/**
 * One renewal with the step's own credentials, for a lease that went a whole
 * duration unconfirmed: Azure renews it only if nobody leased the blob since.
 */
async function renewHere(spec, leaseId) {
    const sentAt = (0,clock/* monotonicNow */.X)();
    try {
        const { signedIn } = await (0,step_sign_in/* signInWithInputs */.M)({ ambientSource: state/* ambientSource */.aN() });
        const lock = (0,lock_blob/* openLock */.qB)(signedIn.auth, spec, { retry: storage/* STEP_RETRY */.QA, observe: (0,request_log/* requestLog */.M)() });
        await lock.renew(leaseId, { timeoutMs: (0,lease/* renewalSchedule */.md)(spec.leaseDurationSeconds * 1000).attemptTimeoutMs });
        return { sentAt, outcome: 'renewed' };
    }
    catch (err) {
        core/* debug */.Yz(`The renewal before releasing failed: ${err instanceof Error ? err.message : String(err)}`);
        return { sentAt, outcome: (0,lock_blob/* isLeaseGone */.AI)(err) ? 'gone' : 'failed' };
    }
}
/** Releases with the step's own credentials, read from the inputs again. */
async function releaseHere(spec, leaseId, options = {}) {
    const report = options.quiet ? core/* debug */.Yz : core/* warning */.$e;
    const expiry = `it expires by itself within ${spec.leaseDurationSeconds}s`;
    let lock;
    try {
        const { signedIn } = await (0,step_sign_in/* signInWithInputs */.M)({ ambientSource: state/* ambientSource */.aN() });
        lock = (0,lock_blob/* openLock */.qB)(signedIn.auth, spec, { retry: storage/* STEP_RETRY */.QA, observe: (0,request_log/* requestLog */.M)() });
    }
    catch (err) {
        report(`Cannot release the lease here (${err.message}); ${expiry}.`);
        return 'failed';
    }
    try {
        if (options.quiet) {
            // A lease main may have been granted without hearing so: almost always there is none, so one plain
            // release, and no look at the queue for a handover.
            return await lock.release(leaseId, { timeoutMs: 5_000 });
        }
        // Handed to the head of the queue when one waits (handover.ts), else released.
        const outcome = await (0,handover/* letGo */.Ko)(lock, leaseId, { timeoutMs: 15_000 });
        core/* debug */.Yz(`Post ${(0,handover/* describeLetGo */.dz)(outcome)}.`);
        return outcome.outcome === 'not-held' ? 'not-held' : 'released';
    }
    catch (err) {
        report(`Releasing the lease failed (${(0,errors/* describeStorageErrorBrief */.rg)(err)}); ${expiry}.`);
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


/***/ })

};
