export const id = 858;
export const ids = [858];
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
        throw invalid(input, `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .G)(text, 40)}' is longer than a year; expected at most ${_lock_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_DURATION_TEXT */ .yM}`);
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
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Container, `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .G)(container, 80)}' is not a valid container name: ${problem}`);
    }
    return container;
}
function readLeaseDuration(read) {
    const text = read(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.LeaseDuration);
    if (text === '')
        return _lock_lease_js__WEBPACK_IMPORTED_MODULE_2__/* .LEASE_SECONDS */ .Vb.default;
    const seconds = /^\d+$/.test(text) ? Number(text) : NaN;
    if ((0,_lock_lease_js__WEBPACK_IMPORTED_MODULE_2__/* .leaseSecondsProblem */ .j1)(seconds)) {
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.LeaseDuration, `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .G)(text, 40)}' is not a whole number of seconds from ${_lock_lease_js__WEBPACK_IMPORTED_MODULE_2__/* .LEASE_SECONDS */ .Vb.min} to ${_lock_lease_js__WEBPACK_IMPORTED_MODULE_2__/* .LEASE_SECONDS */ .Vb.max}`);
    }
    return seconds;
}
function readTimeout(read) {
    const text = read(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Timeout);
    if (text === '')
        return undefined;
    const ms = (0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9)(text);
    if (ms === undefined) {
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Timeout, `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .G)(text, 40)}' is not a duration; expected a number of seconds or a form like 90s, 15m or 2h`);
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
    throw invalid(input, `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .G)(text, 40)}' is not a boolean; expected true or false`);
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
            throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.AccountName, `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .G)(accountName, 80)}' is not a storage account name; ${nameProblem}`);
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
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.BlobEndpoint, `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .G)(endpoint, 120)}' is http, but Entra ID tokens are sent only over https`);
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
        const what = text === '' ? `the run id '${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .G)(given, 40)}' (GITHUB_RUN_ID)` : `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .G)(given, 40)}'`;
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
    throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.OnSuperseded, `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .G)(text, 40)}' is not one of skip${allowCancel ? ', fail or cancel' : ' or fail'}`);
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
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Slots, `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .G)(text, 40)}' is not a whole number from 1 to ${_lock_queue_slots_js__WEBPACK_IMPORTED_MODULE_7__/* .MAX_SLOTS */ .Fn}`);
    }
    return Number(text);
}
/** 'scope' and 'hold-for': how long the run's hold may stand (scope run), undefined for scope job. */
function readRunHold(read) {
    const scope = read(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Scope) || 'job';
    if (scope !== 'job' && scope !== 'run') {
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Scope, `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .G)(scope, 40)}' is not a scope; expected job or run`);
    }
    if (scope === 'job')
        return undefined;
    const text = read(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.HoldFor) || '1h';
    const ms = (0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9)(text);
    if (ms === undefined || ms <= 0) {
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.HoldFor, `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .G)(text, 40)}' is not a duration; expected a number of seconds or a form like 90s, 15m or 2h`);
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
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.Priority, `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .G)(text, 40)}' is not a priority; expected normal or high`);
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
        throw invalid(_constants_js__WEBPACK_IMPORTED_MODULE_9__/* .Inputs */ .G0.WarnAfter, `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .G)(text, 40)}' is not a duration; expected a number of seconds or a form like 90s, 15m or 2h`);
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

/***/ 4422:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ describeLastHeld),
/* harmony export */   RO: () => (/* binding */ lastHeldFor)
/* harmony export */ });
/* unused harmony exports LAST_HELD_SHOWN, describeLastHeldOne */
/* harmony import */ var _untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4469);
// What the waiting lines and the job summary show of latest wins: for each
// supersede key in sight (our own, the holder's, the waiters' ahead), the
// record of the highest sequence that held the lock, with its run. The
// records are read in the waiter's own listings of the queue (queue-blobs.ts
// reads the lock's whole folder for a waiter with a key), so showing them
// costs no request. They are untrusted: shown only through showUntrusted.

/** The most keys a line names; the rest are counted. */
const LAST_HELD_SHOWN = 5;
/**
 * The records of the given keys, in the order the keys come (each once),
 * compared exactly. Records without a key, and keys without a record, are
 * left out.
 */
function lastHeldFor(records, keys) {
    const byKey = new Map();
    for (const record of records)
        if (record.supersedeKey !== undefined)
            byKey.set(record.supersedeKey, record);
    const shown = [];
    const seen = new Set();
    for (const key of keys) {
        if (key === undefined || seen.has(key))
            continue;
        seen.add(key);
        const record = byKey.get(key);
        if (record)
            shown.push(record);
    }
    return shown;
}
/** 'key "production": sequence 812, org/api run 812'; through showUntrusted. */
function describeLastHeldOne(record) {
    const repository = (0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .showUntrusted */ .G)(record.repository, 100) || 'unknown repository';
    const run = record.runId ? `${repository} run ${(0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .showUntrusted */ .G)(record.runId, 40)}` : repository;
    return `key "${(0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .showUntrusted */ .G)(record.supersedeKey ?? '', 80)}": sequence ${(0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .showUntrusted */ .G)(record.sequence ?? '', 40) || 'none'}, ${run}`;
}
/** 'last held, per key: key "production": sequence 812, org/api run 812; …', or '' for none. */
function describeLastHeld(records) {
    if (!records || records.length === 0)
        return '';
    const shown = records.slice(0, LAST_HELD_SHOWN).map(describeLastHeldOne);
    const more = records.length > shown.length ? `; and ${records.length - shown.length} more` : '';
    return `last held, per key: ${shown.join('; ')}${more}`;
}


/***/ }),

/***/ 3254:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ takeOverRunHold),
/* harmony export */   Q: () => (/* binding */ runHoldRecord)
/* harmony export */ });
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2041);
/* harmony import */ var _hold_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4166);
/* harmony import */ var _waiter_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5688);
// scope: run. The lock spans the jobs of one workflow run: at a job's end,
// post turns its lease into a hold of the run (hold.ts) instead of releasing
// it, lasting at most the spec's runHoldMs; a later job of the same run
// (repository and run id, any attempt) takes that hold over at once, without
// queueing, and keeps the same fencing token. A run that never comes back
// frees the lock when the hold ends, through the head of the queue.



/**
 * For a job of scope run: takes over the hold its own run left on the lock,
 * if there is one and its end has not come; undefined when there is none (the
 * job then waits in line as any job). One look at the lock shows the hold, by
 * the service's clock in the same answer.
 */
async function takeOverRunHold(lock, options) {
    if (options.spec.runHoldMs === undefined)
        return undefined;
    const started = (0,_clock_js__WEBPACK_IMPORTED_MODULE_2__/* .monotonicNow */ .X)();
    const look = await lock.view();
    if (look.state !== 'leased' || !look.hold || !(0,_hold_js__WEBPACK_IMPORTED_MODULE_0__/* .mayTakeOver */ .rw)(look.hold, options.who, look.serviceNow))
        return undefined;
    const hold = look.hold;
    const sentAt = new Date();
    const sentMono = (0,_clock_js__WEBPACK_IMPORTED_MODULE_2__/* .monotonicNow */ .X)();
    const leaseSeconds = options.spec.leaseDurationSeconds;
    if ((await lock.takeOverHold(hold.leaseId, options.leaseId, leaseSeconds)) !== 'taken')
        return undefined;
    const acquiredMono = (0,_clock_js__WEBPACK_IMPORTED_MODULE_2__/* .monotonicNow */ .X)();
    const acquiredAt = (0,_waiter_js__WEBPACK_IMPORTED_MODULE_1__/* .grantTime */ .sJ)(sentAt, new Date(), lock.grantedAt);
    const holder = {
        ...options.who,
        acquiredAt: acquiredAt.toISOString(),
        leaseSeconds: String(leaseSeconds),
    };
    try {
        // Our record replaces the hold's: while this job runs, it is an ordinary holder that a renewer keeps.
        await lock.writeHolder(options.leaseId, holder);
    }
    catch (err) {
        await lock.release(options.leaseId, { timeoutMs: 5_000 }).catch(() => undefined);
        throw err;
    }
    const token = Number(hold.fencingToken);
    return {
        leaseId: options.leaseId,
        confirmedAt: sentAt,
        confirmedMono: sentMono,
        acquiredMono,
        acquiredAt,
        waitedMs: acquiredMono - started,
        holder,
        fencingToken: Number.isSafeInteger(token) && token > 0 ? token : 0,
        arrivalPosition: 1,
        slot: 1,
        tookOver: hold,
    };
}
/**
 * The hold of a run that a job's post places on the lease it still holds:
 * until the service's clock `serviceNow` plus runHoldMs, with the fencing
 * token of the run's acquisition.
 */
function runHoldRecord(spec, who, lease, serviceNow) {
    return (0,_hold_js__WEBPACK_IMPORTED_MODULE_0__/* .newHoldRecord */ .rh)('run', who, `kept for the next job of run ${who.runId}`, { kind: 'for', ms: spec.runHoldMs }, { leaseId: lease.leaseId, heldFrom: serviceNow, fencingToken: lease.fencingToken });
}


/***/ }),

/***/ 5688:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  sJ: () => (/* binding */ grantTime),
  Xr: () => (/* binding */ noAnswerYetText),
  tH: () => (/* binding */ waitForLease)
});

// UNUSED EXPORTS: FIRST_CONTACT_MS, backoffMs, requestTimeoutMs, saysNobodyIsThere

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/lock/clock.ts
var clock = __webpack_require__(2041);
// EXTERNAL MODULE: ./src/lock/errors.ts
var errors = __webpack_require__(2960);
// EXTERNAL MODULE: ./src/lock/break-record.ts
var break_record = __webpack_require__(9916);
// EXTERNAL MODULE: ./src/lock/deploy/hold.ts
var deploy_hold = __webpack_require__(4166);
// EXTERNAL MODULE: ./src/lock/deploy/latest.ts
var deploy_latest = __webpack_require__(5244);
// EXTERNAL MODULE: ./src/lock/queue/handover.ts
var queue_handover = __webpack_require__(988);
;// CONCATENATED MODULE: ./src/lock/queue/pass-on.ts
// A waiter that ends its wait without the lock, but may hold the lock's lease
// all the same, passes it on at once instead of leaving it to lapse.
//
// A holder that lets go hands its lease to the head of the queue (handover.ts):
// the lease is then under the id the head published, before the head has
// looked. If the head's wait ends right then (it is superseded, turns out
// stale, is cancelled, or times out), nobody would renew that lease and the
// lock would stay idle for up to one lease duration, with the next waiter
// unable to take it. So the waiter lets go as a holder does: it hands the lease
// to the next head, or releases it when nobody waits. If the lease is not
// under our id (it was never handed to us), Azure refuses both, and nothing
// changes: passing on can never take a lease from anybody.

/**
 * Lets go of a lease that may be ours, passing it to the head of the queue
 * other than `ownTicket` (our own entry, which may not be gone yet). Best
 * effort and bounded: a lease that could not be passed on lapses by itself.
 */
async function passOn(store, leaseId, ownTicket, options) {
    const storeLetGo = store.letGo?.bind(store);
    if (!storeLetGo) {
        const released = await store.release(leaseId, options).catch(() => undefined);
        return released === 'released' ? { outcome: 'released' } : undefined;
    }
    const notOurs = (seen) => ({
        ...seen,
        entries: seen.entries.filter((entry) => entry.ticket !== ownTicket),
    });
    const handoverLook = store.handoverLook?.bind(store);
    const handover = {
        queue: { look: async (look) => notOurs(await store.queue.look(look)) },
        ...(handoverLook ? { handoverLook: async (look) => notOurs(await handoverLook(look)) } : {}),
        letGo: storeLetGo,
    };
    return (0,queue_handover/* letGo */.Ko)(handover, leaseId, options).catch(() => undefined);
}

// EXTERNAL MODULE: ./src/lock/queue/priority.ts
var priority = __webpack_require__(1831);
// EXTERNAL MODULE: ./src/lock/queue/queue.ts
var queue_queue = __webpack_require__(2980);
// EXTERNAL MODULE: ./src/lock/queue/slots.ts
var queue_slots = __webpack_require__(5230);
;// CONCATENATED MODULE: ./src/lock/attempt.ts
// One attempt of a waiter: what it does each time the wait loop wakes it.
//
// Outside the queue (its first attempt): one listing of the queue. Nobody
// waiting: it tries for the lease at once, and only if that fails does it join.
// Somebody waiting: it joins behind them.
//
// In the queue, it holds an entry named by its ticket and renews the entry's
// lease every third of the lease duration. At the head (no live entry ahead)
// it looks at the lock often and takes the lease when it is free; further back
// it only lists the queue, seldom, to learn when it has moved up. Clients that
// do not queue (go-azuremutex, az CLI, older versions) may still take a free
// lease: the head then just keeps looking.
//
// Entries that do not serve the lock are not waited for: one with an infinite
// lease (a squatter: this action never takes one), and a head that leaves the
// lock free for longer than idleHeadMs. Skipping them is safe, as only the
// lease lets a job in; it costs at most the order of the queue.










/**
 * A waiter with a supersede key lists the queue every 2-3 s, so that it
 * leaves within about that long after a newer job of its key joins. Further
 * back it listed every 4-5 s anyway; the head, every 30 s.
 */
const LATEST_LIST_MS = [2_000, 3_000];
/**
 * At the head: a look at the lock every 90-140 ms, so a release is seen
 * about 60 ms after it on average (about 530 requests a minute with the
 * entry's renewals, under 600). Right behind the head: a listing every 1-1.5 s,
 * so that it takes the head soon after the head takes the lock; a hold
 * shorter than that leaves the lock idle for the rest (about 60 requests a
 * minute with a 15 s lease, 50 with 60 s). Further back: a listing every
 * 4-5 s, which with the entry's renewals (12 a minute for a 15 s lease, 3 for
 * 60 s) and a look at the holder for the line every 30 s stays under 30
 * requests a minute.
 */
const DEFAULT_PACING = {
    headPollMs: [90, 140],
    outsidePollMs: [250, 750],
    onDeckPollMs: [1_000, 1_500],
    queuePollMs: [4_000, 5_000],
    headListMs: 30_000,
    floorMs: 50,
};
/**
 * The pause between looks for a waiter within N of a lock with slots. Its look
 * is two requests (the folder's listing and slot 1's HEAD), so it looks half
 * as often as the head of a lock of one slot: about the same requests a
 * minute, under 600 (about 530 with the entry's renewals).
 */
function slottedHeadMs(pacing) {
    return 2 * between(pacing.headPollMs);
}
/**
 * A head that leaves the lock free this long is passed over by the waiter
 * behind it. A live head looks at the lock every 90-140 ms and takes it within
 * a second; even while storage throttles it, its back-off tries again within
 * 16 s. Two lease durations (30 s at least) is therefore far more than a live
 * head needs, and about what a waiter whose job hangs (SIGSTOP, a swapped-out
 * runner) keeps its entry alive without serving. Passing over is safe: it only
 * lets the next waiter ask for the lease, and the lease still lets one holder in.
 */
function idleHeadMs(leaseSeconds, pacing) {
    return pacing.idleHeadMs ?? Math.max(30_000, 2 * leaseSeconds * 1000);
}
/**
 * The credential may not list the container (a SAS without 'l', or an
 * account SAS without the container resource type): the queue cannot be read.
 */
function isListingRefused(err) {
    const code = (0,errors/* storageErrorCode */.t6)(err);
    return ((0,errors/* statusCode */.se)(err) === 403 &&
        (code === 'AuthorizationPermissionMismatch' || code === 'AuthorizationResourceTypeMismatch'));
}
/** Entries the first listing reads: enough to tell an empty queue from a busy one in one request. */
const FIRST_LOOK_LIMIT = 5;
/** Tickets to try in a row that turn out to have an entry already, before giving up. */
const MAX_TAKEN_TICKETS = 10;
/** How soon to look again at a lease that had no record yet: its holder writes one just after taking it. */
const RECORD_PAUSE_MS = 300;
/**
 * A normal head lists the queue again as it takes a free lock when its last
 * listing is older than this: a high-priority waiter may have joined.
 */
const RELIST_BEFORE_TAKING_MS = 1_000;
/** How long leaving the queue, sweeping and giving back a lease may take: they are best effort. */
const TIDY_TIMEOUT_MS = 2_000;
/** A look at the lock with less time left than this is not worth sending. */
const MIN_LOOK_MS = 250;
/**
 * The least that leaving the queue, and passing on a lease that may be ours,
 * get when the wait's deadline has left them less: on a network that answers
 * they take tens of milliseconds, and an entry left behind costs the next
 * jobs up to a lease duration.
 */
const LEAST_TIDY_MS = 300;
const between = ([min, max]) => min + Math.random() * (max - min);
/** The tickets a look at the lock shows holding it (the holder record's) or handed it (the handover mark). */
function holdingOf(lock) {
    if (lock.state !== 'leased')
        return new Set();
    const tickets = new Set();
    if (lock.handedTo !== undefined)
        tickets.add(lock.handedTo);
    const held = /^\d{1,16}$/.test(lock.holder?.ticket ?? '') ? Number(lock.holder.ticket) : undefined;
    if (held !== undefined)
        tickets.add(held);
    return tickets;
}
class Waiter {
    options;
    entry;
    head = false;
    listAt = 0;
    /** A second look at the lock, soon after one that found a lease without a record. */
    viewAt = Infinity;
    /** The lease was asked for: whatever ends the wait without success gives it back. */
    acquireTried = false;
    /** The last holder was seen to have handed its lease to us: it is under our id, asked for or not. */
    handed = false;
    /** The lease is ours, but taking it was not finished (a request failed after the grant). */
    acquired = false;
    /** Storage has answered at least once: a network failure after that is storage trouble, not a wrong endpoint. */
    answered = false;
    /** The queue cannot be read with this credential: the waiter waits outside it. */
    outside = false;
    /** The live waiters ahead at the last listing. */
    lastAhead;
    /** Squatters (entries with an infinite lease) already told of. */
    squattersTold = new Set();
    /** Heads that left the lock free for too long: no longer waited for. */
    passedOver = new Set();
    /** The first waiter ahead, while every look since `since` found the lock free. */
    idleHead;
    /** When the waiter right behind the head looks at the lock next, to notice a head that does not take it. */
    idleCheckAt = 0;
    /** A sweep was refused (a credential without delete): said once. */
    sweepRefusedTold = false;
    /** Decides superseded and stale, for a waiter with a supersede key. */
    guard;
    /** The key's record as last read before an acquire: its ETag is what our record is written over. */
    latestRead;
    /** Every key's record that the last listing read (only a waiter with a key reads them), for the lines. */
    records;
    /** With slots: the slot we asked for (or hold), and its store; the lease, record and release go there. */
    chosen;
    /** With slots: the extra slots handed to us being passed on, awaited by take(). */
    passingOn;
    /** With slots: the waiters ahead not yet served at the last look (slottedAttempt); undefined before one. */
    slotStanding;
    /** When the queue was last listed (monotonic): a normal head lists it again before taking a free lock. */
    listedAt = -Infinity;
    /** Tickets the last look at the lock showed holding it or handed it: nobody goes ahead of them. */
    holding = new Set();
    /** Entries already told of: a high-priority waiter that joined ahead of us, a malformed priority. */
    jumpsTold = new Set();
    malformedTold = new Set();
    /** The entries of the last listing, by ticket: who a ticket on the lock is. */
    listed = new Map();
    constructor(options) {
        this.options = options;
        this.guard =
            options.supersede &&
                new deploy_latest/* LatestGuard */.t$(options.supersede, options.store.location, (malformed) => options.emit({ type: 'malformed-sequence', ...malformed }));
    }
    get store() {
        return this.chosen?.store ?? this.options.store;
    }
    /** The slot whose lease we asked for or hold: 1 (the lock blob) without slots. */
    get slot() {
        return this.chosen?.slot ?? 1;
    }
    /** One attempt; `call` gives each request its signal and deadline. */
    async attempt(call, wantsHolder) {
        if (this.acquired) {
            // The lease is already ours: this only confirms it, so there is nothing to decide again.
            const outcome = await this.acquire(call, { decided: true });
            if (outcome !== 'held-by-other')
                return outcome;
        }
        const slots = this.options.store.slotted;
        if (slots)
            return this.slottedAttempt(call, slots);
        if (this.outside)
            return this.outsideQueue(call);
        if (!this.entry)
            return this.fromOutside(call);
        await this.keepEntry(call);
        let ahead;
        if ((0,clock/* monotonicNow */.X)() >= this.listAt)
            ahead = await this.lookAtQueue(call);
        if (this.head)
            return this.asHead(call, ahead);
        // Waiting for the ticket just before ours: the lock may show its waiter holding it already.
        const pending = this.entry?.predecessor !== undefined && ahead?.length === 0;
        // Right behind the head, a look at the lock every quarter of the bound tells a head that does not
        // take a free lock; while it leaves the lock free, every listing looks at the lock too.
        const onDeck = ahead?.length === 1 && ((0,clock/* monotonicNow */.X)() >= this.idleCheckAt || this.idleHead !== undefined);
        const look = ahead ? pending || wantsHolder(ahead.length) || onDeck : (0,clock/* monotonicNow */.X)() >= this.viewAt;
        const lock = look ? await this.store.view(call()) : undefined;
        if (lock)
            this.noteHolding(lock);
        if (lock && this.handedToUs(lock)) {
            const outcome = await this.acquire(call);
            if (outcome !== 'held-by-other')
                return outcome;
        }
        if (lock)
            this.watchHead(lock);
        // A lease without a record is also the moment between a new holder's lease and its record:
        // look once more shortly, rather than at the next listing, so that the line names the holder.
        this.viewAt = ahead && lock?.state === 'leased' && !lock.holder ? (0,clock/* monotonicNow */.X)() + RECORD_PAUSE_MS : Infinity;
        const predecessor = this.entry?.predecessor;
        if (predecessor &&
            lock?.state === 'leased' &&
            (0,queue_queue/* predecessorShown */.jg)(predecessor, { holderTicket: lock.holder?.ticket })) {
            this.entry.predecessor = undefined;
            this.head = true;
            this.listAt = (0,clock/* monotonicNow */.X)() + this.options.pacing.headListMs;
        }
        const sighting = { lock: lock?.state === 'missing' ? undefined : lock, ahead };
        return { kind: 'waiting', sighting, wakeAt: this.wakeAt() };
    }
    /**
     * When the next attempt is due: the next look (at the lock for the head, at
     * the queue for the others) or renewal. The head looks at the lock at its
     * own pace, so a second look planned before it became head no longer counts.
     */
    wakeAt() {
        if (this.head)
            this.viewAt = Infinity;
        const lookAt = this.head ? (0,clock/* monotonicNow */.X)() + between(this.options.pacing.headPollMs) : this.listAt;
        return Math.min(lookAt, this.listAt, this.viewAt, this.entry?.renewAt ?? Infinity);
    }
    /**
     * Passes over the first waiter ahead when it leaves the lock free for
     * longer than idleHeadMs, seen free at two looks at least: its job may hang
     * while its entry lives on. Passing over only lets us ask for the lease.
     */
    watchHead(lock) {
        const first = this.lastAhead?.[0];
        this.idleCheckAt = (0,clock/* monotonicNow */.X)() + idleHeadMs(this.options.leaseSeconds, this.options.pacing) / 4;
        if (lock.state === 'leased' || !first) {
            this.idleHead = undefined;
            return;
        }
        const now = (0,clock/* monotonicNow */.X)();
        if (this.idleHead?.ticket !== first.ticket) {
            this.idleHead = { ticket: first.ticket, since: now, looks: 1 };
            return;
        }
        this.idleHead.looks += 1;
        const idleMs = now - this.idleHead.since;
        if (idleMs < idleHeadMs(this.options.leaseSeconds, this.options.pacing) || this.idleHead.looks < 2)
            return;
        this.passedOver.add(first.ticket);
        this.idleHead = undefined;
        this.listAt = now; // list again at once: we may be the head now
        this.options.emit({ type: 'passed-over', ticket: first.ticket, waiter: first.waiter, idleMs });
    }
    /** Says once, for each, that an entry with an infinite lease is no waiter, and how to clear it. */
    tellSquatters(entries) {
        for (const entry of entries) {
            if (!(0,queue_queue/* isSquatter */.AB)(entry) || this.squattersTold.has(entry.ticket))
                continue;
            this.squattersTold.add(entry.ticket);
            this.options.emit({
                type: 'squatter',
                ticket: entry.ticket,
                waiter: entry.waiter,
                clearCommands: this.store.queue.clearCommands(entry.ticket),
            });
        }
    }
    /** The first attempt: one listing; nobody waiting means trying for the lease at once. */
    async fromOutside(call) {
        // The key's record is read in the first listing itself: on a free lock, no request is added before the acquire.
        const latestKey = this.latestKey();
        let look;
        try {
            look = await this.store.queue.look({ ...call(), limit: FIRST_LOOK_LIMIT, latestKey });
            // The first entries were all lapsed or squatters: read on, so that they do not hide an empty queue.
            const waiting = (entry) => (0,queue_queue/* isLive */.DG)(entry, look.serviceNow) && !(0,queue_queue/* isSquatter */.AB)(entry);
            if (!look.complete && !look.entries.some(waiting))
                look = await this.store.queue.look({ ...call(), latestKey });
        }
        catch (err) {
            if (!isListingRefused(err))
                throw err;
            // Waiting as before the queue, rather than not at all: say so, once.
            this.outside = true;
            this.options.emit({ type: 'outside-queue', error: err });
            return this.outsideQueue(call);
        }
        this.answered = true;
        if (this.guard) {
            // Arriving after a newer job of our key: leave before joining, and before any acquire.
            if (look.records)
                this.records = look.records;
            this.guard.checkQueue(look.entries, look.serviceNow, undefined);
            this.latestRead = look.latest ?? (await this.readLatest(call));
            this.guard.checkRecord(this.latestRead?.record);
        }
        this.tellSquatters(look.entries);
        const live = look.entries.filter((entry) => (0,queue_queue/* isLive */.DG)(entry, look.serviceNow) && !(0,queue_queue/* isSquatter */.AB)(entry));
        void this.sweep(look.entries.filter((entry) => !(0,queue_queue/* isLive */.DG)(entry, look.serviceNow)));
        if (live.length === 0 && look.complete) {
            const outcome = await this.acquire(call, { decided: true });
            if (outcome !== 'held-by-other')
                return outcome;
        }
        if (!this.options.willWait) {
            const lock = await this.store.view(call());
            return {
                kind: 'waiting',
                sighting: { lock: lock.state === 'missing' ? undefined : lock, ahead: live },
                wakeAt: 0,
            };
        }
        const [lock, ahead] = await Promise.all([this.store.view(call()), this.join(call)]);
        this.watchHead(lock);
        if (lock.state === 'leased' && !lock.holder)
            this.viewAt = (0,clock/* monotonicNow */.X)() + RECORD_PAUSE_MS;
        const sighting = { lock: lock.state === 'missing' ? undefined : lock, ahead };
        // At the head with the lock free (its holder let go meanwhile): look again at once.
        return { kind: 'waiting', sighting, wakeAt: this.head && lock.state !== 'leased' ? 0 : this.wakeAt() };
    }
    /**
     * Asks for the lease with our id (idempotent: it also re-confirms a lease
     * taken on an earlier try). A missing blob is created, and the attempt ends
     * to try again at once.
     */
    async acquire(call, { decided = false } = {}) {
        // A cancel that came while we looked: ask for nothing more.
        if (this.options.signal?.aborted)
            throw new errors/* LockCancelledError */.pw(`Cancelled while waiting for lock ${this.store.location}.`);
        // Superseded or stale is decided from a look taken just before: such a waiter never asks for the lease.
        if (this.guard && !decided)
            await this.decideLatest(call);
        if (this.options.signal?.aborted)
            throw new errors/* LockCancelledError */.pw(`Cancelled while waiting for lock ${this.store.location}.`);
        this.acquireTried = true;
        const sentAt = new Date();
        const sentMono = (0,clock/* monotonicNow */.X)();
        const outcome = await this.store.acquire(this.options.leaseId, this.options.leaseSeconds, call());
        this.acquired = outcome === 'acquired';
        if (outcome === 'acquired')
            return { kind: 'acquired', sentAt, sentMono, serviceNow: this.store.grantedAt };
        // A definite no: no lease of ours exists (an earlier try whose answer was lost included).
        this.acquireTried = false;
        if (outcome === 'held-by-other')
            return outcome;
        const created = await this.store.create(call());
        const slot = this.slot > 1 ? { slot: this.slot } : {};
        if (created !== 'nothing')
            this.options.emit({ type: 'created', what: created, ...slot });
        // Asked for again at once, in this attempt: ending it would cost the wait loop's pause (50 ms) on every new lock.
        if (created !== 'nothing' && !this.options.signal?.aborted) {
            this.acquireTried = true;
            const sentAt = new Date();
            const sentMono = (0,clock/* monotonicNow */.X)();
            const again = await this.store.acquire(this.options.leaseId, this.options.leaseSeconds, call());
            this.acquired = again === 'acquired';
            if (again === 'acquired')
                return { kind: 'acquired', sentAt, sentMono, serviceNow: this.store.grantedAt };
            this.acquireTried = false;
        }
        return { kind: 'waiting', sighting: {}, wakeAt: 0, tried: false };
    }
    /** Takes a ticket, writes our entry and leases it, then lists the queue up to it. */
    async join(call, previousTicket) {
        const leaseId = (0,external_node_crypto_.randomUUID)();
        let claim;
        let entered;
        let tries = 0;
        do {
            try {
                claim = await this.store.queue.claimTicket(call());
            }
            catch (err) {
                // The container is gone (storage lost its data, or someone deleted it): start again from outside.
                if ((0,errors/* storageErrorCode */.t6)(err) === 'ContainerNotFound')
                    return [];
                throw err;
            }
            // Our entry publishes the lease id we will hold the lock under, so that a holder can hand the lease to us.
            const publish = this.options.leaseId;
            entered = await this.store.queue.enter(claim.ticket, this.options.who, leaseId, this.options.leaseSeconds, call(), publish, this.priority);
            // 'taken': an entry of that ticket that this action did not hand out; the next ticket is free.
        } while (entered === 'taken' && ++tries < MAX_TAKEN_TICKETS);
        if (entered === 'taken')
            throw new errors/* LockError */.Ku(`The queue of lock ${this.store.location} holds entries this action did not write.`);
        // The container is gone: start again from outside, which creates it.
        if (entered === 'missing')
            return [];
        this.entry = {
            ticket: claim.ticket,
            leaseId,
            renewAt: (0,clock/* monotonicNow */.X)() + (this.options.leaseSeconds * 1000) / 3,
            // Our own earlier ticket (when joining again) is not waited for.
            predecessor: claim.ticket - 1 === previousTicket ? undefined : (0,queue_queue/* recentPredecessor */.JX)(claim, (0,clock/* monotonicNow */.X)()),
        };
        return this.lookAtQueue(call, { justJoined: true });
    }
    /** Renews our entry's lease when it is due; a lost entry means joining again, at the back. */
    async keepEntry(call) {
        const entry = this.entry;
        if (!entry || (0,clock/* monotonicNow */.X)() < entry.renewAt)
            return;
        let renewed;
        try {
            renewed = await this.store.queue.renewEntry(entry.ticket, entry.leaseId, call());
        }
        catch (err) {
            if (!(0,errors/* isTransient */.dg)(err))
                throw err;
            entry.renewAt = (0,clock/* monotonicNow */.X)() + 1_000; // two more chances at least before the lease lapses
            return;
        }
        if (renewed === 'renewed') {
            entry.renewAt = (0,clock/* monotonicNow */.X)() + (this.options.leaseSeconds * 1000) / 3;
            return;
        }
        await this.rejoin(call);
    }
    async rejoin(call) {
        const previous = this.entry?.ticket;
        this.entry = undefined;
        this.head = false;
        this.options.emit({ type: 'rejoined', waitedMs: this.options.waitedMs() });
        return this.join(call, previous);
    }
    /** Lists the queue up to our entry: who is ahead, whether we are the head; lapsed entries ahead are swept. */
    async lookAtQueue(call, { justJoined = false } = {}) {
        const entry = this.entry;
        if (!entry)
            return [];
        // With a key, the whole queue: a newer job of the key may wait behind us. Without, up to our
        // entry's page: that page (100 entries) also shows the high-priority waiters that joined after
        // us and go ahead of us (priority.ts); reading on to the end made every listing slower.
        const look = await this.store.queue.look({
            ...call(),
            upTo: this.guard ? undefined : entry.ticket,
            latestKey: this.latestKey(),
        });
        this.listedAt = (0,clock/* monotonicNow */.X)();
        if (look.records)
            this.records = look.records;
        this.guard?.checkQueue(look.entries, look.serviceNow, entry.ticket);
        const standing = (0,queue_queue/* standingOf */.YP)(look, entry.ticket, this.passedOver, { priority: this.priority, holding: this.holding });
        // Our entry was removed (its lease had lapsed): join again. Not twice in one attempt, whatever storage says.
        if (!standing.mine && !justJoined)
            return this.rejoin(call);
        void this.sweep(standing.lapsed);
        this.tellSquatters(standing.squatters);
        this.tellPriorities(look.entries, standing.ahead);
        this.listed = new Map(look.entries.map((listed) => [listed.ticket, listed]));
        this.lastAhead = standing.ahead;
        const predecessor = entry.predecessor;
        if (predecessor && ((0,queue_queue/* predecessorShown */.jg)(predecessor, look) || (0,clock/* monotonicNow */.X)() >= predecessor.until)) {
            entry.predecessor = undefined;
        }
        this.head = standing.ahead.length === 0 && entry.predecessor === undefined;
        const { pacing } = this.options;
        const pause = this.head
            ? pacing.headListMs
            : between(standing.ahead.length === 1 ? pacing.onDeckPollMs : pacing.queuePollMs);
        // Not at the head only because a ticket before ours has no entry yet: look again as often as the head.
        const pending = entry.predecessor !== undefined && standing.ahead.length === 0;
        const keyed = this.guard ? Math.min(pause, between(pacing.latestListMs ?? LATEST_LIST_MS)) : pause;
        this.listAt = (0,clock/* monotonicNow */.X)() + (pending ? between(this.options.pacing.headPollMs) : keyed);
        return standing.ahead;
    }
    /**
     * Without the queue: look at the lock, and take it when it is free, as a
     * client that does not queue would. Such a waiter gets the lock only when
     * it wins a race, and it looks less often than the head, so that it does
     * not crowd out the waiters that wait in turn.
     */
    async outsideQueue(call) {
        const lock = await this.store.view(call());
        this.answered = true;
        if (lock.state === 'missing' || lock.state === 'free') {
            const outcome = await this.acquire(call);
            if (outcome !== 'held-by-other')
                return outcome;
        }
        const sighting = { lock: lock.state === 'leased' ? lock : undefined };
        return { kind: 'waiting', sighting, wakeAt: (0,clock/* monotonicNow */.X)() + between(this.options.pacing.outsidePollMs) };
    }
    get priority() {
        return this.options.priority ?? 'normal';
    }
    /**
     * Whether a normal head is still the head, as it takes a free lock: the
     * head lists the queue seldom, and a high-priority waiter that joined since
     * goes ahead of it. A listing from this attempt, or a moment ago, stands;
     * a high-priority head needs none (a later waiter never goes ahead of it).
     */
    async stillHead(call, ahead) {
        const entry = this.entry;
        if (!entry || this.priority === 'high' || ahead !== undefined)
            return true;
        if ((0,clock/* monotonicNow */.X)() - this.listedAt < RELIST_BEFORE_TAKING_MS)
            return true;
        // Only a look for high-priority waiters ahead: the rest of the line is as the last listing left it,
        // and a lapsed entry of our own is not joined again here (the lock is being taken).
        const look = await this.store.queue.look(call());
        this.listedAt = (0,clock/* monotonicNow */.X)();
        const me = { ticket: entry.ticket, priority: this.priority };
        const passed = look.entries.some((other) => (0,priority/* priorityOf */.a2)(other) === 'high' &&
            other.ticket !== entry.ticket &&
            (0,queue_queue/* isLive */.DG)(other, look.serviceNow) &&
            !(0,queue_queue/* isSquatter */.AB)(other) &&
            !this.passedOver.has(other.ticket) &&
            (0,priority/* goesBefore */.i_)(other, me, this.holding));
        // Passed: the next attempt lists the queue as usual, to stand in line and say so.
        if (passed) {
            this.head = false;
            this.listAt = (0,clock/* monotonicNow */.X)();
        }
        return !passed;
    }
    /**
     * A lease taken while a high-priority waiter that joined since our last
     * listing stood ahead of us is given back at once, for it to take: we never
     * hold it (no record, no token), and the lease alone decides who does.
     */
    async unlessPassed(outcome, stillHead) {
        if (outcome.kind !== 'acquired' || !stillHead || (await stillHead.catch(() => true)))
            return outcome;
        await this.giveBack();
        return { kind: 'waiting', sighting: { ahead: this.lastAhead }, wakeAt: this.wakeAt() };
    }
    /**
     * Says once per entry: a high-priority waiter that joined after us went
     * ahead of us, and a priority that is neither normal nor high (it counts as
     * normal).
     */
    tellPriorities(entries, ahead) {
        for (const entry of (0,priority/* joinedAhead */.pk)(ahead, this.entry?.ticket ?? Infinity))
            this.tellJump(entry.ticket, entry.waiter);
        for (const entry of entries) {
            if (entry.malformedPriority === undefined || this.malformedTold.has(entry.ticket))
                continue;
            this.malformedTold.add(entry.ticket);
            this.options.emit({
                type: 'malformed-priority',
                ticket: entry.ticket,
                waiter: entry.waiter,
                value: entry.malformedPriority,
            });
        }
    }
    /** Says once that the waiter of `ticket`, which joined after us, went ahead of us: only a high-priority one can. */
    tellJump(ticket, waiter) {
        if (this.priority === 'high' || !this.entry || ticket <= this.entry.ticket || this.jumpsTold.has(ticket))
            return;
        this.jumpsTold.add(ticket);
        this.options.emit({ type: 'high-priority-ahead', ticket, waiter });
    }
    /**
     * Notes who holds the lock or was handed it, from a look at it. A ticket
     * later than ours there went ahead of us: the holder hands the lease to the
     * head of the line, so that waiter was a high-priority one. A head lists
     * the queue seldom and may never have seen its entry, so this is how it
     * learns. Told once its waiter is known: from the holder record, or from
     * our last listing.
     */
    noteHolding(lock) {
        this.holding = holdingOf(lock);
        if (lock.state !== 'leased')
            return;
        for (const ticket of this.holding) {
            const record = lock.holder?.ticket === String(ticket) ? lock.holder : undefined;
            const waiter = record ?? this.listed.get(ticket)?.waiter;
            if (record || this.listed.has(ticket))
                this.tellJump(ticket, waiter);
        }
    }
    /** The lock's last holder handed its lease to our entry: it is already under our id. */
    handedToUs(lock) {
        const handed = lock.state === 'leased' && this.entry !== undefined && lock.handedTo === this.entry.ticket;
        this.handed ||= handed;
        return handed;
    }
    /**
     * At the head: look at the lock, and take it when it is free, when it was
     * handed to us, or when the hold on it has expired. The acquire decides
     * latest wins first (acquire), after a hold is ended as before any acquire.
     */
    async asHead(call, ahead) {
        const lock = await this.store.view(call());
        if (lock.state === 'leased' && (await this.endExpiredHold(lock, call))) {
            const outcome = await this.acquire(call);
            if (outcome !== 'held-by-other')
                return outcome;
        }
        this.noteHolding(lock);
        // Handed to another waiter: the order changed (a high-priority waiter joined ahead): list again next time.
        if (lock.state === 'leased' && lock.handedTo !== undefined && !this.handedToUs(lock))
            this.listAt = (0,clock/* monotonicNow */.X)();
        // A free lock: a normal head with an old listing checks the line beside its acquire (before it
        // would add a round trip to every take), as a high-priority waiter may have joined ahead of it.
        const stillHead = lock.state === 'leased' ? undefined : this.stillHead(call, ahead);
        stillHead?.catch(() => undefined); // awaited below; an acquire that fails first must not leave it unhandled
        // Free, or handed to us by the last holder (handover.ts): our acquire takes it, with the id we published.
        if (lock.state === 'missing' || lock.state === 'free' || this.handedToUs(lock)) {
            const outcome = await this.acquire(call);
            // 'held-by-other': lost a race to a client that does not queue; it holds the lease now.
            if (outcome !== 'held-by-other')
                return this.unlessPassed(outcome, stillHead);
        }
        await stillHead?.catch(() => undefined);
        const sighting = { lock: lock.state === 'leased' ? lock : undefined, ahead };
        return { kind: 'waiting', sighting, wakeAt: this.wakeAt() };
    }
    /**
     * The head ends a hold whose end has come (hold.ts), by the service's clock
     * in the same answer that showed it: the store releases the hold's lease
     * only if the blob is still as that answer showed it, and under the lease id
     * its record names. True when it ended the hold.
     */
    async endExpiredHold(lock, call) {
        const hold = lock.hold;
        if (!hold || !(0,deploy_hold/* holdExpired */.Tv)(hold, lock.serviceNow))
            return false;
        const endedAt = lock.serviceNow ?? new Date();
        const note = (0,break_record/* newBreakRecord */.po)(this.options.who, 'the hold reached its end', endedAt, lock.holder);
        if ((await this.store.endHold(lock, note, call())) !== 'ended')
            return false;
        this.options.emit({ type: 'hold-ended', hold, endedAt });
        return true;
    }
    /**
     * One attempt on a lock with slots (slots.ts): one look at the queue and
     * every slot together. A waiter takes a slot handed to it, or the free slot
     * at its own place among the first k waiters not yet served, k being the
     * free slots. Holds and latest wins are refused with slots before any
     * waiting (inputs).
     *
     * How often it looks follows its standing, the waiters ahead of it that are
     * not served yet: under N, a slot may be its own at the next release, so it
     * looks at the pace of a head (slottedHeadMs); from N to 3N - 1 it is in the
     * next two rounds, and looks as the waiter right behind a head does, so that
     * it knows its standing before its round comes (with equal holds a whole
     * round frees at once); further back, as the queue does. Beyond N, the listing alone: slot 1's HEAD is
     * added only when the listing shows that a slot may be ours.
     */
    async slottedAttempt(call, slots) {
        // No lease is asked for before the lock's number of slots is known to be ours.
        await slots.agree(call());
        if (this.acquireTried && this.chosen) {
            // An acquire whose answer was lost: ask again for the same slot (idempotent), never for a second one.
            const outcome = await this.acquire(call, { decided: true });
            if (outcome !== 'held-by-other')
                return outcome;
            this.chosen = undefined;
        }
        if (this.entry)
            await this.keepEntry(call);
        if (this.entry && (0,clock/* monotonicNow */.X)() < this.listAt) {
            return { kind: 'waiting', sighting: {}, wakeAt: Math.min(this.listAt, this.entry.renewAt) };
        }
        // A newcomer, and a waiter that stood within N at its last look, look at slot 1 as well.
        const withLock = !this.entry || (this.slotStanding ?? 0) <= slots.count;
        let look = await slots.look(call(), { lock: withLock });
        this.answered = true;
        let standing = this.slottedStanding(look);
        if (standing === 'rejoin') {
            await this.rejoin(call);
            return { kind: 'waiting', sighting: {}, wakeAt: 0 };
        }
        // The listing shows that a slot may be ours: look at slot 1 too before deciding. Its last
        // state may hide at most one served waiter ahead of us, hence N, not N - 1.
        if (!look.lockSeen && standing.count <= slots.count) {
            look = await slots.look(call());
            standing = this.slottedStanding(look);
            if (standing === 'rejoin') {
                await this.rejoin(call);
                return { kind: 'waiting', sighting: {}, wakeAt: 0 };
            }
        }
        const { ahead, count: standingAhead } = standing;
        const entry = this.entry;
        this.slotStanding = standingAhead;
        this.lastAhead = ahead;
        const pick = (0,queue_slots/* slotToTake */.z4)(look.slots, standingAhead, entry?.ticket);
        if (pick) {
            this.chosen = { slot: pick.slot, store: slots.open(pick.slot) };
            const outcome = await this.acquire(call, { decided: true });
            if (outcome !== 'held-by-other' && outcome.kind === 'acquired' && entry) {
                // Two holders that let go at once may both have handed us their slot: the other goes on
                // to the next waiter now, beside our take (which awaits it), not after it.
                const extra = look.slots.filter((s) => s.slot !== pick.slot && s.state === 'leased' && s.handedTo === entry.ticket);
                this.passingOn = Promise.all(extra.map((s) => passOn(slots.open(s.slot), this.options.leaseId, entry.ticket, { timeoutMs: TIDY_TIMEOUT_MS })));
            }
            if (outcome !== 'held-by-other')
                return outcome;
            // A client that does not queue took it first.
            this.chosen = undefined;
        }
        const free = look.slots.filter((s) => s.state !== 'leased').length;
        // The first waiter ahead that leaves a slot free for too long is passed over, as a head would be.
        if (entry)
            this.watchHead(free > 0 ? { state: 'free', staleHolder: undefined } : { state: 'leased', holder: undefined, infinite: false });
        const shown = look.slots.find((s) => s.state === 'leased');
        const sighting = {
            lock: free > 0 || !shown
                ? { state: 'free', staleHolder: undefined }
                : { state: 'leased', holder: shown.holder, infinite: shown.infinite ?? false },
            ahead,
            slots: (0,queue_slots/* slotsHeld */.$h)(look.slots),
        };
        if (!entry) {
            if (!this.options.willWait)
                return { kind: 'waiting', sighting, wakeAt: 0 };
            await this.join(call);
            this.head = false;
        }
        const { pacing } = this.options;
        this.listAt =
            (0,clock/* monotonicNow */.X)() +
                (standingAhead < slots.count
                    ? slottedHeadMs(pacing)
                    : between(standingAhead < 3 * slots.count ? pacing.onDeckPollMs : pacing.queuePollMs));
        return { kind: 'waiting', sighting, wakeAt: Math.min(this.listAt, this.entry?.renewAt ?? Infinity) };
    }
    /**
     * Where a look at the slots puts us: the live waiters ahead in the order of
     * the line, and how many of them (with a ticket just before ours whose entry
     * may be on its way) are not served yet (servedTickets), which is what
     * decides whether a free slot is ours. 'rejoin' when our entry is gone.
     */
    slottedStanding(look) {
        const { queue } = look;
        this.tellSquatters(queue.entries);
        let ahead;
        const entry = this.entry;
        if (entry) {
            const standing = (0,queue_queue/* standingOf */.YP)(queue, entry.ticket, this.passedOver, { priority: this.priority });
            if (!standing.mine)
                return 'rejoin';
            void this.sweep(standing.lapsed);
            ahead = standing.ahead;
            const predecessor = entry.predecessor;
            if (predecessor && ((0,queue_queue/* predecessorShown */.jg)(predecessor, queue) || (0,clock/* monotonicNow */.X)() >= predecessor.until)) {
                entry.predecessor = undefined;
            }
        }
        else {
            // A newcomer stands behind every live waiter, except that a high-priority one passes the normal ones.
            const me = { ticket: Infinity, priority: this.priority };
            ahead = (0,priority/* lineOrder */.PJ)(queue.entries.filter((e) => (0,queue_queue/* isLive */.DG)(e, queue.serviceNow) && !(0,queue_queue/* isSquatter */.AB)(e) && !this.passedOver.has(e.ticket) && (0,priority/* goesBefore */.i_)(e, me)));
            void this.sweep(queue.entries.filter((e) => !(0,queue_queue/* isLive */.DG)(e, queue.serviceNow)));
        }
        const served = (0,queue_slots/* servedTickets */.V4)(look.slots);
        // A ticket just before ours whose entry may still be on its way stands ahead of us too.
        const count = ahead.filter((e) => !served.has(e.ticket)).length + (entry?.predecessor ? 1 : 0);
        return { ahead, count };
    }
    /**
     * The lease is ours: write our holder record, take the next fencing token,
     * and leave the queue, all at once. Returns the record as written and the token.
     */
    async take(record, call) {
        // Our ticket goes on the record: a waiter right behind us that missed our entry learns from it that we came.
        const written = this.entry ? { ...record, ticket: String(this.entry.ticket) } : record;
        // Side by side: the record write waits for the token only to keep it on the lock blob as well.
        const token = this.store.nextFencingToken(call());
        const [, fencingToken] = await Promise.all([
            this.store.writeHolder(this.options.leaseId, written, call(), token),
            token,
            this.recordLatest(written, call),
            this.passingOn?.catch(() => undefined),
        ]);
        this.passingOn = undefined;
        const ticket = this.entry?.ticket;
        // Only now: if the record or the token failed, we stay in line for another try (waiter.ts keeps the lease).
        await this.leaveAsHolder(call);
        this.acquired = false;
        const slots = this.options.store.slotted;
        if (slots && ticket !== undefined)
            await this.returnStrays(slots, ticket);
        return { record: written, fencingToken };
    }
    /**
     * With slots, two holders that let go at once may both hand their lease to
     * the head (handover.ts), or one may hand it over as the head takes a free
     * slot: the head then holds a second slot that nobody renews. Once out of
     * the queue (no holder hands us anything after its next look), one look
     * finds such a slot, and it is passed on at once (pass-on.ts: handed to the
     * first waiter not yet served, else released) rather than left to lapse.
     * Best effort: a slot missed here lapses within one lease duration.
     */
    async returnStrays(slots, ticket) {
        await this.passOnHanded(slots, ticket, { keep: this.slot, timeoutMs: TIDY_TIMEOUT_MS });
    }
    /**
     * Passes on (pass-on.ts) every slot that one look shows handed to our
     * ticket, but `keep`, and `also`, a slot whose acquire we tried. Azure
     * refuses the change of a lease that is not under our id, so nobody else's
     * slot is touched. Best effort: a slot missed here lapses by itself.
     */
    async passOnHanded(slots, ticket, which) {
        const ours = new Set(which.also === undefined ? [] : [which.also]);
        if (which.timeoutMs >= MIN_LOOK_MS) {
            const look = await slots.look({ timeoutMs: which.timeoutMs }).catch(() => undefined);
            for (const s of look?.slots ?? [])
                if (s.state === 'leased' && s.handedTo === ticket)
                    ours.add(s.slot);
        }
        if (which.keep !== undefined)
            ours.delete(which.keep);
        await Promise.all([...ours].map((slot) => passOn(slots.open(slot), this.options.leaseId, ticket, { timeoutMs: TIDY_TIMEOUT_MS })));
    }
    /** Starts reading our key's record, for a waiter with a key that can read it. */
    readLatest(call) {
        if (!this.guard || !this.store.latest)
            return undefined;
        return this.store.latest.read(this.guard.spec.key, call());
    }
    /** The key whose record a listing of the queue reads as well; undefined without a key, or a store of records. */
    latestKey() {
        return this.guard && this.store.latest ? this.guard.spec.key : undefined;
    }
    /**
     * Just before an acquire: one listing of the whole queue, which reads our
     * key's record too (a separate read only when it did not reach it). Throws
     * when we are superseded or stale. A waiter outside the queue (it may not
     * list) reads the record alone, and can only be stale.
     */
    async decideLatest(call) {
        const guard = this.guard;
        let latest;
        if (!this.outside) {
            const look = await this.store.queue.look({ ...call(), latestKey: this.latestKey() });
            if (look.records)
                this.records = look.records;
            guard.checkQueue(look.entries, look.serviceNow, this.entry?.ticket);
            latest = look.latest;
        }
        this.latestRead = latest ?? (await this.readLatest(call));
        guard.checkRecord(this.latestRead?.record);
    }
    /**
     * Under the lease: raises our key's record to our sequence. The write is
     * conditional on the record read before the acquire; if another write came
     * between (a newer job that held and left in that moment), it is read again
     * and decided again, and a stale lease is given back by the caller.
     */
    async recordLatest(record, call) {
        const guard = this.guard;
        const latest = this.store.latest;
        if (!guard || !latest)
            return;
        let read = this.latestRead ?? (await latest.read(guard.spec.key, call()));
        for (let tries = 0; tries < 3; tries++) {
            guard.checkRecord(read.record);
            const same = read.record?.supersedeKey === guard.spec.key;
            // A re-run of the job that holds the record: it says so already.
            if (same && (0,deploy_latest/* parseSequence */.rd)(read.record?.sequence) === guard.spec.sequence)
                return;
            if ((await latest.write(guard.spec.key, record, read.etag, call())) === 'written')
                return;
            read = await latest.read(guard.spec.key, call());
        }
        throw new errors/* LockError */.Ku(`The record of the supersede key of lock ${this.store.location} keeps changing; try again.`);
    }
    /**
     * Gives back the lease we took, when taking the lock could not be finished
     * (the record or the fencing token failed): a job never waits, or tries
     * again, while it holds the lease. Our place in the queue is kept.
     */
    async giveBack() {
        if (!this.acquireTried)
            return;
        const released = await this.store
            .release(this.options.leaseId, { timeoutMs: TIDY_TIMEOUT_MS })
            .then(() => true)
            .catch(() => false);
        this.acquired = false;
        // A release that failed is tried again when the wait ends (abandon).
        this.acquireTried = !released;
    }
    /** Every key's record the last listing read; undefined for a waiter without a key. */
    get recordsSeen() {
        return this.records;
    }
    /** The live waiters ahead at the last listing; undefined before one. */
    get aheadCount() {
        return this.lastAhead?.length;
    }
    /**
     * Leaves the queue as we take the lock. Unlike leave(), this must succeed: an
     * entry left behind stays leased for up to a lease duration, and the holders
     * after us would take it for the head of the line and hand the lease to it,
     * where nobody takes it, so the lock would lie idle until it lapsed. A refusal
     * that passes fails the take like a refused token (waiter.ts keeps the lease
     * and takes again). Any other would come again, and is left as before: a
     * credential that may not delete gives the entry's lease back instead
     * (queue-blobs.ts), and an entry without a lease is no waiter.
     */
    async leaveAsHolder(call) {
        const entry = this.entry;
        if (!entry)
            return;
        try {
            await this.store.queue.leave(entry.ticket, entry.leaseId, call());
        }
        catch (err) {
            if ((0,errors/* isTransient */.dg)(err))
                throw err;
        }
        this.entry = undefined;
    }
    /** Leaves the queue, if we are in it. Best effort and bounded: a leftover entry lapses by itself. */
    async leave(timeoutMs = TIDY_TIMEOUT_MS) {
        const entry = this.entry;
        if (!entry)
            return;
        this.entry = undefined;
        await this.store.queue.leave(entry.ticket, entry.leaseId, { timeoutMs }).catch(() => undefined);
    }
    /**
     * The wait ends without success: leave the queue, and give back a lease we
     * may hold. At or next to the head, the last holder may have handed us its
     * lease without our knowing (handover.ts): one look at the lock (which
     * carries no lease id of ours) tells. A lease that is, or may be, ours is
     * passed on to the next head at once (pass-on.ts), after our entry is gone,
     * so that the lock does not sit idle until that lease lapses.
     *
     * `until` (monotonic): when the wait is past its deadline, the end of its
     * grace, which the whole tidy-up ends by (LEAST_TIDY_MS at the least for
     * each step), so that `timeout` holds on a stalled network too.
     */
    async abandon(until) {
        const ticket = this.entry?.ticket;
        const nearHead = ticket !== undefined && (this.head || (this.lastAhead?.length ?? Infinity) <= 1);
        // Leaving and the look share one tidy budget, so that a stalled network adds it to the wait once, not twice.
        const tidyUntil = until ?? (0,clock/* monotonicNow */.X)() + TIDY_TIMEOUT_MS;
        const budget = () => Math.max(LEAST_TIDY_MS, Math.round(tidyUntil - (0,clock/* monotonicNow */.X)()));
        await this.leave(budget());
        let mayHold = this.acquireTried || this.handed;
        const left = Math.round(tidyUntil - (0,clock/* monotonicNow */.X)());
        const slots = this.options.store.slotted;
        if (slots && ticket !== undefined) {
            // Any slot may have been handed to us (the first waiter not yet served): the look is at every slot.
            await this.passOnHanded(slots, ticket, { also: mayHold ? this.slot : undefined, timeoutMs: left });
            this.acquireTried = false;
            return;
        }
        if (!mayHold && nearHead && this.store.letGo && left >= MIN_LOOK_MS) {
            const lock = await this.store.view({ timeoutMs: left }).catch(() => undefined);
            mayHold = lock?.state === 'leased' && lock.handedTo === ticket;
        }
        if (!mayHold)
            return;
        const passOnMs = until === undefined ? TIDY_TIMEOUT_MS : budget();
        await passOn(this.store, this.options.leaseId, ticket, { timeoutMs: passOnMs });
        this.acquireTried = false;
    }
    /**
     * Removes entries whose waiters are gone. Not awaited by the attempt: it is
     * housekeeping. A credential that may not delete (a SAS without 'd') is
     * refused quietly by every sweep: said once, as lapsed entries then pile up.
     */
    async sweep(lapsed) {
        await Promise.all(lapsed.map((entry) => this.store.queue.sweep(entry.ticket, { timeoutMs: TIDY_TIMEOUT_MS }).catch((err) => {
            if ((0,errors/* statusCode */.se)(err) !== 403 || this.sweepRefusedTold)
                return;
            this.sweepRefusedTold = true;
            this.options.emit({ type: 'sweep-refused', error: err });
        })));
    }
}

// EXTERNAL MODULE: ./src/lock/duration.ts
var duration = __webpack_require__(6307);
// EXTERNAL MODULE: ./src/lock/holder.ts
var lock_holder = __webpack_require__(7053);
// EXTERNAL MODULE: ./src/lock/request.ts
var request = __webpack_require__(4034);
// EXTERNAL MODULE: ./src/lock/deploy/latest-seen.ts
var latest_seen = __webpack_require__(4422);
;// CONCATENATED MODULE: ./src/lock/wait-report.ts
// The waiter's reporting: what each attempt saw goes in, and out come the few
// events worth a line in the log: when waiting starts, when the waiter's place
// in line or the holder changes, every so often while nothing changes, and
// once for a lease that never ends by itself. No storage, no wording: the
// action layer words the events.


/**
 * How long a holder has held the lock: from the time on its record to the
 * service's clock at the look. The record's time is the service's when the
 * holder's clock disagreed with it (waiter.ts, grantTime), so no runner's clock
 * is in it. Undefined when the record says no readable time.
 */
function heldFor(record, serviceNow) {
    const since = record ? Date.parse(record.acquiredAt) : NaN;
    if (!serviceNow || Number.isNaN(since))
        return undefined;
    return Math.max(0, serviceNow.getTime() - since);
}
class WaitReport {
    options;
    /** The holder as last believed for the lines; undefined while the lock is free or not yet seen. */
    seen;
    /** The holder at the last look, believed or not yet. */
    latest;
    heldAtLastLook = false;
    ahead = [];
    records;
    queued = false;
    reportedAhead;
    reportedHolder;
    lastLineAt = 0;
    started = false;
    infiniteTold = false;
    /** A lease without a record was seen once: believed the second time (a new holder writes its record just after). */
    unknownOnce = false;
    /** Records seen on a free blob: their holder's lease lapsed, so a record-less client that leases it next is not them. */
    stale = new Set();
    firstPosition;
    looked;
    slots;
    longWaitTold = false;
    /** How long the holder at the last settled look had held the lock, by the service's clock. */
    heldMs;
    constructor(options) {
        this.options = options;
    }
    /** The holder at the last look that saw the lock leased, for the timeout message. */
    get holder() {
        return this.latest;
    }
    /** The last look at the lock: when (the `now` of see), and the holder it saw, or undefined for a free lock. */
    get lastLook() {
        return this.looked;
    }
    /** The place in line of the first line; undefined when no line was due (the lock was taken at once). */
    get arrivalPosition() {
        return this.firstPosition;
    }
    /** Whether a look at the lock would make a line now: the first one, a new place in line, or one that is due. */
    wantsHolder(aheadCount, now) {
        return (!this.started ||
            aheadCount !== this.reportedAhead ||
            now - this.lastLineAt >= this.options.progressEveryMs ||
            now >= this.longWaitAt);
    }
    /** When the long-wait warning is due (monotonic); Infinity once told, or when there is none. */
    get longWaitAt() {
        const { warnAfterMs, startedAt } = this.options;
        if (this.longWaitTold || warnAfterMs === undefined || startedAt === undefined)
            return Infinity;
        return startedAt + warnAfterMs;
    }
    place() {
        const holder = this.heldAtLastLook ? this.seen : undefined;
        const ahead = this.ahead.map((entry) => entry.waiter);
        const keys = [this.options.ownKey, holder?.record?.supersedeKey, ...ahead.map((who) => who?.supersedeKey)];
        const lastHeld = this.records ? (0,latest_seen/* lastHeldFor */.RO)(this.records, keys) : [];
        return {
            position: 1 + this.ahead.length + (this.heldAtLastLook ? 1 : 0),
            holder,
            ahead,
            queued: this.queued,
            ...(lastHeld.length > 0 ? { lastHeld } : {}),
            ...(this.slots ? { slots: this.slots } : {}),
        };
    }
    /** Takes in one attempt's sighting; returns the events it makes, in order. */
    see(sighting, waitedMs, now) {
        const events = [];
        let settled = sighting.lock === undefined;
        const lock = sighting.lock;
        if (lock?.state === 'free') {
            if (lock.staleHolder)
                this.stale.add((0,lock_holder/* holderKey */.I4)(lock.staleHolder));
            this.unknownOnce = false;
            this.heldAtLastLook = false;
            settled = true;
        }
        else if (lock?.state === 'leased') {
            const record = lock.holder && !this.stale.has((0,lock_holder/* holderKey */.I4)(lock.holder)) ? lock.holder : undefined;
            this.latest = {
                record,
                freshness: record ? (0,lock_holder/* freshnessOf */.T5)(record, lock.modifiedAt, lock.serviceNow) : { kind: 'unknown-age' },
                infinite: lock.infinite,
                ...(lock.hold ? { hold: lock.hold } : {}),
            };
            // A lease without a record is also what a handoff looks like for a few ms.
            settled = record !== undefined || this.unknownOnce;
            this.unknownOnce = record === undefined;
            if (settled) {
                this.seen = this.latest;
                this.heldAtLastLook = true;
                this.heldMs = heldFor(record, lock.serviceNow);
                if (lock.infinite && this.options.noTimeLimit && !this.infiniteTold) {
                    this.infiniteTold = true;
                    events.push({ type: 'infinite-lease', holder: this.seen, breakCommand: this.options.breakCommand });
                }
            }
        }
        if (lock)
            this.looked = { at: now, holder: lock.state === 'leased' ? this.latest : undefined };
        if (sighting.records)
            this.records = sighting.records;
        if (sighting.slots)
            this.slots = sighting.slots;
        if (sighting.ahead) {
            this.ahead = sighting.ahead;
            this.queued = true;
        }
        // Lines wait for a settled look at the lock made by the same attempt, so that they name the
        // holder of now: an attempt that only renewed its entry or listed the queue says nothing.
        if (!settled || !lock)
            return events;
        const place = this.place();
        if (now >= this.longWaitAt) {
            this.longWaitTold = true;
            const warnAfterMs = this.options.warnAfterMs;
            events.push({ type: 'long-wait', place, waitedMs, warnAfterMs, heldMs: place.holder ? this.heldMs : undefined });
        }
        // With slots, a new set of holders is a new holder for the lines.
        const holderKeyNow = place.slots
            ? place.slots.held.map(({ slot, holder }) => `${slot}:${(0,lock_holder/* holderKey */.I4)(holder)}`).join(',')
            : (0,lock_holder/* holderSeenKey */.z)(place.holder);
        let type;
        if (!this.started)
            type = 'waiting';
        else if (this.ahead.length !== this.reportedAhead)
            type = 'moved';
        else if (lock && (place.holder || place.slots) && holderKeyNow !== this.reportedHolder)
            type = 'holder-changed';
        else if (now - this.lastLineAt >= this.options.progressEveryMs)
            type = 'still-waiting';
        if (!type)
            return events;
        events.push({ type, place, waitedMs });
        this.started = true;
        this.firstPosition ??= place.position;
        this.reportedAhead = this.ahead.length;
        if (lock)
            this.reportedHolder = holderKeyNow;
        this.lastLineAt = now;
        return events;
    }
}

;// CONCATENATED MODULE: ./src/lock/waiter.ts
// The wait loop: wakes the waiter for one attempt at a time (attempt.ts),
// feeds what each attempt saw to the reporting (wait-report.ts), and owns the
// rest: the time limit, the cancel, the requests' deadlines, and riding out a
// storage service that fails for a while. Whatever ends the wait, the waiter
// leaves the queue before this returns.










/**
 * How far past its deadline a wait may run, so that `timeout` holds within
 * about a second whether or not storage answers. A request sent before the
 * deadline has until REQUEST_GRACE_MS past it to be answered, by its own
 * deadline ("no answer within 2.4 s"); the attempt is cut at CUT_GRACE_MS past
 * it, after any such request has ended by its own; the timeout's last look at
 * the lock has until LAST_LOOK_GRACE_MS past it, and the tidy-up after it
 * (leaving the queue, passing on a lease that may be ours) the rest, up to
 * END_GRACE_MS (or the little that attempt.ts gives it at the least).
 * Measured with the network stalling mid-wait, `timeout: 5` ended the step
 * after 8.9-9.7 s before these (2 s of grace, then a 2 s last look and 2 s
 * each to leave and to pass on); see docs/measurements.md for after.
 */
const REQUEST_GRACE_MS = 500;
const CUT_GRACE_MS = 700;
const LAST_LOOK_GRACE_MS = 500;
const END_GRACE_MS = 1_000;
/**
 * A wait shorter than this (`timeout: 0` tries once) still gives its one try
 * this long: on a busy machine the first requests of a process can take a
 * second or more.
 */
const LEAST_TRY_MS = 2_000;
/**
 * Until storage has answered once, a request that gets no answer may mean a
 * wrong endpoint, or a machine or network too busy to answer yet: a hundred
 * jobs that start at once on a loaded machine, a runner whose network comes up
 * late. Such failures are tried again, with a warning, for up to this long
 * (or the wait's timeout, when that is shorter); then the last of them ends
 * the wait, naming the endpoint. Before, the first one ended it: 31 of 100
 * jobs started together failed at once with "no answer within 10 s".
 * Failures that say nobody is there end it at once, after the SDK's own
 * tries, as before: see saysNobodyIsThere.
 */
const FIRST_CONTACT_MS = 60_000;
/**
 * A failure without an answer that says the endpoint is not there: nothing
 * listens at that address (ECONNREFUSED), its name does not exist (ENOTFOUND),
 * or whatever is there cuts the connection (ECONNRESET). A busy machine or
 * network does not answer that way; a wrong endpoint, or a proxy or firewall
 * that refuses it, does. Anything else without an answer (no answer within
 * the request's deadline, a name server that does not answer, a network not
 * up yet) is tried again until the first contact's time is up.
 */
function saysNobodyIsThere(err) {
    const code = (0,errors/* storageErrorCode */.t6)(err);
    return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ECONNRESET';
}
/**
 * The warning while storage has not answered yet: what failed, how long the
 * wait goes on trying, and what may be the cause. `where` names the storage:
 * "at https://acct.blob.core.windows.net".
 */
function noAnswerYetText(event, where) {
    return (`Storage has not answered yet ${where} (${(0,errors/* describeStorageErrorBrief */.rg)(event.error)}); trying again for up to ` +
        `${(0,duration/* formatDuration */.a3)(event.triesForMs)}: the machine or the network may be busy, or the endpoint may be wrong.`);
}
/** The shortest deadline a request gets, however little of the wait is left. */
const LEAST_REQUEST_MS = 500;
/**
 * A request's own deadline when `leftMs` of the wait is left: the default,
 * or less, so that it ends REQUEST_GRACE_MS after the wait's deadline at the
 * latest; in tenths of a second, so that a message about it reads "no answer
 * within 2.4 s".
 */
function requestTimeoutMs(leftMs) {
    const ms = Math.ceil((leftMs + REQUEST_GRACE_MS) / 100) * 100;
    return Math.min(request/* DEFAULT_REQUEST_TIMEOUT_MS */.Z, Math.max(LEAST_REQUEST_MS, ms));
}
/**
 * After a failed attempt the loop waits 0.5-1 s, then twice as long after
 * each failure in a row, up to 8-16 s: a throttled account is not hammered,
 * and storage that comes back is seen again within 16 s. A Retry-After that
 * asks for longer is honoured (the wait's deadline still ends it).
 */
const BACKOFF_FIRST_MS = 500;
const BACKOFF_MAX_MS = 8_000;
/**
 * A take (token, record, leaving the queue) that fails for a passing reason
 * keeps the lease through the back-off, twice in a row at most (0.5-1 s, then
 * 1-2 s): the third failure in a row gives it back, and the loop waits
 * without it.
 */
const GIVE_BACK_AFTER_FAILED_TAKES = 3;
/** The pause after `failures` failed attempts in a row (1 or more), with its jitter. */
function backoffMs(failures, err) {
    const base = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** Math.max(0, failures - 1));
    return Math.max((0,errors/* retryAfterMs */.Vs)(err) ?? 0, base + Math.random() * base);
}
/**
 * When the lease began, as the holder record and the outputs say. It is a
 * claim about the service (other jobs compare it with their own times), so
 * it comes from the service's clock: its Date header, of 1 s resolution.
 * When our clock agrees with it within that resolution (the acquire was
 * stamped between our send and our answer), our own reading is kept for its
 * milliseconds; a runner whose clock is off gets the service's time instead.
 */
function grantTime(sentAt, answeredAt, serviceNow) {
    if (!serviceNow)
        return answeredAt;
    const agrees = answeredAt.getTime() >= serviceNow.getTime() && sentAt.getTime() < serviceNow.getTime() + 1_000;
    return agrees ? answeredAt : serviceNow;
}
/** A last look at the lock with less time than this left is not sent: the timeout error names the holder last seen. */
const LEAST_LAST_LOOK_MS = 250;
/** A look at the lock this recent is taken as the state of now; an older one is looked at again. */
const FRESH_LOOK_MS = 1_000;
/**
 * Waits until the lease is ours, in turn, then writes our holder record and
 * takes a fencing token. Throws LockTimeoutError when the time runs out,
 * LockCancelledError on cancel, and the storage error when one is not
 * transient (bad credentials, for instance).
 *
 * Time runs on the monotonic clock: a runner whose wall clock steps does not
 * end a wait early, or make it last for ever.
 */
async function waitForLease(options) {
    const { lock, signal } = options;
    const started = (0,clock/* monotonicNow */.X)();
    const deadline = options.timeoutMs === undefined ? Infinity : started + options.timeoutMs;
    // Where the requests' deadlines and the attempt's cut are counted from: the deadline, or the least one try gets.
    const end = Math.max(deadline, started + LEAST_TRY_MS);
    // Until storage answers once, failures without an answer are tried again up to here: a minute, or the timeout.
    const firstContactUntil = Math.min(deadline, started + (options.firstContactMs ?? FIRST_CONTACT_MS));
    const progressEveryMs = options.progressEveryMs ?? 30_000;
    const graceMs = options.cancelGraceMs ?? 1_000;
    const leaseId = options.leaseId ?? (0,external_node_crypto_.randomUUID)();
    const pacing = options.pacing ?? DEFAULT_PACING;
    const floorMs = pacing.floorMs ?? DEFAULT_PACING.floorMs;
    const emit = (event) => options.onEvent?.(event);
    const waitedMs = () => (0,clock/* monotonicNow */.X)() - started;
    const report = new WaitReport({
        progressEveryMs,
        noTimeLimit: options.timeoutMs === undefined,
        breakCommand: lock.breakCommand,
        ...(options.supersede ? { ownKey: options.supersede.key } : {}),
        warnAfterMs: options.warnAfterMs,
        startedAt: started,
    });
    // Requests get a short grace after a cancel: an acquire that is in flight is
    // better finished and released than abandoned half way.
    const requests = new AbortController();
    // An attempt is several requests, and the SDK retries inside each: the whole
    // attempt is cut at the wait's deadline plus a little grace, so that the
    // deadline is checked in time whether or not the attempt comes back. The
    // cut comes after the own deadline of a request sent before the wait's
    // deadline: a single request that gets no answer ends by its own deadline
    // first, and says so ("no answer within 2.4 s").
    let attemptCut = requests.signal;
    // Every request ends by its own deadline, and by the wait's deadline plus a little grace.
    const call = () => ({
        signal: attemptCut,
        timeoutMs: requestTimeoutMs(end - (0,clock/* monotonicNow */.X)()),
    });
    const onCancel = () => void (0,promises_.setTimeout)(graceMs, undefined, { ref: false }).then(() => requests.abort());
    signal?.addEventListener('abort', onCancel, { once: true });
    // The key and sequence go on our queue entry and our holder record, for the others to read.
    const who = options.supersede
        ? { ...options.holder, supersedeKey: options.supersede.key, sequence: String(options.supersede.sequence) }
        : options.holder;
    const waiter = new Waiter({
        store: lock,
        leaseId,
        leaseSeconds: options.leaseDurationSeconds,
        who,
        supersede: options.supersede,
        priority: options.priority,
        willWait: deadline > started,
        pacing,
        emit,
        waitedMs,
        signal,
    });
    let tried = false; // the lock was tried for, or seen held: a timeout of 0 still tries once
    let contacted = false;
    let lastTroubleReport = -Infinity;
    /** The error of the last attempt, while attempts fail in a row; undefined once one comes back. */
    let failure;
    let failures = 0;
    try {
        for (;;) {
            if (signal?.aborted)
                throw new errors/* LockCancelledError */.pw(`Cancelled while waiting for lock ${lock.location}.`);
            // Storage never answered, and the first contact's time (a minute, or the timeout) is up: the last failure
            // ends the wait, and names the endpoint.
            if (!contacted && noAnswer(failure) && (0,clock/* monotonicNow */.X)() >= firstContactUntil)
                throw failure;
            // Checked whether or not the last attempt came back: one that failed counts as a try.
            if ((0,clock/* monotonicNow */.X)() >= deadline && (tried || failures > 0)) {
                throw await timedOut(lock, started, report, failure, waiter, end + LAST_LOOK_GRACE_MS);
            }
            let wakeAt = (0,clock/* monotonicNow */.X)();
            const cut = deadline === Infinity
                ? undefined
                : AbortSignal.timeout(Math.ceil(Math.max(0, end - (0,clock/* monotonicNow */.X)()) + CUT_GRACE_MS));
            attemptCut = cut ? AbortSignal.any([requests.signal, cut]) : requests.signal;
            try {
                const outcome = await waiter.attempt(call, (aheadCount) => report.wantsHolder(aheadCount, (0,clock/* monotonicNow */.X)()));
                contacted = true;
                tried ||= outcome.kind === 'acquired' || outcome.tried !== false;
                if (outcome.kind === 'acquired') {
                    if (signal?.aborted)
                        throw new errors/* LockCancelledError */.pw(`Cancelled while taking lock ${lock.location}.`);
                    const acquiredMono = (0,clock/* monotonicNow */.X)();
                    const acquiredAt = grantTime(outcome.sentAt, new Date(), outcome.serviceNow);
                    let taken;
                    try {
                        taken = await waiter.take({
                            ...who,
                            acquiredAt: acquiredAt.toISOString(),
                            leaseSeconds: String(options.leaseDurationSeconds),
                        }, call);
                    }
                    catch (err) {
                        // Storage failing for a moment (throttled, a server error, a cut) keeps the lease ours, under our
                        // id: the next attempt asks for it again first (an acquire under our own id renews it) and takes
                        // it. Given back, the lock would stand free while we back off, and a client that does not queue
                        // would take it from the line. Any other failure, or one that goes on, gives it back first: a
                        // job that cannot start must not keep the lock from clients that could.
                        if (!(0,errors/* isTransient */.dg)(err) || failures + 1 >= GIVE_BACK_AFTER_FAILED_TAKES)
                            await waiter.giveBack();
                        throw err;
                    }
                    if (signal?.aborted)
                        throw new errors/* LockCancelledError */.pw(`Cancelled while taking lock ${lock.location}.`);
                    return {
                        leaseId,
                        confirmedAt: outcome.sentAt,
                        confirmedMono: outcome.sentMono,
                        acquiredAt,
                        acquiredMono,
                        waitedMs: waitedMs(),
                        holder: taken.record,
                        fencingToken: taken.fencingToken,
                        arrivalPosition: report.arrivalPosition ?? 1,
                        slot: waiter.slot,
                    };
                }
                failure = undefined;
                failures = 0;
                // The keys' records come from the waiter's listings: the lines show the last sequence that held per key.
                const sighting = { ...outcome.sighting, records: waiter.recordsSeen };
                for (const event of report.see(sighting, waitedMs(), (0,clock/* monotonicNow */.X)()))
                    emit(event);
                wakeAt = outcome.wakeAt;
            }
            catch (err) {
                if (err instanceof errors/* LockCancelledError */.pw || err instanceof deploy_latest/* LockSupersededError */.IL)
                    throw err;
                if (signal?.aborted)
                    continue;
                contacted ||= waiter.answered;
                if (!(0,errors/* isTransient */.dg)(err))
                    throw err;
                // Until the service has answered once, a failure without an answer may be
                // the setup (a wrong endpoint) or a busy machine or network: tried again
                // for up to the first contact's time, unless it says nobody is there (the
                // SDK has tried that three times). Throttling and server errors are
                // answers: they are waited out.
                const unanswered = !contacted && noAnswer(err) && !cut?.aborted;
                if (unanswered && (saysNobodyIsThere(err) || (0,clock/* monotonicNow */.X)() >= firstContactUntil))
                    throw err;
                failures += 1;
                // Our own cut at the deadline is not news from storage: keep what storage said last, if it said anything.
                // Nor is a request's own deadline, cut short by the wait's, after storage answered (the SDK was still
                // asking again after a 503): the answer says more than "no answer within 0.6 s".
                if (cut?.aborted)
                    failure ??= new AttemptCutError();
                else if (!(isCutShort(err, deadline) && (0,errors/* statusCode */.se)(failure) !== undefined))
                    failure = err;
                if ((0,clock/* monotonicNow */.X)() - lastTroubleReport >= progressEveryMs) {
                    const triesForMs = firstContactUntil - (0,clock/* monotonicNow */.X)();
                    emit(unanswered
                        ? { type: 'no-answer-yet', error: err, waitedMs: waitedMs(), triesForMs }
                        : { type: 'storage-trouble', error: err, waitedMs: waitedMs() });
                    lastTroubleReport = (0,clock/* monotonicNow */.X)();
                }
                wakeAt = (0,clock/* monotonicNow */.X)() + backoffMs(failures, err);
                // The first contact's time ends the wait: no back-off past it.
                if (unanswered)
                    wakeAt = Math.min(wakeAt, firstContactUntil);
            }
            // Every path sleeps at least the pacing floor: a wake-up time in the past must not make a busy loop.
            const pause = Math.max(floorMs, Math.min(wakeAt, deadline) - (0,clock/* monotonicNow */.X)());
            await (0,promises_.setTimeout)(pause, undefined, { signal }).catch(() => { });
        }
    }
    catch (err) {
        // Whatever ends the wait without success: out of the queue, and a lease we may have taken goes back.
        // Past the deadline, within what is left of the wait's grace: a stalled network must not stretch `timeout`.
        await waiter.abandon((0,clock/* monotonicNow */.X)() >= deadline ? end + END_GRACE_MS : undefined);
        throw err;
    }
    finally {
        signal?.removeEventListener('abort', onCancel);
    }
}
/** A failure that carries no answer of storage's (a network error, a request's own deadline), and is not our cut. */
function noAnswer(err) {
    return err !== undefined && (0,errors/* statusCode */.se)(err) === undefined && !(err instanceof AttemptCutError);
}
/** A request that ran out of its own deadline once the wait's had passed: cut short by the wait, as likely as not. */
function isCutShort(err, deadline) {
    return err instanceof errors/* RequestTimeoutError */.DH && (0,clock/* monotonicNow */.X)() >= deadline;
}
/** Our own cut of an attempt at the wait's deadline: not news from storage. */
class AttemptCutError extends Error {
    name = 'AttemptCutError';
}
/**
 * The timeout error. After failed attempts it says what storage answered
 * last; otherwise it looks at the lock once more, so that it names the
 * holder of now, not one that left since the last line. The look ends by
 * `lookUntil` (monotonic): the error is due now, and with no answer by then
 * it names the holder it saw last.
 */
async function timedOut(lock, started, report, failure, waiter, lookUntil) {
    const head = `Timed out after ${(0,duration/* formatDuration */.a3)((0,clock/* monotonicNow */.X)() - started)} waiting for lock ${lock.location}`;
    if (failure !== undefined) {
        const said = failure instanceof AttemptCutError
            ? 'its last attempt had not finished by the deadline (storage was slow, or a request kept being retried)'
            : (0,errors/* statusCode */.se)(failure) !== undefined
                ? `storage answered ${(0,errors/* describeStorageErrorBrief */.rg)(failure)}`
                : `storage could not be reached (${(0,errors/* describeStorageErrorBrief */.rg)(failure)})`;
        return new errors/* LockTimeoutError */.XB(`${head}; ${said}.`);
    }
    const ahead = waiter.aheadCount ?? 0;
    const free = `${head}; it is free, ${ahead} ahead in the queue.`;
    let holder;
    const last = report.lastLook;
    if (last && (0,clock/* monotonicNow */.X)() - last.at <= FRESH_LOOK_MS) {
        if (!last.holder)
            return new errors/* LockTimeoutError */.XB(free);
        holder = last.holder;
    }
    else {
        const left = Math.floor(lookUntil - (0,clock/* monotonicNow */.X)());
        const view = left >= LEAST_LAST_LOOK_MS ? await lock.view({ timeoutMs: left }).catch(() => undefined) : undefined;
        if (view && view.state !== 'leased')
            return new errors/* LockTimeoutError */.XB(free);
        holder =
            view?.state === 'leased'
                ? {
                    record: view.holder,
                    freshness: view.holder
                        ? (0,lock_holder/* freshnessOf */.T5)(view.holder, view.modifiedAt, view.serviceNow)
                        : { kind: 'unknown-age' },
                    infinite: view.infinite,
                    ...(view.hold ? { hold: view.hold } : {}),
                }
                : report.holder;
    }
    // A hold ends by itself, or is lifted on purpose: no command to break it.
    const breakIt = holder?.infinite && !holder.hold ? `; break its lease with: ${lock.breakCommand}` : '';
    return new errors/* LockTimeoutError */.XB(`${head}; it is held by ${(0,lock_holder/* describeHolderSeen */.NW)(holder)}${breakIt}.`);
}


/***/ })

};
