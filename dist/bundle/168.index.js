export const id = 168;
export const ids = [168];
export const modules = {

/***/ 665:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ serveChannel),
/* harmony export */   m: () => (/* binding */ askRenewer)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _lifecycle_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2722);
/* harmony import */ var _platform_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7855);
// The renewer's control channel: how post, and a release step later in the
// job, ask the detached renewer to let the lease go and hear how that went.
//
// Why a local socket (a named pipe on Windows) rather than signals or a
// request file:
// - It works the same on Linux, macOS and Windows, where a signal cannot be
//   caught (process.kill is TerminateProcess there) and has no answer.
// - It answers at once: no polling, so a handoff costs no poll interval and
//   an idle renewer no CPU.
// - A live connection proves who answers. The renewer checks the caller's
//   token, then says its pid; while that connection stays open the process
//   cannot have exited, so its pid cannot have been reused. That is the one
//   moment a stuck renewer may be killed by pid, and no command line is read.
// - It survives a later step emptying $RUNNER_TEMP (see channelAddress).
// - Any number of clients may ask, one after another: post, release steps.
//
// The protocol is one JSON line each way and a last one back: the caller
// sends {token, op, by}; the renewer answers {type: 'hello', pid}, does what
// was asked, answers {type: 'report', report, log} and closes.






const MAX_REQUEST_BYTES = 4_096;
function sameToken(given, token) {
    if (typeof given !== 'string')
        return false;
    const a = Buffer.from(given);
    const b = Buffer.from(token);
    return a.length === b.length && (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.timingSafeEqual)(a, b);
}
function parseRequest(line) {
    try {
        const value = JSON.parse(line);
        const ops = ['stop', 'release', 'report'];
        const requesters = ['post', 'release step'];
        if (!ops.includes(value.op) || !requesters.includes(value.by))
            return undefined;
        return value;
    }
    catch {
        return undefined;
    }
}
/** Reads newline-delimited JSON from a socket, one line at a time, refusing a flood. */
function onLines(socket, limit, onLine) {
    let buffered = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => {
        buffered += chunk;
        if (buffered.length > limit) {
            socket.destroy();
            return;
        }
        for (let newline = buffered.indexOf('\n'); newline >= 0; newline = buffered.indexOf('\n')) {
            const line = buffered.slice(0, newline);
            buffered = buffered.slice(newline + 1);
            onLine(line);
        }
    });
}
function listenOn(server, address) {
    if ((0,_platform_js__WEBPACK_IMPORTED_MODULE_5__/* .isSocketFile */ .gC)(address))
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.dirname)(address), { recursive: true, mode: 0o700 });
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(address, () => {
            server.off('error', reject);
            resolve();
        });
    });
}
/** Listens for requests that carry the token. */
async function serveChannel(ref, options) {
    let server = (0,node_net__WEBPACK_IMPORTED_MODULE_2__.createServer)();
    const onConnection = (socket) => {
        socket.on('error', () => undefined);
        let asked = false;
        onLines(socket, MAX_REQUEST_BYTES, (line) => {
            if (asked)
                return;
            asked = true;
            const request = parseRequest(line);
            if (!request || !sameToken(request.token, ref.token)) {
                socket.end(`${JSON.stringify({ type: 'refused' })}\n`);
                return;
            }
            socket.write(`${JSON.stringify({ type: 'hello', pid: process.pid })}\n`);
            const { op, by } = request;
            options.handle({ op, by }).then((answer) => socket.end(`${JSON.stringify({ type: 'report', ...answer })}\n`, () => options.answered?.({ op, by })), () => socket.destroy());
        });
    };
    server.on('connection', onConnection);
    await listenOn(server, ref.address);
    return {
        address: ref.address,
        async keepListening() {
            if (!(0,_platform_js__WEBPACK_IMPORTED_MODULE_5__/* .isSocketFile */ .gC)(ref.address) || (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(ref.address))
                return;
            server.close();
            server = (0,node_net__WEBPACK_IMPORTED_MODULE_2__.createServer)();
            server.on('connection', onConnection);
            await listenOn(server, ref.address).catch(() => undefined);
        },
        close: () => new Promise((resolve) => server.close(() => resolve())),
    };
}
/** Connects and sends the request; 'nothing listens' when no renewer is there (it exited or died). */
function askRenewer(ref, request, connectTimeoutMs = 2_000) {
    return new Promise((resolve) => {
        const socket = (0,node_net__WEBPACK_IMPORTED_MODULE_2__.createConnection)(ref.address);
        const timer = setTimeout(() => {
            socket.destroy();
            resolve('nothing listens');
        }, connectTimeoutMs);
        socket.once('error', () => {
            clearTimeout(timer);
            resolve('nothing listens');
        });
        socket.once('connect', () => {
            clearTimeout(timer);
            socket.removeAllListeners('error');
            socket.on('error', () => undefined);
            let onHello = () => undefined;
            let onAnswer = () => undefined;
            const hello = new Promise((done) => (onHello = done));
            const answer = new Promise((done) => (onAnswer = done));
            onLines(socket, 1_000_000, (line) => {
                let message;
                try {
                    message = JSON.parse(line);
                }
                catch {
                    return;
                }
                if (message.type === 'hello' && typeof message.pid === 'number')
                    onHello(message.pid);
                if (message.type === 'report') {
                    const report = (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_4__/* .parseRenewerReport */ .Cs)(message.report);
                    const log = Array.isArray(message.log) ? message.log.filter((l) => typeof l === 'string') : [];
                    onAnswer(report ? { report, log } : undefined);
                }
            });
            socket.once('close', () => {
                onHello(undefined);
                onAnswer(undefined);
            });
            socket.write(`${JSON.stringify({ token: ref.token, ...request })}\n`);
            resolve({ hello, answer, close: () => socket.destroy() });
        });
    });
}


/***/ }),

/***/ 2722:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cs: () => (/* binding */ parseRenewerReport),
/* harmony export */   HX: () => (/* binding */ initialReport),
/* harmony export */   WJ: () => (/* binding */ verdict),
/* harmony export */   l1: () => (/* binding */ needsOwnRelease),
/* harmony export */   np: () => (/* binding */ advance)
/* harmony export */ });
/* unused harmony export isFinal */
// The renewer's lifecycle as one explicit state machine, and the verdict post
// draws from it. Both are pure: the renewer process feeds events to advance(),
// and what it reports (over its channel, or in its status file) is the state
// that results. Post reads that state through verdict() alone.
//
//   starting ──renewed──▶ holding ──released──────▶ released
//      │                   │  ├──lost / found-lost─▶ lost
//      └──failed──▶ failed │  └──release-failed───▶ unreleased (expires by itself)
//                          └──renewed, renewal-failed (stays holding)
function initialReport(pid, startedAt) {
    return { pid, phase: 'starting', startedAt: startedAt.toISOString(), renewals: 0, failures: 0, longestGapMs: 0 };
}
/** True once the renewer will never hold the lease again. */
function isFinal(phase) {
    return phase !== 'starting' && phase !== 'holding';
}
/**
 * The next state. An event that does not apply to the current phase (a late
 * renewal after a release, say) leaves the state as it is: a final phase is
 * never left.
 */
function advance(report, event) {
    if (isFinal(report.phase))
        return report;
    const held = report.phase === 'holding';
    switch (event.type) {
        case 'hold':
            return { ...report, confirmedAt: event.confirmedAt.toISOString() };
        case 'renewed': {
            const previous = Date.parse(report.renewedAt ?? report.confirmedAt ?? event.sentAt.toISOString());
            return {
                ...report,
                phase: 'holding',
                confirmedAt: event.sentAt.toISOString(),
                renewedAt: event.at.toISOString(),
                renewals: report.renewals + 1,
                longestGapMs: Math.max(report.longestGapMs, event.at.getTime() - previous),
            };
        }
        case 'renewal-failed':
            return { ...report, failures: report.failures + 1 };
        case 'lost':
            return {
                ...report,
                phase: 'lost',
                loss: {
                    exclusiveUntil: event.exclusiveUntil.toISOString(),
                    detectedAt: event.detectedAt.toISOString(),
                    reason: event.reason,
                },
            };
        case 'found-lost':
            return held
                ? {
                    ...report,
                    phase: 'lost',
                    loss: {
                        exclusiveUntil: report.confirmedAt ?? report.startedAt,
                        detectedAt: event.at.toISOString(),
                        reason: 'at release, Azure said the lease was no longer ours',
                    },
                }
                : report;
        case 'released':
            return held ? { ...report, phase: 'released', released: { at: event.at.toISOString(), by: event.by } } : report;
        case 'release-failed':
            return held ? { ...report, phase: 'unreleased', error: event.error } : report;
        case 'failed':
            return report.phase === 'starting' ? { ...report, phase: 'failed', error: event.error } : report;
    }
}
/** Whether post must release with its own credentials: the renewer did not, and it holds no final word. */
function needsOwnRelease(answer, statusFile) {
    const report = answer.kind === 'answered' ? answer.report : statusFile;
    return !(report && (report.phase === 'released' || report.phase === 'lost'));
}
/** What post reports, from what the renewer said (or left behind) and post's own release. */
function verdict(input) {
    const { answer, ownRelease, now } = input;
    const warnings = [];
    const report = answer.kind === 'answered' ? answer.report : input.statusFile;
    if (report?.phase === 'lost' && report.loss)
        return { verdict: { kind: 'lost', loss: report.loss }, warnings };
    if (report?.phase === 'released' && report.released?.by === 'worker gone') {
        // Post is running, so the worker was not gone: the renewer let the lock go in the middle of the job.
        const loss = {
            exclusiveUntil: report.released.at,
            detectedAt: now.toISOString(),
            reason: 'the renewer released the lease because it took the runner worker for gone',
        };
        return { verdict: { kind: 'lost', loss }, warnings };
    }
    if (report?.phase === 'released' && report.released) {
        const early = report.released.by === 'post' ? undefined : report.released;
        return { verdict: { kind: 'released', report, early }, warnings };
    }
    if (answer.kind === 'gone' && report?.phase !== 'failed') {
        warnings.push(`The renewer stopped unexpectedly${report?.confirmedAt ? `; it last renewed at ${report.confirmedAt}` : ''}.`);
    }
    else if (answer.kind === 'stopped') {
        warnings.push(`The renewer (pid ${answer.pid}) did not answer in time and was stopped.`);
    }
    else if (answer.kind === 'silent') {
        warnings.push('The renewer did not answer; it is left for the job-end clean-up.');
    }
    else if (answer.kind === 'answered' && report?.phase === 'unreleased') {
        warnings.push(`The renewer could not release the lease (${report.error ?? 'no reason given'}).`);
    }
    // The lease was certainly ours up to the latest confirmation anyone knows of.
    const confirmed = Math.max(input.confirmedAt.getTime(), report?.confirmedAt ? Date.parse(report.confirmedAt) : 0);
    const ranOutAt = confirmed + input.leaseDurationMs;
    if (ranOutAt < now.getTime()) {
        // Nobody renewed it after `confirmed`: it ran out, and another holder may have got in.
        const loss = {
            exclusiveUntil: new Date(confirmed).toISOString(),
            detectedAt: now.toISOString(),
            reason: `the renewer had stopped and the lease ran out at ${new Date(ranOutAt).toISOString()}`,
        };
        return { verdict: { kind: 'lost', loss }, warnings };
    }
    if (ownRelease === 'not-held') {
        const loss = {
            exclusiveUntil: new Date(confirmed).toISOString(),
            detectedAt: now.toISOString(),
            reason: 'at release, Azure said the lease was no longer ours',
        };
        return { verdict: { kind: 'lost', loss }, warnings };
    }
    if (ownRelease === 'released')
        return { verdict: { kind: 'released', report }, warnings };
    return { verdict: { kind: 'expires' }, warnings };
}
// ---- Reading a report back -------------------------------------------------
const PHASES = new Set(['starting', 'holding', 'released', 'lost', 'unreleased', 'failed']);
const REQUESTERS = new Set(['post', 'release step', 'worker gone']);
const isTime = (value) => typeof value === 'string' && !Number.isNaN(Date.parse(value));
const isCount = (value) => typeof value === 'number' && Number.isFinite(value) && value >= 0;
/** A report read from a file or a socket, if it has the shape the renewer writes; undefined otherwise. */
function parseRenewerReport(value) {
    if (typeof value !== 'object' || value === null)
        return undefined;
    const r = value;
    const loss = r.loss;
    const released = r.released;
    const valid = isCount(r.pid) &&
        PHASES.has(r.phase) &&
        isTime(r.startedAt) &&
        (r.confirmedAt === undefined || isTime(r.confirmedAt)) &&
        (r.renewedAt === undefined || isTime(r.renewedAt)) &&
        isCount(r.renewals) &&
        isCount(r.failures) &&
        isCount(r.longestGapMs) &&
        (loss === undefined ||
            (typeof loss === 'object' &&
                loss !== null &&
                isTime(loss.exclusiveUntil) &&
                isTime(loss.detectedAt) &&
                typeof loss.reason === 'string')) &&
        (released === undefined ||
            (typeof released === 'object' &&
                released !== null &&
                isTime(released.at) &&
                REQUESTERS.has(released.by))) &&
        (r.error === undefined || typeof r.error === 'string');
    return valid ? value : undefined;
}


/***/ }),

/***/ 4632:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cd: () => (/* binding */ parseFromRenewer),
/* harmony export */   VA: () => (/* binding */ parseToRenewer)
/* harmony export */ });
/* unused harmony export parseRenewerConfig */
/* harmony import */ var _lock_spec_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7832);
/* harmony import */ var _lifecycle_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2722);
// What main and the renewer say to each other over their IPC pipe, and how
// each side checks what it receives.


/** The renewer's first message to main, parsed; undefined for anything else. */
function parseFromRenewer(value) {
    const m = value;
    if (typeof m !== 'object' || m === null)
        return undefined;
    if (m.type === 'ready')
        return { type: 'ready' };
    if (m.type === 'failed' && typeof m.error === 'string')
        return { type: 'failed', error: m.error };
    const report = m.type === 'holding' ? (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRenewerReport */ .Cs)(m.report) : undefined;
    return report ? { type: 'holding', report } : undefined;
}
const isText = (value) => typeof value === 'string' && value !== '';
function parseSignInMethod(value) {
    const m = value;
    const valid = typeof m === 'object' &&
        m !== null &&
        ((m.kind === 'shared-key' && isText(m.accountName) && isText(m.accountKey)) ||
            (m.kind === 'sas' && isText(m.sasToken)) ||
            (m.kind === 'federated' && isText(m.tenantId) && isText(m.clientId) && isText(m.audience)) ||
            m.kind === 'ambient');
    if (!valid)
        throw new _lock_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .MalformedError */ .G4('not a sign-in method');
    return m;
}
/** The configuration main sent, checked field by field; throws MalformedError when it is not one. */
function parseRenewerConfig(value) {
    const c = value;
    if (typeof c !== 'object' || c === null)
        throw new _lock_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .MalformedError */ .G4('not a renewer configuration');
    const channel = c.channel;
    const worker = c.worker;
    const oidc = c.oidcRequest;
    if (typeof channel !== 'object' || channel === null || !isText(channel.address) || !isText(channel.token)) {
        throw new _lock_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .MalformedError */ .G4('no channel');
    }
    if (!isText(c.statusFile))
        throw new _lock_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .MalformedError */ .G4('no status file');
    if (worker !== undefined &&
        (typeof worker.pid !== 'number' || !(worker.startTime === undefined || isText(worker.startTime)))) {
        throw new _lock_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .MalformedError */ .G4('not a worker');
    }
    if (oidc !== undefined && (!isText(oidc.url) || !isText(oidc.token)))
        throw new _lock_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .MalformedError */ .G4('not an OIDC request');
    const ambientSources = ['environment', 'workload-identity', 'managed-identity', 'azure-cli'];
    if (c.ambientSource !== undefined && !ambientSources.includes(c.ambientSource)) {
        throw new _lock_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .MalformedError */ .G4('not an ambient source');
    }
    return {
        lock: (0,_lock_spec_js__WEBPACK_IMPORTED_MODULE_0__/* .parseLockSpec */ .aY)(c.lock),
        auth: parseSignInMethod(c.auth),
        oidcRequest: oidc,
        ambientSource: c.ambientSource,
        channel: { address: channel.address, token: channel.token },
        statusFile: c.statusFile,
        worker: worker,
    };
}
/** A message from main, checked; undefined for anything else. */
function parseToRenewer(value) {
    const m = value;
    if (typeof m !== 'object' || m === null)
        return undefined;
    if (m.type === 'config') {
        try {
            return { type: 'config', config: parseRenewerConfig(m.config) };
        }
        catch {
            return undefined;
        }
    }
    const lease = m.lease;
    if (m.type === 'hold' && lease && isText(lease.leaseId) && isText(lease.confirmedAt)) {
        if (Number.isNaN(Date.parse(lease.confirmedAt)))
            return undefined;
        return { type: 'hold', lease: { leaseId: lease.leaseId, confirmedAt: lease.confirmedAt } };
    }
    return undefined;
}


/***/ }),

/***/ 7855:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P2: () => (/* binding */ startTimeOf),
/* harmony export */   gC: () => (/* binding */ isSocketFile),
/* harmony export */   ix: () => (/* binding */ killProcess),
/* harmony export */   l8: () => (/* binding */ livenessOf),
/* harmony export */   ov: () => (/* binding */ channelAddress),
/* harmony export */   sp: () => (/* binding */ isSignallablePid)
/* harmony export */ });
/* unused harmony export thisPlatform */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
// What the renewer's lifecycle needs from the operating system, given the
// platform as a value so that every branch can be tested on any machine:
// where the control channel listens, whether a process is alive, and how to
// end one. Nothing here spawns a process or reads another's command line, and
// nothing signals pid 0, 1, a negative pid or a process group.



function procDirOf(os) {
    if (os !== 'linux')
        return undefined;
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)('/proc/self/stat');
        return '/proc';
    }
    catch {
        return undefined;
    }
}
const thisPlatform = {
    os: process.platform,
    tmpdir: (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(),
    procDir: procDirOf(process.platform),
};
/**
 * Where the renewer with this id listens, chosen so that no later step can
 * take it away by emptying $RUNNER_TEMP:
 * - Linux: an abstract socket, which has no file at all;
 * - Windows: a named pipe, which lives in the pipe namespace, not on disk;
 * - elsewhere (macOS): a socket file in the user's temp folder ($TMPDIR, not
 *   $RUNNER_TEMP), short enough for the 104-byte limit on socket paths; the
 *   renewer listens again if the file disappears.
 */
function channelAddress(id, platform = thisPlatform) {
    if (platform.os === 'linux')
        return `\0azure-mutex-${id}`;
    if (platform.os === 'win32')
        return `\\\\.\\pipe\\azure-mutex-${id}`;
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(platform.tmpdir, `azmx-${id.slice(0, 16)}.sock`);
}
/** True when the address is a file on disk that a clean-up could delete. */
function isSocketFile(address) {
    return !address.startsWith('\0') && !address.startsWith('\\\\.\\pipe\\');
}
/** A pid we may ever signal: a positive integer above 1. */
function isSignallablePid(pid) {
    return typeof pid === 'number' && Number.isSafeInteger(pid) && pid > 1;
}
/** The fields of /proc/<pid>/stat after "(comm)": state is [0], start time [19]. */
function procStat(pid, procDir) {
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(`${procDir}/${pid}/stat`, 'utf8');
        return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    }
    catch {
        return undefined;
    }
}
/** An opaque token that changes when the pid is reused, where it is cheap to read (/proc); else undefined. */
function startTimeOf(pid, platform = thisPlatform) {
    if (!isSignallablePid(pid) || !platform.procDir)
        return undefined;
    return procStat(pid, platform.procDir)?.[19];
}
/**
 * Whether a process runs, from `kill(pid, 0)` (which works on every OS,
 * Windows included): ESRCH means gone, EPERM means it exists but is not
 * ours. With /proc, a zombie or a different start time also means gone (the
 * pid was reused). Anything that cannot be read is 'unknown', never 'gone'.
 */
function livenessOf(pid, expectedStartTime, platform = thisPlatform, probe = (p) => process.kill(p, 0)) {
    if (!isSignallablePid(pid))
        return 'unknown';
    try {
        probe(pid);
    }
    catch (err) {
        const code = err.code;
        if (code === 'ESRCH')
            return 'gone';
        if (code !== 'EPERM')
            return 'unknown';
    }
    if (!platform.procDir)
        return 'alive';
    const stat = procStat(pid, platform.procDir);
    if (!stat)
        return 'unknown';
    if (stat[0] === 'Z' || stat[0] === 'X')
        return 'gone';
    if (expectedStartTime !== undefined && stat[19] !== expectedStartTime)
        return 'gone';
    return 'alive';
}
/**
 * Ends one process at once (SIGKILL; TerminateProcess on Windows), never a
 * group; refuses unsafe pids. Callers must have proven the pid is the process
 * they mean. Returns whether the signal was sent.
 */
function killProcess(pid) {
    if (!isSignallablePid(pid))
        return false;
    try {
        process.kill(pid, 'SIGKILL');
        return true;
    }
    catch {
        return false;
    }
}


/***/ })

};
