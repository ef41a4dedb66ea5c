export const id = 873;
export const ids = [873];
export const modules = {

/***/ 9916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $y: () => (/* binding */ isBreakKey),
/* harmony export */   Li: () => (/* binding */ describeBreak),
/* harmony export */   gr: () => (/* binding */ breakToMetadata),
/* harmony export */   po: () => (/* binding */ newBreakRecord),
/* harmony export */   rP: () => (/* binding */ breakFromMetadata),
/* harmony export */   sr: () => (/* binding */ breakApplies)
/* harmony export */ });
/* unused harmony export BREAK_KEYS */
/* harmony import */ var _holder_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7053);
/* harmony import */ var _untrusted_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4469);
// The break record: who broke a lock's lease, why and when, written on the
// blob as metadata beside the holder record and others' keys. The holder whose
// lease was broken finds it there when its post step reports the loss. Like
// the holder record, a record read from a blob is input from strangers: it is
// kept exactly as read and shown only through describeBreak.


const FIELDS = [
    ['repository', 'break_repository'],
    ['runId', 'break_run_id'],
    ['runUrl', 'break_run_url'],
    ['actor', 'break_actor'],
    ['reason', 'break_reason'],
    ['brokenAt', 'break_at'],
    ['holderRepository', 'break_holder_repository'],
    ['holderRunId', 'break_holder_run_id'],
    ['holderAcquiredAt', 'break_holder_acquired_at'],
];
/** The keys of the break record; the next break replaces them, and nothing else removes them. */
const BREAK_KEYS = FIELDS.map(([, key]) => key);
function isBreakKey(key) {
    return BREAK_KEYS.includes(key.toLowerCase());
}
/** The record for breaking the lease of `holder` (undefined: a lease without a holder record). */
function newBreakRecord(breaker, reason, brokenAt, holder) {
    return {
        repository: breaker.repository,
        runId: breaker.runId,
        runUrl: breaker.runUrl,
        actor: breaker.actor,
        reason,
        brokenAt: brokenAt.toISOString(),
        holderRepository: holder?.repository ?? '',
        holderRunId: holder?.runId ?? '',
        holderAcquiredAt: holder?.acquiredAt ?? '',
    };
}
function breakToMetadata(record) {
    const metadata = {};
    for (const [field, key] of FIELDS)
        metadata[key] = (0,_holder_js__WEBPACK_IMPORTED_MODULE_0__/* .encodeValue */ .It)(record[field]);
    return metadata;
}
/** The break record on a blob, or undefined when it carries none. */
function breakFromMetadata(metadata) {
    if (!metadata)
        return undefined;
    const values = new Map(Object.entries(metadata).map(([key, value]) => [key.toLowerCase(), value]));
    if (values.get('break_at') === undefined)
        return undefined;
    const record = {};
    for (const [field, key] of FIELDS)
        record[field] = (0,_holder_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeValue */ .wz)(values.get(key) ?? '');
    return record;
}
/**
 * Whether a break record is about this hold, and not an older break (or one
 * of another holder's leases) left on the blob. A record that names the hold
 * it broke must name this one: the time it was taken, to the millisecond, and
 * its run. One that names none (it broke a lease without a holder record) is
 * believed only when it was made after this hold began. No clocks are compared
 * when the record names a hold, so runners' clock skew cannot mislead it.
 */
function breakApplies(record, hold) {
    if (record.holderAcquiredAt !== '') {
        return (record.holderAcquiredAt === hold.acquiredAt && (record.holderRunId === '' || record.holderRunId === hold.runId));
    }
    const brokenAt = Date.parse(record.brokenAt);
    return !Number.isNaN(brokenAt) && brokenAt >= Date.parse(hold.acquiredAt);
}
/**
 * One line, e.g. 'broken at 2026-11-26T05:00:00.000Z by octo/ops run 77
 * (actor mona) https://…: "runner vm died"'. Every value is shown through
 * showUntrusted, so the line is safe to log whoever wrote the record.
 */
function describeBreak(record) {
    const show = (field) => (0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_1__/* .showUntrusted */ .G)(record[field]);
    const run = record.runId ? ` run ${show('runId')}` : '';
    const actor = record.actor ? ` (actor ${show('actor')})` : '';
    const url = record.runUrl ? ` ${show('runUrl')}` : '';
    return `broken at ${show('brokenAt')} by ${show('repository') || 'an unknown repository'}${run}${actor}${url}: "${show('reason')}"`;
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
/* harmony export */   DH: () => (/* binding */ RequestTimeoutError),
/* harmony export */   Ku: () => (/* binding */ LockError),
/* harmony export */   XB: () => (/* binding */ LockTimeoutError),
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   pw: () => (/* binding */ LockCancelledError),
/* harmony export */   rb: () => (/* binding */ describeStorageError),
/* harmony export */   rg: () => (/* binding */ describeStorageErrorBrief),
/* harmony export */   se: () => (/* binding */ statusCode),
/* harmony export */   t6: () => (/* binding */ storageErrorCode),
/* harmony export */   yo: () => (/* binding */ UserError)
/* harmony export */ });
/* unused harmony export isAbort */
/* harmony import */ var _untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4469);
// How the lock core reads failures from storage: the error code Azure gave,
// whether another try may succeed, and a plain sentence for people.

/**
 * A failure the user can act on. Its message is one line that says what is
 * wrong and what to do, and it is shown as is, without a stack. Every error
 * meant for people extends it, so the action layer checks one type.
 */
class UserError extends Error {
    name = 'UserError';
}
/** A failure of the lock itself: a timeout, a cancel, a lease that could not be kept. */
class LockError extends UserError {
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
/**
 * A request that got no answer within its client-side deadline. The SDK's own
 * tryTimeoutInMs only asks the service to give up; a stalled connection is cut
 * only by an abort signal, and this says which deadline it was.
 */
class RequestTimeoutError extends Error {
    name = 'RequestTimeoutError';
    code = 'ETIMEDOUT';
    timeoutMs;
    constructor(timeoutMs) {
        super(`no answer within ${timeoutMs / 1000} s`);
        this.timeoutMs = timeoutMs;
    }
}
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
    AuthorizationResourceTypeMismatch: 'the SAS does not cover this kind of resource. An account SAS needs the resource types container and object ' +
        '(srt=co: object for the lock blob, container to create the container); a service SAS must be made for the ' +
        'lock container (sr=c), not for a single blob.',
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
    // The code comes from whoever answers at the endpoint: shown, like any text we did not write, through showUntrusted.
    const shownCode = code === undefined ? undefined : (0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .showUntrusted */ .G)(code, 80);
    if (status === 403 &&
        context.tokenAuth &&
        (code === 'AuthorizationPermissionMismatch' || code === 'AuthorizationFailure')) {
        return `Azure refused access to ${endpoint} (403 ${code}): ${roleHint(context.container)}`;
    }
    if (status === 403) {
        const hint = (code !== undefined && Object.hasOwn(FORBIDDEN_HINTS, code) && FORBIDDEN_HINTS[code]) || undefined;
        return `Azure refused access to ${endpoint} (403 ${shownCode ?? 'Forbidden'}): ${hint ?? FORBIDDEN_HINTS.AuthenticationFailed}`;
    }
    if (status === 404 && code === 'ResourceNotFound') {
        return `The storage account at ${endpoint} was not found (404 ResourceNotFound): check the account name and the blob endpoint.`;
    }
    if (status !== undefined && status > 0) {
        return `Azure answered ${[status, shownCode].filter(Boolean).join(' ')} from ${endpoint}.`;
    }
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
        return `Cannot resolve the blob endpoint ${endpoint} (${code}): check the account name and the blob endpoint.`;
    }
    if (err instanceof RequestTimeoutError) {
        return `Cannot reach the blob endpoint ${endpoint} (no answer within ${err.timeoutMs / 1000} s).`;
    }
    if (isAbort(err))
        return `The request to ${endpoint} timed out.`;
    return `Cannot reach the blob endpoint ${endpoint} (${shownCode ?? 'network error'}).`;
}
/** "409 LeaseIdMismatchWithLeaseOperation", "ECONNREFUSED", "timeout": short enough for a status line. */
function describeStorageErrorBrief(err) {
    if (err instanceof RequestTimeoutError)
        return err.message;
    if (isAbort(err))
        return 'timeout';
    const status = statusCode(err);
    const code = storageErrorCode(err);
    const brief = [status || undefined, code].filter(Boolean).join(' ') || (err instanceof Error ? err.message : String(err));
    return (0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .showUntrusted */ .G)(brief, 120);
}


/***/ }),

/***/ 7053:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AG: () => (/* binding */ briefHolderSeen),
/* harmony export */   I4: () => (/* binding */ holderKey),
/* harmony export */   It: () => (/* binding */ encodeValue),
/* harmony export */   Jp: () => (/* binding */ holderToMetadata),
/* harmony export */   L_: () => (/* binding */ identityToMetadata),
/* harmony export */   NW: () => (/* binding */ describeHolderSeen),
/* harmony export */   T5: () => (/* binding */ freshnessOf),
/* harmony export */   _L: () => (/* binding */ isHolderKey),
/* harmony export */   ez: () => (/* binding */ holderFromMetadata),
/* harmony export */   p2: () => (/* binding */ briefHolder),
/* harmony export */   q9: () => (/* binding */ identityFromMetadata),
/* harmony export */   sG: () => (/* binding */ describeHolder),
/* harmony export */   wz: () => (/* binding */ decodeValue),
/* harmony export */   z: () => (/* binding */ holderSeenKey)
/* harmony export */ });
/* unused harmony exports HOLDER_KEYS, shownTime */
/* harmony import */ var _untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4469);
// The holder record: who holds the lease, written as blob metadata under the
// lease so that waiters can say who they are waiting for and since when.
// A record read from a blob is input from strangers: it is kept exactly as
// read (for comparisons) and shown only through describeHolder.

const FIELDS = [
    ['repository', 'holder_repository'],
    ['workflow', 'holder_workflow'],
    ['job', 'holder_job'],
    ['runId', 'holder_run_id'],
    ['runAttempt', 'holder_run_attempt'],
    ['actor', 'holder_actor'],
    ['runUrl', 'holder_run_url'],
    ['acquiredAt', 'holder_acquired_at'],
    ['leaseSeconds', 'holder_lease_seconds'],
    ['ticket', 'holder_ticket'],
];
/** Fields that older records lack: read back only when present. */
const OPTIONAL_FIELDS = new Set(['leaseSeconds', 'ticket']);
/** The fields that say who, not when: the ones a queue entry carries too. */
const IDENTITY_FIELDS = FIELDS.filter(([field]) => field !== 'acquiredAt' && !OPTIONAL_FIELDS.has(field));
/** The keys of the record on the blob; other keys on it belong to others and are left alone. */
const HOLDER_KEYS = FIELDS.map(([, key]) => key);
/** True for a metadata key of the holder record (metadata keys are case-insensitive). */
function isHolderKey(key) {
    return HOLDER_KEYS.includes(key.toLowerCase());
}
/**
 * Metadata travels in HTTP headers: ASCII only, and white space at either end
 * is trimmed (runs of it may be folded by whatever relays the header).
 * Percent-encode everything else, '%' itself, and every space that is not a
 * single space between two other characters, so that the value reads back
 * exactly. A lone surrogate, which no runner variable can hold, is stored as
 * U+FFFD.
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
    return ascii.replace(/ +/g, (spaces, at) => spaces.length === 1 && at > 0 && at + 1 < ascii.length ? ' ' : '%20'.repeat(spaces.length));
}
/** A metadata value as encodeValue wrote it, decoded; a value it cannot decode is kept as it is. */
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
    for (const [field, key] of FIELDS) {
        const value = record[field];
        if (value !== undefined)
            metadata[key] = encodeValue(value);
    }
    return metadata;
}
/** Keys are case-insensitive on the service; the SDK hands them over lower-cased, List Blobs as written. */
function lowerCased(metadata) {
    return new Map(Object.entries(metadata).map(([key, value]) => [key.toLowerCase(), value]));
}
/** The record on a blob, or undefined when the blob carries none (a lease taken by az CLI or go-azuremutex). */
function holderFromMetadata(metadata) {
    if (!metadata)
        return undefined;
    const values = lowerCased(metadata);
    if (values.get('holder_acquired_at') === undefined)
        return undefined;
    const record = {};
    for (const [field, key] of FIELDS) {
        const value = values.get(key);
        if (value !== undefined || !OPTIONAL_FIELDS.has(field))
            record[field] = decodeValue(value ?? '');
    }
    return record;
}
/** The metadata of a queue entry: who waits, in the holder record's own keys and encoding. */
function identityToMetadata(identity) {
    const metadata = {};
    for (const [field, key] of IDENTITY_FIELDS)
        metadata[key] = encodeValue(identity[field]);
    return metadata;
}
/** Who a queue entry says waits, or undefined when it says nothing (not written by this action). */
function identityFromMetadata(metadata) {
    if (!metadata)
        return undefined;
    const values = lowerCased(metadata);
    if (!IDENTITY_FIELDS.some(([, key]) => values.has(key)))
        return undefined;
    const identity = {};
    for (const [field, key] of IDENTITY_FIELDS)
        identity[field] = decodeValue(values.get(key) ?? '');
    return identity;
}
const CLOCK_RESOLUTION_MS = 2_000;
function freshnessOf(record, modifiedAt, serviceNow) {
    const seconds = /^\d{1,3}$/.test(record.leaseSeconds ?? '') ? Number(record.leaseSeconds) : NaN;
    if (!(seconds >= 1) || !modifiedAt || !serviceNow)
        return { kind: 'unknown-age' };
    const age = serviceNow.getTime() - modifiedAt.getTime();
    return age > seconds * 1000 + CLOCK_RESOLUTION_MS ? { kind: 'stale', stoppedAt: modifiedAt } : { kind: 'fresh' };
}
/**
 * One line naming the holder, e.g. "octo/api run 42 (attempt 1, job deploy,
 * actor mona) since 2026-11-26T05:00:00Z". Every value in it is shown through
 * showUntrusted: the line is safe to log whoever wrote the record.
 */
function describeHolder(record) {
    if (!record)
        return 'an unknown holder (a client that writes no holder record)';
    const show = (field) => (0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .showUntrusted */ .G)(record[field] ?? '');
    const who = [show('repository') || 'unknown repository', record.workflow && `workflow "${show('workflow')}"`]
        .filter(Boolean)
        .join(' ');
    const details = [
        record.runAttempt && `attempt ${show('runAttempt')}`,
        record.job && `job ${show('job')}`,
        record.actor && `actor ${show('actor')}`,
    ]
        .filter(Boolean)
        .join(', ');
    const run = record.runId ? ` run ${show('runId')}${details ? ` (${details})` : ''}` : '';
    const url = record.runUrl ? ` ${show('runUrl')}` : '';
    return `${who}${run} since ${show('acquiredAt')}${url}`;
}
/** A short name for a job in a line of the queue: "org/api run 812", every value through showUntrusted. */
function briefHolder(identity) {
    const repository = (0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .showUntrusted */ .G)(identity.repository, 100) || 'unknown repository';
    return identity.runId ? `${repository} run ${(0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .showUntrusted */ .G)(identity.runId, 40)}` : repository;
}
/** A time read from storage, as a short UTC time of day ("10:02:11Z") on the day of `today`, else in full. */
function shownTime(value, today = new Date()) {
    const time = typeof value === 'string' ? new Date(value) : value;
    if (Number.isNaN(time.getTime()))
        return (0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .showUntrusted */ .G)(String(value), 40);
    const iso = time.toISOString().replace(/\.\d{3}Z$/, 'Z');
    return iso.slice(0, 10) === today.toISOString().slice(0, 10) ? iso.slice(11) : iso;
}
/**
 * Who holds the lock, as believed: the record while its holder keeps it fresh,
 * else an unknown holder, naming the last recorded one and when it stopped.
 */
function describeHolderSeen(seen) {
    const record = seen?.record;
    const who = !record
        ? describeHolder(undefined)
        : seen.freshness.kind === 'stale'
            ? `an unknown holder (the last recorded holder, ${briefHolder(record)}, stopped renewing at ` +
                `${seen.freshness.stoppedAt.toISOString().replace(/\.\d{3}Z$/, 'Z')})`
            : describeHolder(record);
    return seen?.infinite ? `${who}, with an infinite lease that never expires by itself` : who;
}
/** "org/api run 812 (holding since 10:02:11Z)", or the unknown holder, for a line of the queue. */
function briefHolderSeen(seen) {
    const record = seen.record;
    const infinite = seen.infinite ? '; infinite lease' : '';
    if (!record)
        return `an unknown holder (no holder record${infinite})`;
    if (seen.freshness.kind === 'stale') {
        return `an unknown holder (the last recorded holder, ${briefHolder(record)}, stopped renewing at ${shownTime(seen.freshness.stoppedAt)}${infinite})`;
    }
    return `${briefHolder(record)} (holding since ${shownTime(record.acquiredAt)}${infinite})`;
}
/** What tells one sighting of the holder from another: the record (or its absence) and whether it is believed. */
function holderSeenKey(seen) {
    if (!seen)
        return 'free';
    return `${holderKey(seen.record)}|${seen.freshness.kind}|${seen.infinite}`;
}
/** A stable identity for "has the holder changed?" comparisons. */
function holderKey(record) {
    return record
        ? `${record.repository}|${record.runId}|${record.runAttempt}|${record.job}|${record.acquiredAt}`
        : 'unknown';
}


/***/ }),

/***/ 4277:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $8: () => (/* binding */ leaseValidUntil),
/* harmony export */   Vb: () => (/* binding */ LEASE_SECONDS),
/* harmony export */   fs: () => (/* binding */ renewalRetry),
/* harmony export */   j1: () => (/* binding */ leaseSecondsProblem),
/* harmony export */   md: () => (/* binding */ renewalSchedule)
/* harmony export */ });
// Lease arithmetic, in one place: the lengths Azure accepts, how long a lease
// is certainly ours, and the renewal schedule that keeps it so.
/** Azure grants leases of 15 to 60 seconds (or infinite ones, which a lock never takes). */
const LEASE_SECONDS = { min: 15, max: 60, default: 60 };
/** Why a lease length is not one Azure grants, or undefined when it is. */
function leaseSecondsProblem(seconds) {
    if (Number.isInteger(seconds) && seconds >= LEASE_SECONDS.min && seconds <= LEASE_SECONDS.max)
        return undefined;
    return `expected a whole number of seconds from ${LEASE_SECONDS.min} to ${LEASE_SECONDS.max}`;
}
/**
 * The moment until which a lease granted (or renewed) by a request sent at
 * sentAt is certainly ours, unless someone breaks it: Azure started the lease's
 * clock no earlier than the moment the request left. Counting from the answer
 * instead would overstate the lease by one request's latency.
 */
function leaseValidUntil(sentAt, leaseDurationMs) {
    return sentAt + leaseDurationMs;
}
/**
 * A renewal every third of the lease leaves two more chances before it lapses.
 * Each SDK try may take a quarter of the lease, so a slow but working network
 * still renews, and one attempt, retries included, at most half of it.
 */
function renewalSchedule(leaseDurationMs) {
    const intervalMs = Math.floor(leaseDurationMs / 3);
    return {
        intervalMs,
        retryMs: Math.min(2_000, intervalMs),
        attemptTimeoutMs: Math.floor(leaseDurationMs / 2),
        tryTimeoutMs: Math.min(10_000, Math.floor(leaseDurationMs / 4)),
    };
}
/** SDK retry settings for renewal requests: three tries that fit in one attempt of the schedule. */
function renewalRetry(leaseDurationMs) {
    return {
        maxTries: 3,
        tryTimeoutInMs: renewalSchedule(leaseDurationMs).tryTimeoutMs,
        retryDelayInMs: 300,
        maxRetryDelayInMs: 1_000,
    };
}


/***/ }),

/***/ 6139:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LK: () => (/* binding */ RESERVED_SEGMENT),
/* harmony export */   Qn: () => (/* binding */ lockNameProblem),
/* harmony export */   iH: () => (/* binding */ containerNameProblem)
/* harmony export */ });
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
// C0 and C1 controls and DEL: Azure refuses them in blob names.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
/** Azure's limit on the path segments of a blob name. */
const MAX_SEGMENTS = 254;
/**
 * The first path segment of every blob the action keeps beside a lock (its
 * queue and its counters, see reserved.ts). No lock may live under it, so a
 * lock can never be one of those blobs.
 */
const RESERVED_SEGMENT = '.azure-mutex';
/**
 * 1 to 1024 characters, no control characters or backslashes, at most 254
 * path segments, not ending in '.' or '/', and a name that means the same
 * blob to every client: no '.' or '..' segment (URL normalisation removes or
 * resolves them before the request leaves the client, so 'a/../b' would lock
 * 'b' and '../x/b' even another container), no empty segment (a leading '/'
 * or '//', which some SDKs trim and accounts with a hierarchical namespace
 * cannot hold), no segment ending in '.' (which Azure drops), and not under
 * the action's own folder (RESERVED_SEGMENT).
 */
function lockNameProblem(name) {
    if (name === '')
        return 'it is empty';
    if (name.length > 1024)
        return `it is ${name.length} characters long, more than 1024`;
    if (CONTROL_CHARACTER.test(name))
        return 'it contains a control character';
    if (name.includes('\\'))
        return 'it contains a backslash, which some Azure tools turn into /';
    const segments = name.split('/');
    const dots = segments.find((segment) => segment === '.' || segment === '..');
    if (dots)
        return `it has a '${dots}' path segment, which URLs resolve away ('a/../b' would lock 'b')`;
    if (/[./]$/.test(name))
        return "it ends with '.' or '/'";
    if (segments.includes(''))
        return "it has an empty path segment (a leading '/' or '//')";
    const dotted = segments.find((segment) => segment.endsWith('.'));
    if (dotted)
        return `its path segment '${dotted}' ends with '.', which Azure drops`;
    if (segments.length > MAX_SEGMENTS)
        return `it has ${segments.length} path segments, more than ${MAX_SEGMENTS}`;
    if (segments[0] === RESERVED_SEGMENT) {
        return `its first path segment '${RESERVED_SEGMENT}' is reserved for the queue and the counters the action keeps beside each lock`;
    }
    return undefined;
}


/***/ }),

/***/ 7832:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G4: () => (/* binding */ MalformedError),
/* harmony export */   VU: () => (/* binding */ lockLocation),
/* harmony export */   aY: () => (/* binding */ parseLockSpec),
/* harmony export */   o: () => (/* binding */ accountNameOf)
/* harmony export */ });
/* harmony import */ var _lease_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4277);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6139);
// Which lock, in one value: the account's endpoint, the container, the lock's
// name and the lease length. The steps read it from inputs, keep it in step
// state and hand it to the renewer; wherever it is read back, it is checked.


/** A value read back from state, a file or a pipe that is not what was written there. */
class MalformedError extends Error {
    name = 'MalformedError';
}
/** The account name: the first path segment of a path-style endpoint (Azurite, IP), else the first label of the host. */
function accountNameOf(endpoint) {
    const url = new URL(endpoint);
    const pathStyle = url.port !== '' || /^[\d.]+$|^\[|^localhost$/i.test(url.hostname);
    return (pathStyle ? url.pathname.split('/')[1] : url.hostname.split('.')[0]) ?? '';
}
/** account/container/blob: how the logs name a lock. Holds no credentials. */
function lockLocation(spec) {
    return `${accountNameOf(spec.endpoint)}/${spec.container}/${spec.lockName}`;
}
/** Checks that a value read back is a LockSpec that names a valid lock; throws MalformedError if not. */
function parseLockSpec(value) {
    const spec = value;
    const problem = typeof spec !== 'object' || spec === null
        ? 'not an object'
        : typeof spec.endpoint !== 'string' || !/^https?:\/\/[^?#]+$/.test(spec.endpoint)
            ? 'endpoint'
            : typeof spec.container !== 'string' || (0,_names_js__WEBPACK_IMPORTED_MODULE_1__/* .containerNameProblem */ .iH)(spec.container)
                ? 'container'
                : typeof spec.lockName !== 'string' || (0,_names_js__WEBPACK_IMPORTED_MODULE_1__/* .lockNameProblem */ .Qn)(spec.lockName)
                    ? 'lockName'
                    : typeof spec.leaseDurationSeconds !== 'number' || (0,_lease_js__WEBPACK_IMPORTED_MODULE_0__/* .leaseSecondsProblem */ .j1)(spec.leaseDurationSeconds)
                        ? 'leaseDurationSeconds'
                        : undefined;
    if (problem)
        throw new MalformedError(`not a lock description (${problem})`);
    const { endpoint, container, lockName, leaseDurationSeconds } = spec;
    return { endpoint, container, lockName, leaseDurationSeconds };
}


/***/ }),

/***/ 4906:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fj: () => (/* binding */ secretsOf),
/* harmony export */   HH: () => (/* binding */ parseConnectionString),
/* harmony export */   Kp: () => (/* binding */ accountKeyProblem),
/* harmony export */   Ng: () => (/* binding */ describeRequest),
/* harmony export */   QA: () => (/* binding */ STEP_RETRY),
/* harmony export */   co: () => (/* binding */ normalizeSasToken),
/* harmony export */   f6: () => (/* binding */ RENEWER_USER_AGENT),
/* harmony export */   ix: () => (/* binding */ StorageConfigError),
/* harmony export */   lI: () => (/* binding */ normalizeEndpoint),
/* harmony export */   nQ: () => (/* binding */ defaultEndpoint),
/* harmony export */   pg: () => (/* binding */ STORAGE_SCOPE),
/* harmony export */   wW: () => (/* binding */ containerClientFor),
/* harmony export */   w_: () => (/* binding */ accountNameProblem)
/* harmony export */ });
/* unused harmony exports STEP_USER_AGENT, redactedUrl */
/* harmony import */ var _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(728);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2960);
// Where the lock lives and how we sign in to it: endpoint plus credential,
// turned into a ContainerClient with retry settings that suit each caller.


/** The scope of an Entra ID access token for Azure Storage. */
const STORAGE_SCOPE = 'https://storage.azure.com/.default';
/** Why a piece of configuration is unusable. The message never contains the secret itself. */
class StorageConfigError extends _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo {
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
        throw new StorageConfigError('expected a URL without a query; give the SAS token on its own, not in the URL');
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
    // Azure documents it as an HTTP proxy for the emulator's requests (the JavaScript SDK reads it so, older .NET
    // SDKs as the emulator's host). Ignoring it would talk to 127.0.0.1:10000 instead: refuse it. Not echoed: a
    // proxy URL can carry a password.
    if (fields.has('developmentstorageproxyuri')) {
        throw new StorageConfigError("DevelopmentStorageProxyUri is not supported; give the emulator's address instead, as in " +
            `BlobEndpoint=http://<host>:10000/${DEV_ACCOUNT};AccountName=${DEV_ACCOUNT};AccountKey=...`);
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
/** The secret parts of a credential, to be masked in logs. */
function secretsOf(credential) {
    if (credential.kind === 'shared-key' && credential.accountKey)
        return [credential.accountKey];
    if (credential.kind === 'sas' && credential.sasToken)
        return [credential.sasToken];
    // A token credential holds no long-lived secret; the tokens it fetches are short-lived and never logged.
    return [];
}
/** The user agent prefix of the steps' requests. */
const STEP_USER_AGENT = 'azure-mutex-action';
/** The user agent prefix of the renewer's requests. */
const RENEWER_USER_AGENT = 'azure-mutex-action-renewer';
/** Query parameters that say which operation a request is; every other one (a SAS: sv, sig, se...) is left out. */
const OPERATION_PARAMETERS = new Set(['comp', 'restype']);
/** The URL as the debug log shows it: no user info, and no query parameter but comp and restype. */
function redactedUrl(url) {
    let parsed;
    try {
        parsed = new URL(url);
    }
    catch {
        return '(unparsable URL)';
    }
    const kept = [...parsed.searchParams].filter(([name]) => OPERATION_PARAMETERS.has(name.toLowerCase()));
    const query = kept.length > 0 ? `?${new URLSearchParams(kept).toString()}` : '';
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}${query}`;
}
/** "HEAD http://…/locks/deploy -> 200 (request id …, 12 ms)", for the debug log. */
function describeRequest(request) {
    const what = request.leaseAction ? ` (${request.leaseAction} lease)` : '';
    const retry = request.attempt > 1 ? `, retry ${request.attempt - 1}` : '';
    const outcome = [request.status, request.error].filter((part) => part !== undefined).join(' ') || 'no answer';
    const id = request.requestId ? `request id ${request.requestId}, ` : '';
    return `storage: ${request.method} ${request.url}${what} -> ${outcome} (${id}${request.durationMs} ms${retry})`;
}
/**
 * A pipeline policy that runs after the SDK's retry policy, so it sees each
 * try: the SDK retries the same request object, which is how tries are counted.
 */
function observerPolicy(observe) {
    const tries = new WeakMap();
    const tell = (request) => {
        try {
            observe(request);
        }
        catch {
            // Watching must never change what a request does.
        }
    };
    return {
        name: 'azureMutexRequestObserver',
        async sendRequest(request, next) {
            const attempt = (tries.get(request) ?? 0) + 1;
            tries.set(request, attempt);
            const started = Date.now();
            const seen = {
                method: request.method,
                url: redactedUrl(request.url),
                leaseAction: request.headers.get('x-ms-lease-action') ?? undefined,
                attempt,
            };
            try {
                const response = await next(request);
                tell({
                    ...seen,
                    status: response.status,
                    requestId: response.headers.get('x-ms-request-id') ?? undefined,
                    error: response.headers.get('x-ms-error-code') ?? undefined,
                    durationMs: Date.now() - started,
                });
                return response;
            }
            catch (err) {
                const failure = err;
                tell({
                    ...seen,
                    error: typeof failure.code === 'string' ? failure.code : String(failure.name ?? 'error'),
                    durationMs: Date.now() - started,
                });
                throw err;
            }
        },
    };
}
/**
 * A container client whose requests an observer sees. The SDK keeps one HTTP
 * pipeline per Pipeline object and shares it with the blob clients made from
 * this one, so the policy added here sees their requests too.
 */
class ObservedContainerClient extends _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .ContainerClient */ .bM {
    constructor(url, pipeline, observe) {
        super(url, pipeline);
        this.storageClientContext.pipeline.addPolicy(observerPolicy(observe), { afterPhase: 'Retry' });
    }
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
    // The SDK reads HTTPS_PROXY, HTTP_PROXY and NO_PROXY from the environment here (its proxy policy).
    const pipeline = (0,_azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .newPipeline */ .vC)(credential, {
        retryOptions: options.retry,
        userAgentOptions: { userAgentPrefix: options.userAgent ?? STEP_USER_AGENT },
    });
    const client = new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .BlobServiceClient */ .wS(url, pipeline).getContainerClient(container);
    return options.observe ? new ObservedContainerClient(client.url, pipeline, options.observe) : client;
}
/**
 * SDK retry settings for the steps (main's waiter, post's own release): three
 * quick tries, so that a refused connection is reported within seconds
 * instead of the SDK's default minute. A stalled one is cut by the lock's
 * request deadline (lock-blob.ts), which covers all three.
 */
const STEP_RETRY = {
    maxTries: 3,
    tryTimeoutInMs: 8_000,
    retryDelayInMs: 500,
    maxRetryDelayInMs: 2_000,
};


/***/ }),

/***/ 4469:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ showUntrusted)
/* harmony export */ });
/* unused harmony export SHOWN_LENGTH */
// Text that someone else wrote (a holder record read from the lock blob, an
// error code from the service) is shown through showUntrusted, and only
// through it: whatever it holds, it comes out as one line of plain text that
// the runner cannot read as a workflow command.
//
// How the runner reads a line of a step's output (actions/runner,
// ActionCommand.cs): after trimming leading white space, a line that starts
// with '::' is a command ('::error::', '::add-mask::', '::stop-commands::');
// and anywhere in a line, '##[name]' is the older form of the same commands.
// Its '%0A'-style escapes are decoded only inside a command, so a '%' in plain
// text is harmless once the text cannot become a command.
/** The longest a shown value gets, in characters, the ellipsis included. */
const SHOWN_LENGTH = 200;
const ELLIPSIS = '…';
/**
 * Characters that are shown as escapes: C0 and C1 controls and DEL (line
 * breaks, carriage returns, ANSI escapes), Unicode line and paragraph
 * separators, and the bidirectional controls that can make text read
 * differently from what it is (U+202E and the like).
 */
const ESCAPED = /^[\p{Cc}\p{Zl}\p{Zp}\p{Bidi_Control}]$/u;
const NAMED_ESCAPES = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };
function hex(codePoint, width) {
    return codePoint.toString(16).padStart(width, '0');
}
/** How one code point (or lone surrogate) is shown. */
function shownCharacter(ch) {
    const named = NAMED_ESCAPES[ch];
    if (named)
        return named;
    const codePoint = ch.codePointAt(0);
    const loneSurrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
    if (!loneSurrogate && !ESCAPED.test(ch))
        return ch;
    return codePoint <= 0xff ? `\\x${hex(codePoint, 2)}` : `\\u${hex(codePoint, 4)}`;
}
/**
 * Untrusted text as one line that is safe to print, in an annotation or in the
 * log: control, line-breaking and bidirectional characters and lone surrogates
 * become visible escapes such as \n, \x1b and \u202e (a backslash becomes \\);
 * the text cannot begin a workflow command ('::' after leading white space) nor
 * contain one ('##['), because that ':' or '[' is shown as \x3a or \x5b; and
 * it is at most `maxLength` characters long, cut with an ellipsis.
 */
function showUntrusted(text, maxLength = SHOWN_LENGTH) {
    // Code points, so that a cut never splits an emoji; a lone surrogate stays one item.
    const characters = Array.from(text);
    // Leading white space that is shown as itself; an escaped line break already starts with a backslash.
    const firstVisible = characters.findIndex((ch) => !/^\s$/u.test(ch) || shownCharacter(ch) !== ch);
    const pieces = characters.map((ch, i) => {
        if (ch === ':' && i === firstVisible && characters[i + 1] === ':')
            return '\\x3a';
        if (ch === '[' && characters[i - 1] === '#' && characters[i - 2] === '#')
            return '\\x5b';
        return shownCharacter(ch);
    });
    const lengthOf = (piece) => (piece.length === 1 ? 1 : Array.from(piece).length);
    let total = 0;
    for (const piece of pieces)
        total += lengthOf(piece);
    if (total <= maxLength)
        return pieces.join('');
    let shown = '';
    let length = 0;
    for (const piece of pieces) {
        const next = lengthOf(piece);
        if (length + next > maxLength - ELLIPSIS.length)
            break;
        shown += piece;
        length += next;
    }
    return shown + ELLIPSIS;
}


/***/ }),

/***/ 3271:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H8: () => (/* binding */ findAmbientCredential),
/* harmony export */   dP: () => (/* binding */ ambientLabel),
/* harmony export */   mh: () => (/* binding */ ambientCredential),
/* harmony export */   pl: () => (/* binding */ NoAmbientCredentialError)
/* harmony export */ });
/* harmony import */ var _entra_id_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(969);
// Signing in with whatever Azure credential the runner already has, tried in
// order: environment variables, workload identity, the machine's managed
// identity, and the az CLI session.

/** None of the runner's credentials gave a token; the message lists each with why and how to fix it. */
class NoAmbientCredentialError extends _entra_id_js__WEBPACK_IMPORTED_MODULE_0__/* .SignInError */ .Jj {
    name = 'NoAmbientCredentialError';
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
        create: async (env) => new (await (0,_entra_id_js__WEBPACK_IMPORTED_MODULE_0__/* .identity */ .D_)()).EnvironmentCredential((0,_entra_id_js__WEBPACK_IMPORTED_MODULE_0__/* .authorityOptions */ .Cs)(env)),
        timeoutMs: 20_000,
    },
    {
        source: 'workload-identity',
        label: 'workload identity (AZURE_FEDERATED_TOKEN_FILE)',
        fix: "on Kubernetes, enable workload identity for the runner pod's service account",
        missing: (env) => !env.AZURE_FEDERATED_TOKEN_FILE || !env.AZURE_TENANT_ID || !env.AZURE_CLIENT_ID
            ? 'AZURE_FEDERATED_TOKEN_FILE, AZURE_TENANT_ID and AZURE_CLIENT_ID are not all set'
            : undefined,
        create: async (env) => new (await (0,_entra_id_js__WEBPACK_IMPORTED_MODULE_0__/* .identity */ .D_)()).WorkloadIdentityCredential({
            tenantId: env.AZURE_TENANT_ID,
            clientId: env.AZURE_CLIENT_ID,
            tokenFilePath: env.AZURE_FEDERATED_TOKEN_FILE,
            ...(0,_entra_id_js__WEBPACK_IMPORTED_MODULE_0__/* .authorityOptions */ .Cs)(env),
        }),
        timeoutMs: 20_000,
    },
    {
        source: 'managed-identity',
        label: 'the managed identity of this machine',
        fix: 'on a self-hosted runner in Azure, give the VM a managed identity (and set AZURE_CLIENT_ID for a user-assigned one)',
        missing: () => undefined,
        create: async (env) => new (await (0,_entra_id_js__WEBPACK_IMPORTED_MODULE_0__/* .identity */ .D_)()).ManagedIdentityCredential(env.AZURE_CLIENT_ID ? { clientId: env.AZURE_CLIENT_ID } : {}),
        // Off Azure the metadata endpoint may never answer: do not wait long for it.
        timeoutMs: 5_000,
    },
    {
        source: 'azure-cli',
        label: 'the Azure CLI session (az login, or azure/login earlier in the job)',
        fix: "run azure/login earlier in the job (its OIDC session lasts about 5 minutes; for long jobs prefer GitHub's OIDC token with a federated credential)",
        missing: () => undefined,
        create: async (env) => new (await (0,_entra_id_js__WEBPACK_IMPORTED_MODULE_0__/* .identity */ .D_)()).AzureCliCredential({
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
        throw new _entra_id_js__WEBPACK_IMPORTED_MODULE_0__/* .SignInError */ .Jj(`Unknown Azure credential source '${source}'.`);
    return candidate.create(env);
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
            await (0,_entra_id_js__WEBPACK_IMPORTED_MODULE_0__/* .firstToken */ .wk)(credential, candidate.timeoutMs);
            return { source: candidate.source, label: candidate.label, credential };
        }
        catch (err) {
            tried.push(`${candidate.source}: ${(0,_entra_id_js__WEBPACK_IMPORTED_MODULE_0__/* .firstLine */ .TM)(err)}; to use it, ${candidate.fix}`);
        }
    }
    throw new NoAmbientCredentialError(`No Azure credential found on this runner. Tried, in order: ${tried.map((t, i) => `(${i + 1}) ${t}`).join('; ')}.`);
}


/***/ }),

/***/ 969:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cs: () => (/* binding */ authorityOptions),
/* harmony export */   D_: () => (/* binding */ identity),
/* harmony export */   Jj: () => (/* binding */ SignInError),
/* harmony export */   Lo: () => (/* binding */ isIdentityError),
/* harmony export */   TM: () => (/* binding */ firstLine),
/* harmony export */   _q: () => (/* binding */ describeIdentityError),
/* harmony export */   wk: () => (/* binding */ firstToken)
/* harmony export */ });
/* harmony import */ var _lock_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2960);
/* harmony import */ var _lock_storage_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4906);
// What every way of signing in with Entra ID shares: loading @azure/identity
// only when it is needed, the authority host, the first token, and the errors.


/**
 * @azure/identity is loaded only when a job signs in with Entra ID: it is a large
 * library, and jobs with a key or SAS (and their renewers) need none of it.
 */
const identity = () => __webpack_require__.e(/* import() */ 16).then(__webpack_require__.bind(__webpack_require__, 3016));
/** A sign-in failure the user can act on; the message is one line and holds no token. */
class SignInError extends _lock_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    name = 'SignInError';
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
/** The first line of an SDK message, short enough for a list. */
function firstLine(err) {
    const text = err instanceof Error ? err.message : String(err);
    const line = text.split('\n').find((l) => l.trim() !== '') ?? text;
    return line.length > 200 ? `${line.slice(0, 197)}...` : line.trim();
}
/** Gets one storage token within the time, so that a wrong setup fails early with its own message. */
async function firstToken(credential, timeoutMs) {
    const signal = AbortSignal.timeout(timeoutMs);
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no token within ${timeoutMs / 1000} s`)), timeoutMs);
    });
    try {
        const token = await Promise.race([credential.getToken(_lock_storage_js__WEBPACK_IMPORTED_MODULE_1__/* .STORAGE_SCOPE */ .pg, { abortSignal: signal }), timeout]);
        if (!token)
            throw new Error('no token returned');
    }
    finally {
        clearTimeout(timer);
    }
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


/***/ })

};
