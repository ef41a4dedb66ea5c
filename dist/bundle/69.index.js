export const id = 69;
export const ids = [69];
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
/* harmony export */   FW: () => (/* binding */ readOptionalLockName),
/* harmony export */   Ko: () => (/* binding */ readInputs),
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
/* unused harmony exports INPUT_OF, inputMessage, REASON_MAX_LENGTH, readLeaseDuration, readTimeout, readWarnAfter, readPriority, readSlots, readHoldReason, readQueueing, readHoldEnd, readFailOnTimeout, readSupersede, readOnSuperseded, refuseSlotsWith */
/* harmony import */ var _lock_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2960);
/* harmony import */ var _settings_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7388);
/* harmony import */ var _settings_option_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(648);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(915);
// Turns the step's inputs into one typed settings object, up front, through
// the face-neutral readers of src/settings/. Every problem becomes an
// InputError that names the input as action.yml spells it and the form expected.




class InputError extends _lock_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    name = 'InputError';
}
/** The input of each option: the action has every one. */
const INPUT_OF = {
    [_settings_option_js__WEBPACK_IMPORTED_MODULE_2__/* .Option */ .c$.LockName]: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.LockName,
    [_settings_option_js__WEBPACK_IMPORTED_MODULE_2__/* .Option */ .c$.Container]: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Container,
    [_settings_option_js__WEBPACK_IMPORTED_MODULE_2__/* .Option */ .c$.ConnectionString]: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ConnectionString,
    [_settings_option_js__WEBPACK_IMPORTED_MODULE_2__/* .Option */ .c$.AccountName]: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.AccountName,
    [_settings_option_js__WEBPACK_IMPORTED_MODULE_2__/* .Option */ .c$.AccountKey]: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.AccountKey,
    [_settings_option_js__WEBPACK_IMPORTED_MODULE_2__/* .Option */ .c$.SasToken]: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.SasToken,
    [_settings_option_js__WEBPACK_IMPORTED_MODULE_2__/* .Option */ .c$.BlobEndpoint]: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.BlobEndpoint,
    [_settings_option_js__WEBPACK_IMPORTED_MODULE_2__/* .Option */ .c$.ClientId]: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ClientId,
    [_settings_option_js__WEBPACK_IMPORTED_MODULE_2__/* .Option */ .c$.TenantId]: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.TenantId,
    [_settings_option_js__WEBPACK_IMPORTED_MODULE_2__/* .Option */ .c$.Audience]: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Audience,
    [_settings_option_js__WEBPACK_IMPORTED_MODULE_2__/* .Option */ .c$.LeaseDuration]: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.LeaseDuration,
    [_settings_option_js__WEBPACK_IMPORTED_MODULE_2__/* .Option */ .c$.Timeout]: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Timeout,
    [_settings_option_js__WEBPACK_IMPORTED_MODULE_2__/* .Option */ .c$.FailOnTimeout]: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.FailOnTimeout,
    [_settings_option_js__WEBPACK_IMPORTED_MODULE_2__/* .Option */ .c$.SupersedeKey]: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.SupersedeKey,
    [_settings_option_js__WEBPACK_IMPORTED_MODULE_2__/* .Option */ .c$.Sequence]: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Sequence,
    [_settings_option_js__WEBPACK_IMPORTED_MODULE_2__/* .Option */ .c$.OnSuperseded]: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.OnSuperseded,
    [_settings_option_js__WEBPACK_IMPORTED_MODULE_2__/* .Option */ .c$.Reason]: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Reason,
    [_settings_option_js__WEBPACK_IMPORTED_MODULE_2__/* .Option */ .c$.Entry]: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Entry,
    [_settings_option_js__WEBPACK_IMPORTED_MODULE_2__/* .Option */ .c$.Duration]: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Duration,
    [_settings_option_js__WEBPACK_IMPORTED_MODULE_2__/* .Option */ .c$.Until]: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Until,
    [_settings_option_js__WEBPACK_IMPORTED_MODULE_2__/* .Option */ .c$.Force]: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Force,
    [_settings_option_js__WEBPACK_IMPORTED_MODULE_2__/* .Option */ .c$.Scope]: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Scope,
    [_settings_option_js__WEBPACK_IMPORTED_MODULE_2__/* .Option */ .c$.HoldFor]: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.HoldFor,
    [_settings_option_js__WEBPACK_IMPORTED_MODULE_2__/* .Option */ .c$.GithubToken]: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.GithubToken,
    [_settings_option_js__WEBPACK_IMPORTED_MODULE_2__/* .Option */ .c$.Slots]: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Slots,
    [_settings_option_js__WEBPACK_IMPORTED_MODULE_2__/* .Option */ .c$.Priority]: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Priority,
    [_settings_option_js__WEBPACK_IMPORTED_MODULE_2__/* .Option */ .c$.WarnAfter]: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.WarnAfter,
};
/** The option of an input name, for readBoolean's callers that name the input. */
const OPTION_OF = new Map(Object.entries(INPUT_OF).map(([option, input]) => [input, option]));
/** The action's words for a bad option: Invalid input 'lock-name': ...; Input 'reason' is required: ... */
function inputMessage(err) {
    return (0,_settings_option_js__WEBPACK_IMPORTED_MODULE_2__/* .spellOptionError */ .a$)(err, {
        input: (option) => `'${INPUT_OF[option]}'`,
        setting: (option, value) => `'${INPUT_OF[option]}: ${value}'`,
        invalid: 'Invalid input',
    });
}
/** The settings' reader over the step's inputs. */
function byOption(read) {
    return (option) => read(INPUT_OF[option]);
}
/** Runs a reader of src/settings/ over the inputs; an OptionError comes out as the action words it. */
function readInputs(read, reader) {
    try {
        return reader(byOption(read));
    }
    catch (err) {
        if (err instanceof _settings_option_js__WEBPACK_IMPORTED_MODULE_2__/* .OptionError */ .eR)
            throw new InputError(inputMessage(err));
        throw err;
    }
}
const REASON_MAX_LENGTH = _settings_index_js__WEBPACK_IMPORTED_MODULE_1__/* .REASON_MAX_LENGTH */ .B;
const readLockName = (read) => readInputs(read, _settings_index_js__WEBPACK_IMPORTED_MODULE_1__/* .readLockName */ .VY);
/** The lock name of a sub-action, where it may be left out: undefined when it is. */
const readOptionalLockName = (read) => readInputs(read, _settings_index_js__WEBPACK_IMPORTED_MODULE_1__/* .readOptionalLockName */ .FW);
const readContainer = (read) => readInputs(read, _settings_index_js__WEBPACK_IMPORTED_MODULE_1__/* .readContainer */ .u2);
const readLeaseDuration = (read) => readInputs(read, settings.readLeaseDuration);
const readTimeout = (read) => readInputs(read, _settings_index_js__WEBPACK_IMPORTED_MODULE_1__/* .readTimeout */ .OW);
const readWarnAfter = (read) => readInputs(read, settings.readWarnAfter);
const readPriority = (read) => readInputs(read, settings.readPriority);
const readSlots = (read) => readInputs(read, settings.readSlots);
const readRunHold = (read) => readInputs(read, _settings_index_js__WEBPACK_IMPORTED_MODULE_1__/* .readRunHold */ .f_);
const readReason = (read) => readInputs(read, _settings_index_js__WEBPACK_IMPORTED_MODULE_1__/* .readReason */ .pk);
const readHoldReason = (read) => readInputs(read, settings.readHoldReason);
const readStorageTarget = (read) => readInputs(read, _settings_index_js__WEBPACK_IMPORTED_MODULE_1__/* .readStorageTarget */ .dZ);
const readQueueing = (read) => readInputs(read, settings.readQueueing);
const readOptionalReason = (read, fallback) => readInputs(read, (byKey) => _settings_index_js__WEBPACK_IMPORTED_MODULE_1__/* .readOptionalReason */ .lg(byKey, fallback));
const readHoldEnd = (read, now = new Date()) => readInputs(read, (byKey) => settings.readHoldEnd(byKey, now));
/** A yes/no input with the rule of core.getBooleanInput: true, True or TRUE; false, False or FALSE. Empty gives the default. */
function readBoolean(read, input, defaultValue) {
    const option = OPTION_OF.get(input);
    if (option === undefined)
        throw new Error(`readBoolean: '${input}' is not an input of the action`);
    return readInputs(read, (byKey) => _settings_index_js__WEBPACK_IMPORTED_MODULE_1__/* .readBoolean */ .Vf(byKey, option, defaultValue));
}
function readFailOnTimeout(read) {
    return readBoolean(read, _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.FailOnTimeout, true);
}
/** The supersede key and the sequence, else the run id (GITHUB_RUN_ID). */
function readSupersede(read, runId) {
    return readInputs(read, (byKey) => _settings_index_js__WEBPACK_IMPORTED_MODULE_1__/* .readSupersede */ .$c(byKey, { text: runId ?? '', what: 'the run id', from: '(GITHUB_RUN_ID)' }));
}
/** Cancelling the workflow run exists only in GitHub Actions: the action offers it. */
function readOnSuperseded(read) {
    return readInputs(read, (byKey) => _settings_index_js__WEBPACK_IMPORTED_MODULE_1__/* .readOnSuperseded */ .Ar(byKey, ['fail', 'cancel']));
}
function refuseSlotsWith(slots, uses) {
    readInputs(() => '', () => _settings_index_js__WEBPACK_IMPORTED_MODULE_1__/* .refuseSlotsWith */ .S3(slots, uses));
}
/** The lock (through readLockSpec, as the command reads it), then the step's own inputs, then where the account is. */
function readSettings(read, env = process.env) {
    const lockName = readLockName(read);
    const lock = readInputs(read, (byKey) => _settings_index_js__WEBPACK_IMPORTED_MODULE_1__/* .readLockSpec */ .LF(byKey, lockName, _settings_index_js__WEBPACK_IMPORTED_MODULE_1__/* .readRunHold */ .f_));
    const timeoutMs = readTimeout(read);
    const failOnTimeout = readFailOnTimeout(read);
    const supersede = readSupersede(read, env.GITHUB_RUN_ID);
    const onSuperseded = readOnSuperseded(read);
    const githubToken = onSuperseded === 'cancel' ? read(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.GithubToken) : undefined;
    refuseSlotsWith(lock.slots ?? 1, { runHold: false, supersede: supersede !== undefined });
    const { endpoint, auth } = readStorageTarget(read);
    return {
        lock: { endpoint, ...lock },
        auth,
        timeoutMs,
        failOnTimeout,
        supersede,
        onSuperseded,
        ...(githubToken !== undefined ? { githubToken } : {}),
    };
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

/***/ 7388:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SS: () => (/* reexport */ NO_END),
  B: () => (/* reexport */ REASON_MAX_LENGTH),
  Vf: () => (/* reexport */ readBoolean),
  u2: () => (/* reexport */ readContainer),
  bv: () => (/* reexport */ readHoldSettings),
  VY: () => (/* reexport */ readLockName),
  LF: () => (/* reexport */ readLockSpec),
  Ar: () => (/* reexport */ readOnSuperseded),
  FW: () => (/* reexport */ readOptionalLockName),
  lg: () => (/* reexport */ readOptionalReason),
  pk: () => (/* reexport */ readReason),
  f_: () => (/* reexport */ readRunHold),
  dZ: () => (/* reexport */ readStorageTarget),
  $c: () => (/* reexport */ readSupersede),
  OW: () => (/* reexport */ readTimeout),
  S3: () => (/* reexport */ refuseSlotsWith)
});

// UNUSED EXPORTS: DEFAULT_AUDIENCE, DEFAULT_CONTAINER, cappedDuration, notBoolean, parseBoolean, readHoldEnd, readHoldReason, readLeaseDuration, readPriority, readQueueing, readSlots, readWarnAfter

// EXTERNAL MODULE: ./src/lock/untrusted-text.ts
var untrusted_text = __webpack_require__(4469);
// EXTERNAL MODULE: ./src/settings/option.ts
var settings_option = __webpack_require__(648);
;// CONCATENATED MODULE: ./src/settings/boolean.ts
// Yes/no options, with the rule of core.getBooleanInput.


/** true, True or TRUE; false, False or FALSE; undefined for anything else. */
function parseBoolean(text) {
    if (['true', 'True', 'TRUE'].includes(text))
        return true;
    if (['false', 'False', 'FALSE'].includes(text))
        return false;
    return undefined;
}
/** What a yes/no option says when it is neither. */
function notBoolean(text) {
    return `'${(0,untrusted_text/* showUntrusted */.Gz)(text, 40)}' is not a boolean; expected true or false`;
}
/** A yes/no option; empty gives the default. */
function readBoolean(read, option, defaultValue) {
    const text = read(option);
    if (text === '')
        return defaultValue;
    const value = parseBoolean(text);
    if (value === undefined)
        throw (0,settings_option/* invalid */.Gq)(option, notBoolean(text));
    return value;
}

// EXTERNAL MODULE: ./src/lock/duration.ts
var lock_duration = __webpack_require__(6307);
;// CONCATENATED MODULE: ./src/settings/durations.ts
// The options that are durations: a number of seconds or 90s, 15m, 2h, never
// longer than a year, so that one too long for any date fails as it is read,
// before a lease is taken.



/** What every duration option expects, after the value shown. */
const DURATION_FORM = 'is not a duration; expected a number of seconds or a form like 90s, 15m or 2h';
/** A duration read from `option` (`text` as given, `ms` as parseDuration read it), refused when longer than a year. */
function cappedDuration(option, text, ms) {
    if (ms > lock_duration/* MAX_DURATION_MS */.rG) {
        throw (0,settings_option/* invalid */.Gq)(option, `'${(0,untrusted_text/* showUntrusted */.Gz)(text, 40)}' is longer than a year; expected at most ${lock_duration/* MAX_DURATION_TEXT */.yM}`);
    }
    return ms;
}
/** An optional duration: undefined when empty. */
function readDuration(read, option) {
    const text = read(option);
    if (text === '')
        return undefined;
    const ms = (0,lock_duration/* parseDuration */.E9)(text);
    if (ms === undefined)
        throw (0,settings_option/* invalid */.Gq)(option, `'${(0,untrusted_text/* showUntrusted */.Gz)(text, 40)}' ${DURATION_FORM}`);
    return cappedDuration(option, text, ms);
}
/** 'timeout': how long to wait in line; undefined: as long as the job (or the shell) allows. */
function readTimeout(read) {
    return readDuration(read, settings_option/* Option */.c$.Timeout);
}
/** When a long wait warns: a duration as the timeout takes it; undefined when empty (no warning). */
function readWarnAfter(read) {
    return readDuration(read, settings_option/* Option */.c$.WarnAfter);
}

// EXTERNAL MODULE: ./src/lock/lease.ts
var lease = __webpack_require__(4277);
// EXTERNAL MODULE: ./src/lock/names.ts
var names = __webpack_require__(6139);
// EXTERNAL MODULE: ./src/lock/queue/slots.ts
var slots = __webpack_require__(5230);
// EXTERNAL MODULE: ./src/lock/queue/priority.ts
var queue_priority = __webpack_require__(1831);
;// CONCATENATED MODULE: ./src/settings/queueing.ts
// The order of the line and a long wait: the priority, and when a long wait warns.




/** 'priority': normal (the default) or high. */
function readPriority(read) {
    const text = read(settings_option/* Option */.c$.Priority);
    if (text === '')
        return 'normal';
    const priority = (0,queue_priority/* parsePriority */.cF)(text);
    if (priority === undefined) {
        throw (0,settings_option/* invalid */.Gq)(settings_option/* Option */.c$.Priority, `'${(0,untrusted_text/* showUntrusted */.Gz)(text, 40)}' is not a priority; expected normal or high`);
    }
    return priority;
}
/** The LockSpec's fields for the order of the line and a long wait: a normal priority is left out, as is no warning. */
function readQueueing(read) {
    const priority = readPriority(read);
    const warnAfterMs = readWarnAfter(read);
    return { ...(priority === 'high' ? { priority } : {}), ...(warnAfterMs !== undefined ? { warnAfterMs } : {}) };
}

;// CONCATENATED MODULE: ./src/settings/lock-spec.ts
// Which lock and how it is taken: the one LockSpec both faces build, from the
// lock's name, the container, the lease's length, a run's hold, the slots and
// the order of the line.








/** The container when none is given. */
const DEFAULT_CONTAINER = 'locks';
function readLockName(read) {
    const name = read(settings_option/* Option */.c$.LockName);
    if (name === '') {
        throw (0,settings_option/* stated */.Eo)(settings_option/* Option */.c$.LockName, (0,settings_option/* words */.aL) `Input ${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.LockName)} is required: the name of the lock, e.g. 'production-deploy'.`);
    }
    const problem = (0,names/* lockNameProblem */.Qn)(name);
    if (problem)
        throw (0,settings_option/* invalid */.Gq)(settings_option/* Option */.c$.LockName, `${problem}; expected a blob name of 1 to 1024 characters`);
    return name;
}
/** The lock name where it may be left out: undefined when it is. */
function readOptionalLockName(read) {
    return read(settings_option/* Option */.c$.LockName) === '' ? undefined : readLockName(read);
}
function readContainer(read) {
    const container = read(settings_option/* Option */.c$.Container) || DEFAULT_CONTAINER;
    const problem = (0,names/* containerNameProblem */.iH)(container);
    if (problem) {
        throw (0,settings_option/* invalid */.Gq)(settings_option/* Option */.c$.Container, `'${(0,untrusted_text/* showUntrusted */.Gz)(container, 80)}' is not a valid container name: ${problem}`);
    }
    return container;
}
function readLeaseDuration(read) {
    const text = read(settings_option/* Option */.c$.LeaseDuration);
    if (text === '')
        return lease/* LEASE_SECONDS */.Vb.default;
    const seconds = /^\d+$/.test(text) ? Number(text) : NaN;
    if ((0,lease/* leaseSecondsProblem */.j1)(seconds)) {
        throw (0,settings_option/* invalid */.Gq)(settings_option/* Option */.c$.LeaseDuration, `'${(0,untrusted_text/* showUntrusted */.Gz)(text, 40)}' is not a whole number of seconds from ${lease/* LEASE_SECONDS */.Vb.min} to ${lease/* LEASE_SECONDS */.Vb.max}`);
    }
    return seconds;
}
/** 'slots': how many jobs may hold the lock at once; 1 when not given. */
function readSlots(read) {
    const text = read(settings_option/* Option */.c$.Slots);
    if (text === '')
        return 1;
    if ((0,slots/* slotsProblem */.nN)(text)) {
        throw (0,settings_option/* invalid */.Gq)(settings_option/* Option */.c$.Slots, `'${(0,untrusted_text/* showUntrusted */.Gz)(text, 40)}' is not a whole number from 1 to ${slots/* MAX_SLOTS */.Fn}`);
    }
    return Number(text);
}
/**
 * A hold (scope: run) or latest wins is one lease on the lock blob: with slots,
 * the other slots would stay open, so either with slots is refused.
 */
function refuseSlotsWith(slots, uses) {
    if (slots > 1 && uses.runHold) {
        throw (0,settings_option/* invalid */.Gq)(settings_option/* Option */.c$.Slots, (0,settings_option/* words */.aL) `${slots} slots cannot be held for a run (${(0,settings_option/* setTo */.oc)(settings_option/* Option */.c$.Scope, 'run')}); use one or the other`);
    }
    if (slots > 1 && uses.supersede) {
        throw (0,settings_option/* invalid */.Gq)(settings_option/* Option */.c$.Slots, (0,settings_option/* words */.aL) `${slots} slots cannot be used with ${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.SupersedeKey)}; use one or the other`);
    }
}
/** The scope and how long the run's hold stands: how long the run's hold may stand (scope run), undefined for scope job. */
function readRunHold(read) {
    const scope = read(settings_option/* Option */.c$.Scope) || 'job';
    if (scope !== 'job' && scope !== 'run') {
        throw (0,settings_option/* invalid */.Gq)(settings_option/* Option */.c$.Scope, `'${(0,untrusted_text/* showUntrusted */.Gz)(scope, 40)}' is not a scope; expected job or run`);
    }
    if (scope === 'job')
        return undefined;
    const text = read(settings_option/* Option */.c$.HoldFor) || '1h';
    const ms = (0,lock_duration/* parseDuration */.E9)(text);
    if (ms === undefined || ms <= 0)
        throw (0,settings_option/* invalid */.Gq)(settings_option/* Option */.c$.HoldFor, `'${(0,untrusted_text/* showUntrusted */.Gz)(text, 40)}' ${DURATION_FORM}`);
    return cappedDuration(settings_option/* Option */.c$.HoldFor, text, ms);
}
/**
 * The LockSpec of a job that takes the lock, but for the endpoint (each face
 * reads where the account is at its own time): the container, the lease's
 * length, the run's hold (where the face has scope run, `runHold` reads it),
 * the slots and the order of the line, in that order. Slots with a run's hold
 * are refused.
 */
function readLockSpec(read, lockName, runHold) {
    const container = readContainer(read);
    const leaseDurationSeconds = readLeaseDuration(read);
    const runHoldMs = runHold?.(read);
    const slots = readSlots(read);
    refuseSlotsWith(slots, { runHold: runHoldMs !== undefined, supersede: false });
    return {
        container,
        lockName,
        leaseDurationSeconds,
        ...(runHoldMs !== undefined ? { runHoldMs } : {}),
        ...(slots > 1 ? { slots } : {}),
        ...readQueueing(read),
    };
}

;// CONCATENATED MODULE: ./src/settings/reason.ts
// 'reason': why an operator breaks a lease, holds a lock or lifts a hold.

/** The longest reason a break record keeps: metadata is sent in HTTP headers, 8 KiB for all of it. */
const REASON_MAX_LENGTH = 300;
function refuseLong(reason) {
    if (reason.length > REASON_MAX_LENGTH) {
        throw (0,settings_option/* invalid */.Gq)(settings_option/* Option */.c$.Reason, `it is ${reason.length} characters long; expected at most ${REASON_MAX_LENGTH}`);
    }
    return reason;
}
/** Why an operator breaks a lease: required, one line, at most REASON_MAX_LENGTH characters. */
function readReason(read) {
    const reason = read(settings_option/* Option */.c$.Reason);
    if (reason === '') {
        throw (0,settings_option/* stated */.Eo)(settings_option/* Option */.c$.Reason, (0,settings_option/* words */.aL) `Input ${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.Reason)} is required: why the lease is broken, e.g. 'deploy run 812 hung; approved by on-call'. It is written on the lock blob, and the former holder's post step shows it.`);
    }
    return refuseLong(reason);
}
/** Why a hold is lifted: optional (`fallback` when empty), at most REASON_MAX_LENGTH characters. */
function readOptionalReason(read, fallback) {
    return refuseLong(read(settings_option/* Option */.c$.Reason) || fallback);
}
/** Why the lock is held: required, at most REASON_MAX_LENGTH characters. */
function readHoldReason(read) {
    const reason = read(settings_option/* Option */.c$.Reason);
    if (reason === '') {
        throw (0,settings_option/* stated */.Eo)(settings_option/* Option */.c$.Reason, (0,settings_option/* words */.aL) `Input ${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.Reason)} is required: why the lock is held, e.g. 'incident 42: no deploys until it is over'. Every job that waits for the lock shows it.`);
    }
    return refuseLong(reason);
}

// EXTERNAL MODULE: ./src/lock/storage.ts
var storage = __webpack_require__(4906);
;// CONCATENATED MODULE: ./src/settings/storage-target.ts
// Where the account is and how to sign in: exactly one kind of credential, a
// connection string, an account key, a SAS token, Entra ID through GitHub
// OIDC (client id and tenant id: only a face that has them reads them), or,
// with only an account name or endpoint, the Azure credential of the machine.



/** The audience Entra ID expects on a GitHub OIDC token in a federated credential. */
const DEFAULT_AUDIENCE = 'api://AzureADTokenExchange';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TENANT_DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
function readStorageTarget(read) {
    const connectionString = read(settings_option/* Option */.c$.ConnectionString);
    const accountName = read(settings_option/* Option */.c$.AccountName);
    const accountKey = read(settings_option/* Option */.c$.AccountKey);
    const sasToken = read(settings_option/* Option */.c$.SasToken);
    const blobEndpoint = read(settings_option/* Option */.c$.BlobEndpoint);
    const clientId = read(settings_option/* Option */.c$.ClientId);
    const tenantId = read(settings_option/* Option */.c$.TenantId);
    const audience = read(settings_option/* Option */.c$.Audience);
    const given = (pairs) => pairs.filter(([value]) => value !== '').map(([, option]) => option);
    const kinds = given([
        [connectionString, settings_option/* Option */.c$.ConnectionString],
        [accountKey, settings_option/* Option */.c$.AccountKey],
        [sasToken, settings_option/* Option */.c$.SasToken],
    ]);
    const entra = given([
        [clientId, settings_option/* Option */.c$.ClientId],
        [tenantId, settings_option/* Option */.c$.TenantId],
    ]);
    if (kinds.length > 0 && entra.length > 0) {
        throw (0,settings_option/* stated */.Eo)(kinds[0], (0,settings_option/* words */.aL) `Give exactly one kind of credential, not ${(0,settings_option/* both */.WP)(kinds)} and ${(0,settings_option/* both */.WP)(entra)}: ${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.ClientId)} and ${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.TenantId)} sign in with Entra ID, without a key or SAS.`);
    }
    if (kinds.length > 1) {
        throw (0,settings_option/* stated */.Eo)(kinds[0], (0,settings_option/* words */.aL) `Give exactly one kind of credential, not ${(0,settings_option/* both */.WP)(kinds)}.`);
    }
    if (audience && entra.length === 0) {
        throw (0,settings_option/* stated */.Eo)(settings_option/* Option */.c$.Audience, (0,settings_option/* words */.aL) `Input ${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.Audience)} is used only with ${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.ClientId)} and ${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.TenantId)}.`);
    }
    const endpointOverride = blobEndpoint ? guard(settings_option/* Option */.c$.BlobEndpoint, () => (0,storage/* normalizeEndpoint */.lI)(blobEndpoint)) : undefined;
    if (connectionString) {
        if (accountName) {
            throw (0,settings_option/* stated */.Eo)(settings_option/* Option */.c$.AccountName, (0,settings_option/* words */.aL) `Input ${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.AccountName)} cannot be combined with ${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.ConnectionString)}, which names the account itself.`);
        }
        const target = guard(settings_option/* Option */.c$.ConnectionString, () => (0,storage/* parseConnectionString */.HH)(connectionString));
        return endpointOverride ? { ...target, endpoint: endpointOverride } : target;
    }
    if (kinds.length === 0 && entra.length === 0 && accountName === '' && !endpointOverride) {
        throw (0,settings_option/* stated */.Eo)(settings_option/* Option */.c$.ConnectionString, (0,settings_option/* words */.aL) `No credential given: set ${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.ConnectionString)}; or ${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.AccountName)} with ${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.AccountKey)} or ${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.SasToken)}; or ${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.AccountName)} with ${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.ClientId)} and ${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.TenantId)} to sign in through GitHub OIDC; or ${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.AccountName)} alone to use the Azure credential of the runner.`);
    }
    if (accountName === '' && (kinds.length > 0 || !endpointOverride)) {
        throw (0,settings_option/* stated */.Eo)(settings_option/* Option */.c$.AccountName, (0,settings_option/* words */.aL) `Input ${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.AccountName)} is required with ${(0,settings_option/* both */.WP)([...kinds, ...entra])}.`);
    }
    if (accountName) {
        const nameProblem = (0,storage/* accountNameProblem */.w_)(accountName);
        if (nameProblem)
            throw (0,settings_option/* invalid */.Gq)(settings_option/* Option */.c$.AccountName, `'${(0,untrusted_text/* showUntrusted */.Gz)(accountName, 80)}' is not a storage account name; ${nameProblem}`);
    }
    const endpoint = endpointOverride ?? (0,storage/* defaultEndpoint */.nQ)(accountName);
    if (accountKey) {
        const keyProblem = (0,storage/* accountKeyProblem */.Kp)(accountKey);
        if (keyProblem)
            throw (0,settings_option/* invalid */.Gq)(settings_option/* Option */.c$.AccountKey, keyProblem);
        return { endpoint, auth: { kind: 'shared-key', accountName, accountKey } };
    }
    if (sasToken) {
        return { endpoint, auth: { kind: 'sas', sasToken: guard(settings_option/* Option */.c$.SasToken, () => (0,storage/* normalizeSasToken */.co)(sasToken)) } };
    }
    // Entra ID from here on: bearer tokens travel only over https.
    if (!endpoint.startsWith('https://')) {
        throw (0,settings_option/* invalid */.Gq)(settings_option/* Option */.c$.BlobEndpoint, `'${(0,untrusted_text/* showUntrusted */.Gz)(endpoint, 120)}' is http, but Entra ID tokens are sent only over https`);
    }
    if (entra.length === 0)
        return { endpoint, auth: { kind: 'ambient' } };
    if (!clientId) {
        throw (0,settings_option/* stated */.Eo)(settings_option/* Option */.c$.ClientId, (0,settings_option/* words */.aL) `Input ${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.ClientId)} is required with ${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.TenantId)}: the application (client) id of the app registration or managed identity.`);
    }
    if (!tenantId) {
        throw (0,settings_option/* stated */.Eo)(settings_option/* Option */.c$.TenantId, (0,settings_option/* words */.aL) `Input ${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.TenantId)} is required with ${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.ClientId)}: the directory (tenant) id of the app registration.`);
    }
    if (!GUID.test(clientId)) {
        throw (0,settings_option/* invalid */.Gq)(settings_option/* Option */.c$.ClientId, 'expected an application (client) id such as 00000000-0000-0000-0000-000000000000');
    }
    if (!GUID.test(tenantId) && !TENANT_DOMAIN.test(tenantId)) {
        throw (0,settings_option/* invalid */.Gq)(settings_option/* Option */.c$.TenantId, 'expected a directory (tenant) id such as 00000000-0000-0000-0000-000000000000, or a domain such as contoso.onmicrosoft.com');
    }
    return { endpoint, auth: { kind: 'federated', tenantId, clientId, audience: audience || DEFAULT_AUDIENCE } };
}
function guard(option, parse) {
    try {
        return parse();
    }
    catch (err) {
        if (err instanceof storage/* StorageConfigError */.ix)
            throw (0,settings_option/* invalid */.Gq)(option, err.message);
        throw err;
    }
}

;// CONCATENATED MODULE: ./src/settings/hold.ts
// A hold with no process behind it (lock/deploy/hold.ts): when it ends, and
// the HoldSpec of the hold sub-action and of azure-mutex hold with no command.








/** The word that asks for a hold with no end, in 'duration'. */
const NO_END = 'forever';
/** An ISO 8601 time with a zone: 2026-12-01T08:00:00Z or 2026-12-01T09:00:00+01:00. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
/** 'duration' or 'until', exactly one: a hold with no end only when asked for with 'duration: forever'. */
function readHoldEnd(read, now = new Date()) {
    const duration = read(settings_option/* Option */.c$.Duration);
    const until = read(settings_option/* Option */.c$.Until);
    if (duration !== '' && until !== '') {
        throw (0,settings_option/* stated */.Eo)(settings_option/* Option */.c$.Duration, (0,settings_option/* words */.aL) `Give ${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.Duration)} or ${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.Until)}, not both.`);
    }
    if (duration === '' && until === '') {
        throw (0,settings_option/* stated */.Eo)(settings_option/* Option */.c$.Duration, (0,settings_option/* words */.aL) `Input ${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.Duration)} or ${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.Until)} is required: how long the hold lasts (e.g. 2h), or when it ends (e.g. 2026-12-01T08:00:00Z). For a hold that stands until somebody lifts it, set ${(0,settings_option/* setTo */.oc)(settings_option/* Option */.c$.Duration, NO_END)}.`);
    }
    if (duration !== '') {
        if (duration.toLowerCase() === NO_END)
            return { kind: 'none' };
        const ms = (0,lock_duration/* parseDuration */.E9)(duration);
        if (ms === undefined || ms <= 0) {
            throw (0,settings_option/* invalid */.Gq)(settings_option/* Option */.c$.Duration, `'${(0,untrusted_text/* showUntrusted */.Gz)(duration, 40)}' is not a duration; expected a number of seconds or a form like 90s, 15m or 2h, or '${NO_END}'`);
        }
        return { kind: 'for', ms: cappedDuration(settings_option/* Option */.c$.Duration, duration, ms) };
    }
    const at = ISO_TIME.test(until) ? new Date(until) : undefined;
    if (!at || Number.isNaN(at.getTime())) {
        throw (0,settings_option/* invalid */.Gq)(settings_option/* Option */.c$.Until, `'${(0,untrusted_text/* showUntrusted */.Gz)(until, 40)}' is not a time; expected an ISO 8601 time with its zone, such as 2026-12-01T08:00:00Z`);
    }
    if (at.getTime() <= now.getTime())
        throw (0,settings_option/* invalid */.Gq)(settings_option/* Option */.c$.Until, `${at.toISOString()} is already past`);
    if (at.getTime() - now.getTime() > lock_duration/* MAX_DURATION_MS */.rG) {
        throw (0,settings_option/* invalid */.Gq)(settings_option/* Option */.c$.Until, `${at.toISOString()} is more than a year away; expected a time within ${lock_duration/* MAX_DURATION_TEXT */.yM} from now`);
    }
    return { kind: 'until', at };
}
/** The hold sub-action's settings: the wait's lease is the shortest, as nobody renews it between the grant and the hold. */
function readHoldSettings(read, lockName, target = readStorageTarget) {
    const container = readContainer(read);
    const reason = readHoldReason(read);
    const end = readHoldEnd(read);
    const timeoutMs = readTimeout(read);
    const access = target(read);
    return {
        hold: {
            lock: { endpoint: access.endpoint, container, lockName, leaseDurationSeconds: lease/* LEASE_SECONDS */.Vb.min },
            reason,
            end,
        },
        access,
        timeoutMs,
    };
}

// EXTERNAL MODULE: ./src/lock/deploy/latest.ts
var latest = __webpack_require__(5244);
;// CONCATENATED MODULE: ./src/settings/supersede.ts
// Latest wins (lock/deploy/latest.ts): the supersede key, its sequence, and
// what a superseded or stale job does.



/**
 * The supersede key, exactly as given (the reader must not trim it: keys are
 * compared exactly), and the sequence: the option, else the face's default;
 * with no default, a key needs its sequence.
 */
function readSupersede(read, fallback) {
    const key = read(settings_option/* Option */.c$.SupersedeKey);
    const text = read(settings_option/* Option */.c$.Sequence);
    if (key === '') {
        if (text !== '')
            throw (0,settings_option/* invalid */.Gq)(settings_option/* Option */.c$.Sequence, (0,settings_option/* words */.aL) `it is given without ${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.SupersedeKey)}; give both, or neither`);
        return undefined;
    }
    if (text === '' && fallback === undefined) {
        throw (0,settings_option/* stated */.Eo)(settings_option/* Option */.c$.Sequence, (0,settings_option/* words */.aL) `${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.SupersedeKey)} needs ${(0,settings_option/* the */.C8)(settings_option/* Option */.c$.Sequence)}: a whole number that grows with each run, such as the pipeline's run number ($BUILD_BUILDID, $CI_PIPELINE_ID, $BUILD_NUMBER).`);
    }
    const problem = (0,latest/* supersedeKeyProblem */.JO)(key);
    if (problem)
        throw (0,settings_option/* invalid */.Gq)(settings_option/* Option */.c$.SupersedeKey, problem);
    const given = text === '' ? fallback.text : text;
    const sequence = (0,latest/* parseSequence */.rd)(given);
    if (sequence === undefined) {
        const what = text === ''
            ? `${fallback.what} '${(0,untrusted_text/* showUntrusted */.Gz)(given, 40)}' ${fallback.from}`
            : `'${(0,untrusted_text/* showUntrusted */.Gz)(given, 40)}'`;
        throw (0,settings_option/* invalid */.Gq)(settings_option/* Option */.c$.Sequence, `${what} is not a whole number; expected a non-negative integer of at most 16 digits, such as \${{ github.run_id }}`);
    }
    return { key, sequence };
}
/** What a superseded job does, one of `choices` (the face's: skip and fail everywhere, cancel in GitHub Actions). */
function readOnSuperseded(read, choices) {
    const text = read(settings_option/* Option */.c$.OnSuperseded);
    if (text === '' || text === 'skip')
        return 'skip';
    const chosen = choices.find((choice) => choice === text);
    if (chosen !== undefined)
        return chosen;
    const listed = ['skip', ...choices.filter((choice) => choice !== 'skip')];
    const list = `${listed.slice(0, -1).join(', ')} or ${listed.at(-1)}`;
    throw (0,settings_option/* invalid */.Gq)(settings_option/* Option */.c$.OnSuperseded, `'${(0,untrusted_text/* showUntrusted */.Gz)(text, 40)}' is not one of ${list}`);
}

;// CONCATENATED MODULE: ./src/settings/index.ts
// The face-neutral settings: every reader, for a face that reads them all.










/***/ }),

/***/ 648:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C8: () => (/* binding */ the),
/* harmony export */   Eo: () => (/* binding */ stated),
/* harmony export */   Gq: () => (/* binding */ invalid),
/* harmony export */   WP: () => (/* binding */ both),
/* harmony export */   a$: () => (/* binding */ spellOptionError),
/* harmony export */   aL: () => (/* binding */ words),
/* harmony export */   c$: () => (/* binding */ Option),
/* harmony export */   eR: () => (/* binding */ OptionError),
/* harmony export */   oc: () => (/* binding */ setTo)
/* harmony export */ });
/* unused harmony export spell */
/* harmony import */ var _lock_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2960);
// The options every face reads, by a name of no face: the action's inputs
// (action/constants.ts spells them) and the command's flags and variables
// (cli/flags.ts spells them) each map these keys to their own words. A reader
// here is given an InputReader by key; a problem is an OptionError that names
// the option by key, and each face words it its own way.

const Option = {
    LockName: 'lockName',
    Container: 'container',
    ConnectionString: 'connectionString',
    AccountName: 'accountName',
    AccountKey: 'accountKey',
    SasToken: 'sasToken',
    BlobEndpoint: 'blobEndpoint',
    ClientId: 'clientId',
    TenantId: 'tenantId',
    Audience: 'audience',
    LeaseDuration: 'leaseDuration',
    Timeout: 'timeout',
    FailOnTimeout: 'failOnTimeout',
    SupersedeKey: 'supersedeKey',
    Sequence: 'sequence',
    OnSuperseded: 'onSuperseded',
    Reason: 'reason',
    Entry: 'entry',
    Duration: 'duration',
    Until: 'until',
    Force: 'force',
    Scope: 'scope',
    HoldFor: 'holdFor',
    GithubToken: 'githubToken',
    Slots: 'slots',
    Priority: 'priority',
    WarnAfter: 'warnAfter',
};
/** The option, to be named by the face inside words`...`. */
const the = (option) => ({ option });
/** The option set to a value, to be named by the face: 'scope: run'. */
const setTo = (option, value) => ({ option, value });
/** words`Give ${the(Option.Duration)} or ${the(Option.Until)}, not both.`: text with options in it. */
function words(strings, ...parts) {
    const out = [strings[0]];
    parts.forEach((part, i) => {
        if (Array.isArray(part))
            out.push(...part);
        else
            out.push(typeof part === 'object' ? part : String(part));
        out.push(strings[i + 1]);
    });
    return out.filter((piece) => piece !== '');
}
/** The options, each named, joined by ' and ' ('a' and 'b'). */
function both(options) {
    return options.flatMap((option, i) => (i === 0 ? [the(option)] : [' and ', the(option)]));
}
/** The words as one line, each option named as the face names it. */
function spell(pieces, naming) {
    return pieces
        .map((piece) => typeof piece === 'string'
        ? piece
        : piece.value === undefined
            ? naming.input(piece.option)
            : naming.setting(piece.option, piece.value))
        .join('');
}
/**
 * A bad option: `problem` says what is wrong with it. With form 'invalid' the
 * face says which option and then the problem (Invalid input <the option>:
 * ...); with 'stated' the problem is the whole sentence, naming
 * its options itself. The message names options by key: faces word it with
 * spellOptionError instead.
 */
class OptionError extends _lock_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    name = 'OptionError';
    option;
    problem;
    form;
    constructor(option, problem, form = 'invalid') {
        super(spellOptionError({ option, problem, form }, { input: (key) => `'${key}'`, setting: (key, value) => `'${key}: ${value}'`, invalid: 'Invalid option' }));
        this.option = option;
        this.problem = problem;
        this.form = form;
    }
}
function spellOptionError(err, wording) {
    const problem = spell(err.problem, wording);
    if (err.form === 'stated')
        return problem;
    const opening = wording.opening?.(err.option) ?? `${wording.invalid} ${wording.input(err.option)}`;
    return `${opening}: ${problem}.`;
}
/** The invalid form: "Invalid input 'x': <problem>." in the face's words. */
function invalid(option, problem) {
    return new OptionError(option, typeof problem === 'string' ? [problem] : problem);
}
/** A sentence that names its options itself. */
function stated(option, sentence) {
    return new OptionError(option, sentence, 'stated');
}


/***/ })

};
