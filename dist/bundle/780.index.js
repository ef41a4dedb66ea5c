export const id = 780;
export const ids = [780];
export const modules = {

/***/ 915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G0: () => (/* binding */ Inputs),
/* harmony export */   Hw: () => (/* binding */ Defaults),
/* harmony export */   Uw: () => (/* binding */ State),
/* harmony export */   tY: () => (/* binding */ Outputs)
/* harmony export */ });
// The whole contract with action.yml: every input, output and state key, spelled once.
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
};
const Outputs = {
    LeaseId: 'lease-id',
    AcquiredAt: 'acquired-at',
    WaitedSeconds: 'waited-seconds',
};
const State = {
    /** Where the lock lives and how it is leased (no secrets); saved before waiting starts. */
    Lock: 'lock',
    /** The lease id main proposes, saved before it asks: post can give back a lease taken as main died. */
    ProposedLeaseId: 'proposed-lease-id',
    /** Saved the moment the lease is ours, so post can release it whatever happens next. */
    LeaseId: 'lease-id',
    AcquiredAt: 'acquired-at',
    /** The renewer's status file: its pid, renewals, and a loss if one happened. */
    StatusFile: 'renewer-status-file',
    RenewerPid: 'renewer-pid',
};
const Defaults = {
    Container: 'locks',
    LeaseDurationSeconds: 60,
    MinLeaseSeconds: 15,
    MaxLeaseSeconds: 60,
    /** The audience Entra ID expects on a GitHub OIDC token in a federated credential. */
    Audience: 'api://AzureADTokenExchange',
};


/***/ }),

/***/ 7786:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DV: () => (/* binding */ EntraSignInError),
/* harmony export */   HZ: () => (/* binding */ OidcTokenError),
/* harmony export */   Jv: () => (/* binding */ signIn),
/* harmony export */   Lo: () => (/* binding */ isIdentityError),
/* harmony export */   _q: () => (/* binding */ describeIdentityError),
/* harmony export */   gJ: () => (/* binding */ oidcRequestFromEnv)
/* harmony export */ });
/* unused harmony exports fetchGitHubIdToken, claimsOf, authorityOptions, federatedCredential, ambientLabel, ambientCredential, findAmbientCredential */
/* harmony import */ var _lock_storage_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4906);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(915);
// Signing in to storage with Entra ID, in the two ways a workflow can: a
// federated credential that trades GitHub's OIDC token for an access token, and
// whatever Azure credential the runner already has (the ambient chain).
//
// GitHub's OIDC token lives a few minutes, so the federated credential asks
// GitHub for a new one every time Entra ID needs an assertion. The request token
// that allows this is a secret: it reaches the renewer on stdin only, and no
// token of any kind is ever logged.


/**
 * @azure/identity is loaded only when a job signs in with Entra ID: it is a large
 * library, and jobs with a key or SAS (and their renewers) need none of it.
 */
const identity = () => __webpack_require__.e(/* import() */ 16).then(__webpack_require__.bind(__webpack_require__, 3016));
/** A sign-in failure the user can act on; the message is one line and holds no token. */
class EntraSignInError extends Error {
    name = 'EntraSignInError';
}
/** GitHub did not hand out an OIDC token. Another try may succeed, so it carries no status code. */
class OidcTokenError extends Error {
    name = 'OidcTokenError';
}
function oidcRequestFromEnv(env = process.env) {
    const url = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const token = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!url || !token) {
        throw new EntraSignInError(`'${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.ClientId}' and '${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.TenantId}' sign in with GitHub's OIDC token, but this job may not request one: ` +
            "add 'permissions: id-token: write' to the job or the workflow. (Pull requests from forks never get one.)");
    }
    return { url, token };
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
            throw new OidcTokenError(`GitHub answered ${response.statusCode} without an OIDC token`);
        }
        return token;
    }
    catch (err) {
        if (err instanceof OidcTokenError)
            throw err;
        const status = err.statusCode;
        throw new OidcTokenError(`GitHub did not issue an OIDC token (${status ? `HTTP ${status}` : (err.message ?? 'no answer')})`);
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
const KNOWN_AUTHORITY_HOSTS = new Set([
    'login.microsoftonline.com',
    'login.microsoftonline.us',
    'login.chinacloudapi.cn',
    'login.microsoftonline.de',
]);
/**
 * Entra ID's address: AZURE_AUTHORITY_HOST when set, else the public cloud.
 * A host that is not one of Microsoft's clouds (Azure Stack, or a local
 * stand-in) cannot be checked against Microsoft's instance list, so that
 * check is turned off for it: whoever sets the variable vouches for the host.
 */
function authorityOptions(env) {
    const host = env.AZURE_AUTHORITY_HOST;
    if (!host)
        return {};
    let hostname;
    try {
        hostname = new URL(host).hostname.toLowerCase();
    }
    catch {
        return {};
    }
    return { authorityHost: host, disableInstanceDiscovery: !KNOWN_AUTHORITY_HOSTS.has(hostname) };
}
/** A credential that fetches a fresh GitHub OIDC token whenever Entra ID needs an assertion. */
async function federatedCredential(auth, request, options = {}) {
    let subject;
    const { ClientAssertionCredential } = await identity();
    const credential = new ClientAssertionCredential(auth.tenantId, auth.clientId, async () => {
        const token = await fetchGitHubIdToken(request, auth.audience);
        options.onIdToken?.(token);
        subject = claimsOf(token).sub;
        return token;
    }, authorityOptions(options.env ?? process.env));
    return Object.assign(credential, { lastSubject: () => subject });
}
const AMBIENT_CHAIN = [
    {
        source: 'environment',
        label: 'environment variables (a service principal in AZURE_TENANT_ID, AZURE_CLIENT_ID and a secret or certificate)',
        fix: 'set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH)',
        missing: (env) => !env.AZURE_TENANT_ID || !env.AZURE_CLIENT_ID
            ? 'AZURE_TENANT_ID and AZURE_CLIENT_ID are not both set'
            : !env.AZURE_CLIENT_SECRET && !env.AZURE_CLIENT_CERTIFICATE_PATH
                ? 'neither AZURE_CLIENT_SECRET nor AZURE_CLIENT_CERTIFICATE_PATH is set'
                : undefined,
        create: async (env) => new (await identity()).EnvironmentCredential(authorityOptions(env)),
        timeoutMs: 20_000,
    },
    {
        source: 'workload-identity',
        label: 'workload identity (AZURE_FEDERATED_TOKEN_FILE)',
        fix: "on Kubernetes, enable workload identity for the runner pod's service account",
        missing: (env) => !env.AZURE_FEDERATED_TOKEN_FILE || !env.AZURE_TENANT_ID || !env.AZURE_CLIENT_ID
            ? 'AZURE_FEDERATED_TOKEN_FILE, AZURE_TENANT_ID and AZURE_CLIENT_ID are not all set'
            : undefined,
        create: async (env) => new (await identity()).WorkloadIdentityCredential({
            tenantId: env.AZURE_TENANT_ID,
            clientId: env.AZURE_CLIENT_ID,
            tokenFilePath: env.AZURE_FEDERATED_TOKEN_FILE,
            ...authorityOptions(env),
        }),
        timeoutMs: 20_000,
    },
    {
        source: 'managed-identity',
        label: 'the managed identity of this machine',
        fix: 'on a self-hosted runner in Azure, give the VM a managed identity (and set AZURE_CLIENT_ID for a user-assigned one)',
        missing: () => undefined,
        create: async (env) => new (await identity()).ManagedIdentityCredential(env.AZURE_CLIENT_ID ? { clientId: env.AZURE_CLIENT_ID } : {}),
        // Off Azure the metadata endpoint may never answer: do not wait long for it.
        timeoutMs: 5_000,
    },
    {
        source: 'azure-cli',
        label: 'the Azure CLI session (az login, or azure/login earlier in the job)',
        fix: "run azure/login earlier in the job (its OIDC session lasts about 5 minutes; prefer 'client-id' and 'tenant-id' for long jobs)",
        missing: () => undefined,
        create: async (env) => new (await identity()).AzureCliCredential({
            processTimeoutInMs: 15_000,
            tenantId: env.AZURE_TENANT_ID || undefined,
        }),
        timeoutMs: 20_000,
    },
];
function ambientLabel(source) {
    return AMBIENT_CHAIN.find((candidate) => candidate.source === source)?.label ?? source;
}
/** The credential of one ambient source, without trying it (the renewer uses what main found). */
async function ambientCredential(source, env = process.env) {
    const candidate = AMBIENT_CHAIN.find((c) => c.source === source);
    if (!candidate)
        throw new EntraSignInError(`Unknown Azure credential source '${source}'.`);
    return candidate.create(env);
}
/** The first line of an SDK message, short enough for a list. */
function firstLine(err) {
    const text = err instanceof Error ? err.message : String(err);
    const line = text.split('\n').find((l) => l.trim() !== '') ?? text;
    return line.length > 200 ? `${line.slice(0, 197)}...` : line.trim();
}
async function firstToken(credential, timeoutMs) {
    const signal = AbortSignal.timeout(timeoutMs);
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no token within ${timeoutMs / 1000} s`)), timeoutMs);
    });
    try {
        const token = await Promise.race([credential.getToken(_lock_storage_js__WEBPACK_IMPORTED_MODULE_0__/* .STORAGE_SCOPE */ .pg, { abortSignal: signal }), timeout]);
        if (!token)
            throw new Error('no token returned');
    }
    finally {
        clearTimeout(timer);
    }
}
/**
 * Tries the ambient sources in order and returns the first that yields a
 * storage token. When none does, the error lists each one, why it failed,
 * and how to make it work.
 */
async function findAmbientCredential(env = process.env, chain = AMBIENT_CHAIN) {
    const tried = [];
    for (const candidate of chain) {
        const missing = candidate.missing(env);
        if (missing) {
            tried.push(`${candidate.source}: ${missing}; to use it, ${candidate.fix}`);
            continue;
        }
        const credential = await candidate.create(env);
        try {
            await firstToken(credential, candidate.timeoutMs);
            return { source: candidate.source, label: candidate.label, credential };
        }
        catch (err) {
            tried.push(`${candidate.source}: ${firstLine(err)}; to use it, ${candidate.fix}`);
        }
    }
    throw new EntraSignInError(`No Azure credential found for '${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.AccountName}' without a key, SAS or '${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.ClientId}'. ` +
        `Tried, in order: ${tried.map((t, i) => `(${i + 1}) ${t}`).join('; ')}. ` +
        `Or sign in with GitHub's OIDC token: set '${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.ClientId}' and '${_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Inputs */ .G0.TenantId}' and 'permissions: id-token: write'.`);
}
async function signIn(access, options = {}) {
    const env = options.env ?? process.env;
    const { auth, endpoint } = access;
    if (auth.kind === 'shared-key' || auth.kind === 'sas') {
        return { target: { endpoint, auth }, description: auth.kind === 'sas' ? 'a SAS token' : 'the account key' };
    }
    if (auth.kind === 'federated') {
        const request = options.oidcRequest ?? oidcRequestFromEnv(env);
        const credential = await federatedCredential(auth, request, { env, onIdToken: options.onIdToken });
        if (options.check) {
            try {
                await firstToken(credential, 60_000);
            }
            catch (err) {
                throw federatedFailure(err, auth, credential.lastSubject());
            }
        }
        return {
            target: { endpoint, auth: { kind: 'token', credential } },
            description: `Entra ID through GitHub's OIDC token (client id ${auth.clientId}, tenant ${auth.tenantId})`,
        };
    }
    if (options.ambientSource) {
        return {
            target: { endpoint, auth: { kind: 'token', credential: await ambientCredential(options.ambientSource, env) } },
            description: `Entra ID with ${ambientLabel(options.ambientSource)}`,
            ambientSource: options.ambientSource,
        };
    }
    const found = await findAmbientCredential(env);
    return {
        target: { endpoint, auth: { kind: 'token', credential: found.credential } },
        description: `Entra ID with ${found.label}`,
        ambientSource: found.source,
    };
}
function federatedFailure(err, auth, subject) {
    if (err instanceof EntraSignInError)
        return err;
    if (err instanceof OidcTokenError)
        return new EntraSignInError(`${err.message}.`);
    const cause = firstLine(err);
    const match = subject
        ? ` The GitHub token's subject was '${subject}': the app's federated credential must name exactly this subject, with audience '${auth.audience}'.`
        : '';
    return new EntraSignInError(`Entra ID did not sign in client id ${auth.clientId} in tenant ${auth.tenantId} with GitHub's OIDC token: ${cause}.${match}`);
}
/** True for the errors @azure/identity raises when it cannot get a token. */
function isIdentityError(err) {
    const name = typeof err === 'object' && err !== null ? err.name : undefined;
    return (name === 'AuthenticationError' ||
        name === 'CredentialUnavailableError' ||
        name === 'AggregateAuthenticationError' ||
        name === 'AuthenticationRequiredError');
}
/** One line for an identity error that surfaced from a storage request. */
function describeIdentityError(err) {
    return `Entra ID sign-in failed: ${firstLine(err)}`;
}


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P2: () => (/* binding */ startTimeOf),
/* harmony export */   W_: () => (/* binding */ isRunning),
/* harmony export */   a7: () => (/* binding */ signalProcess),
/* harmony export */   l0: () => (/* binding */ commandLineOf),
/* harmony export */   sp: () => (/* binding */ isSignallablePid)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
// Careful handling of other processes by pid: pids come from state files and
// get reused, so nothing here signals 0, 1, a negative pid or a process group,
// and callers check a process's identity before they signal it.


/** A pid we may ever signal: a positive integer above 1. */
function isSignallablePid(pid) {
    return typeof pid === 'number' && Number.isSafeInteger(pid) && pid > 1;
}
function procStat(pid) {
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        // Fields after "(comm)": state is field 3, starttime field 22.
        return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    }
    catch {
        return undefined;
    }
}
const hasProc = (() => {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)('/proc/self/stat');
        return true;
    }
    catch {
        return false;
    }
})();
/** True while the process exists and is not a zombie. */
function isRunning(pid) {
    if (!isSignallablePid(pid))
        return false;
    try {
        process.kill(pid, 0);
    }
    catch (err) {
        if (err.code !== 'EPERM')
            return false;
    }
    if (hasProc) {
        const stat = procStat(pid);
        return stat !== undefined && stat[0] !== 'Z';
    }
    return true;
}
/** An opaque token that changes when the pid is reused by another process. */
function startTimeOf(pid) {
    if (!isSignallablePid(pid))
        return undefined;
    if (hasProc)
        return procStat(pid)?.[19];
    return runPs(pid, 'lstart=');
}
/** The process's command line, arguments joined by spaces. */
function commandLineOf(pid) {
    if (!isSignallablePid(pid))
        return undefined;
    if (hasProc) {
        try {
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
        }
        catch {
            return undefined;
        }
    }
    return runPs(pid, 'command=');
}
function runPs(pid, format) {
    if (process.platform === 'win32')
        return undefined;
    try {
        return ((0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)('ps', ['-o', format, '-p', String(pid)], { encoding: 'utf8', timeout: 5_000 }).trim() || undefined);
    }
    catch {
        return undefined;
    }
}
/** Signals one process, never a group; refuses unsafe pids. Returns whether the signal was sent. */
function signalProcess(pid, signal) {
    if (!isSignallablePid(pid))
        return false;
    try {
        process.kill(pid, signal);
        return true;
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DY: () => (/* binding */ RenewerStartError),
/* harmony export */   Fc: () => (/* binding */ stopRenewer),
/* harmony export */   IY: () => (/* binding */ workerOf),
/* harmony export */   Qw: () => (/* binding */ logFileOf),
/* harmony export */   Te: () => (/* binding */ startRenewer),
/* harmony export */   Xn: () => (/* binding */ renewerLog),
/* harmony export */   zf: () => (/* binding */ newStatusFile)
/* harmony export */ });
/* unused harmony export isOurRenewer */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_6___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_6__);
/* harmony import */ var _processes_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7451);
/* harmony import */ var _renewer_status_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3095);
// Main starts the renewer; post stops it. The renewer runs detached with no
// stdout or stderr to hold the step open; its secrets arrive on stdin, never
// on its command line or in its environment.









/** Environment variables that carry secrets or step inputs: the renewer gets none of them. */
const WITHHELD_ENV = /^(INPUT_|ACTIONS_RUNTIME_TOKEN$|ACTIONS_ID_TOKEN_REQUEST_TOKEN$|GITHUB_TOKEN$)/;
/** A fresh path for the renewer's status file, under the runner's temp folder. */
function newStatusFile() {
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(process.env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_3__.tmpdir)(), 'azure-mutex');
    (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.mkdirSync)(dir, { recursive: true, mode: 0o700 });
    return (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dir, `renewer-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomUUID)()}.json`);
}
function logFileOf(statusFile) {
    return statusFile.replace(/\.json$/, '.log');
}
/** The worker to watch: main's parent, unless that is init or a container's pid 1. */
function workerOf(ppid) {
    return (0,_processes_js__WEBPACK_IMPORTED_MODULE_7__/* .isSignallablePid */ .sp)(ppid) ? { pid: ppid, startTime: (0,_processes_js__WEBPACK_IMPORTED_MODULE_7__/* .startTimeOf */ .P2)(ppid) } : undefined;
}
function renewerScript() {
    // This code runs from a file in dist/bundle/ (npm run build), beside dist/renewer/index.js.
    return (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.dirname)((0,node_url__WEBPACK_IMPORTED_MODULE_6__.fileURLToPath)(import.meta.url)), '..', 'renewer', 'index.js');
}
class RenewerStartError extends Error {
    name = 'RenewerStartError';
}
/**
 * Spawns the renewer and waits until it has renewed the lease once. Throws
 * RenewerStartError if it exits, fails, or does not confirm within the time.
 * The caller still owns the lease on failure and must release it.
 */
async function startRenewer(config, statusFile, options = {}) {
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !WITHHELD_ENV.test(name)));
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(process.execPath, [renewerScript(), statusFile], {
        detached: true,
        stdio: ['pipe', 'ignore', 'ignore'],
        env,
    });
    let exited;
    child.once('exit', (code, signal) => (exited = signal ? `signal ${signal}` : `exit code ${code}`));
    child.once('error', (err) => (exited = err.message));
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(JSON.stringify(config));
    child.unref();
    const pid = child.pid;
    if (pid === undefined)
        throw new RenewerStartError('The renewer process could not be started.');
    const deadline = Date.now() + (options.readyTimeoutMs ?? 20_000);
    for (;;) {
        const status = (0,_renewer_status_js__WEBPACK_IMPORTED_MODULE_8__/* .readStatus */ .r)(statusFile);
        if (status?.state === 'renewing')
            return pid;
        if (status && status.state !== 'starting') {
            throw new RenewerStartError(`The renewer stopped before it confirmed the lease (${status.state}: ${status.reason ?? 'no reason given'}).`);
        }
        if (exited)
            throw new RenewerStartError(`The renewer exited before it confirmed the lease (${exited}).`);
        if (options.signal?.aborted) {
            (0,_processes_js__WEBPACK_IMPORTED_MODULE_7__/* .signalProcess */ .a7)(pid, 'SIGKILL');
            throw new RenewerStartError('Cancelled while the renewer was starting.');
        }
        if (Date.now() > deadline) {
            (0,_processes_js__WEBPACK_IMPORTED_MODULE_7__/* .signalProcess */ .a7)(pid, 'SIGKILL');
            throw new RenewerStartError('The renewer did not confirm the lease within 20 s.');
        }
        await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_5__.setTimeout)(25);
    }
}
/** True when pid is alive and is the renewer that writes this status file. */
function isOurRenewer(pid, statusFile) {
    return (0,_processes_js__WEBPACK_IMPORTED_MODULE_7__/* .isRunning */ .W_)(pid) && ((0,_processes_js__WEBPACK_IMPORTED_MODULE_7__/* .commandLineOf */ .l0)(pid)?.includes(statusFile) ?? false);
}
/**
 * Asks the renewer to release the lease and exit (SIGTERM), and waits for it.
 * A renewer that does not exit in time is killed. A pid that is no longer our
 * renewer is left alone.
 */
async function stopRenewer(pid, statusFile, timeoutMs = 15_000) {
    const renewerPid = pid ?? (0,_renewer_status_js__WEBPACK_IMPORTED_MODULE_8__/* .readStatus */ .r)(statusFile)?.pid;
    if (renewerPid === undefined || !isOurRenewer(renewerPid, statusFile)) {
        return { kind: 'not-running', status: (0,_renewer_status_js__WEBPACK_IMPORTED_MODULE_8__/* .readStatus */ .r)(statusFile) };
    }
    (0,_processes_js__WEBPACK_IMPORTED_MODULE_7__/* .signalProcess */ .a7)(renewerPid, 'SIGTERM');
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        if (!(0,_processes_js__WEBPACK_IMPORTED_MODULE_7__/* .isRunning */ .W_)(renewerPid))
            return { kind: 'stopped', status: (0,_renewer_status_js__WEBPACK_IMPORTED_MODULE_8__/* .readStatus */ .r)(statusFile) };
        await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_5__.setTimeout)(25);
    }
    if (isOurRenewer(renewerPid, statusFile))
        (0,_processes_js__WEBPACK_IMPORTED_MODULE_7__/* .signalProcess */ .a7)(renewerPid, 'SIGKILL');
    return { kind: 'killed', status: (0,_renewer_status_js__WEBPACK_IMPORTED_MODULE_8__/* .readStatus */ .r)(statusFile) };
}
/** The renewer's log, for post to show; empty when there is none. */
function renewerLog(statusFile) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readFileSync)(logFileOf(statusFile), 'utf8');
    }
    catch {
        return '';
    }
}


/***/ }),

/***/ 3095:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ writeStatus),
/* harmony export */   r: () => (/* binding */ readStatus)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
// The renewer's status file: how the detached renewer tells main that it is
// renewing, and tells post whether the lease was kept, released or lost.
// Written whole and renamed into place, so a reader never sees half a file.

function writeStatus(path, status) {
    const tmp = `${path}.${process.pid}.tmp`;
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(tmp, JSON.stringify(status), { mode: 0o600 });
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(tmp, path);
}
function readStatus(path) {
    try {
        return JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8'));
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 6307:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ parseDuration),
/* harmony export */   a: () => (/* binding */ formatDuration)
/* harmony export */ });
// Durations as people write them in workflow files: 90, 90s, 15m, 2h.
const DURATION = /^(\d+)\s*(s|m|h)?$/i;
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000 };
/** Milliseconds for '90', '90s', '15m' or '2h'; undefined when the text is not one of those forms. */
function parseDuration(text) {
    const match = DURATION.exec(text.trim());
    if (!match)
        return undefined;
    const unit = (match[2] ?? 's').toLowerCase();
    const ms = Number(match[1]) * UNIT_MS[unit];
    return Number.isSafeInteger(ms) ? ms : undefined;
}
/** '2h 5m', '1m 30s', '12s', '0.4s': short and exact enough for a log line. */
function formatDuration(ms) {
    if (ms < 10_000)
        return `${(Math.max(0, ms) / 1000).toFixed(1).replace(/\.0$/, '')}s`;
    const total = Math.round(ms / 1000);
    const h = Math.floor(total / 3600);
    const m = Math.floor((total % 3600) / 60);
    const s = total % 60;
    const parts = [h ? `${h}h` : '', m ? `${m}m` : '', s && !h ? `${s}s` : ''];
    return parts.filter(Boolean).join(' ') || '0s';
}


/***/ }),

/***/ 2960:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ku: () => (/* binding */ LockError),
/* harmony export */   XB: () => (/* binding */ LockTimeoutError),
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   pw: () => (/* binding */ LockCancelledError),
/* harmony export */   rb: () => (/* binding */ describeStorageError),
/* harmony export */   rg: () => (/* binding */ describeStorageErrorBrief),
/* harmony export */   se: () => (/* binding */ statusCode),
/* harmony export */   t6: () => (/* binding */ storageErrorCode)
/* harmony export */ });
/* unused harmony export isAbort */
// How the lock core reads failures from storage: the error code Azure gave,
// whether another try may succeed, and a plain sentence for people.
/** A failure the user can act on; its message is shown as is, without a stack. */
class LockError extends Error {
    name = 'LockError';
}
/** Raised when the wait for the lease passes its limit. */
class LockTimeoutError extends LockError {
    name = 'LockTimeoutError';
}
/** Raised when the wait is abandoned because the step is being cancelled. */
class LockCancelledError extends LockError {
    name = 'LockCancelledError';
}
/** Azure's error code (from the body, or the x-ms-error-code header on HEAD), or a Node network code. */
function storageErrorCode(err) {
    if (typeof err !== 'object' || err === null)
        return undefined;
    const e = err;
    const code = e.details?.errorCode ?? e.code;
    // DOMExceptions (an aborted signal's reason) carry a legacy numeric code: not an Azure code.
    return typeof code === 'string' ? code : undefined;
}
function statusCode(err) {
    if (typeof err !== 'object' || err === null)
        return undefined;
    return err.statusCode;
}
const NETWORK_CODES = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'EAI_AGAIN',
    'ENOTFOUND',
    'EPIPE',
    'REQUEST_SEND_ERROR',
]);
function isAbort(err) {
    const name = typeof err === 'object' && err !== null ? err.name : undefined;
    return name === 'AbortError' || name === 'TimeoutError';
}
/** Failures another try may cure: throttling, server errors, timeouts and lost connections. */
function isTransient(err) {
    const status = statusCode(err);
    if (status !== undefined && (status === 408 || status === 429 || status >= 500))
        return true;
    if (status !== undefined && status > 0)
        return false;
    const code = storageErrorCode(err);
    return code === undefined || NETWORK_CODES.has(code) || isAbort(err);
}
const FORBIDDEN_HINTS = {
    AuthenticationFailed: 'the credentials were not accepted. Check the account key, SAS token or connection string, and that a SAS has not expired.',
    AuthorizationFailure: 'the request was not authorized. Check the account key (Azurite answers a wrong key this way), ' +
        "the SAS token's permissions, and the account's network rules.",
    AuthorizationPermissionMismatch: 'the credential is valid but lacks permission. It needs read, write and lease rights on the lock blob, ' +
        'and create rights on the container if it does not exist yet.',
    KeyBasedAuthenticationNotPermitted: 'the storage account does not allow shared key access. Use a SAS or Entra ID instead of an account key.',
};
/**
 * With an Entra ID token, a 403 means the identity is known but has no data
 * role: management roles such as Owner or Contributor do not grant blob access.
 */
function roleHint(container) {
    const scope = container
        ? `the container '${container}' (scope .../storageAccounts/<account>/blobServices/default/containers/${container}) or the storage account`
        : 'the storage account or the lock container';
    return (`the identity signed in but has no data access. Assign it the role Storage Blob Data Contributor on ${scope}; ` +
        'Owner and Contributor do not grant access to blob data. A new role assignment can take a few minutes to apply.');
}
/**
 * Turns a storage failure into one sentence that says what went wrong and what
 * to check, without echoing request URLs (they may carry a SAS token).
 */
function describeStorageError(err, endpoint, context = {}) {
    const status = statusCode(err);
    const code = storageErrorCode(err);
    if (status === 403 &&
        context.tokenAuth &&
        (code === 'AuthorizationPermissionMismatch' || code === 'AuthorizationFailure')) {
        return `Azure refused access to ${endpoint} (403 ${code}): ${roleHint(context.container)}`;
    }
    if (status === 403)
        return `Azure refused access to ${endpoint} (403 ${code ?? 'Forbidden'}): ${FORBIDDEN_HINTS[code ?? ''] ?? FORBIDDEN_HINTS.AuthenticationFailed}`;
    if (status === 404 && code === 'ResourceNotFound') {
        return `The storage account at ${endpoint} was not found (404 ResourceNotFound): check account-name and blob-endpoint.`;
    }
    if (status !== undefined && status > 0) {
        return `Azure answered ${status} ${code ?? ''} from ${endpoint}.`.replace(' .', '.');
    }
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
        return `Cannot resolve the blob endpoint ${endpoint} (${code}): check account-name and blob-endpoint.`;
    }
    if (isAbort(err))
        return `The request to ${endpoint} timed out.`;
    return `Cannot reach the blob endpoint ${endpoint} (${code ?? 'network error'}).`;
}
/** "409 LeaseIdMismatchWithLeaseOperation", "ECONNREFUSED", "timeout": short enough for a status line. */
function describeStorageErrorBrief(err) {
    if (isAbort(err))
        return 'timeout';
    const status = statusCode(err);
    const code = storageErrorCode(err);
    return [status || undefined, code].filter(Boolean).join(' ') || (err instanceof Error ? err.message : String(err));
}


/***/ }),

/***/ 7053:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I4: () => (/* binding */ holderKey),
/* harmony export */   Jp: () => (/* binding */ holderToMetadata),
/* harmony export */   ez: () => (/* binding */ holderFromMetadata),
/* harmony export */   sG: () => (/* binding */ describeHolder)
/* harmony export */ });
// The holder record: who holds the lease, written as blob metadata under the
// lease so that waiters can say who they are waiting for and since when.
const FIELDS = [
    ['repository', 'holder_repository'],
    ['workflow', 'holder_workflow'],
    ['job', 'holder_job'],
    ['runId', 'holder_run_id'],
    ['runAttempt', 'holder_run_attempt'],
    ['actor', 'holder_actor'],
    ['runUrl', 'holder_run_url'],
    ['acquiredAt', 'holder_acquired_at'],
];
/**
 * Metadata travels in HTTP headers: ASCII only, and spaces at either end are
 * trimmed. Percent-encode everything else, '%' itself, and those spaces.
 */
function encodeValue(value) {
    const ascii = value.replace(/[^\x20-\x24\x26-\x7e]/gu, (ch) => {
        try {
            return encodeURIComponent(ch);
        }
        catch {
            return '%EF%BF%BD'; // a lone surrogate: store U+FFFD instead
        }
    });
    return ascii.replace(/^ +| +$/g, (spaces) => '%20'.repeat(spaces.length));
}
function decodeValue(value) {
    try {
        return decodeURIComponent(value);
    }
    catch {
        return value;
    }
}
function holderToMetadata(record) {
    const metadata = {};
    for (const [field, key] of FIELDS)
        metadata[key] = encodeValue(record[field]);
    return metadata;
}
/** The record on a blob, or undefined when the blob carries none (a lease taken by az CLI or go-azuremutex). */
function holderFromMetadata(metadata) {
    if (!metadata || metadata.holder_acquired_at === undefined)
        return undefined;
    const record = {};
    for (const [field, key] of FIELDS)
        record[field] = decodeValue(metadata[key] ?? '');
    return record;
}
/** One line naming the holder, e.g. "octo/api run 42 (attempt 1, job deploy, actor mona) since 2026-11-26T05:00:00Z". */
function describeHolder(record) {
    if (!record)
        return 'an unknown holder (a client that writes no holder record)';
    const who = [record.repository || 'unknown repository', record.workflow && `workflow "${record.workflow}"`]
        .filter(Boolean)
        .join(' ');
    const details = [
        record.runAttempt && `attempt ${record.runAttempt}`,
        record.job && `job ${record.job}`,
        record.actor && `actor ${record.actor}`,
    ]
        .filter(Boolean)
        .join(', ');
    const run = record.runId ? ` run ${record.runId}${details ? ` (${details})` : ''}` : '';
    const url = record.runUrl ? ` ${record.runUrl}` : '';
    return `${who}${run} since ${record.acquiredAt}${url}`;
}
/** A stable identity for "has the holder changed?" comparisons. */
function holderKey(record) {
    return record
        ? `${record.repository}|${record.runId}|${record.runAttempt}|${record.job}|${record.acquiredAt}`
        : 'unknown';
}


/***/ }),

/***/ 5246:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ LockBlob),
/* harmony export */   A: () => (/* binding */ isLeaseGone)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2960);
/* harmony import */ var _holder_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7053);
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
    const code = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .storageErrorCode */ .t6)(err);
    return code !== undefined && LEASE_GONE.has(code);
}
function isMissing(err) {
    const code = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .storageErrorCode */ .t6)(err);
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .statusCode */ .se)(err) === 404 && (code === 'BlobNotFound' || code === 'ContainerNotFound' || code === undefined);
}
class LockBlob {
    container;
    blob;
    name;
    constructor(container, name) {
        this.container = container;
        this.name = name;
        this.blob = container.getBlobClient(name);
    }
    /** A description of where the lock lives, without credentials: account/container/blob. */
    get location() {
        return `${this.container.accountName}/${this.container.containerName}/${this.name}`;
    }
    /** One HEAD request: the lease state and the holder record. */
    async view(abortSignal) {
        try {
            const props = await this.blob.getProperties({ abortSignal });
            const record = (0,_holder_js__WEBPACK_IMPORTED_MODULE_1__/* .holderFromMetadata */ .ez)(props.metadata);
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
    async create(abortSignal) {
        try {
            return (await this.createBlob(abortSignal)) ? 'blob' : 'nothing';
        }
        catch (err) {
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .storageErrorCode */ .t6)(err) !== 'ContainerNotFound')
                throw err;
        }
        const { succeeded } = await this.container.createIfNotExists({ abortSignal });
        const blob = await this.createBlob(abortSignal);
        return succeeded ? 'container' : blob ? 'blob' : 'nothing';
    }
    /** True when this call created the blob, false when it existed already. */
    async createBlob(abortSignal) {
        try {
            await this.blob.getBlockBlobClient().upload('', 0, { abortSignal, conditions: { ifNoneMatch: '*' } });
            return true;
        }
        catch (err) {
            // Exists already: 409 BlobAlreadyExists, or 412 LeaseIdMissing on Azure when it is leased.
            const code = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .storageErrorCode */ .t6)(err);
            if (code === 'BlobAlreadyExists' || code === 'LeaseIdMissing' || (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .statusCode */ .se)(err) === 412)
                return false;
            throw err;
        }
    }
    /** Tries once to take the lease with our own id. Retrying with the same id is idempotent. */
    async acquire(leaseId, durationSeconds, abortSignal) {
        try {
            await this.blob.getBlobLeaseClient(leaseId).acquireLease(durationSeconds, { abortSignal });
            return 'acquired';
        }
        catch (err) {
            if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .storageErrorCode */ .t6)(err) === 'LeaseAlreadyPresent')
                return 'held-by-other';
            if (isMissing(err))
                return 'missing';
            throw err;
        }
    }
    /** Writes who holds the lock. Needs the lease; replaces all metadata on the blob. */
    async writeHolder(leaseId, record, abortSignal) {
        await this.blob.setMetadata((0,_holder_js__WEBPACK_IMPORTED_MODULE_1__/* .holderToMetadata */ .Jp)(record), { abortSignal, conditions: { leaseId } });
    }
    /** Renews our lease; throws when it fails (see isLeaseGone for a definite loss). */
    async renew(leaseId, abortSignal) {
        await this.blob.getBlobLeaseClient(leaseId).renewLease({ abortSignal });
    }
    /**
     * Clears the holder record and releases our lease. 'not-held' means the lease
     * was no longer ours (expired and taken, broken, or the blob is gone): nothing
     * of anybody else's is touched in that case.
     */
    async release(leaseId, abortSignal) {
        try {
            await this.blob.setMetadata({}, { abortSignal, conditions: { leaseId } });
            await this.blob.getBlobLeaseClient(leaseId).releaseLease({ abortSignal });
            return 'released';
        }
        catch (err) {
            if (isLeaseGone(err) || (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .statusCode */ .se)(err) === 412)
                return 'not-held';
            throw err;
        }
    }
}


/***/ }),

/***/ 4906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fj: () => (/* binding */ secretsOf),
/* harmony export */   HH: () => (/* binding */ parseConnectionString),
/* harmony export */   Kp: () => (/* binding */ accountKeyProblem),
/* harmony export */   QA: () => (/* binding */ STEP_RETRY),
/* harmony export */   co: () => (/* binding */ normalizeSasToken),
/* harmony export */   ix: () => (/* binding */ StorageConfigError),
/* harmony export */   lI: () => (/* binding */ normalizeEndpoint),
/* harmony export */   nQ: () => (/* binding */ defaultEndpoint),
/* harmony export */   pg: () => (/* binding */ STORAGE_SCOPE),
/* harmony export */   wW: () => (/* binding */ containerClientFor),
/* harmony export */   w_: () => (/* binding */ accountNameProblem)
/* harmony export */ });
/* harmony import */ var _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(728);
// Where the lock lives and how we sign in to it: endpoint plus credential,
// turned into a ContainerClient with retry settings that suit each caller.

/** The scope of an Entra ID access token for Azure Storage. */
const STORAGE_SCOPE = 'https://storage.azure.com/.default';
/** Why a piece of configuration is unusable. The message never contains the secret itself. */
class StorageConfigError extends Error {
    name = 'StorageConfigError';
}
const ACCOUNT_NAME = /^[a-z0-9]{3,24}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
function accountNameProblem(name) {
    return ACCOUNT_NAME.test(name) ? undefined : 'expected 3 to 24 lowercase letters and digits';
}
function accountKeyProblem(key) {
    return BASE64.test(key) && key.length % 4 === 0 ? undefined : 'expected a base64 account key';
}
/** The token without a leading '?'; it must at least carry a signature. */
function normalizeSasToken(token) {
    const sas = token.trim().replace(/^\?/, '');
    if (!/(^|&)sig=[^&]+/.test(sas)) {
        throw new StorageConfigError("expected a SAS token such as 'sv=...&sp=...&sig=...' (it has no sig= part)");
    }
    return sas;
}
/** An http(s) URL with no query or fragment, without a trailing slash. */
function normalizeEndpoint(url) {
    let parsed;
    try {
        parsed = new URL(url.trim());
    }
    catch {
        throw new StorageConfigError("expected an http(s) URL such as 'https://myaccount.blob.core.windows.net'");
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
        throw new StorageConfigError(`expected an http or https URL, not ${parsed.protocol}`);
    }
    if (parsed.search || parsed.hash || /[?#]/.test(url)) {
        throw new StorageConfigError('expected a URL without a query; give a SAS token in sas-token instead');
    }
    return parsed.toString().replace(/\/+$/, '');
}
function defaultEndpoint(accountName, protocol = 'https', suffix = 'core.windows.net') {
    return `${protocol}://${accountName}.blob.${suffix}`;
}
const CONNECTION_STRING_KEYS = new Set([
    'DefaultEndpointsProtocol',
    'AccountName',
    'AccountKey',
    'SharedAccessSignature',
    'EndpointSuffix',
    'BlobEndpoint',
    'BlobSecondaryEndpoint',
    'QueueEndpoint',
    'TableEndpoint',
    'FileEndpoint',
    'UseDevelopmentStorage',
    'DevelopmentStorageProxyUri',
].map((key) => key.toLowerCase()));
/**
 * Reads an Azure Storage connection string: account key or SAS, with BlobEndpoint
 * or the endpoint built from AccountName, DefaultEndpointsProtocol and EndpointSuffix.
 */
function parseConnectionString(text) {
    const fields = new Map();
    for (const segment of text.trim().split(';')) {
        if (segment.trim() === '')
            continue;
        const eq = segment.indexOf('=');
        if (eq <= 0) {
            throw new StorageConfigError("expected 'Key=Value' pairs separated by ';' (a part has no '=')");
        }
        const key = segment.slice(0, eq).trim().toLowerCase();
        // An unknown key is often a pasted secret: say so without echoing it.
        if (!CONNECTION_STRING_KEYS.has(key)) {
            throw new StorageConfigError("expected 'Key=Value' pairs separated by ';' such as AccountName=...;AccountKey=... (a part is not a known setting)");
        }
        fields.set(key, segment.slice(eq + 1).trim());
    }
    if (fields.get('usedevelopmentstorage')?.toLowerCase() === 'true') {
        return {
            endpoint: `http://127.0.0.1:10000/${DEV_ACCOUNT}`,
            auth: { kind: 'shared-key', accountName: DEV_ACCOUNT, accountKey: DEV_KEY },
        };
    }
    const accountName = fields.get('accountname');
    const accountKey = fields.get('accountkey');
    const sas = fields.get('sharedaccesssignature');
    const blobEndpoint = fields.get('blobendpoint');
    if (accountName !== undefined && accountNameProblem(accountName)) {
        throw new StorageConfigError(`AccountName is not a storage account name (${accountNameProblem(accountName)})`);
    }
    if (accountKey !== undefined && sas !== undefined) {
        throw new StorageConfigError('it has both AccountKey and SharedAccessSignature; keep one of them');
    }
    let endpoint;
    if (blobEndpoint) {
        endpoint = normalizeEndpoint(blobEndpoint);
    }
    else if (accountName) {
        const protocol = (fields.get('defaultendpointsprotocol') ?? 'https').toLowerCase();
        if (protocol !== 'https' && protocol !== 'http') {
            throw new StorageConfigError('expected DefaultEndpointsProtocol=https or http');
        }
        endpoint = defaultEndpoint(accountName, protocol, fields.get('endpointsuffix') ?? 'core.windows.net');
    }
    else {
        throw new StorageConfigError('expected AccountName=... or BlobEndpoint=... in the connection string');
    }
    if (accountKey !== undefined) {
        if (!accountName)
            throw new StorageConfigError('AccountKey is given without AccountName');
        if (accountKeyProblem(accountKey))
            throw new StorageConfigError('AccountKey is not a base64 key');
        return { endpoint, auth: { kind: 'shared-key', accountName, accountKey } };
    }
    if (sas !== undefined)
        return { endpoint, auth: { kind: 'sas', sasToken: normalizeSasToken(sas) } };
    throw new StorageConfigError('expected AccountKey=... or SharedAccessSignature=... in the connection string');
}
/** The secret parts of a target, to be masked in logs. */
function secretsOf(target) {
    const auth = target.auth;
    if (auth.kind === 'shared-key')
        return [auth.accountKey];
    if (auth.kind === 'sas')
        return [auth.sasToken];
    // A token credential holds no long-lived secret; the tokens it fetches are short-lived and never logged.
    return [];
}
function containerClientFor(target, container, options = {}) {
    const { auth } = target;
    if (auth.kind === 'token' && !target.endpoint.startsWith('https://')) {
        throw new StorageConfigError(`Entra ID tokens are sent only over https, and the blob endpoint ${target.endpoint} is http`);
    }
    const credential = auth.kind === 'shared-key'
        ? new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .StorageSharedKeyCredential */ .Z3(auth.accountName, auth.accountKey)
        : auth.kind === 'token'
            ? auth.credential
            : new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .AnonymousCredential */ .tv();
    const url = auth.kind === 'sas' ? `${target.endpoint}?${auth.sasToken}` : target.endpoint;
    const pipeline = (0,_azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .newPipeline */ .vC)(credential, {
        retryOptions: options.retry,
        userAgentOptions: { userAgentPrefix: options.userAgent ?? 'azure-mutex-action' },
    });
    return new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .BlobServiceClient */ .wS(url, pipeline).getContainerClient(container);
}
/**
 * SDK retry settings for the steps (main's waiter, post's own release): a
 * failing endpoint is reported within about 25 s (3 tries of at most 8 s)
 * instead of the SDK's default minute.
 */
const STEP_RETRY = {
    maxTries: 3,
    tryTimeoutInMs: 8_000,
    retryDelayInMs: 500,
    maxRetryDelayInMs: 2_000,
};


/***/ })

};
