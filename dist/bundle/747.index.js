export const id = 747;
export const ids = [747];
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
/* harmony import */ var _metadata_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5866);
/* harmony import */ var _run_page_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1044);
/* harmony import */ var _untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4469);
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
        metadata[key] = (0,_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .encodeValue */ .It)(record[field]);
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
        record[field] = (0,_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeValue */ .wz)(values.get(key) ?? '');
    return record;
}
/**
 * Whether a break record is about this hold, and not an older break (or one
 * of another holder's leases) left on the blob, nor a forged one. Two tests,
 * both needed:
 * - Its date must fall within the hold, by the service's clock: no earlier
 *   than the lease was acquired (heldFrom) and no later than the moment the
 *   loss was found (lossFoundAt). A break cannot come after its loss was
 *   seen, so a record dated later (2099, say) is stale or forged, whatever it
 *   names. The caller passes the widest honest window: heldFrom a bound that
 *   is never later than the truth, lossFoundAt one never earlier.
 * - A record that names the hold it broke must name this one: the time it was
 *   taken, to the millisecond, and its run.
 */
function breakApplies(record, hold) {
    const brokenAt = Date.parse(record.brokenAt);
    if (Number.isNaN(brokenAt) || brokenAt < hold.heldFrom.getTime() || brokenAt > hold.lossFoundAt.getTime()) {
        return false;
    }
    if (record.holderAcquiredAt === '')
        return true;
    return record.holderAcquiredAt === hold.acquiredAt && (record.holderRunId === '' || record.holderRunId === hold.runId);
}
/**
 * One line, e.g. 'broken at 2026-11-26T05:00:00.000Z by octo/ops run 77
 * (actor mona) https://…: "runner vm died"'. Every value is shown through
 * showUntrusted, so the line is safe to log whoever wrote the record.
 */
function describeBreak(record) {
    const show = (field) => (0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .showUntrusted */ .Gz)(record[field]);
    const run = record.runId ? ` run ${show('runId')}` : '';
    const actor = record.actor ? ` (actor ${show('actor')})` : '';
    // A run URL only when it is a run page of this job's server (run-page.ts): it is a link in the log.
    const runUrl = (0,_run_page_js__WEBPACK_IMPORTED_MODULE_2__/* .shownRunUrl */ .Kw)(record.runUrl);
    const url = runUrl ? ` ${(0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .showUntrusted */ .Gz)(runUrl)}` : '';
    return `broken at ${show('brokenAt')} by ${show('repository') || 'an unknown repository'}${run}${actor}${url}: "${show('reason')}"`;
}


/***/ }),

/***/ 2041:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ monotonicNow)
/* harmony export */ });
// The lock's two clocks.
//
// Lease arithmetic, deadlines, pauses and "how long since" run on the
// machine's monotonic clock: an NTP step, a changed system time or a runner
// whose clock is minutes off does not move it. It is one clock for every
// process of the machine (CLOCK_MONOTONIC on Linux, mach_absolute_time on
// macOS, QueryPerformanceCounter on Windows), so a reading taken in the main
// step means the same instant in the renewer it is handed to.
//
// The wall clock (Date) is for display only, and where a time is shown as a
// claim about another machine (when a lease began, until when it was ours),
// the service's Date header is the better source: it is one clock for
// everybody who uses the lock.
/** Milliseconds on the machine's monotonic clock; only differences between two readings mean anything. */
function monotonicNow() {
    return Number(process.hrtime.bigint()) / 1e6;
}


/***/ }),

/***/ 4166:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OU: () => (/* binding */ holdToMetadata),
/* harmony export */   Rx: () => (/* binding */ describeHoldPastItsEnd),
/* harmony export */   TZ: () => (/* binding */ describeHold),
/* harmony export */   Te: () => (/* binding */ isHoldKey),
/* harmony export */   Tv: () => (/* binding */ holdExpired),
/* harmony export */   Uh: () => (/* binding */ standingHold),
/* harmony export */   X8: () => (/* binding */ holdSetter),
/* harmony export */   YR: () => (/* binding */ holdHasNoEnd),
/* harmony export */   de: () => (/* binding */ describeEndedHold),
/* harmony export */   dm: () => (/* binding */ describeTakeOver),
/* harmony export */   hO: () => (/* binding */ holdFromMetadata),
/* harmony export */   iV: () => (/* binding */ describeHoldEndNote),
/* harmony export */   kB: () => (/* binding */ setFreeze),
/* harmony export */   nJ: () => (/* binding */ isHoldEndNote),
/* harmony export */   oy: () => (/* binding */ endedHold),
/* harmony export */   rh: () => (/* binding */ newHoldRecord),
/* harmony export */   rw: () => (/* binding */ mayTakeOver),
/* harmony export */   tT: () => (/* binding */ HOLD_END_REASON)
/* harmony export */ });
/* unused harmony exports HOLD_KEYS, holdUntil, turnIntoHold */
/* harmony import */ var _duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6307);
/* harmony import */ var _holder_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7053);
/* harmony import */ var _metadata_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5866);
/* harmony import */ var _untrusted_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4469);
// A hold: the lock taken without a renewer. Its lease is infinite, and a
// record beside the holder record says who set it, why, and until when (by
// the service's clock). A freeze is a hold that a person or a schedule sets
// (hold/); a run's hold keeps the lock between the jobs of one workflow run
// (scope: run). While a hold stands, everybody queues behind it as behind any
// holder. When its `until` passes, it holds nothing: whoever looks at the lock
// next ends it (the head of the queue, a job further back, a try-lock, a
// waiter whose credential may not list), and its lease goes to the first
// waiter in the order of the line, or is released when nobody waits, as a
// lifted hold's does (lift-hold.ts). Status only reads: it shows such a hold
// as ended, and ends nothing.
//
// The record names the lease id of the hold's lease. That is what makes
// ending an expired hold safe: whoever ends it proves itself with that id,
// conditional on the blob being exactly as it read it (If-Match on the ETag
// of the same read that showed the lease infinite and the record expired). A
// record forged on a blob that somebody else leased names an id that is not
// the lease's: Azure refuses the requests, and the lease stands. Publishing
// the id gives nothing away: a credential that may write to the blob may
// break its lease anyway.
//
// A record read from a blob is input from strangers: it is kept as read and
// shown only through describeHold, whose values pass through showUntrusted.




const FIELDS = [
    ['scope', 'hold_scope'],
    ['reason', 'hold_reason'],
    ['setBy', 'hold_set_by'],
    ['repository', 'hold_repository'],
    ['runId', 'hold_run_id'],
    ['runUrl', 'hold_run_url'],
    ['setAt', 'hold_set_at'],
    ['until', 'hold_until'],
    ['leaseId', 'hold_lease_id'],
    ['fencingToken', 'hold_fencing_token'],
];
/** The keys of the hold record on the lock blob. */
const HOLD_KEYS = FIELDS.map(([, key]) => key);
/** True for a metadata key of the hold record (metadata keys are case-insensitive). */
function isHoldKey(key) {
    return HOLD_KEYS.includes(key.toLowerCase());
}
function holdToMetadata(record) {
    const metadata = {};
    for (const [field, key] of FIELDS)
        metadata[key] = (0,_metadata_js__WEBPACK_IMPORTED_MODULE_3__/* .encodeValue */ .It)(record[field]);
    return metadata;
}
/** The hold record on a blob, or undefined when it carries none (or one without a lease id, which nobody could end). */
function holdFromMetadata(metadata) {
    if (!metadata)
        return undefined;
    const values = new Map(Object.entries(metadata).map(([key, value]) => [key.toLowerCase(), value]));
    if (!values.get('hold_lease_id'))
        return undefined;
    const record = {};
    for (const [field, key] of FIELDS)
        record[field] = (0,_metadata_js__WEBPACK_IMPORTED_MODULE_3__/* .decodeValue */ .wz)(values.get(key) ?? '');
    return { ...record, scope: record.scope === 'run' ? 'run' : 'freeze' };
}
/**
 * Whether a look at the lock shows a hold: an infinite lease (a hold never has
 * another kind) carrying a hold record. A record on a fixed lease is left over
 * from a run's hold that a later job of the run took over, or forged: no hold.
 */
function standingHold(look, record) {
    return look.state === 'leased' && look.infinite === true ? record : undefined;
}
/**
 * Whether the hold's end has come, by the service's clock in the same answer
 * that showed the record. A hold with no end never expires; neither does one
 * whose `until` does not parse (it is somebody's else's writing: it is left
 * for a person to lift, and the lines say it has no readable end).
 */
function holdExpired(record, serviceNow) {
    if (!serviceNow || record.until === '')
        return false;
    const until = Date.parse(record.until);
    return !Number.isNaN(until) && serviceNow.getTime() >= until;
}
/**
 * The hold that a look at the lock shows standing although its end has come
 * (holdExpired): it holds nothing, and whoever takes the lock next ends it.
 */
function endedHold(look, record, serviceNow) {
    const hold = standingHold(look, record);
    return hold && holdExpired(hold, serviceNow) ? hold : undefined;
}
/** The reason on the note (a break record) that whoever ends a hold at its end writes on the lock blob. */
const HOLD_END_REASON = 'the hold reached its end';
/** Whether a break record is the note of a hold ended at its end (and not a lift or a break). */
function isHoldEndNote(note) {
    return note?.reason === HOLD_END_REASON;
}
/**
 * 'the hold of octo/ops run 77 had reached its end; octo/app run 812 ended it
 * at 10:02:11Z (the storage service's clock)', from the note its ender wrote.
 * Every value is shown through showUntrusted: the note is read from storage.
 */
function describeHoldEndNote(note) {
    const run = (repository, runId) => `${(0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_2__/* .showUntrusted */ .Gz)(repository, 100) || 'an unknown repository'}${runId ? ` run ${(0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_2__/* .showUntrusted */ .Gz)(runId, 40)}` : ''}`;
    const hold = note.holderRepository ? `the hold of ${run(note.holderRepository, note.holderRunId)}` : 'the hold';
    return (`${hold} had reached its end; ${run(note.repository, note.runId)} ended it at ${(0,_holder_js__WEBPACK_IMPORTED_MODULE_1__/* .shownTime */ .h5)(note.brokenAt)} ` +
        "(the storage service's clock)");
}
/**
 * 'the hold set by mona (octo/ops run 77) for "incident 42" reached its end at
 * 10:02:11Z by the storage service's clock; its lease stands until ...': how
 * status tells a hold whose end has come, which holds nothing any more.
 */
function describeHoldPastItsEnd(record) {
    return (`the hold set by ${holdSetter(record)} for "${(0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_2__/* .showUntrusted */ .Gz)(record.reason, 300)}" reached its end at ` +
        `${(0,_holder_js__WEBPACK_IMPORTED_MODULE_1__/* .shownTime */ .h5)(record.until)} by the storage service's clock; its lease stands until the next job that comes ` +
        'for the lock ends it, at once');
}
/** A hold has no end: `until` is empty. */
function holdHasNoEnd(record) {
    return record.until === '';
}
/**
 * Who may take over a run's hold without waiting its turn: a job of the same
 * run (repository and run id, any attempt), before the hold ends, whether it
 * has just come or waits in the queue already. A freeze is never taken over.
 */
function mayTakeOver(record, job, serviceNow) {
    return (record.scope === 'run' &&
        record.repository === job.repository &&
        record.runId === job.runId &&
        !holdExpired(record, serviceNow));
}
/** "until 10:02:11Z", "with no end", or the unreadable until shown as text. */
function untilText(record) {
    if (record.until === '')
        return 'with no end (it stands until somebody lifts it)';
    return `until ${(0,_holder_js__WEBPACK_IMPORTED_MODULE_1__/* .shownTime */ .h5)(record.until)}`;
}
/** Who set it: "mona (octo/ops run 77)", every value through showUntrusted. */
function holdSetter(record) {
    const actor = (0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_2__/* .showUntrusted */ .Gz)(record.setBy, 80) || 'a person';
    const repository = (0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_2__/* .showUntrusted */ .Gz)(record.repository, 100);
    const run = record.runId ? ` run ${(0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_2__/* .showUntrusted */ .Gz)(record.runId, 40)}` : '';
    return repository ? `${actor} (${repository}${run})` : actor;
}
/**
 * 'a hold: "incident 42", set by mona (octo/ops run 77), until 10:02:11Z'.
 * Every value is shown through showUntrusted: safe to log whoever wrote it.
 */
function describeHold(record) {
    const reason = (0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_2__/* .showUntrusted */ .Gz)(record.reason, 300);
    if (record.scope === 'run') {
        return `a hold of a workflow run's jobs: "${reason}", set by ${holdSetter(record)}, ${untilText(record)}`;
    }
    return `a hold: "${reason}", set by ${holdSetter(record)}, ${untilText(record)}`;
}
/** 'the hold set by mona (octo/ops run 77) for "incident 42" ended at 10:02:11Z'. */
function describeEndedHold(record, endedAt) {
    return (`the hold set by ${holdSetter(record)} for "${(0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_2__/* .showUntrusted */ .Gz)(record.reason, 300)}" ended at ` +
        `${(0,_holder_js__WEBPACK_IMPORTED_MODULE_1__/* .shownTime */ .h5)(endedAt)}${record.until ? ` (its end was ${(0,_holder_js__WEBPACK_IMPORTED_MODULE_1__/* .shownTime */ .h5)(record.until)})` : ''}`);
}
/**
 * 'a hold of a workflow run's jobs: …, without queueing', or '…, from the
 * queue after waiting 12s': a run's hold that a job of the run took over.
 */
function describeTakeOver(took) {
    const how = took.fromQueue ? `from the queue after waiting ${(0,_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(took.waitedMs)}` : 'without queueing';
    return `${describeHold(took.hold)}, ${how}`;
}
/** The hold's `until` as the record keeps it: counted from `heldFrom`, the service's clock when the lease was granted. */
function holdUntil(end, heldFrom) {
    switch (end.kind) {
        case 'none':
            return '';
        case 'until':
            return end.at.toISOString();
        case 'for':
            return new Date(heldFrom.getTime() + end.ms).toISOString();
    }
}
/** The record of a hold set by `who` on the lease `leaseId` that it took at `heldFrom` (service's clock). */
function newHoldRecord(scope, who, reason, end, lease) {
    return {
        scope,
        reason,
        setBy: who.actor,
        repository: who.repository,
        runId: who.runId,
        runUrl: who.runUrl,
        setAt: lease.heldFrom.toISOString(),
        until: holdUntil(end, lease.heldFrom),
        leaseId: lease.leaseId,
        fencingToken: String(lease.fencingToken),
    };
}
/**
 * Turns a lease just taken into a hold. The record is built here, inside the
 * give-back: if building it fails (an end no date can hold) or placing it
 * does, the lease is given back (it is a fixed one that nobody renews) and
 * the error is thrown: a hold step never leaves a lease behind that is not a
 * hold. Returns the record placed.
 */
async function turnIntoHold(lock, taken, record) {
    try {
        const placed = record();
        await lock.placeHold(taken.leaseId, taken.holder, placed);
        return placed;
    }
    catch (err) {
        await lock.release(taken.leaseId, { timeoutMs: 5_000 }).catch(() => undefined);
        throw err;
    }
}
/**
 * Sets a freeze on a lease just taken from the queue (the hold step, and
 * `azure-mutex hold` with no command): writes its record and makes the lease
 * infinite. Returns the record, whose `until` is counted from the grant by the
 * service's clock.
 */
async function setFreeze(lock, who, spec, taken) {
    return turnIntoHold(lock, { leaseId: taken.leaseId, holder: taken.holder, heldFrom: taken.acquiredAt, fencingToken: taken.fencingToken }, () => newHoldRecord('freeze', who, spec.reason, spec.end, {
        leaseId: taken.leaseId,
        heldFrom: taken.acquiredAt,
        fencingToken: taken.fencingToken,
    }));
}


/***/ }),

/***/ 5244:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DB: () => (/* binding */ FAR_ABOVE_TIMES),
/* harmony export */   IL: () => (/* binding */ LockSupersededError),
/* harmony export */   JO: () => (/* binding */ supersedeKeyProblem),
/* harmony export */   Pc: () => (/* binding */ staleByKept),
/* harmony export */   a6: () => (/* binding */ FAR_ABOVE_BY),
/* harmony export */   rd: () => (/* binding */ parseSequence),
/* harmony export */   t$: () => (/* binding */ LatestGuard)
/* harmony export */ });
/* unused harmony exports SUPERSEDE_KEY_MAX, sequenceProblem, isFarAbove, parseSupersedeSpec */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2960);
/* harmony import */ var _holder_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7053);
/* harmony import */ var _queue_queue_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2980);
/* harmony import */ var _untrusted_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4469);
// Latest wins: jobs that give a supersede key are ordered by their sequence,
// and only the newest of one key deploys.
//
// - Superseded: a waiter leaves the queue as soon as a look at it shows a
//   live entry of the same key with a larger sequence, wherever that entry
//   stands (behind it, or ahead of it). An older job that is already in line
//   behind the newer one therefore leaves too, at its next look, as
//   superseded: it does not wait to become stale.
// - Stale: the lock keeps, per key, the record of the job with the highest
//   sequence that held it (latest-blobs.ts, under the lock's reserved folder,
//   written under the lock's lease), and the sequence alone on the lock blob
//   too (latest-kept.ts), where deleting the folder does not reach it. A job
//   whose sequence is lower does not take the lock; an equal one (a re-run of
//   the same run) does. The holder checks the lock blob's sequence once more
//   under the lease, in the write of its holder record.
//
// Both are decided before any acquire, from a look taken just before it: a
// superseded or stale waiter never asks for the lease. Everything read here
// (other entries, the record) is written by anyone who may write the
// container: it is compared exactly, shown only through showUntrusted, and a
// sequence that is not a number is ignored. A forged entry can therefore at
// most make a waiter leave, which never makes two holders: only the lease lets
// a job in. A forged record with a huge sequence makes every job of its key
// stale until it is removed: a record far above the job's own sequence
// (isFarAbove) is warned of, with the command that deletes it.




/**
 * The longest key a job may give. It travels in blob metadata (8 KB in all
 * per blob), beside the holder's identity, and percent-encoding can make it nine times longer.
 */
const SUPERSEDE_KEY_MAX = 256;
function supersedeKeyProblem(key) {
    if (key.length > SUPERSEDE_KEY_MAX)
        return `it is ${key.length} characters long; at most ${SUPERSEDE_KEY_MAX}`;
    return undefined;
}
/** A sequence as text: 1 to 16 digits, an exact integer; undefined for anything else. */
function parseSequence(text) {
    if (text === undefined || !/^\d{1,16}$/.test(text))
        return undefined;
    const value = Number(text);
    return Number.isSafeInteger(value) ? value : undefined;
}
/**
 * What is wrong with a sequence read from storage, as the warning says it:
 * 'not a whole number', or for digits beyond the bound 'too large' with the
 * bound (the largest exact integer, 16 digits); undefined for a good one.
 */
function sequenceProblem(text) {
    if (!/^\d+$/.test(text))
        return 'not a whole number';
    if (parseSequence(text) === undefined)
        return `too large: a sequence is at most ${Number.MAX_SAFE_INTEGER}`;
    return undefined;
}
/**
 * A record this far above our own sequence is warned of (see isFarAbove):
 * more than FAR_ABOVE_TIMES times ours, and more than FAR_ABOVE_BY above it.
 */
const FAR_ABOVE_TIMES = 10;
const FAR_ABOVE_BY = 1_000_000;
/**
 * Whether a record's sequence is so far above ours that it is more likely
 * forged (or of another kind of sequence) than newer. Every kind a key uses
 * grows steadily: run ids (10 to 11 digits, a newer run a few thousand to a
 * few billion higher, never ten times), timestamps (ten times is centuries
 * away), build and release numbers (a million builds away). The largest value
 * a forger can write, 16 digits, is far above all of them. Only a warning:
 * the job is still stale, as no rule can tell a forged record from a real one.
 */
function isFarAbove(sequence, own) {
    return sequence > FAR_ABOVE_TIMES * own && sequence - own > FAR_ABOVE_BY;
}
/** Checks a SupersedeSpec read back from state; undefined when it is not one. */
function parseSupersedeSpec(value) {
    const spec = value;
    if (typeof spec !== 'object' || spec === null)
        return undefined;
    if (typeof spec.key !== 'string' || spec.key === '' || supersedeKeyProblem(spec.key))
        return undefined;
    if (typeof spec.sequence !== 'number' || !Number.isSafeInteger(spec.sequence) || spec.sequence < 0)
        return undefined;
    return { key: spec.key, sequence: spec.sequence };
}
/**
 * The wait ends without the lock because a newer job of the same key waits
 * (superseded) or has held it (stale). `newer` names that job, through
 * showUntrusted.
 */
class LockSupersededError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockError */ .Ku {
    name = 'LockSupersededError';
    outcome;
    newer;
    constructor(outcome, newer, message) {
        super(message);
        this.outcome = outcome;
        this.newer = newer;
    }
}
/** The stale error for a sequence that only the lock blob keeps (latest-kept.ts): the key's record is gone. */
function staleByKept(location, kept, own) {
    const newer = `sequence ${kept}, as the lock blob keeps it`;
    return new LockSupersededError('stale', newer, `Stale: a newer run of the same key has already held lock ${location}: ${newer} (the key's record is gone); our sequence is ${own}.`);
}
/**
 * The decisions, apart from storage: given what a look showed, is this job
 * superseded or stale? Each throws LockSupersededError, or returns.
 */
class LatestGuard {
    spec;
    location;
    warn;
    warnFar;
    told = new Set();
    constructor(spec, location, warn, warnFar = () => undefined) {
        this.spec = spec;
        this.location = location;
        this.warn = warn;
        this.warnFar = warnFar;
    }
    /** Says once per place that a sequence of our key is far above ours (isFarAbove). */
    tellFar(where, sequence) {
        if (!isFarAbove(sequence, this.spec.sequence) || this.told.has(`far ${where}`))
            return;
        this.told.add(`far ${where}`);
        this.warnFar({ where, sequence, own: this.spec.sequence });
    }
    /** The sequence an identity carries, when its key is exactly ours; malformed ones are said once and ignored. */
    sequenceOf(who, where) {
        if (who?.supersedeKey !== this.spec.key)
            return undefined;
        const sequence = parseSequence(who.sequence);
        if (sequence === undefined && !this.told.has(where)) {
            this.told.add(where);
            const value = who.sequence ?? '';
            this.warn({ where, value, problem: sequenceProblem(value) ?? 'not a whole number' });
        }
        return sequence;
    }
    /**
     * Throws 'superseded' when a live entry other than ours, of our key, has a
     * larger sequence. Lapsed entries (their waiter is gone) and squatters (no
     * waiter renews an infinite lease) do not count: the newer job they name
     * would never come.
     */
    checkQueue(entries, serviceNow, ownTicket) {
        let newest;
        for (const entry of entries) {
            if (entry.ticket === ownTicket || !(0,_queue_queue_js__WEBPACK_IMPORTED_MODULE_2__/* .isLive */ .DG)(entry, serviceNow) || (0,_queue_queue_js__WEBPACK_IMPORTED_MODULE_2__/* .isSquatter */ .AB)(entry))
                continue;
            const sequence = this.sequenceOf(entry.waiter, `entry ${entry.ticket}`);
            if (sequence !== undefined && sequence > this.spec.sequence && sequence > (newest?.sequence ?? -1)) {
                newest = { entry, sequence };
            }
        }
        if (!newest)
            return;
        const newer = newest.entry.waiter ? (0,_holder_js__WEBPACK_IMPORTED_MODULE_1__/* .briefHolder */ .p2)(newest.entry.waiter) : `entry ${newest.entry.ticket}`;
        throw new LockSupersededError('superseded', newer, `Superseded while waiting for lock ${this.location}: ${newer} waits with the same key and a newer sequence than ours (${this.spec.sequence}).`);
    }
    /** Throws 'stale' when the record of our key says a higher sequence has held the lock. */
    checkRecord(record) {
        if (!record)
            return;
        const sequence = this.sequenceOf(record, 'the record of the key');
        if (sequence === undefined || sequence <= this.spec.sequence)
            return;
        this.tellFar('the record of the key', sequence);
        const newer = `${(0,_holder_js__WEBPACK_IMPORTED_MODULE_1__/* .briefHolder */ .p2)(record)} at ${(0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_3__/* .showUntrusted */ .Gz)(record.acquiredAt, 40)}`;
        throw new LockSupersededError('stale', newer, `Stale: a newer run of the same key has already held lock ${this.location}: ${newer}; our sequence is ${this.spec.sequence}.`);
    }
    /**
     * Throws 'stale' when the lock blob keeps a higher sequence of our key
     * (latest-kept.ts): asked only when the key has no record, as after the
     * .azure-mutex/ folder was deleted.
     */
    checkKept(sequence) {
        if (sequence === undefined || sequence <= this.spec.sequence)
            return;
        this.tellFar('the lock blob', sequence);
        throw staleByKept(this.location, sequence, this.spec.sequence);
    }
}


/***/ }),

/***/ 6307:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   rG: () => (/* binding */ MAX_DURATION_MS),
/* harmony export */   yM: () => (/* binding */ MAX_DURATION_TEXT)
/* harmony export */ });
// Durations as people write them in workflow files: 90, 90s, 15m, 2h.
const DURATION = /^(\d+)\s*(s|m|h)?$/i;
const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000 };
/**
 * The longest duration an input may give (a timeout, how long a hold lasts,
 * when to warn, a hold's end): a year. Nothing here needs longer, and a
 * duration long enough to be a slip of the keyboard (2400000000h) would
 * otherwise be read as given, and fail only later, as a time that no date can
 * hold, once the lease is taken. The readers refuse it up front.
 */
const MAX_DURATION_MS = 366 * 24 * 3_600_000;
/** The longest duration as the readers' messages give it. */
const MAX_DURATION_TEXT = '8784h (366 days)';
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
/* harmony export */   VJ: () => (/* binding */ breakRights),
/* harmony export */   Vs: () => (/* binding */ retryAfterMs),
/* harmony export */   XB: () => (/* binding */ LockTimeoutError),
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   pw: () => (/* binding */ LockCancelledError),
/* harmony export */   rb: () => (/* binding */ describeStorageError),
/* harmony export */   rg: () => (/* binding */ describeStorageErrorBrief),
/* harmony export */   se: () => (/* binding */ statusCode),
/* harmony export */   t6: () => (/* binding */ storageErrorCode),
/* harmony export */   yo: () => (/* binding */ UserError)
/* harmony export */ });
/* unused harmony exports isAbort, isThrottled */
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
/**
 * Failures another try may cure: throttling (408, 429), server errors (5xx),
 * a lost or refused connection, and our own request deadline. Nothing else:
 * an answer such as 409 or 412, our own errors (a counter that holds garbage,
 * a queue full of strangers' entries) and an error of unknown kind would fail
 * the same way again, so the wait ends on them with one line instead of
 * looping on them until its timeout.
 */
function isTransient(err) {
    // Our own errors say what is wrong; another try would only say it again.
    if (err instanceof UserError)
        return false;
    const status = statusCode(err);
    if (status !== undefined && (status === 408 || status === 429 || status >= 500))
        return true;
    if (status !== undefined && status > 0)
        return false;
    if (err instanceof RequestTimeoutError || isAbort(err))
        return true;
    const code = storageErrorCode(err);
    return code !== undefined && NETWORK_CODES.has(code);
}
/** Storage asks clients to slow down: 503 ServerBusy (Azure's throttling), or 429 from whatever fronts it. */
function isThrottled(err) {
    return statusCode(err) === 429 || storageErrorCode(err) === 'ServerBusy';
}
/** The longest Retry-After we honour: a wait's own deadline and the loop's back-off cap bound it anyway. */
const MAX_RETRY_AFTER_MS = 60_000;
/**
 * The Retry-After of a storage answer, in ms (seconds, or an HTTP date
 * measured against the same answer's Date header); undefined when there is none.
 */
function retryAfterMs(err) {
    if (typeof err !== 'object' || err === null)
        return undefined;
    const headers = err.response?.headers;
    const value = typeof headers?.get === 'function' ? headers.get('retry-after') : undefined;
    if (!value)
        return undefined;
    let ms;
    if (/^\d{1,6}$/.test(value.trim()))
        ms = Number(value.trim()) * 1000;
    else {
        const at = Date.parse(value);
        const now = Date.parse(headers?.get?.('date') ?? '');
        if (Number.isNaN(at) || Number.isNaN(now))
            return undefined;
        ms = at - now;
    }
    return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}
/** What taking a lock needs of a credential: what a 403 for a missing permission names, unless the step says otherwise. */
const NEEDED_RIGHTS = 'read, write and lease rights on the lock blob, and create rights on the container if it does not exist yet';
const FORBIDDEN_HINTS = {
    AuthenticationFailed: 'the credentials were not accepted. Check the account key, SAS token or connection string, and that a SAS has not expired.',
    AuthorizationFailure: 'the request was not authorized. Check the account key (Azurite answers a wrong key this way), ' +
        "the SAS token's permissions, and the account's network rules.",
    AuthorizationResourceTypeMismatch: 'the SAS does not cover this kind of resource. An account SAS needs the resource types container and object ' +
        '(srt=co: object for the lock blob, container to create the container); a service SAS must be made for the ' +
        'lock container (sr=c), not for a single blob.',
    AuthorizationPermissionMismatch: `the credential is valid but lacks permission. It needs ${NEEDED_RIGHTS}.`,
    KeyBasedAuthenticationNotPermitted: 'the storage account does not allow shared key access. Use a SAS or Entra ID instead of an account key.',
};
/**
 * What breaking a lock needs of a credential, as a 403 for a missing
 * permission names it: clearing a queue entry deletes it, and breaking every
 * slot of a lock with slots lists them. `entryOption` is how the face names
 * the entry's option ('entry', '--entry').
 */
function breakRights(clearingEntry, entryOption) {
    if (clearingEntry) {
        return `read, write and delete rights on the lock's queue entries to clear one (${entryOption}): a SAS with the permissions 'rwd'`;
    }
    return "read and write rights on the lock blob to break its lease, and list rights to break every slot of a lock with slots: a SAS with the permissions 'rwl'";
}
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
/** What to check when the endpoint cannot be reached at all. */
const CHECK_REACH = 'check the endpoint (the connection string, the account name or the blob endpoint), and the network, proxy and firewall on the way';
/**
 * Turns a storage failure into one sentence that names the endpoint (when the
 * caller knows it) and says what to check, without echoing request URLs (they
 * may carry a SAS token).
 */
function describeStorageError(err, endpoint, context = {}) {
    const status = statusCode(err);
    const code = storageErrorCode(err);
    // The code comes from whoever answers at the endpoint: shown, like any text we did not write, through showUntrusted.
    const shownCode = code === undefined ? undefined : (0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .showUntrusted */ .Gz)(code, 80);
    // "the blob endpoint http://127.0.0.1:10000/devstoreaccount1", or just "the blob endpoint" when it is not known.
    const named = endpoint === undefined ? '' : ` ${endpoint}`;
    const at = endpoint ?? 'the blob endpoint';
    if (status === 403 &&
        context.tokenAuth &&
        (code === 'AuthorizationPermissionMismatch' || code === 'AuthorizationFailure')) {
        return `Azure refused access to ${at} (403 ${code}): ${roleHint(context.container)}`;
    }
    if (status === 403) {
        const hint = code === 'AuthorizationPermissionMismatch' && context.needs
            ? `the credential is valid but lacks permission. It needs ${context.needs}.`
            : (code !== undefined && Object.hasOwn(FORBIDDEN_HINTS, code) && FORBIDDEN_HINTS[code]) || undefined;
        return `Azure refused access to ${at} (403 ${shownCode ?? 'Forbidden'}): ${hint ?? FORBIDDEN_HINTS.AuthenticationFailed}`;
    }
    if (status === 404 && code === 'ResourceNotFound') {
        return `The storage account at ${at} was not found (404 ResourceNotFound): check the account name and the blob endpoint.`;
    }
    if (status !== undefined && status > 0) {
        return `Azure answered ${[status, shownCode].filter(Boolean).join(' ')} from ${at}.`;
    }
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
        return `Cannot resolve the blob endpoint${named} (${code}): check the account name and the blob endpoint.`;
    }
    if (err instanceof RequestTimeoutError) {
        return `Cannot reach the blob endpoint${named} (no answer within ${err.timeoutMs / 1000} s): ${CHECK_REACH}.`;
    }
    if (isAbort(err))
        return `The request to ${at} timed out: ${CHECK_REACH}.`;
    if (code === 'ECONNREFUSED') {
        return (`Cannot reach the blob endpoint${named} (ECONNREFUSED): nothing listens there. ` +
            'Check the endpoint (the connection string, the account name or the blob endpoint); for Azurite, that it runs.');
    }
    return `Cannot reach the blob endpoint${named} (${shownCode ?? 'network error'}): ${CHECK_REACH}.`;
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
    return (0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .showUntrusted */ .Gz)(brief, 120) + (isThrottled(err) ? ' (throttled)' : '');
}


/***/ }),

/***/ 7053:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I4: () => (/* binding */ holderKey),
/* harmony export */   Jp: () => (/* binding */ holderToMetadata),
/* harmony export */   L_: () => (/* binding */ identityToMetadata),
/* harmony export */   T5: () => (/* binding */ freshnessOf),
/* harmony export */   _L: () => (/* binding */ isHolderKey),
/* harmony export */   ez: () => (/* binding */ holderFromMetadata),
/* harmony export */   h5: () => (/* binding */ shownTime),
/* harmony export */   p2: () => (/* binding */ briefHolder),
/* harmony export */   q9: () => (/* binding */ identityFromMetadata),
/* harmony export */   sG: () => (/* binding */ describeHolder),
/* harmony export */   vn: () => (/* binding */ FENCING_KEY)
/* harmony export */ });
/* unused harmony exports HOLDER_KEYS, describeSupersede */
/* harmony import */ var _metadata_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5866);
/* harmony import */ var _run_page_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1044);
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
    ['supersedeKey', 'holder_supersede_key'],
    ['sequence', 'holder_sequence'],
];
/** Fields that older records lack: read back only when present. */
const OPTIONAL_FIELDS = new Set(['leaseSeconds', 'ticket', 'supersedeKey', 'sequence']);
/** The fields that say who, not when: the ones a queue entry carries too (the supersede key and sequence when given). */
const IDENTITY_FIELDS = FIELDS.filter(([field]) => field !== 'acquiredAt' && field !== 'leaseSeconds' && field !== 'ticket');
/** The keys of the record on the blob; other keys on it belong to others and are left alone. */
const HOLDER_KEYS = FIELDS.map(([, key]) => key);
/**
 * The last fencing token handed out for this lock, kept on the lock blob
 * beside the holder record and written under the holder's lease. It is not a
 * holder key: it stays when the record is cleared at release, so that a
 * fencing counter that was deleted (with the whole .azure-mutex/ folder, say)
 * starts again above it instead of at 1.
 */
const FENCING_KEY = 'azure_mutex_fencing_token';
/** True for a metadata key of the holder record (metadata keys are case-insensitive). */
function isHolderKey(key) {
    // The handover mark (handover.ts) goes with the record: the next holder's record or a release clears it.
    return HOLDER_KEYS.includes(key.toLowerCase()) || key.toLowerCase() === _metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .HANDED_TO_KEY */ .RB;
}
function holderToMetadata(record) {
    const metadata = {};
    for (const [field, key] of FIELDS) {
        const value = record[field];
        if (value !== undefined)
            metadata[key] = (0,_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .encodeValue */ .It)(value);
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
            record[field] = (0,_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeValue */ .wz)(value ?? '');
    }
    return record;
}
/** The metadata of a queue entry: who waits, in the holder record's own keys and encoding. */
function identityToMetadata(identity) {
    const metadata = {};
    for (const [field, key] of IDENTITY_FIELDS) {
        const value = identity[field];
        if (value !== undefined || !OPTIONAL_FIELDS.has(field))
            metadata[key] = (0,_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .encodeValue */ .It)(value ?? '');
    }
    return metadata;
}
/** Who a queue entry says waits, or undefined when it says nothing (not written by this action). */
function identityFromMetadata(metadata) {
    if (!metadata)
        return undefined;
    const values = lowerCased(metadata);
    if (!IDENTITY_FIELDS.some(([field, key]) => !OPTIONAL_FIELDS.has(field) && values.has(key)))
        return undefined;
    const identity = {};
    for (const [field, key] of IDENTITY_FIELDS) {
        const value = values.get(key);
        if (value !== undefined || !OPTIONAL_FIELDS.has(field))
            identity[field] = (0,_metadata_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeValue */ .wz)(value ?? '');
    }
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
    const show = (field) => (0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .showUntrusted */ .Gz)(record[field] ?? '');
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
    // A run URL only when it is a run page of this job's server (run-page.ts): it is a link in the log.
    const runUrl = (0,_run_page_js__WEBPACK_IMPORTED_MODULE_2__/* .shownRunUrl */ .Kw)(record.runUrl);
    const url = runUrl ? ` ${(0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .showUntrusted */ .Gz)(runUrl)}` : '';
    return `${who}${run} since ${show('acquiredAt')}${url}`;
}
/** A short name for a job in a line of the queue: "org/api run 812", every value through showUntrusted. */
function briefHolder(identity) {
    const repository = (0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .showUntrusted */ .Gz)(identity.repository, 100) || 'unknown repository';
    const who = identity.runId ? `${repository} run ${(0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .showUntrusted */ .Gz)(identity.runId, 40)}` : repository;
    return `${who}${describeSupersede(identity)}`;
}
/** ' (key "production", sequence 30)' for a job that gave a supersede key, else ''; through showUntrusted. */
function describeSupersede(identity) {
    if (identity.supersedeKey === undefined)
        return '';
    return ` (key "${(0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .showUntrusted */ .Gz)(identity.supersedeKey, 80)}", sequence ${(0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .showUntrusted */ .Gz)(identity.sequence ?? '', 40) || 'none'})`;
}
/** A time read from storage, as a short UTC time of day ("10:02:11Z") on the day of `today`, else in full. */
function shownTime(value, today = new Date()) {
    const time = typeof value === 'string' ? new Date(value) : value;
    if (Number.isNaN(time.getTime()))
        return (0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .showUntrusted */ .Gz)(String(value), 40);
    const iso = time.toISOString().replace(/\.\d{3}Z$/, 'Z');
    return iso.slice(0, 10) === today.toISOString().slice(0, 10) ? iso.slice(11) : iso;
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
 * Both are readings of the monotonic clock (clock.ts), never of the wall
 * clock, which an NTP step or a resumed VM can move by minutes.
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

/***/ 5866:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   It: () => (/* binding */ encodeValue),
/* harmony export */   RB: () => (/* binding */ HANDED_TO_KEY),
/* harmony export */   ly: () => (/* binding */ NEXT_LEASE_KEY),
/* harmony export */   wz: () => (/* binding */ decodeValue)
/* harmony export */ });
// Blob metadata as this action writes it: the codec every record uses (the
// holder record, holder.ts; the hold, deploy/hold.ts; the break note,
// break-record.ts), and the keys of the handover (queue/handover.ts), which
// the holder record clears with its own. Metadata read from a blob is
// untrusted: decoding it never throws, and it is shown only through
// untrusted-text.ts.
/** The queue entry's key for the lease id its waiter will hold the lock under. */
const NEXT_LEASE_KEY = 'azure_mutex_next_lease_id';
/**
 * The lock blob's key for the ticket the lease was handed to. It is a holder
 * key (holder.ts): the new holder's record replaces it, and a release clears it.
 */
const HANDED_TO_KEY = 'azure_mutex_handed_to';
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


/***/ }),

/***/ 6139:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LK: () => (/* binding */ RESERVED_SEGMENT),
/* harmony export */   Qn: () => (/* binding */ lockNameProblem),
/* harmony export */   iH: () => (/* binding */ containerNameProblem)
/* harmony export */ });
/* unused harmony export workflowCommandOpener */
/* harmony import */ var _untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4469);
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
 * What the runner reads as a workflow command in a line of a step's output
 * (see untrusted-text.ts): '::' (at the start of a line, and a lock name
 * may start one) and '##[' anywhere. Every step prints the lock name in its
 * messages, so a name that carries either is refused rather than escaped in
 * each of them: the name people read is then always the blob's name.
 */
const WORKFLOW_COMMAND_OPENERS = [
    ['::', "'::'"],
    // Described, not quoted: the message that names it must not carry the opener itself.
    ['##[', "'##' followed by '['"],
];
/** The first workflow command opener in the text, described for a message; undefined when there is none. */
function workflowCommandOpener(text) {
    return WORKFLOW_COMMAND_OPENERS.find(([opener]) => text.includes(opener))?.[1];
}
/**
 * 1 to 1024 characters, no control characters or backslashes, at most 254
 * path segments, not ending in '.' or '/', and a name that means the same
 * blob to every client: no '.' or '..' segment (URL normalisation removes or
 * resolves them before the request leaves the client, so 'a/../b' would lock
 * 'b' and '../x/b' even another container), no empty segment (a leading '/'
 * or '//', which some SDKs trim and accounts with a hierarchical namespace
 * cannot hold), no segment ending in '.' (which Azure drops), not under
 * the action's own folder (RESERVED_SEGMENT), and no workflow command opener
 * ('::' or '##[').
 */
function lockNameProblem(name) {
    if (name === '')
        return 'it is empty';
    if (name.length > 1024)
        return `it is ${name.length} characters long, more than 1024`;
    if (CONTROL_CHARACTER.test(name))
        return 'it contains a control character';
    const opener = workflowCommandOpener(name);
    if (opener)
        return `it contains ${opener}, which the runner reads as the start of a workflow command`;
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
        return `its path segment '${(0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_0__/* .showUntrusted */ .Gz)(dotted, 80)}' ends with '.', which Azure drops`;
    if (segments.length > MAX_SEGMENTS)
        return `it has ${segments.length} path segments, more than ${MAX_SEGMENTS}`;
    if (segments[0] === RESERVED_SEGMENT) {
        return `its first path segment '${RESERVED_SEGMENT}' is reserved for the queue and the counters the action keeps beside each lock`;
    }
    return undefined;
}


/***/ }),

/***/ 1831:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PJ: () => (/* binding */ lineOrder),
/* harmony export */   a2: () => (/* binding */ priorityOf),
/* harmony export */   cF: () => (/* binding */ parsePriority),
/* harmony export */   i_: () => (/* binding */ goesBefore),
/* harmony export */   jn: () => (/* binding */ priorityToMetadata),
/* harmony export */   mG: () => (/* binding */ priorityFromMetadata),
/* harmony export */   pk: () => (/* binding */ joinedAhead)
/* harmony export */ });
/* unused harmony exports PRIORITIES, PRIORITY_KEY */
// The order of the line. A waiter waits with a priority, normal or high, and
// writes it on its queue entry. A high-priority waiter goes ahead of every
// normal waiter that is not yet holding; it never goes ahead of a holder, nor
// of an earlier high-priority waiter: among waiters of one priority, ticket
// order stands. Every place that decides who is first (the waiter's place and
// whether it is the head, the holder's handover, the lines, the board) orders
// the entries with lineOrder or goesBefore below, so they all agree.
//
// The priority on an entry is untrusted: anyone who may write to the container
// can write an entry that says high. A value that is neither normal nor high
// counts as normal, and the waiters say so once per entry; an entry without
// one (an older version of this action) is normal.
const PRIORITIES = ['normal', 'high'];
/** The queue entry's metadata key for its waiter's priority. */
const PRIORITY_KEY = 'azure_mutex_priority';
/** The longest malformed value kept to be shown; the rest is of no use to a reader. */
const MALFORMED_KEPT = 40;
/** The entry metadata that says our priority. */
function priorityToMetadata(priority) {
    return { [PRIORITY_KEY]: priority };
}
/**
 * The priority an entry's metadata says: { priority } for normal or high,
 * { malformedPriority } for any other value (it counts as normal), nothing
 * when it says none. Keys are case-insensitive on the service.
 */
function priorityFromMetadata(metadata) {
    const value = Object.entries(metadata ?? {}).find(([key]) => key.toLowerCase() === PRIORITY_KEY)?.[1];
    if (value === undefined)
        return {};
    if (value === 'high' || value === 'normal')
        return { priority: value };
    return { malformedPriority: value.slice(0, MALFORMED_KEPT) };
}
/** The priority an entry counts with: high only when it says exactly high. */
function priorityOf(entry) {
    return entry.priority === 'high' ? 'high' : 'normal';
}
const NOBODY = new Set();
/** 0: holding; 1: high; 2: normal. */
function rank(entry, holding) {
    if (holding.has(entry.ticket))
        return 0;
    return priorityOf(entry) === 'high' ? 1 : 2;
}
/** Whether `a` stands ahead of `b` in the line: by rank, then by ticket. */
function goesBefore(a, b, holding = NOBODY) {
    const ra = rank(a, holding);
    const rb = rank(b, holding);
    return ra !== rb ? ra < rb : a.ticket < b.ticket;
}
/** The entries in the order of the line (a new array); the first is the head. */
function lineOrder(entries, holding = NOBODY) {
    return [...entries].sort((a, b) => (goesBefore(a, b, holding) ? -1 : goesBefore(b, a, holding) ? 1 : 0));
}
/**
 * The entries ahead of the waiter of `ticket` that joined after it (a later
 * ticket): high-priority waiters that went ahead of it. Empty for a
 * high-priority waiter, as a later one never goes ahead of it.
 */
function joinedAhead(ahead, ticket) {
    return ahead.filter((entry) => entry.ticket > ticket && priorityOf(entry) === 'high');
}
/** 'normal' or 'high' from an input; undefined for anything else. */
function parsePriority(text) {
    return PRIORITIES.includes(text) ? text : undefined;
}


/***/ }),

/***/ 2980:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AB: () => (/* binding */ isSquatter),
/* harmony export */   DG: () => (/* binding */ isLive),
/* harmony export */   IE: () => (/* binding */ ordinal),
/* harmony export */   JX: () => (/* binding */ recentPredecessor),
/* harmony export */   YP: () => (/* binding */ standingOf),
/* harmony export */   jg: () => (/* binding */ predecessorShown)
/* harmony export */ });
/* unused harmony exports JOIN_GRACE_MS, CLAIM_GRACE_MS */
/* harmony import */ var _priority_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1831);
// The queue's rules, apart from storage: which entries are alive, where a
// waiter stands, and when it is at the head. Order is by priority, then by
// ticket (priority.ts), and tickets come from one counter in the service's
// order, so no two waiters share one.

/**
 * An entry is written first and leased just after: one without a lease is
 * believed to be joining while it is younger than this (by the service's
 * clock, 1 s resolution), and left behind after.
 */
const JOIN_GRACE_MS = 5_000;
/**
 * A ticket handed out within this time before ours may not have its entry
 * yet (its waiter writes it one request later). Until that entry shows, the
 * lock shows that waiter holding it, or this time has passed, the waiter
 * behind it does not take the head.
 */
const CLAIM_GRACE_MS = 2_000;
function isLive(entry, serviceNow) {
    return entry.leased || serviceNow.getTime() - entry.modifiedAt.getTime() <= JOIN_GRACE_MS;
}
/**
 * An entry with an infinite lease: this action never takes one on an entry,
 * and nobody renews it, so it would hold its place for ever. It is not waited
 * for (it is not a waiter), and cannot be swept (Azure refuses to delete a
 * leased blob): people break its lease and delete it.
 */
function isSquatter(entry) {
    return entry.leased && entry.infinite === true;
}
function standingOf(look, ticket, passedOver = new Set(), { priority, holding } = {}) {
    const before = look.entries.filter((entry) => entry.ticket < ticket);
    const mine = look.entries.find((entry) => entry.ticket === ticket);
    const me = { ticket, priority: priority ?? mine?.priority };
    const waiting = look.entries.filter((entry) => entry.ticket !== ticket &&
        isLive(entry, look.serviceNow) &&
        !isSquatter(entry) &&
        !passedOver.has(entry.ticket) &&
        (0,_priority_js__WEBPACK_IMPORTED_MODULE_0__/* .goesBefore */ .i_)(entry, me, holding));
    return {
        ahead: (0,_priority_js__WEBPACK_IMPORTED_MODULE_0__/* .lineOrder */ .PJ)(waiting, holding),
        lapsed: before.filter((entry) => !isLive(entry, look.serviceNow)),
        squatters: before.filter(isSquatter),
        mine,
    };
}
function recentPredecessor(claim, now) {
    if (!claim.previousAt || !claim.serviceNow)
        return undefined;
    // The service's own clock on both sides, so the runners' clocks do not matter; +1 s for its resolution.
    const age = claim.serviceNow.getTime() - claim.previousAt.getTime();
    const left = CLAIM_GRACE_MS + 1_000 - age;
    return left > 0 ? { ticket: claim.ticket - 1, until: now + left } : undefined;
}
/** Whether a look at the queue or the lock shows that the waiter of `predecessor` has joined (or been served). */
function predecessorShown(predecessor, look) {
    if (look.entries?.some((entry) => entry.ticket === predecessor.ticket))
        return true;
    const held = /^\d{1,16}$/.test(look.holderTicket ?? '') ? Number(look.holderTicket) : NaN;
    return held >= predecessor.ticket;
}
/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 101st. */
function ordinal(n) {
    const tens = n % 100;
    const suffix = tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
    return `${n}${suffix}`;
}


/***/ }),

/***/ 5230:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $h: () => (/* binding */ slotsHeld),
/* harmony export */   Dg: () => (/* binding */ storedSlots),
/* harmony export */   Fn: () => (/* binding */ MAX_SLOTS),
/* harmony export */   It: () => (/* binding */ SlotsMismatchError),
/* harmony export */   Qg: () => (/* binding */ keptSlots),
/* harmony export */   V4: () => (/* binding */ servedTickets),
/* harmony export */   _H: () => (/* binding */ describeSlotsHeld),
/* harmony export */   co: () => (/* binding */ SLOTS_KEY),
/* harmony export */   kA: () => (/* binding */ refuseHoldOnSlots),
/* harmony export */   nN: () => (/* binding */ slotsProblem),
/* harmony export */   rB: () => (/* binding */ slotsMismatchMessage),
/* harmony export */   sk: () => (/* binding */ slotsMalformedMessage),
/* harmony export */   z4: () => (/* binding */ slotToTake)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2960);
/* harmony import */ var _holder_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7053);
/* harmony import */ var _untrusted_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4469);
// Slots: a lock that lets up to N holders in at once. Each slot is a blob
// that is leased as the lock blob is: slot 1 is the lock blob itself (so a
// client that does not know of slots, go-azuremutex among them, holds one
// slot), slots 2..N are reserved blobs beside it (reserved.ts). The lease on
// each slot blob still lets exactly one holder in, so N blobs let in at most
// N, whatever the waiters believe.
//
// The queue stays one queue. A waiter looks at the queue and every slot in one
// listing of the lock's folder (plus one look at the lock blob), and may take
// a slot when fewer waiters stand ahead of it than there are free slots: the
// first k waiters of the line take the k free slots, the i-th of them the
// i-th free slot, so that they do not race each other for one.
//
// Everyone must agree on N: the number is kept on the lock's fencing counter
// (SLOTS_KEY), set by the job that creates the counter, and a job that asks
// for another number fails before it takes any lease (slotted jobs check
// before their first acquire; a job with one slot, which must not pay a
// request for it, learns it when it takes its fencing token, and gives the
// lease it took back: its lease is on the lock blob, which is slot 1, so even
// then no more than N hold).
//
// The counter lives in .azure-mutex/, which may be deleted. So every holder
// also writes the number it agreed on, once its token came, beside the token
// on the blob it holds (the lock blob for slot 1, with 1 for a lock of one
// slot; its slot blob for the others). A counter created again takes the
// number from there (keptSlots): from the leased slot blobs (their holders
// hold now, and a leased blob cannot be deleted without breaking its lease),
// else from the lock blob, which keeps it after release as it keeps the last
// token. A job that asks for another number is then refused as it would be by
// the counter, so no job takes the lock blob while slot blobs 2..N are held
// under another number. Changing N means draining the lock and writing the
// new number on the counter (the README's Slots section gives the commands);
// the lock blob takes it from the first job that holds it after.



/** The most slots a lock may have: each waiter's look lists them all, and each is a blob. */
const MAX_SLOTS = 100;
/** The fencing counter's metadata key for the lock's number of slots; absent means 1. */
const SLOTS_KEY = 'azure_mutex_slots';
/** Why a text is not a number of slots, or undefined when it is one. */
function slotsProblem(text) {
    if (!/^\d{1,3}$/.test(text))
        return 'not a whole number';
    const value = Number(text);
    return value >= 1 && value <= MAX_SLOTS ? undefined : `not from 1 to ${MAX_SLOTS}`;
}
/**
 * The number of slots the counter's metadata keeps: 1 when it keeps none (a
 * lock that never had slots, or a counter written by an older version), and
 * 'malformed' for a value this action did not write, which is never trusted.
 */
function storedSlots(metadata) {
    let text;
    for (const [key, value] of Object.entries(metadata ?? {}))
        if (key.toLowerCase() === SLOTS_KEY)
            text = value;
    if (text === undefined)
        return 1;
    return slotsProblem(text) === undefined ? Number(text) : 'malformed';
}
/** The number a blob's SLOTS_KEY says, when it says one (absent and malformed: undefined). */
function explicitSlots(metadata) {
    let text;
    for (const [key, value] of Object.entries(metadata ?? {}))
        if (key.toLowerCase() === SLOTS_KEY)
            text = value;
    return text !== undefined && slotsProblem(text) === undefined ? Number(text) : undefined;
}
/**
 * The lock's number of slots as kept outside its fencing counter, for a
 * counter created again (the .azure-mutex/ folder was deleted): the number the
 * holders of leased slot blobs wrote (they hold now), else the one the lock
 * blob keeps (its holders write it, 1 included, and it stays after release);
 * never less than the highest slot that is leased. Undefined when nothing
 * keeps one: a new lock, or one whose lock blob lost its metadata to a client
 * that uploads it again (go-azuremutex). A number this action did not write is
 * not trusted: it is left out, as if absent.
 */
function keptSlots(lock, slots) {
    const leased = slots.filter((s) => s.leased);
    const held = leased.flatMap((s) => {
        const count = explicitSlots(s.metadata);
        return count === undefined ? [] : [count];
    });
    const count = held.length > 0 ? Math.max(...held) : explicitSlots(lock);
    const highest = Math.max(0, ...leased.map((s) => s.slot));
    return highest > 0 ? Math.max(count ?? highest, highest) : count;
}
/** A job asked for another number of slots than the lock keeps. */
class SlotsMismatchError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LockError */ .Ku {
    name = 'SlotsMismatchError';
    /** The number the lock keeps, when it keeps a number (not a malformed one). */
    stored;
    constructor(message, stored) {
        super(message);
        this.stored = stored;
    }
}
/**
 * A hold (a freeze) on a lock of several slots: it would be one lease on the
 * lock blob, slot 1, and freeze that slot alone while the others stay open, so
 * it is refused once its lease shows the lock's number, and the lease goes back.
 * Other errors pass through as they are.
 */
function refuseHoldOnSlots(err, location) {
    if (!(err instanceof SlotsMismatchError) || err.stored === undefined || err.stored <= 1)
        return err;
    const others = err.stored - 1;
    return new SlotsMismatchError(`Lock ${location} has ${err.stored} slots, and a hold is one lease on its lock blob: it would freeze slot 1 ` +
        `only, while the other ${others} slot${others === 1 ? '' : 's'} stayed open to every job, so a hold is refused ` +
        'on a lock with slots; the lease it took was given back, and no hold was set.', err.stored);
}
/** The one line of a job whose number of slots is not the lock's. */
function slotsMismatchMessage(location, stored, asked, counter, { gaveBack = false } = {}) {
    const slots = (n) => `${n} slot${n === 1 ? '' : 's'}`;
    return (`Lock ${location} is set up with ${slots(stored)}, but this job asks for ${slots(asked)} ('slots: ${asked}'); ` +
        `${gaveBack ? 'it gives back the lease it took' : 'it takes no lease'}. Every job of a lock must ask for the same number. To change it safely, change 'slots' in every ` +
        `workflow that uses the lock, let the lock drain (no holder, nobody waiting), then write the new number on ` +
        `the counter blob that keeps it, ${counter}, as the README's Slots section shows (deleting the counter does ` +
        `not change the number: the lock blob keeps it too).`);
}
/** The one line for a number of slots on the counter that this action did not write. */
function slotsMalformedMessage(location, text, deleteCommand) {
    return (`Lock ${location} keeps '${(0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_2__/* .showUntrusted */ .Gz)(text, 40)}' as its number of slots, which this action did not write; ` +
        `it is not trusted, and no lease is taken. Let the lock drain, then delete the counter blob: it is made again ` +
        `with the number the lock blob keeps, or else the next job's: ${deleteCommand}`);
}
/**
 * The slot a waiter may take now, or undefined: a slot handed to its ticket,
 * else, when fewer than the free slots stand ahead of it (`ahead` counts the
 * live waiters ahead that are not served yet (servedTickets), and a ticket
 * just before ours whose entry may be on its way), the free slot at its own
 * place among them.
 */
function slotToTake(slots, ahead, ticket) {
    const handed = ticket === undefined ? undefined : slots.find((s) => s.state === 'leased' && s.handedTo === ticket);
    if (handed)
        return handed;
    const free = slots.filter((s) => s.state !== 'leased');
    return ahead < free.length ? free[ahead] : undefined;
}
/**
 * The tickets a look shows served already: handed a slot by its last holder
 * (handover.ts), or holding one (its holder record names its ticket, which it
 * writes before it leaves the queue). A holder that lets go hands its slot to
 * the first waiter in line that is not among them, and a waiter counts only
 * the waiters ahead that are not among them, so that when several slots free
 * up together, each goes to its own waiter instead of all to the head.
 */
function servedTickets(slots) {
    const served = new Set();
    for (const s of slots) {
        if (s.state !== 'leased')
            continue;
        if (s.handedTo !== undefined)
            served.add(s.handedTo);
        const ticket = s.holder?.ticket;
        if (ticket !== undefined && /^\d{1,16}$/.test(ticket))
            served.add(Number(ticket));
    }
    return served;
}
function slotsHeld(slots) {
    return {
        count: slots.length,
        held: slots.filter((s) => s.state === 'leased').map((s) => ({ slot: s.slot, holder: s.holder })),
    };
}
/**
 * "2 of 3 slots held: org/api run 812 (since 10:02:11Z), org/web run 9 (since
 * 10:03:40Z)". Every value from storage goes through showUntrusted.
 */
function describeSlotsHeld(seen, now = new Date()) {
    const who = seen.held.map(({ holder }) => holder
        ? `${(0,_holder_js__WEBPACK_IMPORTED_MODULE_1__/* .briefHolder */ .p2)(holder)} (since ${(0,_holder_js__WEBPACK_IMPORTED_MODULE_1__/* .shownTime */ .h5)(holder.acquiredAt, now)})`
        : 'an unknown holder (no holder record)');
    return `${seen.held.length} of ${seen.count} slots held${who.length > 0 ? `: ${who.join(', ')}` : ''}`;
}


/***/ }),

/***/ 1044:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $D: () => (/* binding */ safeRunLink),
/* harmony export */   Kw: () => (/* binding */ shownRunUrl)
/* harmony export */ });
/* unused harmony export runPageServer */
// The run URL in a holder, break or hold record is written by whoever wrote
// the record: anyone who can write to the container. A log viewer turns a URL
// into a link, so a line shows one only when it is what an honest record holds,
// a GitHub Actions run page on the server of the job that prints it; the job
// summary links by the same test. Any other URL is left out of the line.
/** A GitHub Actions run page: /owner/repo/actions/runs/<id>, optionally /attempts/<n>. */
const RUN_PATH = /^\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+\/actions\/runs\/\d+(\/attempts\/\d+)?\/?$/;
/** The run URL as an href, only when it is an https run page on `serverUrl`, with no query, fragment or user. */
function safeRunLink(runUrl, serverUrl) {
    let url;
    let server;
    try {
        url = new URL(runUrl);
        server = new URL(serverUrl);
    }
    catch {
        return undefined;
    }
    if (url.protocol !== 'https:' || url.origin !== server.origin || url.search || url.hash)
        return undefined;
    if (url.username || url.password || !RUN_PATH.test(url.pathname))
        return undefined;
    return url.href;
}
/**
 * The server whose run pages lines may show: the one a GitHub runner names
 * for its job (GITHUB_SERVER_URL, GitHub Enterprise Server included), else
 * github.com, where the records of jobs elsewhere point.
 */
function runPageServer(env = process.env) {
    return env.GITHUB_SERVER_URL || 'https://github.com';
}
/** The run URL of a record as a line may show it: the run page itself, or '' for any other URL. */
function shownRunUrl(runUrl, serverUrl = runPageServer()) {
    return runUrl ? (safeRunLink(runUrl, serverUrl) ?? '') : '';
}


/***/ }),

/***/ 3024:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ serviceReading),
/* harmony export */   WW: () => (/* binding */ isServiceReading),
/* harmony export */   aQ: () => (/* binding */ readTime),
/* harmony export */   gC: () => (/* binding */ entryTime),
/* harmony export */   yi: () => (/* binding */ serviceTimeAt)
/* harmony export */ });
/* unused harmony export latestReading */
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2041);
// The service's clock, as far as one request can tell it. Lease arithmetic
// runs on the monotonic clock (clock.ts), but a time shown to people as a
// claim about other machines ("exclusivity guaranteed until", "held since",
// when a loss was found) is better told on the service's clock: it is one
// clock for every client of the lock, where the runner's own may be minutes
// off or stepped mid-job.
//
// Azure's Date header has one-second resolution and is stamped somewhere
// between the moment the request left and the moment its answer came back.
// So one reading bounds the service's time at any monotonic instant t:
//   date + (t - answered)  <=  service time at t  <  date + 1 s + (t - sent)
// A claim that must never be later than the truth ("guaranteed until") takes
// the lower bound; one that must never be earlier ("the loss was found by")
// takes the upper one.

/**
 * A time read from a response: its Date header, a blob's Last-Modified. The
 * service's clock is input like any other, and whatever stands between us and
 * it may mangle it: a proxy that adds a second Date header, which Node joins
 * to the first into one value that no date parser reads. A time that does not
 * parse is no time: undefined, as when the response had none, so that nothing
 * downstream does arithmetic on it or prints it.
 */
function readTime(value) {
    return value instanceof Date && !Number.isNaN(value.getTime()) ? value : undefined;
}
/**
 * A queue entry's Last-Modified, where a listing must give one: a time that
 * does not parse counts as long ago (1970), so that only the entry's lease can
 * show it live (queue.ts isLive).
 */
function entryTime(value) {
    return readTime(value) ?? new Date(0);
}
/** A reading from a response's Date header; undefined when the response had none, or one that does not parse. */
function serviceReading(date, sentAt, answeredAt) {
    const read = readTime(date);
    return read && { date: read.getTime(), sentAt, answeredAt };
}
/** Whether a value read back (from state, a report) is a reading. */
function isServiceReading(value) {
    const r = value;
    const isNumber = (n) => typeof n === 'number' && Number.isFinite(n);
    return typeof r === 'object' && r !== null && isNumber(r.date) && isNumber(r.sentAt) && isNumber(r.answeredAt);
}
/**
 * The service's time at the monotonic instant t, on the side of the truth
 * that `bound` names. Without a reading, the runner's wall clock is all there
 * is: it is shown, for display only, as the best we know.
 */
function serviceTimeAt(t, reading, bound) {
    if (!reading)
        return new Date(Date.now() - ((0,_clock_js__WEBPACK_IMPORTED_MODULE_0__/* .monotonicNow */ .X)() - t));
    return bound === 'no-later'
        ? new Date(reading.date + (t - reading.answeredAt))
        : new Date(reading.date + 1_000 + (t - reading.sentAt));
}
/** The later of two readings (the one taken last bounds best what follows it). */
function latestReading(a, b) {
    if (!a)
        return b;
    if (!b)
        return a;
    return b.answeredAt >= a.answeredAt ? b : a;
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
/* harmony import */ var _queue_slots_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5230);
/* harmony import */ var _queue_priority_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1831);
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
                        : spec.runHoldMs !== undefined && !(Number.isSafeInteger(spec.runHoldMs) && spec.runHoldMs > 0)
                            ? 'runHoldMs'
                            : spec.slots !== undefined &&
                                !(Number.isSafeInteger(spec.slots) && spec.slots >= 1 && spec.slots <= _queue_slots_js__WEBPACK_IMPORTED_MODULE_2__/* .MAX_SLOTS */ .Fn)
                                ? 'slots'
                                : spec.slot !== undefined &&
                                    !(Number.isSafeInteger(spec.slot) && spec.slot >= 1 && spec.slot <= (spec.slots ?? 1))
                                    ? 'slot'
                                    : spec.priority !== undefined && (0,_queue_priority_js__WEBPACK_IMPORTED_MODULE_3__/* .parsePriority */ .cF)(String(spec.priority)) === undefined
                                        ? 'priority'
                                        : spec.warnAfterMs !== undefined &&
                                            !(Number.isSafeInteger(spec.warnAfterMs) && spec.warnAfterMs >= 0)
                                            ? 'warnAfterMs'
                                            : undefined;
    if (problem)
        throw new MalformedError(`not a lock description (${problem})`);
    const { endpoint, container, lockName, leaseDurationSeconds, runHoldMs, slots, slot, priority, warnAfterMs } = spec;
    return {
        endpoint,
        container,
        lockName,
        leaseDurationSeconds,
        ...(runHoldMs !== undefined ? { runHoldMs } : {}),
        ...(slots !== undefined ? { slots } : {}),
        ...(slot !== undefined ? { slot } : {}),
        ...(priority !== undefined ? { priority } : {}),
        ...(warnAfterMs !== undefined ? { warnAfterMs } : {}),
    };
}


/***/ }),

/***/ 4469:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gz: () => (/* binding */ showUntrusted),
/* harmony export */   Pq: () => (/* binding */ SHOWN_LENGTH),
/* harmony export */   no: () => (/* binding */ keptForShowing)
/* harmony export */ });
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
/**
 * As little of untrusted text as showUntrusted(text, maxLength) needs: the
 * text itself when it has at most `maxLength` characters, else its first
 * `maxLength` characters and an ellipsis. Showing what is kept gives exactly
 * what showing the whole text gives, with the same cut, and what is kept is
 * at most maxLength + 1 characters long. A cut value never reads as a longer
 * one that it begins (a run URL cut inside its run id is no run URL).
 */
function keptForShowing(text, maxLength = SHOWN_LENGTH) {
    const characters = Array.from(text);
    return characters.length <= maxLength ? text : characters.slice(0, maxLength).join('') + ELLIPSIS;
}


/***/ }),

/***/ 6959:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  mW: () => (/* binding */ askRenewer),
  H_: () => (/* binding */ serveChannel)
});

// UNUSED EXPORTS: HANDSHAKE_MS, MAX_UNPROVEN

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(643);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/renewer/lifecycle.ts
var lifecycle = __webpack_require__(2722);
// EXTERNAL MODULE: ./src/renewer/platform.ts
var platform = __webpack_require__(7855);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/renewer/proof.ts
// How the renewer and its callers prove to each other who they are, on a
// channel that anyone on the machine might be listening at: an abstract
// socket name is readable from /proc/net/unix, and once the renewer has died,
// any local user can bind it. So neither side sends the shared key, and the
// caller sends nothing secret (nor anything the listener could replay) before
// the listener has proven that it holds the key.
//
// The key is made by main, given to the renewer over its private IPC pipe,
// and kept by post (step state) and release steps (a masked exported
// variable). Each side proves it holds the key with an HMAC over both sides'
// fresh nonces, so an answer is good for one conversation only:
//   caller   → {type: 'challenge', nonce: c}
//   renewer  → {type: 'proof', pid, nonce: r, mac: HMAC(key, "renewer", c, r, pid)}
//   caller   → {op, by, mac: HMAC(key, "caller", r, c, op, by)}   (only if the proof checks out)
//   renewer  → {type: 'report', report, log}                        (only if the caller's mac checks out)
// The pid in the proof is signed, so a listener cannot name another process;
// still, post kills only the pid that main recorded when it started the
// renewer, never one that came over the channel.

/** A fresh nonce: 24 random bytes, base64url. */
function newNonce() {
    return (0,external_node_crypto_.randomBytes)(24).toString('base64url');
}
/** A nonce as the other side must send it: base64url, 16 to 128 characters. */
function isNonce(value) {
    return typeof value === 'string' && /^[A-Za-z0-9_-]{16,128}$/.test(value);
}
function mac(key, parts) {
    // Each part is free of newlines (nonces are base64url, the rest are ours), so joining with one is unambiguous.
    return (0,external_node_crypto_.createHmac)('sha256', key).update(parts.join('\n')).digest('base64url');
}
/** The renewer's answer to a caller's challenge. */
function renewerProof(key, callerNonce, renewerNonce, pid) {
    return mac(key, ['renewer', callerNonce, renewerNonce, pid]);
}
/** The caller's proof, bound to what it asks. */
function callerProof(key, renewerNonce, callerNonce, op, by) {
    return mac(key, ['caller', renewerNonce, callerNonce, op, by]);
}
/** Whether a proof received equals the one expected, in constant time. */
function sameProof(given, expected) {
    if (typeof given !== 'string')
        return false;
    const a = Buffer.from(given);
    const b = Buffer.from(expected);
    return a.length === b.length && (0,external_node_crypto_.timingSafeEqual)(a, b);
}

;// CONCATENATED MODULE: ./src/renewer/channel.ts
// The renewer's control channel: how post, and a release step later in the
// job, ask the detached renewer to let the lease go and hear how that went.
//
// Why a local socket (a named pipe on Windows) rather than signals or a
// request file:
// - It works the same on Linux, macOS and Windows, where a signal cannot be
//   caught (process.kill is TerminateProcess there) and has no answer.
// - It answers at once: no polling, so a handoff costs no poll interval and
//   an idle renewer no CPU.
// - Both ends prove who they are (proof.ts): the renewer first, because once
//   it has died anyone on the machine can listen at its address. The caller
//   sends nothing secret until the listener has proven it holds the key.
//   While a proven connection stays open the renewer cannot have exited, so
//   its pid cannot have been reused: that is the one moment post may end a
//   stuck renewer, and only by the pid main recorded when it started it.
// - It survives a later step emptying $RUNNER_TEMP (see channelAddress).
// - Any number of clients may ask, one after another: post, release steps.
// - Any local user can connect to it (an abstract socket is visible in
//   /proc/net/unix), so a connection costs the renewer little until it has
//   made a proven request: one that has not within HANDSHAKE_MS is closed,
//   and past MAX_UNPROVEN open ones a new connection closes the oldest that
//   has sent nothing (else the oldest). Idle connections cannot take the
//   descriptors the renewer needs to renew (20,000 of them once did), nor keep
//   out a caller, which sends its challenge as soon as it is connected.
//
// The protocol is JSON lines, two each way (proof.ts has the exchange): the
// caller's challenge, the renewer's proof, the caller's request with its own
// proof, then the renewer does what was asked, answers {type: 'report',
// report, log} and closes.






const MAX_REQUEST_BYTES = 4_096;
/**
 * How long a connection may take, from connect, to make its proven request.
 * A caller sends its challenge at once and its request as soon as the proof
 * is in: milliseconds, even on a loaded runner.
 */
const HANDSHAKE_MS = 5_000;
/** The most connections open at once that have not made a proven request; a new one closes one of them. */
const MAX_UNPROVEN = 32;
function parseLine(line) {
    try {
        const value = JSON.parse(line);
        return typeof value === 'object' && value !== null ? value : undefined;
    }
    catch {
        return undefined;
    }
}
function parseRequest(line) {
    const value = parseLine(line);
    const ops = ['stop', 'release', 'report', 'keep'];
    const requesters = ['post', 'release step'];
    if (!value || !ops.includes(value.op) || !requesters.includes(value.by))
        return undefined;
    return { op: value.op, by: value.by, mac: value.mac };
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
    if ((0,platform/* isSocketFile */.gC)(address))
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(address), { recursive: true, mode: 0o700 });
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(address, () => {
            server.off('error', reject);
            resolve();
        });
    });
}
/** Listens for callers that prove they hold the key, after proving it holds it too. */
async function serveChannel(ref, options) {
    let server = (0,external_node_net_.createServer)();
    const handshakeMs = options.handshakeMs ?? HANDSHAKE_MS;
    const maxUnproven = options.maxUnproven ?? MAX_UNPROVEN;
    /** Connections that have not made a proven request yet, oldest first, and whether each has sent its challenge. */
    const unproven = new Map();
    const onConnection = (socket) => {
        socket.on('error', () => undefined);
        if (unproven.size >= maxUnproven) {
            // The oldest that has said nothing: a caller sends its challenge at once. Else the oldest.
            const silent = [...unproven].find(([, state]) => !state.challenged)?.[0];
            const dropped = silent ?? unproven.keys().next().value;
            unproven.delete(dropped);
            dropped.destroy();
        }
        const state = { challenged: false };
        unproven.set(socket, state);
        const tooSlow = setTimeout(() => socket.destroy(), handshakeMs);
        tooSlow.unref();
        const settled = () => {
            clearTimeout(tooSlow);
            unproven.delete(socket);
        };
        socket.once('close', settled);
        let challenge;
        let asked = false;
        const refuse = () => void socket.end(`${JSON.stringify({ type: 'refused' })}\n`);
        onLines(socket, MAX_REQUEST_BYTES, (line) => {
            if (asked)
                return;
            if (!challenge) {
                const value = parseLine(line);
                if (value?.type !== 'challenge' || !isNonce(value.nonce)) {
                    asked = true;
                    refuse();
                    return;
                }
                state.challenged = true;
                challenge = { caller: value.nonce, renewer: newNonce() };
                const mac = renewerProof(ref.token, challenge.caller, challenge.renewer, process.pid);
                socket.write(`${JSON.stringify({ type: 'proof', pid: process.pid, nonce: challenge.renewer, mac })}\n`);
                return;
            }
            asked = true;
            const request = parseRequest(line);
            if (!request ||
                !sameProof(request.mac, callerProof(ref.token, challenge.renewer, challenge.caller, request.op, request.by))) {
                refuse();
                return;
            }
            const { op, by } = request;
            settled();
            options.handle({ op, by }).then((answer) => socket.end(`${JSON.stringify({ type: 'report', ...answer })}\n`, () => options.answered?.({ op, by })), () => socket.destroy());
        });
    };
    server.on('connection', onConnection);
    await listenOn(server, ref.address);
    return {
        address: ref.address,
        async keepListening() {
            if (!(0,platform/* isSocketFile */.gC)(ref.address) || (0,external_node_fs_.existsSync)(ref.address))
                return;
            server.close();
            server = (0,external_node_net_.createServer)();
            server.on('connection', onConnection);
            await listenOn(server, ref.address).catch(() => undefined);
        },
        close: () => new Promise((resolve) => server.close(() => resolve())),
    };
}
/**
 * Connects and challenges what listens; sends the request only once it has
 * proven to be the renewer (and, when expectedPid is given, the renewer main
 * started). 'nothing listens' when no renewer is there (it exited or died).
 */
function askRenewer(ref, request, options = {}) {
    const connectTimeoutMs = options.connectTimeoutMs ?? 2_000;
    return new Promise((resolve) => {
        const socket = (0,external_node_net_.createConnection)(ref.address);
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
            let onProven = () => undefined;
            let onAnswer = () => undefined;
            const proven = new Promise((done) => (onProven = done));
            const answer = new Promise((done) => (onAnswer = done));
            const callerNonce = newNonce();
            let trusted = false;
            onLines(socket, 1_000_000, (line) => {
                const message = parseLine(line);
                if (!message)
                    return;
                if (!trusted) {
                    // Until the proof checks out, whatever listens is a stranger: the first line must be a proof.
                    const { pid, nonce, mac } = message;
                    const valid = message.type === 'proof' &&
                        typeof pid === 'number' &&
                        Number.isSafeInteger(pid) &&
                        isNonce(nonce) &&
                        sameProof(mac, renewerProof(ref.token, callerNonce, nonce, pid)) &&
                        (options.expectedPid === undefined || pid === options.expectedPid);
                    if (!valid) {
                        onProven('impostor');
                        onAnswer(undefined);
                        socket.destroy();
                        return;
                    }
                    trusted = true;
                    const mac2 = callerProof(ref.token, nonce, callerNonce, request.op, request.by);
                    socket.write(`${JSON.stringify({ op: request.op, by: request.by, mac: mac2 })}\n`);
                    onProven(pid);
                    return;
                }
                if (message.type === 'report') {
                    const report = (0,lifecycle/* parseRenewerReport */.Cs)(message.report);
                    const log = Array.isArray(message.log) ? message.log.filter((l) => typeof l === 'string') : [];
                    onAnswer(report ? { report, log } : undefined);
                }
            });
            socket.once('close', () => {
                onProven(undefined);
                onAnswer(undefined);
            });
            socket.write(`${JSON.stringify({ type: 'challenge', nonce: callerNonce })}\n`);
            resolve({ proven, answer, close: () => socket.destroy() });
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
/* harmony export */   dy: () => (/* binding */ healedLapseWarning),
/* harmony export */   l1: () => (/* binding */ needsOwnRelease),
/* harmony export */   np: () => (/* binding */ advance)
/* harmony export */ });
/* unused harmony export isFinal */
/* harmony import */ var _lock_duration_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6307);
/* harmony import */ var _lock_service_time_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
// The renewer's lifecycle as one explicit state machine, and the verdict post
// draws from it. Both are pure: the renewer process feeds events to advance(),
// and what it reports (over its channel, or in its status file) is the state
// that results. Post reads that state through verdict() alone.
//
//   starting ──renewed──▶ holding ──released──────▶ released
//      │                   │  ├──lost / found-lost─▶ lost
//      └──failed──▶ failed │  └──release-failed───▶ unreleased (expires by itself)
//                          └──renewed, renewal-failed (stays holding)
//
// Times come in two kinds. Readings of the monotonic clock (…Mono, ms) are
// what every decision is made on: one clock for every process of the machine,
// which no change of the wall clock moves. ISO times are for people, told on
// the service's clock where one is known (service-time.ts).


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
            return { ...report, confirmedAt: event.confirmedAt.toISOString(), confirmedMono: event.confirmedMono };
        case 'renewed': {
            const previous = report.renewedMono ?? report.confirmedMono ?? event.sentAt;
            const service = event.service ?? report.service;
            const healedLapse = event.afterLapse ? healed(report, event, event.afterLapse.leaseMs, service) : undefined;
            return {
                ...report,
                ...(healedLapse ? { healedLapse } : {}),
                phase: 'holding',
                confirmedAt: (0,_lock_service_time_js__WEBPACK_IMPORTED_MODULE_1__/* .serviceTimeAt */ .yi)(event.sentAt, service, 'no-later').toISOString(),
                confirmedMono: event.sentAt,
                renewedAt: (0,_lock_service_time_js__WEBPACK_IMPORTED_MODULE_1__/* .serviceTimeAt */ .yi)(event.at, service, 'no-later').toISOString(),
                renewedMono: event.at,
                ...(service ? { service } : {}),
                renewals: report.renewals + 1,
                longestGapMs: Math.max(report.longestGapMs, event.at - previous),
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
/** The report's healed lapse with this renewal's counted in: the longest of them is kept. */
function healed(report, renewal, leaseMs, service) {
    const confirmed = report.confirmedMono;
    if (confirmed === undefined)
        return report.healedLapse;
    const count = (report.healedLapse?.count ?? 0) + 1;
    const gapMs = renewal.at - confirmed;
    if (report.healedLapse && report.healedLapse.gapMs >= gapMs)
        return { ...report.healedLapse, count };
    return {
        count,
        gapMs,
        leaseMs,
        lapsedAt: (0,_lock_service_time_js__WEBPACK_IMPORTED_MODULE_1__/* .serviceTimeAt */ .yi)(confirmed + leaseMs, service, 'no-later').toISOString(),
        renewedAt: (0,_lock_service_time_js__WEBPACK_IMPORTED_MODULE_1__/* .serviceTimeAt */ .yi)(renewal.at, service, 'no-later').toISOString(),
    };
}
/**
 * The warning of a healed lapse, for post and the release step: how long the
 * lease went unrenewed, and why that is safe.
 */
function healedLapseWarning(lapse) {
    const more = lapse.count > 1 ? ` It lapsed ${lapse.count} times; this was the longest.` : '';
    return (`The lease went unrenewed for ${(0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(lapse.gapMs)}, longer than its ${(0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(lapse.leaseMs)} ` +
        `duration (storage or the network was gone): it may have run out at ${lapse.lapsedAt}, but a renewal ` +
        `answered at ${lapse.renewedAt} succeeded. Azure renews a lapsed lease only if nobody leased the lock since, so nobody ` +
        `else held it.${more}`);
}
/** Whether post must release with its own credentials: the renewer did not, and it holds no final word. */
function needsOwnRelease(answer, statusFile) {
    const report = answer.kind === 'answered' ? answer.report : statusFile;
    return !(report && (report.phase === 'released' || report.phase === 'lost'));
}
/** What post reports, from what the renewer said (or left behind) and post's own release. */
function verdict(input) {
    const { answer, ownRelease, ownRenewal } = input;
    const warnings = [];
    const report = answer.kind === 'answered' ? answer.report : input.statusFile;
    const service = report?.service ?? input.service;
    const shown = (t, bound) => (0,_lock_service_time_js__WEBPACK_IMPORTED_MODULE_1__/* .serviceTimeAt */ .yi)(t, service, bound).toISOString();
    const nowShown = shown(input.now, 'no-earlier');
    if (report?.phase === 'lost' && report.loss)
        return { verdict: { kind: 'lost', loss: report.loss }, warnings };
    if (report?.phase === 'released' && report.released?.by === 'worker gone') {
        // Post is running, so the worker was not gone: the renewer let the lock go in the middle of the job.
        const loss = {
            exclusiveUntil: report.released.at,
            detectedAt: nowShown,
            reason: 'the renewer released the lease because it took the runner worker for gone',
        };
        return { verdict: { kind: 'lost', loss }, warnings };
    }
    // A lapse that a later renewal healed: not a loss, but the job should hear of it.
    if (report?.healedLapse)
        warnings.push(healedLapseWarning(report.healedLapse));
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
    else if (answer.kind === 'impostor') {
        warnings.push("Something other than this job's renewer listens at its address: it could not prove who it is, so it was " +
            "told nothing and left alone. The lease is released with the step's credentials.");
    }
    else if (answer.kind === 'answered' && report?.phase === 'unreleased') {
        warnings.push(`The renewer could not release the lease (${report.error ?? 'no reason given'}).`);
    }
    // The lease was certainly ours up to the latest confirmation anyone knows of (monotonic readings).
    let confirmed = Math.max(input.confirmedMono, report?.confirmedMono ?? -Infinity);
    if (ownRenewal?.outcome === 'renewed') {
        warnings.push(`The lease went unrenewed for longer than its duration (since ${shown(confirmed, 'no-later')}), but post ` +
            'renewed it: Azure renews a lapsed lease only if nobody leased the lock since, so nobody else held it.');
        confirmed = Math.max(confirmed, ownRenewal.sentAt);
    }
    const ranOutAt = confirmed + input.leaseDurationMs;
    if (ownRenewal?.outcome === 'gone' || ownRelease === 'not-held') {
        const loss = {
            exclusiveUntil: shown(confirmed, 'no-later'),
            detectedAt: nowShown,
            reason: `${ownRenewal?.outcome === 'gone' ? 'at renewal' : 'at release'}, Azure said the lease was no longer ours`,
        };
        return { verdict: { kind: 'lost', loss }, warnings };
    }
    if (ranOutAt < input.now) {
        // Nothing confirmed it for a whole lease duration, and post's own renewal could not either: it may have
        // run out, and another holder may have got in. Exclusivity cannot be proven past the last confirmation.
        const loss = {
            exclusiveUntil: shown(confirmed, 'no-later'),
            detectedAt: nowShown,
            reason: `the renewer had stopped, and no renewal succeeded for the whole lease duration: the lease may have ` +
                `run out at ${shown(ranOutAt, 'no-later')}`,
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
const isReading = (value) => typeof value === 'number' && Number.isFinite(value);
function isHealedLapse(value) {
    if (typeof value !== 'object' || value === null)
        return false;
    const h = value;
    return isCount(h.count) && isCount(h.gapMs) && isCount(h.leaseMs) && isTime(h.lapsedAt) && isTime(h.renewedAt);
}
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
        (r.confirmedMono === undefined || isReading(r.confirmedMono)) &&
        (r.renewedMono === undefined || isReading(r.renewedMono)) &&
        (r.service === undefined || (0,_lock_service_time_js__WEBPACK_IMPORTED_MODULE_1__/* .isServiceReading */ .WW)(r.service)) &&
        isCount(r.renewals) &&
        isCount(r.failures) &&
        isCount(r.longestGapMs) &&
        (r.healedLapse === undefined || isHealedLapse(r.healedLapse)) &&
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
        if (typeof lease.confirmedMono !== 'number' || !Number.isFinite(lease.confirmedMono))
            return undefined;
        // The slot must be one of the lock's: the renewer never renews a blob the lock does not have.
        const slot = lease.slot;
        if (slot !== undefined && !(Number.isSafeInteger(slot) && slot >= 1))
            return undefined;
        return {
            type: 'hold',
            lease: {
                leaseId: lease.leaseId,
                confirmedAt: lease.confirmedAt,
                confirmedMono: lease.confirmedMono,
                ...(slot !== undefined ? { slot: slot } : {}),
            },
        };
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
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(643);
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
