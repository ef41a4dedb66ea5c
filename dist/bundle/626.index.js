export const id = 626;
export const ids = [626,952];
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
    /** Main: jobs of one key supersede older ones: only the newest by sequence takes the lock (latest.ts). */
    SupersedeKey: 'supersede-key',
    /** Main: a non-negative integer that orders the jobs of one key; the run id when empty. */
    Sequence: 'sequence',
    /** Main: what a superseded or stale job does: skip (succeed without the lock), fail, or cancel the run. */
    OnSuperseded: 'on-superseded',
    /** Break: why the lease is broken; written on the blob. */
    Reason: 'reason',
    /** Break: a queue entry's ticket: clear that entry (a squatter's) instead of breaking the lock's lease. */
    Entry: 'entry',
    /** Hold: how long the hold lasts once it is in place (2h), or 'forever' for a hold with no end. */
    Duration: 'duration',
    /** Hold: when the hold ends, an ISO 8601 time with its zone (2026-12-01T08:00:00Z). */
    Until: 'until',
    /** Unhold: lift the lease even when it is not a hold (a running job's), by breaking it. */
    Force: 'force',
    /** Main: 'job' releases at the job's end; 'run' keeps the lock as a hold of the workflow run. */
    Scope: 'scope',
    /** Main, with scope run: the longest the run's hold stands between two jobs. */
    HoldFor: 'hold-for',
    /** Main: the token that cancels the run with 'on-superseded: cancel'; the job token by default. */
    GithubToken: 'github-token',
    /** Main: how many jobs may hold the lock at once (slots.ts); every job of a lock must give the same number. */
    Slots: 'slots',
    /** Main: normal, or high to go ahead of every normal waiter not yet holding (lock/queue/priority.ts). */
    Priority: 'priority',
    /** Main: a duration; when the wait passes it, one warning names the holder and the place in line. */
    WarnAfter: 'warn-after',
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
    /** Main: acquired, timed-out, superseded or stale; set on every run that got as far as waiting. */
    Outcome: 'outcome',
    /** Main: an integer that grows with every acquisition of the lock by this action; see the README. */
    FencingToken: 'fencing-token',
    /** Hold: when the hold ends, ISO 8601 UTC by the storage service's clock; '' for a hold with no end. */
    HeldUntil: 'held-until',
    /** Main: the slot this job holds, 1..slots; 1 with one slot. */
    Slot: 'slot',
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


/***/ }),

/***/ 2603:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ lossMessage)
/* harmony export */ });
/* harmony import */ var _lock_break_record_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9916);
// How a lost lock is reported, by post and by a release step: when
// exclusivity ended, when the loss was found and why, and who broke the lease
// when a break step did.

function lossMessage(location, loss, brokenBy) {
    const broken = brokenBy ? ` It was ${(0,_lock_break_record_js__WEBPACK_IMPORTED_MODULE_0__/* .describeBreak */ .Li)(brokenBy)}.` : '';
    return (`Lock ${location} was lost: exclusivity was guaranteed only until ${loss.exclusiveUntil}, ` +
        `and the loss was found at ${loss.detectedAt}: ${loss.reason}.${broken} ` +
        `Steps that ran under the lock after ${loss.exclusiveUntil} may have overlapped another holder.`);
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

/***/ 3175:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ae: () => (/* binding */ saveLease),
/* harmony export */   ER: () => (/* binding */ clearLease),
/* harmony export */   GD: () => (/* binding */ proposedLeaseId),
/* harmony export */   Kb: () => (/* binding */ saveRenewer),
/* harmony export */   RB: () => (/* binding */ saveLock),
/* harmony export */   Rq: () => (/* binding */ saveWait),
/* harmony export */   T9: () => (/* binding */ renewer),
/* harmony export */   ZE: () => (/* binding */ saveAmbientSource),
/* harmony export */   aN: () => (/* binding */ ambientSource),
/* harmony export */   dR: () => (/* binding */ saveTurn),
/* harmony export */   dm: () => (/* binding */ lease),
/* harmony export */   fR: () => (/* binding */ saveProposedLeaseId),
/* harmony export */   s2: () => (/* binding */ lock),
/* harmony export */   uk: () => (/* binding */ wait),
/* harmony export */   wC: () => (/* binding */ turn)
/* harmony export */ });
/* unused harmony export MAX_STATE_BYTES */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
/* harmony import */ var _lock_spec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7832);
/* harmony import */ var _lock_service_time_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3024);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(915);
/* harmony import */ var _shape_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5895);
/* harmony import */ var _wait_record_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(479);
// The only module that reads or writes step state. Post relies on nothing else
// from main: inputs are evaluated again for post, but not reliably, and secrets
// never go into state. What is read back is checked, not trusted.
//
// The runner hands post its state as environment variables, STATE_<key>, and
// Linux refuses to start a process with one variable over 128 KiB, or with
// all of them and the command line over about 2 MiB (E2BIG): too much state,
// and post never starts, so nothing releases the lease. Every key but the wait
// record holds only the action's own values and its inputs, each bounded (the
// lock's description is the job's own inputs, which reached main the same
// way); the wait record, mostly text that others wrote, is fitted to what the
// total leaves it (wait-record.ts).






/** The most bytes of state one step saves, all keys together: far below what a process may be started with. */
const MAX_STATE_BYTES = 64 * 1024;
/** Room kept for what main saves after the wait (the lease, the turn, the lock again with its slot). */
const SAVED_AFTER_WAIT_BYTES = 2 * 1024;
/** The size of each key's value as this step last saved it. */
const savedBytes = new Map();
/** Saves one key, and notes its size for the total. */
function save(key, value) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(key, value);
    savedBytes.set(key, Buffer.byteLength(key) + Buffer.byteLength(value));
}
/** The bytes this step has saved under every key but `except`. */
function bytesSavedBesides(except) {
    let total = 0;
    for (const [key, bytes] of savedBytes)
        if (key !== except)
            total += bytes;
    return total;
}
function readJson(key) {
    const text = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(key);
    if (!text)
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
const isText = (value) => typeof value === 'string' && value !== '';
const isTime = (value) => isText(value) && !Number.isNaN(Date.parse(value));
function saveLock(spec) {
    save(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.Lock, JSON.stringify(spec));
}
/** The lock main worked on; undefined when main saved none. Throws MalformedError when state holds something else. */
function lock() {
    const value = readJson(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.Lock);
    return value === undefined ? undefined : (0,_lock_spec_js__WEBPACK_IMPORTED_MODULE_1__/* .parseLockSpec */ .aY)(value);
}
function saveAmbientSource(source) {
    if (source)
        save(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.AmbientSource, source);
}
function ambientSource() {
    const source = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.AmbientSource);
    const known = ['environment', 'workload-identity', 'managed-identity', 'azure-cli'];
    return known.includes(source) ? source : undefined;
}
function saveProposedLeaseId(leaseId) {
    save(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.ProposedLeaseId, leaseId);
}
function proposedLeaseId() {
    return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.ProposedLeaseId) || undefined;
}
function saveLease(lease) {
    save(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.Lease, JSON.stringify({
        leaseId: lease.leaseId,
        confirmedAt: lease.confirmedAt.toISOString(),
        confirmedMono: lease.confirmedMono,
        acquiredAt: lease.acquiredAt.toISOString(),
        ...(lease.heldSince ? { heldSince: lease.heldSince.toISOString() } : {}),
        ...(lease.service ? { service: lease.service } : {}),
    }));
}
/** Main gave the lease back itself: post has nothing to release. */
function clearLease() {
    save(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.Lease, '');
}
function lease() {
    const value = readJson(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.Lease);
    if (!value || !isText(value.leaseId) || !isTime(value.confirmedAt) || !isTime(value.acquiredAt))
        return undefined;
    if (typeof value.confirmedMono !== 'number' || !Number.isFinite(value.confirmedMono))
        return undefined;
    return {
        leaseId: value.leaseId,
        confirmedAt: new Date(value.confirmedAt),
        confirmedMono: value.confirmedMono,
        acquiredAt: new Date(value.acquiredAt),
        ...(isTime(value.heldSince) ? { heldSince: new Date(value.heldSince) } : {}),
        ...((0,_lock_service_time_js__WEBPACK_IMPORTED_MODULE_5__/* .isServiceReading */ .WW)(value.service) ? { service: value.service } : {}),
    };
}
function saveRenewer(places) {
    // The channel's key is masked in main (publishHeld); state is never shown.
    save(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.RenewerChannel, JSON.stringify({ ...places.channel, renewer: places.renewer }));
    save(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.StatusFile, places.statusFile);
}
function renewer() {
    const channel = readJson(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.RenewerChannel);
    const statusFile = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.StatusFile);
    if (!channel || !isText(channel.address) || !isText(channel.token) || !statusFile)
        return undefined;
    const spawned = channel.renewer;
    const identity = typeof spawned === 'object' &&
        spawned !== null &&
        typeof spawned.pid === 'number' &&
        Number.isSafeInteger(spawned.pid) &&
        spawned.pid > 1 &&
        (spawned.startTime === undefined || isText(spawned.startTime))
        ? { pid: spawned.pid, ...(spawned.startTime !== undefined ? { startTime: spawned.startTime } : {}) }
        : undefined;
    return { channel: { address: channel.address, token: channel.token }, statusFile, renewer: identity };
}
/** What main saw while it waited; saved when the wait ends, however it ends, within what the total leaves it. */
function saveWait(record) {
    const room = Math.min(_wait_record_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_WAIT_RECORD_BYTES */ .p0, MAX_STATE_BYTES - SAVED_AFTER_WAIT_BYTES - bytesSavedBesides(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.Wait));
    save(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.Wait, JSON.stringify((0,_wait_record_js__WEBPACK_IMPORTED_MODULE_4__/* .fitWaitRecord */ ._m)(record, room)));
}
function wait() {
    return (0,_shape_js__WEBPACK_IMPORTED_MODULE_3__/* .parseJson */ .qF)(_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.Wait), _wait_record_js__WEBPACK_IMPORTED_MODULE_4__/* .waitRecordShape */ .GJ);
}
function saveTurn(turn) {
    save(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.Turn, JSON.stringify({
        fencingToken: turn.fencingToken,
        arrivalPosition: turn.arrivalPosition,
        ...(turn.slot ? { slot: turn.slot } : {}),
    }));
}
/** The turn main saved; undefined when there is none or state holds something else. */
function turn() {
    const value = readJson(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.Turn);
    const isCount = (n) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 1;
    if (!value || !isCount(value.fencingToken) || !isCount(value.arrivalPosition))
        return undefined;
    const slot = value.slot;
    const slotOk = slot && isCount(slot.slot) && isCount(slot.of) && slot.slot <= slot.of;
    return {
        fencingToken: value.fencingToken,
        arrivalPosition: value.arrivalPosition,
        ...(slotOk ? { slot: { slot: slot.slot, of: slot.of } } : {}),
    };
}


/***/ }),

/***/ 2379:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fe: () => (/* binding */ appendSummary),
  O3: () => (/* binding */ renderLockSummary),
  dK: () => (/* binding */ renderStatusTable)
});

// UNUSED EXPORTS: escapeMarkup, summaryText

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(1659);
// EXTERNAL MODULE: ./src/lock/break-record.ts
var break_record = __webpack_require__(9916);
// EXTERNAL MODULE: ./src/lock/holder.ts
var holder = __webpack_require__(7053);
// EXTERNAL MODULE: ./src/lock/holder-seen.ts
var holder_seen = __webpack_require__(8577);
// EXTERNAL MODULE: ./src/lock/queue/slots.ts
var slots = __webpack_require__(5230);
// EXTERNAL MODULE: ./src/lock/run-page.ts
var run_page = __webpack_require__(1044);
// EXTERNAL MODULE: ./src/lock/untrusted-text.ts
var untrusted_text = __webpack_require__(4469);
;// CONCATENATED MODULE: ./src/lock/board.ts
// The board: every lock of a container (or one), who holds each, since when,
// with what lease, the last break and who waits. One set of columns serves
// every face that shows it: the status sub-action's job summary (HTML) and the
// azure-mutex command's table (plain text), each through its own Markup; and
// one JSON form serves scripts. Every value read from storage goes through
// showUntrusted (via describeHolderSeen, briefHolder, describeBreak or
// directly) before a Markup sees it, so each face only has to keep its own
// markup characters inert.






/** The holder's identity in a few words: repository, workflow, job and actor, each shown safely. */
function who(record, markup) {
    const show = (value) => markup.text((0,untrusted_text/* showUntrusted */.Gz)(value));
    const parts = [
        show(record.repository) || 'unknown repository',
        record.workflow && `workflow “${show(record.workflow)}”`,
        record.job && `job ${show(record.job)}`,
        record.actor && `actor ${show(record.actor)}`,
    ];
    return parts.filter(Boolean).join(', ');
}
function waiterName(waiter, priority) {
    const name = waiter ? (0,holder/* briefHolder */.p2)(waiter) : 'a waiter that wrote no record';
    return priority === 'high' ? `${name} (high priority)` : name;
}
/** The columns of the board, in order: a heading and how to write one lock's cell. */
const BOARD_COLUMNS = [
    ['Lock', (lock, markup) => markup.text((0,untrusted_text/* showUntrusted */.Gz)(lock.name))],
    [
        'State',
        (lock) => lock.held
            ? lock.leaseState === 'breaking'
                ? 'held (lease breaking)'
                : 'held'
            : // A hold whose end has come (hold.ts) holds nothing; the next job that comes ends it.
                lock.endedHold
                    ? 'free (its hold has ended; the next job ends its lease)'
                    : 'free',
    ],
    [
        'Holder',
        (lock, markup) => !lock.held
            ? ''
            : // A hold (hold.ts) is told as one: its reason, who set it and until when.
                lock.seen?.hold
                    ? markup.text((0,holder_seen/* describeHolderSeen */.NW)(lock.seen))
                    : lock.holder
                        ? `${who(lock.holder, markup)} ${markup.run(lock.holder)}`
                        : lock.seen?.record
                            ? markup.text((0,holder_seen/* describeHolderSeen */.NW)({ ...lock.seen, infinite: false }))
                            : 'unknown: a client that writes no holder record',
    ],
    [
        'Since',
        (lock, markup) => !lock.held
            ? ''
            : lock.holder
                ? markup.text((0,untrusted_text/* showUntrusted */.Gz)(lock.holder.acquiredAt))
                : // A hold keeps no fresh holder record: it stands since the hold was set.
                    lock.seen?.hold
                        ? markup.text((0,untrusted_text/* showUntrusted */.Gz)(lock.seen.hold.setAt))
                        : '',
    ],
    [
        'Lease',
        (lock) => (!lock.held ? '' : lock.leaseKind === 'infinite' ? 'infinite (never expires)' : (lock.leaseKind ?? '')),
    ],
    ['Last break', (lock, markup) => (lock.lastBreak ? markup.text((0,break_record/* describeBreak */.Li)(lock.lastBreak)) : '')],
    [
        'Waiting',
        (lock, markup) => (lock.queue === undefined
            ? 'not listed'
            : lock.queue
                .map((waiter, index) => markup.text(`${placeOf(lock, index)}. ${waiterName(waiter, lock.priorities?.[index])}`))
                .join(markup.lineBreak)) +
            (lock.squatters?.length
                ? `${lock.queue?.length ? markup.lineBreak : ''}${markup.strong('squatted')}: entry ${lock.squatters.join(', ')} ` +
                    'holds an infinite lease (passed over; clear it with the break action)'
                : ''),
    ],
    [
        'Newest per key',
        (lock, markup) => (lock.latest ?? []).map((record) => markup.text(describeLatestKey(record))).join(markup.lineBreak),
    ],
    // With slots, State and Holder are slot 1's (the lock blob): this says how many of the N are held, and by whom.
    ['Slots', (lock, markup) => (lock.slots ? markup.text((0,slots/* describeSlotsHeld */._H)(lock.slots)) : '')],
];
/** A waiter's place in line, as the wait lines count: the holder is 1st. */
function placeOf(lock, index) {
    return index + (lock.held ? 2 : 1);
}
/** '"production": 812 (org/api run 812)', the highest sequence that held for one key; through showUntrusted. */
function describeLatestKey(record) {
    const run = record.runId ? ` run ${(0,untrusted_text/* showUntrusted */.Gz)(record.runId, 40)}` : '';
    return (`"${(0,untrusted_text/* showUntrusted */.Gz)(record.supersedeKey ?? '', 80)}": ${(0,untrusted_text/* showUntrusted */.Gz)(record.sequence ?? '', 40)} ` +
        `(${(0,untrusted_text/* showUntrusted */.Gz)(record.repository, 100)}${run})`);
}
/** The board's rows: one per lock, one cell per column, written with the face's markup. */
function boardRows(locks, markup) {
    return {
        head: BOARD_COLUMNS.map(([head]) => head),
        rows: locks.map((lock) => BOARD_COLUMNS.map(([, cell]) => cell(lock, markup))),
    };
}
/** Plain text: what a terminal shows. Values are already one line without controls. */
const PLAIN_TEXT = {
    text: (shown) => shown,
    strong: (shown) => shown.toUpperCase(),
    run: (record) => {
        const run = record.runId ? `run ${(0,untrusted_text/* showUntrusted */.Gz)(record.runId, 40)}` : '';
        const runUrl = (0,run_page/* shownRunUrl */.Kw)(record.runUrl);
        const url = runUrl ? (0,untrusted_text/* showUntrusted */.Gz)(runUrl) : '';
        return [run, url].filter(Boolean).join(' ');
    },
    lineBreak: '; ',
};
/**
 * The board as a plain-text table for a terminal: a heading row, then one row
 * per lock, columns padded to their widest cell. Columns that are empty for
 * every lock are left out, so a board of free locks stays narrow.
 */
function renderBoardText(locks) {
    if (locks.length === 0)
        return 'No locks.\n';
    const { head, rows } = boardRows(locks, PLAIN_TEXT);
    const used = head.map((_, column) => rows.some((row) => row[column] !== ''));
    const keep = (cells) => cells.filter((_, column) => used[column]);
    const table = [keep(head).map((cell) => cell.toUpperCase()), ...rows.map(keep)];
    const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
    return (table
        .map((row) => row
        .map((cell, column) => cell.trim().padEnd(widths[column]))
        .join('  ')
        .trimEnd())
        .join('\n') + '\n');
}
function shownRecord(record) {
    return Object.fromEntries(Object.entries(record).map(([field, value]) => [field, typeof value === 'string' ? showUntrusted(value) : value]));
}
/** A lock as JSON for scripts. */
function boardJson(lock) {
    return {
        name: showUntrusted(lock.name),
        held: lock.held,
        leaseState: showUntrusted(lock.leaseState, 40),
        leaseKind: lock.held ? (lock.leaseKind ?? null) : null,
        holder: lock.held && lock.holder ? shownRecord(lock.holder) : null,
        // As the table's Holder column and the status action's log say it: the lease kind is a field of its own.
        holderDescription: lock.held ? describeHolderSeen(lock.seen && { ...lock.seen, infinite: false }) : null,
        lastBreak: lock.lastBreak ? describeBreak(lock.lastBreak) : null,
        queue: lock.queue?.map((waiter, index) => ({
            place: placeOf(lock, index),
            waiter: waiter ? shownRecord(waiter) : null,
            priority: lock.priorities?.[index] ?? 'normal',
        })) ?? null,
        squatters: lock.squatters ?? [],
        hold: lock.held && lock.seen?.hold ? boardHold(lock.seen.hold) : null,
        endedHold: lock.endedHold ? boardHold(lock.endedHold) : null,
        latest: (lock.latest ?? []).map((record) => ({
            key: showUntrusted(record.supersedeKey ?? '', 300),
            sequence: showUntrusted(record.sequence ?? '', 40),
            holder: shownRecord(record),
        })),
        slots: lock.slots ? describeSlotsHeld(lock.slots) : null,
    };
}
function boardHold(hold) {
    const { scope, reason, setBy, repository, runId, setAt, until } = hold;
    return shownRecord({ scope, reason, setBy, repository, runId, setAt, until });
}

// EXTERNAL MODULE: ./src/lock/duration.ts
var duration = __webpack_require__(6307);
// EXTERNAL MODULE: ./src/lock/queue/queue.ts
var queue = __webpack_require__(2980);
// EXTERNAL MODULE: ./src/action/wait-record.ts
var wait_record = __webpack_require__(479);
;// CONCATENATED MODULE: ./src/action/summary.ts
// The job summary ($GITHUB_STEP_SUMMARY): post writes one section per lock,
// and the status step a table of locks. GitHub renders the summary as
// Markdown with HTML, so text that others wrote (holder and break records)
// could add links, images, headings or table cells of its own. Every such
// value is first shown through showUntrusted (one line, no controls), then
// written with each character that Markdown or HTML could read as markup
// replaced by its numeric character reference, which renders as the character
// itself. Links are made only to GitHub run pages on this job's own server.








/**
 * Characters that start or end markup in Markdown (emphasis, code, links,
 * images, tables, autolinks (the ':' of a URL), mentions, headings, math,
 * escapes) or in HTML (tags, entities, attribute quotes).
 */
const MARKUP = /[&<>"'`|*_~[\]()\\@:#!$]/g;
/**
 * Text that is already one line the log may show (the action's own, or what
 * showUntrusted or describeHolder made of others'), with its markup
 * characters replaced by references, and any line break by a space.
 */
function escapeMarkup(text) {
    return text.replace(/[\r\n]+/g, ' ').replace(MARKUP, (ch) => `&#${ch.codePointAt(0)};`);
}
/** Text that others wrote, for the summary: one line, no controls, no markup; it renders as the log shows it. */
function summaryText(untrusted, maxLength) {
    return escapeMarkup((0,untrusted_text/* showUntrusted */.Gz)(untrusted, maxLength));
}
/** A cell that links a holder's run when its URL is safe, and shows it as plain text otherwise. */
function runCell(record, serverUrl) {
    const label = record.runId ? `run ${summaryText(record.runId, wait_record/* SHOWN */.kC.runId)}` : 'run';
    const href = (0,run_page/* safeRunLink */.$D)(record.runUrl, serverUrl);
    // The href passed safeRunLink: https, this server, and a path of letters, digits and . _ - / only.
    if (href)
        return `<a href="${href}">${label}</a>`;
    return record.runUrl ? `${label} (${summaryText(record.runUrl)})` : record.runId ? label : '';
}
function summary_who(record) {
    const parts = [
        summaryText(record.repository) || 'unknown repository',
        record.workflow && `workflow “${summaryText(record.workflow)}”`,
        record.job && `job ${summaryText(record.job)}`,
        record.actor && `actor ${summaryText(record.actor)}`,
        record.supersedeKey !== undefined && keySequence(record),
    ];
    return parts.filter(Boolean).join(', ');
}
/** 'key “production”, sequence 812': a supersede key and sequence, as others wrote them. */
function keySequence(record) {
    return `key “${summaryText(record.supersedeKey ?? '', wait_record/* SHOWN */.kC.supersedeKey)}”, sequence ${summaryText(record.sequence ?? '', wait_record/* SHOWN */.kC.sequence) || 'none'}`;
}
function table(head, rows) {
    const th = head.map((cell) => `<th align="left">${cell}</th>`).join('');
    const trs = rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('');
    return `<table><tr>${th}</tr>${trs}</table>`;
}
function resultOf(summary) {
    const hold = summary.hold;
    if (hold?.outcome === 'lost')
        return '<strong>Lost while held</strong>: see below';
    if (hold?.outcome === 'expires')
        return 'Held; not released, the lease expires by itself';
    if (hold?.outcome === 'kept')
        return 'Held, and kept as a hold of the workflow run for its next job';
    if (hold) {
        if (hold.releasedBy === 'release step')
            return 'Held, and released early by a release step';
        if (hold.releasedBy === 'worker gone')
            return 'Held, and released when the runner worker was gone';
        return 'Held, and released by post';
    }
    switch (summary.wait?.outcome) {
        case 'acquired':
            // Main gave it back (its renewer could not start), or post could not finish.
            return 'Taken, but not held through the job: see the main and post steps’ logs';
        case 'timed-out':
            return 'Not taken: the wait timed out';
        case 'cancelled':
            return 'Not taken: the step was cancelled';
        case 'failed':
            return 'Not taken: the step failed';
        case 'superseded':
            return 'Not taken: superseded by a newer run of the same supersede key';
        case 'stale':
            return 'Not taken: stale, a newer run of the same supersede key has already held it';
        default:
            return 'Not taken';
    }
}
/** A time from state, written again by the action: digits, '-', ':', '.', 'T' and 'Z' only. */
const at = (iso) => new Date(Date.parse(iso)).toISOString();
/** '1m 30s': digits, letters and spaces only. */
const span = (fromMs, toMs) => (0,duration/* formatDuration */.a3)(toMs - fromMs);
/** The summary's words for a healed lapse: digits, letters, spaces and the ISO times written again. */
function healedText(lapse) {
    const times = lapse.count > 1 ? `${lapse.count} times, the longest ` : '';
    return (`<strong>the lease lapsed</strong> ${times}for ${(0,duration/* formatDuration */.a3)(lapse.gapMs)}, longer than its ` +
        `${(0,duration/* formatDuration */.a3)(lapse.leaseMs)} duration, from ${at(lapse.lapsedAt)}, and a later renewal ` +
        `(${at(lapse.renewedAt)}) healed it: Azure renews a lapsed lease only if nobody leased the lock since, so ` +
        'nobody else held it');
}
/**
 * The facts of a section, one row each, in order; a row whose value is
 * undefined is left out. A new fact is one more row here.
 */
const FACTS = [
    ['Result', (s) => resultOf(s)],
    [
        'Waited',
        ({ wait }) => wait &&
            `${span(Date.parse(wait.startedAt), Date.parse(wait.endedAt))}, from ${at(wait.startedAt)} to ${at(wait.endedAt)}`,
    ],
    [
        'Held',
        ({ hold }) => hold &&
            `${span(hold.acquiredAt.getTime(), hold.endedAt.getTime())}, from ${at(hold.acquiredAt.toISOString())} to ${at(hold.endedAt.toISOString())}`,
    ],
    [
        'Renewals',
        ({ hold }) => hold?.renewals === undefined
            ? undefined
            : `${hold.renewals}${hold.longestGapMs ? `, longest gap ${(0,duration/* formatDuration */.a3)(hold.longestGapMs)}` : ''}` +
                (hold.healedLapse ? `; ${healedText(hold.healedLapse)}` : ''),
    ],
    [
        'Lost',
        ({ hold }) => !hold
            ? undefined
            : hold.loss
                ? `<strong>Yes</strong>: exclusivity was guaranteed only until ${at(hold.loss.exclusiveUntil)}; ` +
                    `found at ${at(hold.loss.detectedAt)}: ${escapeMarkup(hold.loss.reason)}`
                : 'No',
    ],
    ['Broken by', ({ hold }) => hold?.brokenBy && escapeMarkup((0,break_record/* describeBreak */.Li)(hold.brokenBy))],
    [
        'Place in line',
        ({ turn }) => turn && (turn.arrivalPosition === 1 ? 'first: the lock was free' : `${(0,queue/* ordinal */.IE)(turn.arrivalPosition)} on arrival`),
    ],
    ['Fencing token', ({ turn }) => turn && String(turn.fencingToken)],
    ['Slot', ({ turn }) => turn?.slot && `${turn.slot.slot} of ${turn.slot.of}`],
    ['Slots when it came', ({ wait }) => wait?.slotsSeen && escapeMarkup(wait.slotsSeen)],
    ['Hold ended', ({ wait }) => wait?.holdEnded && escapeMarkup(`This job ended it: ${wait.holdEnded}`)],
    [
        'Hold taken over',
        ({ wait }) => wait?.holdTakenOver &&
            escapeMarkup(`This job took over its run's hold, keeping the run's fencing token: ${wait.holdTakenOver}`),
    ],
    [
        'Priority',
        ({ wait, priority }) => wait &&
            (priority === 'high'
                ? 'high: ahead of every normal waiter not yet holding'
                : 'normal' +
                    (wait.highPriorityAhead
                        ? `; ${wait.highPriorityAhead === 1 ? 'a high-priority waiter' : `${wait.highPriorityAhead} high-priority waiters`} joined ahead of this job`
                        : '')),
    ],
    ['Long wait', ({ wait }) => wait?.longWait && `<strong>Warned</strong>: ${escapeMarkup(wait.longWait)}`],
];
/** The section post writes for one lock, as Markdown with HTML. */
function renderLockSummary(summary, serverUrl) {
    const rows = FACTS.flatMap(([label, value]) => {
        const shown = value(summary);
        return shown === undefined ? [] : [[label, shown]];
    });
    const facts = `<table>${rows.map(([label, value]) => `<tr><th align="left">${label}</th><td>${value}</td></tr>`).join('')}</table>`;
    const parts = [`### Lock ${escapeMarkup(summary.location)}`, '', facts, ''];
    const wait = summary.wait;
    if (wait) {
        const seen = wait.holders.map((holder) => [summary_who(holder), runCell(holder, serverUrl), summaryText(holder.acquiredAt)]);
        if (wait.unknownHolderSeen)
            seen.push(['a client that writes no holder record (az CLI, go-azuremutex…)', '', '']);
        // Entries that held the queue without serving it: the wait was not on a holder, and the summary says so.
        const passed = wait.passedOver
            ? `${wait.passedOver === 1 ? 'A queue entry' : `${wait.passedOver} queue entries`} ahead of this job ` +
                'did not serve the lock (an infinite lease, or a head that left it free) and ' +
                `${wait.passedOver === 1 ? 'was' : 'were'} passed over; see the main step’s warnings.`
            : undefined;
        if (seen.length === 0) {
            parts.push(passed
                ? `No job held the lock while this job waited for it. ${passed}`
                : 'Nobody held the lock while this job waited for it.', '');
        }
        else {
            if (passed)
                parts.push(passed, '');
            parts.push('Holders seen while waiting:', '', table(['Holder', 'Run', 'Since'], seen), '');
            if (wait.holdersLeftOut > 0)
                parts.push(`… and ${wait.holdersLeftOut} more.`, '');
        }
        // Latest wins: who waited with a key, and for each key the last sequence that held, with its run.
        if (wait.keyedWaiters && wait.keyedWaiters.length > 0) {
            const rows = wait.keyedWaiters.map((waiter) => [
                summaryText(waiter.repository) || 'unknown repository',
                runCell(waiter, serverUrl),
                summaryText(waiter.supersedeKey, wait_record/* SHOWN */.kC.supersedeKey),
                summaryText(waiter.sequence ?? '', wait_record/* SHOWN */.kC.sequence) || 'none',
            ]);
            parts.push('Waiters seen with a supersede key:', '', table(['Waiter', 'Run', 'Key', 'Sequence'], rows), '');
            if (wait.keyedWaitersLeftOut)
                parts.push(`… and ${wait.keyedWaitersLeftOut} more.`, '');
        }
        if (wait.lastHeld && wait.lastHeld.length > 0) {
            const rows = wait.lastHeld.map((record) => [
                summaryText(record.supersedeKey ?? '', wait_record/* SHOWN */.kC.supersedeKey),
                summaryText(record.sequence ?? '', wait_record/* SHOWN */.kC.sequence) || 'none',
                summaryText(record.repository) || 'unknown repository',
                runCell(record, serverUrl),
                summaryText(record.acquiredAt),
            ]);
            parts.push('Last sequence that held, per supersede key:', '', table(['Key', 'Sequence', 'Holder', 'Run', 'Since'], rows), '');
            if (wait.lastHeldLeftOut)
                parts.push(`… and ${wait.lastHeldLeftOut} more.`, '');
        }
    }
    return parts.join('\n');
}
/** Appends to the step's summary file; says why in the debug log when there is none or it cannot be written. */
async function appendSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY) {
        core/* debug */.Yz('No job summary: GITHUB_STEP_SUMMARY is not set (an older runner, or a run outside GitHub Actions).');
        return;
    }
    try {
        await core/* summary */.z.addRaw(markdown, true).write();
    }
    catch (err) {
        core/* debug */.Yz(`Could not write the job summary: ${err instanceof Error ? err.message : String(err)}`);
    }
    finally {
        core/* summary */.z.emptyBuffer();
    }
}
// ---- Status: a table of locks ----------------------------------------------
/** The board in the summary: HTML that renders every value as the log shows it, and links only safe run pages. */
function summaryMarkup(serverUrl) {
    return {
        text: escapeMarkup,
        strong: (shown) => `<strong>${shown}</strong>`,
        run: (record) => runCell(record, serverUrl),
        lineBreak: '<br>',
    };
}
/** The status step's section: a heading and one row per lock. */
function renderStatusTable(title, locks, serverUrl) {
    const { head, rows } = boardRows(locks, summaryMarkup(serverUrl));
    const body = locks.length === 0 ? 'No locks.' : table(head, rows);
    return [`### ${escapeMarkup(title)}`, '', body, ''].join('\n');
}


/***/ }),

/***/ 7779:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hd: () => (/* binding */ PAST_WARN_AFTER),
/* harmony export */   i8: () => (/* binding */ reportTurn),
/* harmony export */   w1: () => (/* binding */ waitEventLogger)
/* harmony export */ });
/* unused harmony export linesFor */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
/* harmony import */ var _lock_waiter_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1671);
/* harmony import */ var _lock_duration_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6307);
/* harmony import */ var _lock_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2960);
/* harmony import */ var _lock_deploy_hold_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4166);
/* harmony import */ var _lock_holder_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7053);
/* harmony import */ var _lock_deploy_latest_seen_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4422);
/* harmony import */ var _lock_queue_queue_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2980);
/* harmony import */ var _lock_queue_slots_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5230);
/* harmony import */ var _lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4469);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(915);
/* harmony import */ var _settings_wait_words_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(8668);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(3175);
/* harmony import */ var _lock_holder_seen_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(8577);
// The main step's lines while it waits, and what it says of its turn once the
// lock is its own: the wording of the waiter's events (lock/wait-report.ts).
// Every value read from storage reaches a line through describeHolderSeen,
// briefHolderSeen or briefHolder, which show it through showUntrusted.















/** The long-wait line's words for the option it passed: the action's input. */
const PAST_WARN_AFTER = `past '${_constants_js__WEBPACK_IMPORTED_MODULE_10__/* .Inputs */ .G0.WarnAfter}'`;
/** The lines an event makes; none for an event that needs no line. */
function linesFor(event, spec) {
    const name = `${spec.container}/${spec.lockName}`;
    const info = (text) => ({ level: 'info', text });
    switch (event.type) {
        case 'waiting':
            return [
                ...(event.place.queued ? [info((0,_settings_wait_words_js__WEBPACK_IMPORTED_MODULE_11__/* .placeLine */ .ap)(event.place, name))] : []),
                ...(event.place.slots
                    ? [info(`${capitalized((0,_lock_queue_slots_js__WEBPACK_IMPORTED_MODULE_8__/* .describeSlotsHeld */ ._H)(event.place.slots))}. Waiting.`)]
                    : event.place.holder
                        ? [info(`The lock is held by ${(0,_lock_holder_seen_js__WEBPACK_IMPORTED_MODULE_13__/* .describeHolderSeen */ .NW)(event.place.holder)}. Waiting.`)]
                        : []),
            ];
        case 'moved':
            if (!event.place.queued)
                return [];
            return [info(`${(0,_settings_wait_words_js__WEBPACK_IMPORTED_MODULE_11__/* .placeLine */ .ap)(event.place, name)} (waited ${(0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(event.waitedMs)})`)];
        case 'holder-changed':
            if (event.place.slots) {
                return [info(`Now ${(0,_lock_queue_slots_js__WEBPACK_IMPORTED_MODULE_8__/* .describeSlotsHeld */ ._H)(event.place.slots)} (waited ${(0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(event.waitedMs)}).`)];
            }
            return [
                info(`The lock is now held by ${(0,_lock_holder_seen_js__WEBPACK_IMPORTED_MODULE_13__/* .describeHolderSeen */ .NW)(event.place.holder)} (waited ${(0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(event.waitedMs)}).`),
            ];
        case 'still-waiting': {
            const where = event.place.queued
                ? (0,_settings_wait_words_js__WEBPACK_IMPORTED_MODULE_11__/* .placeLine */ .ap)(event.place, name)
                : `held by ${(0,_lock_holder_seen_js__WEBPACK_IMPORTED_MODULE_13__/* .describeHolderSeen */ .NW)(event.place.holder)}`;
            return [info(`Still waiting after ${(0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(event.waitedMs)}; ${where}`)];
        }
        case 'infinite-lease':
            if (event.holder.hold)
                return [holdWaitLine(event.holder.hold, name)];
            return [
                {
                    level: 'warning',
                    text: `Lock ${name} is held by ${(0,_lock_holder_seen_js__WEBPACK_IMPORTED_MODULE_13__/* .describeHolderSeen */ .NW)(event.holder)}. With no '${_constants_js__WEBPACK_IMPORTED_MODULE_10__/* .Inputs */ .G0.Timeout}' this step ` +
                        `may wait for as long as the job may run: set '${_constants_js__WEBPACK_IMPORTED_MODULE_10__/* .Inputs */ .G0.Timeout}' (for example 30m) to bound the wait, ` +
                        `or break the lease: ${event.breakCommand}`,
                },
            ];
        case 'rejoined':
            return [
                {
                    level: 'warning',
                    text: `This job's entry in the queue of ${name} lapsed (it could not be renewed in time), ` +
                        `so it joined the queue again, at the back (waited ${(0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(event.waitedMs)}).`,
                },
            ];
        case 'outside-queue':
            return [
                {
                    level: 'warning',
                    text: `The credential may not list the blobs of container ${spec.container} ` +
                        `(${(0,_lock_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeStorageErrorBrief */ .rg)(event.error)}), so this job cannot wait in the queue of ${name}: ` +
                        'it gets the lock only by winning a race when the lock is free, like a client that does not queue. ' +
                        "To wait in turn, let it also list and delete blobs (a SAS with the permissions 'rwcdl').",
                },
            ];
        case 'created':
            if (event.slot)
                return [info(`Created the blob of slot ${event.slot}.`)];
            return [info(event.what === 'container' ? 'Created the container and the lock blob.' : 'Created the lock blob.')];
        case 'squatter':
            return [
                {
                    level: 'warning',
                    text: `Entry ${event.ticket} in the queue of ${name}${event.waiter ? ` (${(0,_lock_holder_js__WEBPACK_IMPORTED_MODULE_5__/* .briefHolder */ .p2)(event.waiter)})` : ''} ` +
                        'holds an infinite lease, which this action never takes: it is no waiter, so this job does not wait ' +
                        `behind it. It stays until someone breaks its lease and deletes it: ${event.clearCommands} ` +
                        `(or run the break action with 'entry: ${event.ticket}').`,
                },
            ];
        case 'passed-over':
            return [
                {
                    level: 'warning',
                    text: `The first waiter in the queue of ${name} ` +
                        `(${event.waiter ? (0,_lock_holder_js__WEBPACK_IMPORTED_MODULE_5__/* .briefHolder */ .p2)(event.waiter) : 'an entry that wrote no record'}, entry ${event.ticket}) ` +
                        `left the lock free for ${(0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(event.idleMs)} without taking it: it is passed over. ` +
                        'The lease still lets only one job in.',
                },
            ];
        case 'sweep-refused':
            return [
                {
                    level: 'warning',
                    text: `Removing a lapsed entry from the queue of ${name} was refused ` +
                        `(${(0,_lock_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeStorageErrorBrief */ .rg)(event.error)}): the credential may not delete blobs. Lapsed entries ` +
                        "then stay, and slow every first look at the queue; give it the permission 'd' (a SAS with 'rwcdl').",
                },
            ];
        case 'hold-ended':
            return [info(`Ended the hold on ${name}: ${(0,_lock_deploy_hold_js__WEBPACK_IMPORTED_MODULE_4__/* .describeEndedHold */ .de)(event.hold, event.endedAt)}.`)];
        case 'hold-taken-over':
            return [info(`Took over ${(0,_lock_deploy_hold_js__WEBPACK_IMPORTED_MODULE_4__/* .describeTakeOver */ .dm)(event)}.`)];
        case 'storage-trouble':
            return [
                {
                    level: 'warning',
                    text: `Storage is failing while waiting (${(0,_lock_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .describeStorageErrorBrief */ .rg)(event.error)}); retrying.`,
                },
            ];
        case 'no-answer-yet':
            return [{ level: 'warning', text: (0,_lock_waiter_js__WEBPACK_IMPORTED_MODULE_1__/* .noAnswerYetText */ .Xr)(event, `at ${spec.endpoint}`) }];
        case 'high-priority-ahead':
            return [info((0,_settings_wait_words_js__WEBPACK_IMPORTED_MODULE_11__/* .highPriorityAheadText */ .j7)(event, name))];
        case 'malformed-priority':
            return [{ level: 'warning', text: (0,_settings_wait_words_js__WEBPACK_IMPORTED_MODULE_11__/* .malformedPriorityText */ .L1)(event, name) }];
        case 'long-wait':
            // One warning annotation, visible on the run page; the wait goes on.
            return [{ level: 'warning', text: (0,_settings_wait_words_js__WEBPACK_IMPORTED_MODULE_11__/* .longWaitText */ .Jq)(event, name, PAST_WARN_AFTER) }];
        case 'malformed-sequence':
            return [
                {
                    level: 'warning',
                    text: `In the queue of ${name}, ${event.where} has this job's supersede key with the sequence ` +
                        `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_9__/* .showUntrusted */ .Gz)(event.value, 40)}', which is ${event.problem}: it is ignored.`,
                },
            ];
        case 'far-sequence':
            return [{ level: 'warning', text: (0,_lock_deploy_latest_seen_js__WEBPACK_IMPORTED_MODULE_6__/* .farSequenceText */ .eM)(event, name, 'job') }];
    }
}
/** Once, for a waiter without a time limit behind a hold: when the hold ends, or that it has no end. */
function holdWaitLine(hold, name) {
    if ((0,_lock_deploy_hold_js__WEBPACK_IMPORTED_MODULE_4__/* .holdHasNoEnd */ .YR)(hold)) {
        return {
            level: 'warning',
            text: `Lock ${name} is held by ${(0,_lock_deploy_hold_js__WEBPACK_IMPORTED_MODULE_4__/* .describeHold */ .TZ)(hold)}. It has no end: with no '${_constants_js__WEBPACK_IMPORTED_MODULE_10__/* .Inputs */ .G0.Timeout}' this step ` +
                'waits until somebody lifts it (the unhold action), or for as long as the job may run.',
        };
    }
    return {
        level: 'info',
        text: `Lock ${name} is held by ${(0,_lock_deploy_hold_js__WEBPACK_IMPORTED_MODULE_4__/* .describeHold */ .TZ)(hold)}. With no '${_constants_js__WEBPACK_IMPORTED_MODULE_10__/* .Inputs */ .G0.Timeout}' this step waits until the ` +
            `hold ends at ${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_9__/* .showUntrusted */ .Gz)(hold.until, 40)} by the storage service's clock, or is lifted earlier.`,
    };
}
/** The main step's handler of the waiter's events. */
function waitEventLogger(spec) {
    return (event) => {
        for (const line of linesFor(event, spec)) {
            if (line.level === 'warning')
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(line.text);
            else
                _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(line.text);
        }
    };
}
function capitalized(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
/** Once the lease is confirmed: the fencing token as an output, and the turn in state for the job summary. */
function reportTurn(acquired, slots = 1) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(_constants_js__WEBPACK_IMPORTED_MODULE_10__/* .Outputs */ .tY.FencingToken, String(acquired.fencingToken));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setOutput */ .uH(_constants_js__WEBPACK_IMPORTED_MODULE_10__/* .Outputs */ .tY.Slot, String(acquired.slot));
    _state_js__WEBPACK_IMPORTED_MODULE_12__/* .saveTurn */ .dR({
        fencingToken: acquired.fencingToken,
        arrivalPosition: acquired.arrivalPosition,
        ...(slots > 1 ? { slot: { slot: acquired.slot, of: slots } } : {}),
    });
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Fencing token ${acquired.fencingToken} (${(0,_lock_queue_queue_js__WEBPACK_IMPORTED_MODULE_7__/* .ordinal */ .IE)(acquired.arrivalPosition)} in line on arrival): ` +
        'pass it to what this job changes, so that it can refuse writes from an earlier holder.');
}


/***/ }),

/***/ 479:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GJ: () => (/* binding */ waitRecordShape),
/* harmony export */   Nx: () => (/* binding */ WaitWatch),
/* harmony export */   _m: () => (/* binding */ fitWaitRecord),
/* harmony export */   kC: () => (/* binding */ SHOWN),
/* harmony export */   p0: () => (/* binding */ MAX_WAIT_RECORD_BYTES)
/* harmony export */ });
/* unused harmony exports MAX_HOLDERS_KEPT, seenHolderShape, keptHolder, keyedWaiterShape, MAX_KEYED_KEPT, recordBytes */
/* harmony import */ var _lock_deploy_hold_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4166);
/* harmony import */ var _lock_queue_slots_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5230);
/* harmony import */ var _lock_holder_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7053);
/* harmony import */ var _lock_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2960);
/* harmony import */ var _lock_deploy_latest_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5244);
/* harmony import */ var _lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4469);
/* harmony import */ var _settings_wait_words_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8668);
/* harmony import */ var _wait_lines_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7779);
/* harmony import */ var _shape_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(5895);
// What main saw while it waited for the lock, kept in step state for post,
// which writes the job summary from it. The record is declared as a shape
// (shape.ts): reading it back checks every field, and a new fact is one line.
//
// The runner passes state to post as one environment variable a key, and
// Linux takes at most 128 KiB in one: a bigger record and post cannot start,
// so nothing releases the lease and no summary is written. Most of the record
// is text that others wrote (holder records, queue entries), so it keeps only
// what the summary shows of each value, cut as the summary cuts it
// (keptForShowing), and fitWaitRecord caps the whole record.









/** The most holders a record keeps; a summary has no room for more, and state has a size limit. */
const MAX_HOLDERS_KEPT = 20;
/**
 * How many characters of each value read from storage the job summary shows
 * (summary.ts cuts them so), and so what a record keeps of it. A run URL is
 * kept longer: the summary links it in full when it is a run page of the
 * job's own server, which no real one is longer than.
 */
const SHOWN = {
    text: _lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_5__/* .SHOWN_LENGTH */ .Pq,
    runId: 40,
    supersedeKey: 80,
    sequence: 40,
    runUrl: 400,
};
/** Texts of the action's own that a record keeps (a line of slots, a hold that ended): cut here. */
const OWN_TEXT_KEPT = 2_000;
/** The most bytes a wait record takes in step state, as JSON: the summary shows all a record holds within it. */
const MAX_WAIT_RECORD_BYTES = 32 * 1024;
const seenHolderFields = {
    repository: _shape_js__WEBPACK_IMPORTED_MODULE_8__/* .text */ .Qq,
    workflow: _shape_js__WEBPACK_IMPORTED_MODULE_8__/* .text */ .Qq,
    job: _shape_js__WEBPACK_IMPORTED_MODULE_8__/* .text */ .Qq,
    runId: _shape_js__WEBPACK_IMPORTED_MODULE_8__/* .text */ .Qq,
    actor: _shape_js__WEBPACK_IMPORTED_MODULE_8__/* .text */ .Qq,
    runUrl: _shape_js__WEBPACK_IMPORTED_MODULE_8__/* .text */ .Qq,
    acquiredAt: _shape_js__WEBPACK_IMPORTED_MODULE_8__/* .text */ .Qq,
    supersedeKey: (0,_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .optional */ .lq)(_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .text */ .Qq),
    sequence: (0,_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .optional */ .lq)(_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .text */ .Qq),
};
/** A holder seen while waiting, as the summary shows it: who, which run, since when, with its key. */
const seenHolderShape = (0,_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .shape */ .cW)(seenHolderFields);
/** What a record keeps of a holder record: the fields the summary shows, each cut as the summary cuts it. */
function keptHolder(record) {
    return {
        repository: (0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_5__/* .keptForShowing */ .no)(record.repository, SHOWN.text),
        workflow: (0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_5__/* .keptForShowing */ .no)(record.workflow, SHOWN.text),
        job: (0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_5__/* .keptForShowing */ .no)(record.job, SHOWN.text),
        runId: (0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_5__/* .keptForShowing */ .no)(record.runId, SHOWN.runId),
        actor: (0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_5__/* .keptForShowing */ .no)(record.actor, SHOWN.text),
        runUrl: (0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_5__/* .keptForShowing */ .no)(record.runUrl, SHOWN.runUrl),
        acquiredAt: (0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_5__/* .keptForShowing */ .no)(record.acquiredAt, SHOWN.text),
        ...(record.supersedeKey !== undefined
            ? { supersedeKey: (0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_5__/* .keptForShowing */ .no)(record.supersedeKey, SHOWN.supersedeKey) }
            : {}),
        ...(record.sequence !== undefined ? { sequence: (0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_5__/* .keptForShowing */ .no)(record.sequence, SHOWN.sequence) } : {}),
    };
}
const keyedWaiterFields = {
    repository: _shape_js__WEBPACK_IMPORTED_MODULE_8__/* .text */ .Qq,
    runId: _shape_js__WEBPACK_IMPORTED_MODULE_8__/* .text */ .Qq,
    runUrl: _shape_js__WEBPACK_IMPORTED_MODULE_8__/* .text */ .Qq,
    supersedeKey: _shape_js__WEBPACK_IMPORTED_MODULE_8__/* .text */ .Qq,
    sequence: (0,_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .optional */ .lq)(_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .text */ .Qq),
};
/** A waiter seen with a supersede key: who, and its key and sequence (untrusted, as its entry said). */
const keyedWaiterShape = (0,_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .shape */ .cW)(keyedWaiterFields);
/** What a record keeps of a keyed waiter's entry, each value cut as the summary cuts it. */
function keptKeyedWaiter(who) {
    return {
        repository: (0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_5__/* .keptForShowing */ .no)(who.repository, SHOWN.text),
        runId: (0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_5__/* .keptForShowing */ .no)(who.runId, SHOWN.runId),
        runUrl: (0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_5__/* .keptForShowing */ .no)(who.runUrl, SHOWN.runUrl),
        supersedeKey: (0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_5__/* .keptForShowing */ .no)(who.supersedeKey, SHOWN.supersedeKey),
        ...(who.sequence !== undefined ? { sequence: (0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_5__/* .keptForShowing */ .no)(who.sequence, SHOWN.sequence) } : {}),
    };
}
/** The most keyed waiters, and per-key records, a record keeps. */
const MAX_KEYED_KEPT = 20;
const waitRecordFields = {
    /** When main started waiting, and when the wait ended (the lease taken, or given up). */
    startedAt: _shape_js__WEBPACK_IMPORTED_MODULE_8__/* .time */ .kB,
    endedAt: _shape_js__WEBPACK_IMPORTED_MODULE_8__/* .time */ .kB,
    outcome: (0,_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .oneOf */ .yL)('acquired', 'timed-out', 'cancelled', 'failed', 'superseded', 'stale'),
    /** Every holder seen while waiting, in the order seen, at most MAX_HOLDERS_KEPT of them. */
    holders: (0,_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .listOf */ .c3)(seenHolderShape, MAX_HOLDERS_KEPT),
    /** Holders seen beyond those kept. */
    holdersLeftOut: _shape_js__WEBPACK_IMPORTED_MODULE_8__/* .count */ .U9,
    /** A lease without a believable holder record was seen: a client such as az CLI or go-azuremutex, or a stale record. */
    unknownHolderSeen: _shape_js__WEBPACK_IMPORTED_MODULE_8__/* .yesNo */ .Lm,
    /** Queue entries passed over: squatters (an infinite lease) and heads that left the lock free too long. */
    passedOver: (0,_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .optional */ .lq)(_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .count */ .U9),
    /** The hold this job ended, when its end had come (lock/deploy/hold.ts), as the log says it. */
    holdEnded: (0,_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .optional */ .lq)(_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .text */ .Qq),
    /** scope: run: the run's hold this job took over (lock/deploy/run-hold.ts), and how, as the log says it. */
    holdTakenOver: (0,_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .optional */ .lq)(_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .text */ .Qq),
    /** Waiters seen ahead with a supersede key, in the order seen, each once. */
    keyedWaiters: (0,_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .optional */ .lq)((0,_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .listOf */ .c3)(keyedWaiterShape, MAX_KEYED_KEPT)),
    /** Keyed waiters left out of the record to keep it within MAX_WAIT_RECORD_BYTES. */
    keyedWaitersLeftOut: (0,_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .optional */ .lq)(_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .count */ .U9),
    /** For each key in sight at the last line, the record of the highest sequence that held (lock/deploy/latest-seen.ts). */
    lastHeld: (0,_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .optional */ .lq)((0,_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .listOf */ .c3)(seenHolderShape, MAX_KEYED_KEPT)),
    /** Per-key records left out of the record to keep it within MAX_WAIT_RECORD_BYTES. */
    lastHeldLeftOut: (0,_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .optional */ .lq)(_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .count */ .U9),
    /** With slots: "2 of 3 slots held: …" at the first line of the wait, as the log says it (through showUntrusted). */
    slotsSeen: (0,_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .optional */ .lq)(_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .text */ .Qq),
    /** High-priority waiters that joined after this job and went ahead of it (lock/queue/priority.ts). */
    highPriorityAhead: (0,_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .optional */ .lq)(_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .count */ .U9),
    /** The wait passed 'warn-after': what the one warning said, without the lock's name. */
    longWait: (0,_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .optional */ .lq)(_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .text */ .Qq),
};
const waitRecordShape = (0,_shape_js__WEBPACK_IMPORTED_MODULE_8__/* .shape */ .cW)(waitRecordFields);
function outcomeOf(err) {
    if (err instanceof _lock_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockTimeoutError */ .XB)
        return 'timed-out';
    if (err instanceof _lock_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .LockCancelledError */ .pw)
        return 'cancelled';
    if (err instanceof _lock_deploy_latest_js__WEBPACK_IMPORTED_MODULE_4__/* .LockSupersededError */ .IL)
        return err.outcome;
    return 'failed';
}
/** Watches a wait's events and, when the wait settles, hands the record to `save`. */
class WaitWatch {
    startedAt = new Date();
    holders = [];
    seen = new Set();
    holdersLeftOut = 0;
    unknownHolderSeen = false;
    passedOver = new Set();
    holdEnded;
    holdTakenOver;
    keyedWaiters = new Map();
    lastHeld;
    slotsSeen;
    highPriorityAhead = new Set();
    longWait;
    save;
    constructor(save) {
        this.save = save;
    }
    /** Notes one event. */
    see(event) {
        if (event.type === 'squatter' || event.type === 'passed-over')
            this.passedOver.add(event.ticket);
        if (event.type === 'hold-ended')
            this.holdEnded = (0,_lock_deploy_hold_js__WEBPACK_IMPORTED_MODULE_0__/* .describeEndedHold */ .de)(event.hold, event.endedAt);
        if (event.type === 'hold-taken-over')
            this.holdTakenOver = (0,_lock_deploy_hold_js__WEBPACK_IMPORTED_MODULE_0__/* .describeTakeOver */ .dm)(event);
        if (event.type === 'high-priority-ahead')
            this.highPriorityAhead.add(event.ticket);
        if (event.type === 'long-wait')
            this.longWait = (0,_settings_wait_words_js__WEBPACK_IMPORTED_MODULE_6__/* .longWaitFact */ .sD)(event, _wait_lines_js__WEBPACK_IMPORTED_MODULE_7__/* .PAST_WARN_AFTER */ .hd);
        if ('place' in event)
            this.seeKeys(event.place);
        if (event.type === 'waiting' && event.place.slots)
            this.slotsSeen ??= (0,_lock_queue_slots_js__WEBPACK_IMPORTED_MODULE_1__/* .describeSlotsHeld */ ._H)(event.place.slots);
        // With slots, every holder of a slot is a holder seen.
        if ('place' in event && event.place.slots) {
            for (const { holder } of event.place.slots.held)
                this.note(holder);
            return;
        }
        const seen = event.type === 'infinite-lease'
            ? event.holder
            : event.type === 'waiting' ||
                event.type === 'moved' ||
                event.type === 'holder-changed' ||
                event.type === 'still-waiting'
                ? event.place.holder
                : undefined;
        if (!seen)
            return;
        // A stale record names a holder that is gone, not the one holding the lease.
        this.note(seen.freshness.kind === 'stale' ? undefined : seen.record);
    }
    note(record) {
        if (!record) {
            this.unknownHolderSeen = true;
            return;
        }
        const key = (0,_lock_holder_js__WEBPACK_IMPORTED_MODULE_2__/* .holderKey */ .I4)(record);
        if (this.seen.has(key))
            return;
        this.seen.add(key);
        if (this.holders.length < MAX_HOLDERS_KEPT)
            this.holders.push(record);
        else
            this.holdersLeftOut += 1;
    }
    /** Latest wins: the keyed waiters ahead, and each key's last sequence that held, for the summary. */
    seeKeys(place) {
        if (place.lastHeld)
            this.lastHeld = place.lastHeld.slice(0, MAX_KEYED_KEPT);
        for (const who of place.ahead) {
            if (who?.supersedeKey === undefined)
                continue;
            const id = `${who.repository}|${who.runId}|${who.runAttempt}|${who.job}`;
            if (this.keyedWaiters.has(id) || this.keyedWaiters.size >= MAX_KEYED_KEPT)
                continue;
            this.keyedWaiters.set(id, keptKeyedWaiter({ ...who, supersedeKey: who.supersedeKey }));
        }
    }
    /** An event handler that notes each event, then passes it on. */
    and(next) {
        return (event) => {
            this.see(event);
            next(event);
        };
    }
    /** The record as it stands, with the wait ended now in the given way: only what the summary shows of it. */
    record(outcome, endedAt = new Date()) {
        const own = (shown) => (0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_5__/* .keptForShowing */ .no)(shown, OWN_TEXT_KEPT);
        return {
            startedAt: this.startedAt.toISOString(),
            endedAt: endedAt.toISOString(),
            outcome,
            holders: this.holders.map(keptHolder),
            holdersLeftOut: this.holdersLeftOut,
            unknownHolderSeen: this.unknownHolderSeen,
            ...(this.passedOver.size > 0 ? { passedOver: this.passedOver.size } : {}),
            ...(this.holdEnded ? { holdEnded: own(this.holdEnded) } : {}),
            ...(this.holdTakenOver ? { holdTakenOver: own(this.holdTakenOver) } : {}),
            ...(this.keyedWaiters.size > 0 ? { keyedWaiters: [...this.keyedWaiters.values()] } : {}),
            ...(this.lastHeld && this.lastHeld.length > 0 ? { lastHeld: this.lastHeld.map(keptHolder) } : {}),
            ...(this.slotsSeen ? { slotsSeen: own(this.slotsSeen) } : {}),
            ...(this.highPriorityAhead.size > 0 ? { highPriorityAhead: this.highPriorityAhead.size } : {}),
            ...(this.longWait ? { longWait: own(this.longWait) } : {}),
        };
    }
    /** Saves the record once the wait settles, however it ends; the wait's own result or error passes through. */
    async settle(wait) {
        try {
            const result = await wait;
            this.save(this.record('acquired'));
            return result;
        }
        catch (err) {
            this.save(this.record(outcomeOf(err)));
            throw err;
        }
    }
}
/** The size of a record in step state: its JSON, in UTF-8. */
function recordBytes(record) {
    return Buffer.byteLength(JSON.stringify(record));
}
/**
 * The record within `maxBytes` of JSON: while it is bigger, the last row of
 * its longest list (holders, keyed waiters, per-key records) is left out and
 * counted, as the summary counts them ("… and 3 more"); then the action's own
 * texts go (slots, the ended hold, the hold taken over, the long wait). Only text that others
 * wrote can make a record this big, so an honest one is never cut here.
 */
function fitWaitRecord(record, maxBytes) {
    if (recordBytes(record) <= maxBytes)
        return record;
    const fitted = {
        ...record,
        holders: [...record.holders],
        ...(record.keyedWaiters ? { keyedWaiters: [...record.keyedWaiters] } : {}),
        ...(record.lastHeld ? { lastHeld: [...record.lastHeld] } : {}),
    };
    while (recordBytes(fitted) > maxBytes) {
        const holders = fitted.holders.length;
        const keyed = fitted.keyedWaiters?.length ?? 0;
        const lastHeld = fitted.lastHeld?.length ?? 0;
        if (lastHeld > 0 && lastHeld >= keyed && lastHeld >= holders) {
            fitted.lastHeld.pop();
            fitted.lastHeldLeftOut = (fitted.lastHeldLeftOut ?? 0) + 1;
        }
        else if (keyed > 0 && keyed >= holders) {
            fitted.keyedWaiters.pop();
            fitted.keyedWaitersLeftOut = (fitted.keyedWaitersLeftOut ?? 0) + 1;
        }
        else if (holders > 0) {
            fitted.holders.pop();
            fitted.holdersLeftOut += 1;
        }
        else if (fitted.slotsSeen !== undefined) {
            delete fitted.slotsSeen;
        }
        else if (fitted.holdEnded !== undefined) {
            delete fitted.holdEnded;
        }
        else if (fitted.holdTakenOver !== undefined) {
            delete fitted.holdTakenOver;
        }
        else if (fitted.longWait !== undefined) {
            delete fitted.longWait;
        }
        else {
            break;
        }
    }
    return fitted;
}


/***/ }),

/***/ 4422:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ describeLastHeld),
/* harmony export */   RO: () => (/* binding */ lastHeldFor),
/* harmony export */   eM: () => (/* binding */ farSequenceText)
/* harmony export */ });
/* unused harmony exports LAST_HELD_SHOWN, describeLastHeldOne */
/* harmony import */ var _latest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5244);
/* harmony import */ var _untrusted_text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4469);
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
    const repository = (0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_1__/* .showUntrusted */ .Gz)(record.repository, 100) || 'unknown repository';
    const run = record.runId ? `${repository} run ${(0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_1__/* .showUntrusted */ .Gz)(record.runId, 40)}` : repository;
    return `key "${(0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_1__/* .showUntrusted */ .Gz)(record.supersedeKey ?? '', 80)}": sequence ${(0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_1__/* .showUntrusted */ .Gz)(record.sequence ?? '', 40) || 'none'}, ${run}`;
}
/** 'last held, per key: key "production": sequence 812, org/api run 812; …', or '' for none. */
function describeLastHeld(records) {
    if (!records || records.length === 0)
        return '';
    const shown = records.slice(0, LAST_HELD_SHOWN).map(describeLastHeldOne);
    const more = records.length > shown.length ? `; and ${records.length - shown.length} more` : '';
    return `last held, per key: ${shown.join('; ')}${more}`;
}
/**
 * The warning for a record of our key far above our own sequence (latest.ts
 * isFarAbove): 'job' for the action, 'command' for azure-mutex. The numbers
 * are parsed digits; nothing from storage is shown as text.
 */
function farSequenceText(event, name, whose) {
    const place = event.where === 'the lock blob'
        ? `The lock blob of ${name} keeps, for this ${whose}'s supersede key, the sequence ${event.sequence}`
        : `The record of this ${whose}'s supersede key on ${name} has the sequence ${event.sequence}`;
    const fix = event.where === 'the lock blob'
        ? ' (the README says how to remove it: Only the newest deploy, forged entries and records)'
        : event.clearCommand
            ? `: ${event.clearCommand}`
            : '';
    return (`${place}, far above ours (${event.own}): more than ${_latest_js__WEBPACK_IMPORTED_MODULE_0__/* .FAR_ABOVE_TIMES */ .DB} times ` +
        `ours and over ${_latest_js__WEBPACK_IMPORTED_MODULE_0__/* .FAR_ABOVE_BY */ .a6.toLocaleString('en-US')} more. If no run of the key had it, it was forged, and ` +
        `every job of the key is stale until it is removed${fix}.`);
}


/***/ }),

/***/ 8577:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AG: () => (/* binding */ briefHolderSeen),
/* harmony export */   NW: () => (/* binding */ describeHolderSeen),
/* harmony export */   z: () => (/* binding */ holderSeenKey)
/* harmony export */ });
/* harmony import */ var _deploy_hold_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4166);
/* harmony import */ var _holder_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7053);
// The holder as one look at the lock blob showed it, and the lines that name
// it: the record while its holder keeps it fresh, a hold when one stands
// (deploy/hold.ts), else an unknown holder. Every value is shown through
// showUntrusted (holder.ts, hold.ts).


/**
 * Who holds the lock, as believed: the record while its holder keeps it fresh,
 * else an unknown holder, naming the last recorded one and when it stopped.
 */
function describeHolderSeen(seen) {
    if (seen?.hold)
        return (0,_deploy_hold_js__WEBPACK_IMPORTED_MODULE_0__/* .describeHold */ .TZ)(seen.hold);
    const record = seen?.record;
    const who = !record
        ? (0,_holder_js__WEBPACK_IMPORTED_MODULE_1__/* .describeHolder */ .sG)(undefined)
        : seen.freshness.kind === 'stale'
            ? `an unknown holder (the last recorded holder, ${(0,_holder_js__WEBPACK_IMPORTED_MODULE_1__/* .briefHolder */ .p2)(record)}, stopped renewing at ` +
                `${seen.freshness.stoppedAt.toISOString().replace(/\.\d{3}Z$/, 'Z')})`
            : (0,_holder_js__WEBPACK_IMPORTED_MODULE_1__/* .describeHolder */ .sG)(record);
    return seen?.infinite ? `${who}, with an infinite lease that never expires by itself` : who;
}
/** "org/api run 812 (holding since 10:02:11Z)", or the unknown holder, for a line of the queue. */
function briefHolderSeen(seen) {
    if (seen.hold) {
        const until = seen.hold.until ? `until ${(0,_holder_js__WEBPACK_IMPORTED_MODULE_1__/* .shownTime */ .h5)(seen.hold.until)}` : 'no end';
        return `a hold set by ${(0,_deploy_hold_js__WEBPACK_IMPORTED_MODULE_0__/* .holdSetter */ .X8)(seen.hold)} (${until})`;
    }
    const record = seen.record;
    const infinite = seen.infinite ? '; infinite lease' : '';
    if (!record)
        return `an unknown holder (no holder record${infinite})`;
    if (seen.freshness.kind === 'stale') {
        return `an unknown holder (the last recorded holder, ${(0,_holder_js__WEBPACK_IMPORTED_MODULE_1__/* .briefHolder */ .p2)(record)}, stopped renewing at ${(0,_holder_js__WEBPACK_IMPORTED_MODULE_1__/* .shownTime */ .h5)(seen.freshness.stoppedAt)}${infinite})`;
    }
    return `${(0,_holder_js__WEBPACK_IMPORTED_MODULE_1__/* .briefHolder */ .p2)(record)} (holding since ${(0,_holder_js__WEBPACK_IMPORTED_MODULE_1__/* .shownTime */ .h5)(record.acquiredAt)}${infinite})`;
}
/** What tells one sighting of the holder from another: the record (or its absence) and whether it is believed. */
function holderSeenKey(seen) {
    if (!seen)
        return 'free';
    const hold = seen.hold ? `|hold ${seen.hold.leaseId} ${seen.hold.until}` : '';
    return `${(0,_holder_js__WEBPACK_IMPORTED_MODULE_1__/* .holderKey */ .I4)(seen.record)}|${seen.freshness.kind}|${seen.infinite}${hold}`;
}


/***/ }),

/***/ 1671:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Xr: () => (/* binding */ noAnswerYetText),
  tH: () => (/* binding */ waitForLease)
});

// UNUSED EXPORTS: FIRST_CONTACT_MS, backoffMs, grantTime, requestTimeoutMs, saysNobodyIsThere

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
// EXTERNAL MODULE: ./src/lock/queue/handover.ts
var queue_handover = __webpack_require__(988);
;// CONCATENATED MODULE: ./src/lock/ended-holds.ts
// Holds (deploy/hold.ts) whose end has come, as a waiter meets them: any look
// at the lock that shows one ends it, wherever the waiter stands.



class EndedHolds {
    /** Who ends them: named in the note each end leaves. */
    who;
    emit;
    /** The ETag of a hold whose end was refused as read (a record forged beside another lease): not tried again. */
    endRefused;
    constructor(who, emit) {
        this.who = who;
        this.emit = emit;
    }
    /**
     * Ends a hold whose end has come (hold.ts) that `lock` shows, by the
     * service's clock in the same answer. Whoever meets it ends it, wherever it
     * stands: the head, a waiter further back, a try-lock, a waiter outside the
     * queue. Its lease goes to the head of the queue in the order of the whole
     * line, priority included (handover.ts), or is released when nobody waits
     * (or the queue cannot be read): so what comes next is the decision of a
     * lock handed over, or of a free lock, as for any other, and a waiter that
     * ended the hold has no say in it. Returns the lock as it stands after: as a
     * second look shows it when somebody else ended or changed it first. A hold
     * whose end is refused as read (a record forged beside somebody else's
     * lease) is not tried again.
     */
    async end(lock, store, call) {
        if (lock.state !== 'leased')
            return lock;
        const hold = lock.hold;
        if (!hold || !(0,deploy_hold/* holdExpired */.Tv)(hold, lock.serviceNow) || (lock.etag && lock.etag === this.endRefused))
            return lock;
        const endedAt = lock.serviceNow ?? new Date();
        const note = (0,break_record/* newBreakRecord */.po)(this.who, deploy_hold/* HOLD_END_REASON */.tT, endedAt, lock.holder);
        const target = (0,queue_handover/* headToHandTo */.GF)(store, call(), hold.leaseId);
        const ended = await store.endHold(lock, note, target, call());
        if (ended.outcome === 'refused' || ended.outcome === 'not-held') {
            this.endRefused = lock.etag;
            return store.view(call());
        }
        this.emit({ type: 'hold-ended', hold, endedAt });
        if (ended.outcome === 'released')
            return { state: 'free', staleHolder: undefined };
        return {
            state: 'leased',
            holder: undefined,
            infinite: false,
            serviceNow: lock.serviceNow,
            handedTo: ended.to.ticket,
        };
    }
}

// EXTERNAL MODULE: ./src/lock/queue/priority.ts
var queue_priority = __webpack_require__(1831);
// EXTERNAL MODULE: ./src/lock/queue/queue.ts
var queue_queue = __webpack_require__(2980);
;// CONCATENATED MODULE: ./src/lock/high-priority-watch.ts
// High-priority waiters that go ahead of us (queue/priority.ts), as a waiter
// learns of them: from its listings, from who a look at the lock shows
// holding it or handed it, and, for a normal head about to take a free lock,
// from one more listing when its last is old (it lists the queue seldom).



/**
 * A normal head lists the queue again as it takes a free lock when its last
 * listing is older than this: a high-priority waiter may have joined.
 */
const RELIST_BEFORE_TAKING_MS = 1_000;
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
class HighPriorityWatch {
    options;
    /** When the queue was last listed (monotonic): a normal head lists it again before taking a free lock. */
    listedAt = -Infinity;
    /** Tickets the last look at the lock showed holding it or handed it: nobody goes ahead of them. */
    holdingSeen = new Set();
    /** The entries of the last listing, by ticket: who a ticket on the lock is. */
    listed = new Map();
    constructor(options) {
        this.options = options;
    }
    /** Tickets the last look at the lock showed holding it or handed it. */
    get holding() {
        return this.holdingSeen;
    }
    /** A listing of the queue was answered (now): its entries, for who a ticket on the lock is. */
    noteListing(look) {
        this.listedAt = (0,clock/* monotonicNow */.X)();
        this.listed = new Map(look.entries.map((listed) => [listed.ticket, listed]));
    }
    /**
     * Notes who holds the lock or was handed it, from a look at it. A ticket
     * later than ours (`ticket`) there went ahead of us: the holder hands the
     * lease to the head of the line, so that waiter was a high-priority one. A
     * head lists the queue seldom and may never have seen its entry, so this
     * is how it learns. Told once its waiter is known: from the holder record,
     * or from our last listing.
     */
    noteHolding(lock, ticket) {
        this.holdingSeen = holdingOf(lock);
        if (lock.state !== 'leased')
            return;
        const mine = { ticket, priority: this.options.priority };
        for (const held of this.holdingSeen) {
            const record = lock.holder?.ticket === String(held) ? lock.holder : undefined;
            const waiter = record ?? this.listed.get(held)?.waiter;
            if (record || this.listed.has(held))
                this.options.notices.jump(held, waiter, mine);
        }
    }
    /**
     * Whether a normal head is still the head, as it takes a free lock: the
     * head lists the queue seldom, and a high-priority waiter that joined since
     * goes ahead of it. A listing from this attempt (`ahead`), or a moment ago,
     * stands; a high-priority head needs none (a later waiter never goes ahead
     * of it).
     */
    async stillHead(store, call, ticket, ahead) {
        const { priority, passedOver, standing } = this.options;
        if (ticket === undefined || priority === 'high' || ahead !== undefined)
            return true;
        if ((0,clock/* monotonicNow */.X)() - this.listedAt < RELIST_BEFORE_TAKING_MS)
            return true;
        // Only a look for high-priority waiters ahead: the rest of the line is as the last listing left it,
        // and a lapsed entry of our own is not joined again here (the lock is being taken).
        const look = await store.queue.look(call());
        this.listedAt = (0,clock/* monotonicNow */.X)();
        const me = { ticket, priority };
        const passed = look.entries.some((other) => (0,queue_priority/* priorityOf */.a2)(other) === 'high' &&
            other.ticket !== ticket &&
            (0,queue_queue/* isLive */.DG)(other, look.serviceNow) &&
            !(0,queue_queue/* isSquatter */.AB)(other) &&
            !passedOver.has(other.ticket) &&
            (0,queue_priority/* goesBefore */.i_)(other, me, this.holdingSeen));
        // Passed: the next attempt lists the queue as usual, to stand in line and say so.
        if (passed) {
            standing.head = false;
            standing.listAt = (0,clock/* monotonicNow */.X)();
        }
        return !passed;
    }
}

;// CONCATENATED MODULE: ./src/lock/idle-head-watch.ts
// Passing over a head that does not serve the lock: the first waiter ahead,
// when it leaves the lock free for longer than idleHeadMs (pacing.ts), seen
// free at two looks at least. Its job may hang while its entry lives on.
// Passing over is safe: it only lets the waiter behind it ask for the lease.

class IdleHeadWatch {
    /** How long a head may leave the lock free (idleHeadMs). */
    boundMs;
    emit;
    /** Heads that left the lock free for too long: no longer waited for. */
    passedOver = new Set();
    /** The first waiter ahead, while every look since `since` found the lock free. */
    idleHead;
    /** When the waiter right behind the head looks at the lock next, to notice a head that does not take it. */
    idleCheckAt = 0;
    constructor(boundMs, emit) {
        this.boundMs = boundMs;
        this.emit = emit;
    }
    /** Right behind the head: whether this listing looks at the lock too (every quarter of the bound, or while idle). */
    get dueForLook() {
        return (0,clock/* monotonicNow */.X)() >= this.idleCheckAt || this.idleHead !== undefined;
    }
    /**
     * A look at the lock: passes over the first waiter ahead (of `standing`)
     * when it has left the lock free for longer than the bound, and sends us
     * to list the queue again at once.
     */
    watch(lock, standing) {
        const first = standing.lastAhead?.[0];
        this.idleCheckAt = (0,clock/* monotonicNow */.X)() + this.boundMs / 4;
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
        if (idleMs < this.boundMs || this.idleHead.looks < 2)
            return;
        this.passedOver.add(first.ticket);
        this.idleHead = undefined;
        standing.listAt = now; // list again at once: we may be the head now
        this.emit({ type: 'passed-over', ticket: first.ticket, waiter: first.waiter, idleMs });
    }
}

// EXTERNAL MODULE: ./src/lock/deploy/latest.ts
var deploy_latest = __webpack_require__(5244);
;// CONCATENATED MODULE: ./src/lock/latest-gate.ts
// Latest wins, as the waiter meets it (deploy/latest.ts decides): a waiter
// with a supersede key checks the queue and its key's record on arrival and
// just before every acquire, and raises the record to its sequence under the
// lease. Superseded or stale throws, before any lease is asked for.


class LatestGate {
    /** Decides superseded and stale. */
    guard;
    /** The key's record as last read before an acquire: its ETag is what our record is written over. */
    latestRead;
    /** Every key's record that the last listing read, for the lines. */
    records;
    constructor(supersede, store, emit) {
        this.guard = new deploy_latest/* LatestGuard */.t$(supersede, store.location, (malformed) => emit({ type: 'malformed-sequence', ...malformed }), (far) => {
            const command = far.where === 'the record of the key' ? store.latest?.deleteCommand?.(supersede.key) : undefined;
            emit({ type: 'far-sequence', ...far, ...(command ? { clearCommand: command } : {}) });
        });
    }
    /** Every key's record the last listing read. */
    get recordsSeen() {
        return this.records;
    }
    /** The key whose record a listing of the queue reads as well; undefined with a store without records. */
    key(store) {
        return store.latest ? this.guard.spec.key : undefined;
    }
    /**
     * A listing of the queue (`ticket`: ours, when we are in it): keeps the
     * records it read, and throws when a newer job of our key waits.
     */
    checkListing(look, ticket) {
        if (look.records)
            this.records = look.records;
        this.guard.checkQueue(look.entries, look.serviceNow, ticket);
    }
    /**
     * On arrival, from the first listing: leave before joining, and before any
     * acquire, when a newer job of our key waits or has held.
     */
    async arrive(look, store, call) {
        this.checkListing(look, undefined);
        this.latestRead = look.latest ?? (await this.readLatest(store, call));
        await this.checkLatest(store, this.latestRead, call);
    }
    /**
     * Just before an acquire: one listing of the whole queue, which reads our
     * key's record too (a separate read only when it did not reach it). Throws
     * when we are superseded or stale. A waiter outside the queue (it may not
     * list) reads the record alone, and can only be stale.
     */
    async decide(store, call, where) {
        let latest;
        if (!where.outside) {
            const look = await store.queue.look({ ...call(), latestKey: this.key(store) });
            this.checkListing(look, where.ticket);
            latest = look.latest;
        }
        this.latestRead = latest ?? (await this.readLatest(store, call));
        await this.checkLatest(store, this.latestRead, call);
    }
    /** Starts reading our key's record, with a store that can read it. */
    readLatest(store, call) {
        if (!store.latest)
            return undefined;
        return store.latest.read(this.guard.spec.key, call());
    }
    /**
     * Decides stale from our key's record as read: a record whose blob a
     * stranger leased fails the job at once (it could never be written, and no
     * lease or token is taken for it); a record with a higher sequence makes us
     * stale; no record at all (the key is new, or the .azure-mutex/ folder was
     * deleted) asks the lock blob, which keeps each key's sequence too
     * (latest-kept.ts): one more request, only then.
     */
    async checkLatest(store, read, call) {
        const guard = this.guard;
        const latest = store.latest;
        if (read?.leased && latest?.leasedError)
            throw latest.leasedError(guard.spec.key);
        guard.checkRecord(read?.record);
        if (read?.record || !latest?.readKept)
            return;
        guard.checkKept(await latest.readKept(guard.spec.key, call()));
    }
    /**
     * Under the lease: raises our key's record to our sequence. The write is
     * conditional on the record read before the acquire; if another write came
     * between (a newer job that held and left in that moment), it is read again
     * and decided again, and a stale lease is given back by the caller.
     */
    async record(store, record, call, checked) {
        const guard = this.guard;
        const latest = store.latest;
        if (!latest)
            return;
        let read = this.latestRead ?? (await latest.read(guard.spec.key, call()));
        for (let tries = 0; tries < 3; tries++) {
            if (read.leased && latest.leasedError)
                throw latest.leasedError(guard.spec.key);
            guard.checkRecord(read.record);
            const same = read.record?.supersedeKey === guard.spec.key;
            // A re-run of the job that holds the record: it says so already.
            if (same && (0,deploy_latest/* parseSequence */.rd)(read.record?.sequence) === guard.spec.sequence)
                return;
            // Not before the lock blob's sequence is checked under our lease: a stale job must not lower the record.
            await checked;
            if ((await latest.write(guard.spec.key, record, read.etag, call())) === 'written')
                return;
            read = await latest.read(guard.spec.key, call());
        }
        throw new errors/* LockError */.Ku(`The record of the supersede key of lock ${store.location} keeps changing; try again.`);
    }
}

;// CONCATENATED MODULE: ./src/lock/own-entry.ts
// A waiter's own entry in the queue: entering it (a ticket, the entry, its
// lease), renewing its lease every third of the lease duration, leaving it,
// and sweeping the entries of waiters that are gone. Where the entry stands
// in the line is the attempt's to decide (attempt.ts).




/** Tickets to try in a row that turn out to have an entry already, before giving up. */
const MAX_TAKEN_TICKETS = 10;
/** How long leaving the queue and sweeping may take: they are best effort. */
const TIDY_TIMEOUT_MS = 2_000;
class OwnEntry {
    options;
    entry;
    constructor(options) {
        this.options = options;
    }
    /** Our ticket, while we are in the queue. */
    get ticket() {
        return this.entry?.ticket;
    }
    /** When our entry's lease is renewed next (monotonic); Infinity outside the queue. */
    get renewAt() {
        return this.entry?.renewAt ?? Infinity;
    }
    /** The ticket just before ours, while its entry may still be on its way. */
    get predecessor() {
        return this.entry?.predecessor;
    }
    /** The ticket just before ours was seen (its entry, or its waiter holding the lock), or its time is up. */
    predecessorCame() {
        if (this.entry)
            this.entry.predecessor = undefined;
    }
    /**
     * Takes a ticket, writes our entry and leases it. False when the container
     * is gone (storage lost its data, or someone deleted it): the waiter starts
     * again from outside, which creates it. `previousTicket`, our own earlier
     * ticket when joining again, is not waited for.
     */
    async enter(store, call, previousTicket) {
        const leaseId = (0,external_node_crypto_.randomUUID)();
        let claim;
        let entered;
        let tries = 0;
        do {
            try {
                claim = await store.queue.claimTicket(call());
            }
            catch (err) {
                // The container is gone (storage lost its data, or someone deleted it): start again from outside.
                if ((0,errors/* storageErrorCode */.t6)(err) === 'ContainerNotFound')
                    return false;
                throw err;
            }
            // Our entry publishes the lease id we will hold the lock under, so that a holder can hand the lease to us.
            const publish = this.options.leaseId;
            entered = await store.queue.enter(claim.ticket, this.options.who, leaseId, this.options.leaseSeconds, call(), publish, this.options.priority);
            // 'taken': an entry of that ticket that this action did not hand out; the next ticket is free.
        } while (entered === 'taken' && ++tries < MAX_TAKEN_TICKETS);
        if (entered === 'taken')
            throw new errors/* LockError */.Ku(`The queue of lock ${store.location} holds entries this action did not write.`);
        // The container is gone: start again from outside, which creates it.
        if (entered === 'missing')
            return false;
        this.entry = {
            ticket: claim.ticket,
            leaseId,
            renewAt: (0,clock/* monotonicNow */.X)() + (this.options.leaseSeconds * 1000) / 3,
            // Our own earlier ticket (when joining again) is not waited for.
            predecessor: claim.ticket - 1 === previousTicket ? undefined : (0,queue_queue/* recentPredecessor */.JX)(claim, (0,clock/* monotonicNow */.X)()),
        };
        return true;
    }
    /** Renews our entry's lease when it is due. 'gone': the entry was lost, and the waiter joins again, at the back. */
    async keep(store, call) {
        const entry = this.entry;
        if (!entry || (0,clock/* monotonicNow */.X)() < entry.renewAt)
            return 'kept';
        let renewed;
        try {
            renewed = await store.queue.renewEntry(entry.ticket, entry.leaseId, call());
        }
        catch (err) {
            if (!(0,errors/* isTransient */.dg)(err))
                throw err;
            entry.renewAt = (0,clock/* monotonicNow */.X)() + 1_000; // two more chances at least before the lease lapses
            return 'kept';
        }
        if (renewed === 'renewed') {
            entry.renewAt = (0,clock/* monotonicNow */.X)() + (this.options.leaseSeconds * 1000) / 3;
            return 'kept';
        }
        return 'gone';
    }
    /** Forgets an entry that was lost, before joining again; returns its ticket. */
    forget() {
        const previous = this.entry?.ticket;
        this.entry = undefined;
        return previous;
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
    async leaveAsHolder(store, call) {
        const entry = this.entry;
        if (!entry)
            return;
        try {
            await store.queue.leave(entry.ticket, entry.leaseId, call());
        }
        catch (err) {
            if ((0,errors/* isTransient */.dg)(err))
                throw err;
        }
        this.entry = undefined;
    }
    /** Leaves the queue, if we are in it. Best effort and bounded: a leftover entry lapses by itself. */
    async leave(store, timeoutMs = TIDY_TIMEOUT_MS) {
        const entry = this.entry;
        if (!entry)
            return;
        this.entry = undefined;
        await store.queue.leave(entry.ticket, entry.leaseId, { timeoutMs }).catch(() => undefined);
    }
    /**
     * Removes entries whose waiters are gone. Not awaited by the attempt: it is
     * housekeeping. A credential that may not delete (a SAS without 'd') is
     * refused quietly by every sweep: said once, as lapsed entries then pile up.
     */
    async sweep(store, lapsed) {
        await Promise.all(lapsed.map((entry) => store.queue.sweep(entry.ticket, { timeoutMs: TIDY_TIMEOUT_MS }).catch((err) => {
            if ((0,errors/* statusCode */.se)(err) !== 403)
                return;
            this.options.notices.sweepRefused(err);
        })));
    }
}

;// CONCATENATED MODULE: ./src/lock/own-lease.ts
// The lease a waiter asks for, on the lock blob or on the slot it chose
// (slots.ts): asking for it (idempotent: an acquire under our own id confirms
// a lease taken on an earlier try), taking over our run's hold (run-hold.ts),
// and giving it back when taking the lock could not be finished. It knows
// whether the lease is, or may be, ours: whatever ends the wait without
// success gives back what it may hold (attempt.ts: abandon).



/** How long giving back a lease may take: it is best effort (a failed one is tried again as the wait ends). */
const GIVE_BACK_TIMEOUT_MS = 2_000;
class OwnLease {
    options;
    /** With slots: the slot we asked for (or hold), and its store; the lease, record and release go there. */
    chosen;
    /** The lease was asked for: whatever ends the wait without success gives it back. */
    acquireTried = false;
    /** The last holder was seen to have handed its lease to us: it is under our id, asked for or not. */
    handed = false;
    /** The lease is ours, but taking it was not finished (a request failed after the grant). */
    acquired = false;
    /** Our run's hold, taken over: the lease is ours, and takeOver finishes taking it. */
    tookOver;
    constructor(options) {
        this.options = options;
    }
    /** Where the lease is: the chosen slot's store, else the lock's. */
    get store() {
        return this.chosen?.store ?? this.options.store;
    }
    /** The slot whose lease we asked for or hold: 1 (the lock blob) without slots. */
    get slot() {
        return this.chosen?.slot ?? 1;
    }
    /** With slots: the slot to ask for next; undefined for none (a client that does not queue took it first). */
    choose(chosen) {
        this.chosen = chosen;
    }
    /** A slot is chosen and its lease was asked for: ask again for the same slot, never for a second one. */
    get askedForSlot() {
        return this.acquireTried && this.chosen !== undefined;
    }
    /** The lease is ours, but taking it was not finished: the next attempt confirms it. */
    get ours() {
        return this.acquired;
    }
    /** Our run's hold taken over, while taking it is not finished. */
    get takenOver() {
        return this.tookOver;
    }
    /** The lease is, or may be, under our id: asked for, or handed to us. */
    get mayHold() {
        return this.acquireTried || this.handed;
    }
    /** The last holder handed its lease to our entry: it is under our id, asked for or not. */
    noteHanded() {
        this.handed = true;
    }
    /** A confirm found the lease held by another: it is not ours, taken over or not. */
    lost() {
        this.tookOver = undefined;
    }
    /** Taking the lock is finished: the lease is the holder's now, not the waiter's to give back. */
    taken() {
        this.acquired = false;
        this.tookOver = undefined;
    }
    /** A lease that may have been ours was passed on: nothing is left to give back. */
    passedOn() {
        this.acquireTried = false;
    }
    /**
     * Asks for the lease with our id (idempotent: it also re-confirms a lease
     * taken on an earlier try). A missing blob is created, and the attempt ends
     * to try again at once.
     */
    async acquire(call) {
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
    /**
     * A job of scope run takes over the hold its own run left on the lock
     * (run-hold.ts) at any look at it, wherever it waits: the run holds the lock
     * already. Of several jobs of the run that try at once, Azure lets one in:
     * the change of the hold's lease id to ours works once (lock-blob.ts); the
     * others go on waiting. takeOver finishes it: the run's fencing token, and
     * out of the queue. `fromQueue`: whether we wait in the queue.
     */
    async takeOverRunHold(lock, who, fromQueue, call) {
        if (lock.state !== 'leased' || !lock.hold)
            return undefined;
        const hold = lock.hold;
        if (!(0,deploy_hold/* mayTakeOver */.rw)(hold, who, lock.serviceNow))
            return undefined;
        if (this.options.signal?.aborted)
            throw new errors/* LockCancelledError */.pw(`Cancelled while waiting for lock ${this.store.location}.`);
        this.acquireTried = true;
        const sentAt = new Date();
        const sentMono = (0,clock/* monotonicNow */.X)();
        const taken = await this.store.takeOverHold(hold.leaseId, this.options.leaseId, this.options.leaseSeconds, call());
        if (taken !== 'taken') {
            // Another job of the run took it over first (or the hold ended): the lease is not under our id.
            this.acquireTried = false;
            return undefined;
        }
        this.acquired = true;
        this.tookOver = { hold, fromQueue };
        return { kind: 'acquired', sentAt, sentMono, serviceNow: this.store.grantedAt, tookOver: this.tookOver };
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
            .release(this.options.leaseId, { timeoutMs: GIVE_BACK_TIMEOUT_MS })
            .then(() => true)
            .catch(() => false);
        this.acquired = false;
        this.tookOver = undefined;
        // A release that failed is tried again when the wait ends (abandon).
        this.acquireTried = !released;
    }
}

;// CONCATENATED MODULE: ./src/lock/pacing.ts
// How often a waiter looks at the lock and the queue, by where it stands
// (attempt.ts), and how long a head may leave the lock free before the waiter
// behind it passes it over.
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
/** A pause drawn at random within [min, max], so that waiters do not look in step. */
const between = ([min, max]) => min + Math.random() * (max - min);

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

// EXTERNAL MODULE: ./src/lock/queue/slots.ts
var queue_slots = __webpack_require__(5230);
;// CONCATENATED MODULE: ./src/lock/slotted-attempt.ts
// One attempt of a waiter on a lock with slots (queue/slots.ts): one look at
// the queue and every slot together. A waiter takes a slot handed to it, or
// the free slot at its own place among the first k waiters not yet served, k
// being the free slots. Holds and latest wins are refused with slots before
// any waiting (inputs). Joining the queue, and what the lease does, are the
// attempt's (attempt.ts, own-entry.ts, own-lease.ts).






/** How long passing on a slot may take: it is best effort (a slot missed lapses by itself). */
const slotted_attempt_TIDY_TIMEOUT_MS = 2_000;
/** A look at the slots with less time left than this is not worth sending. */
const MIN_LOOK_MS = 250;
/**
 * Passes on (pass-on.ts) every slot that one look shows handed to our
 * ticket, but `keep`, and `also`, a slot whose acquire we tried. Azure
 * refuses the change of a lease that is not under our id, so nobody else's
 * slot is touched. Best effort: a slot missed here lapses by itself.
 */
async function passOnHanded(slots, leaseId, ticket, which) {
    const ours = new Set(which.also === undefined ? [] : [which.also]);
    if (which.timeoutMs >= MIN_LOOK_MS) {
        const look = await slots.look({ timeoutMs: which.timeoutMs }).catch(() => undefined);
        for (const s of look?.slots ?? [])
            if (s.state === 'leased' && s.handedTo === ticket)
                ours.add(s.slot);
    }
    if (which.keep !== undefined)
        ours.delete(which.keep);
    await Promise.all([...ours].map((slot) => passOn(slots.open(slot), leaseId, ticket, { timeoutMs: slotted_attempt_TIDY_TIMEOUT_MS })));
}
class SlottedAttempt {
    options;
    /** The waiters ahead not yet served at the last look; undefined before one. */
    slotStanding;
    /** The extra slots handed to us being passed on, awaited by take(). */
    passing;
    constructor(options) {
        this.options = options;
    }
    /**
     * One attempt. How often it looks follows its standing, the waiters ahead
     * of it that are not served yet: under N, a slot may be its own at the
     * next release, so it looks at the pace of a head (slottedHeadMs); from N
     * to 3N - 1 it is in the next two rounds, and looks as the waiter right
     * behind a head does, so that it knows its standing before its round comes
     * (with equal holds a whole round frees at once); further back, as the
     * queue does. Beyond N, the listing alone: slot 1's HEAD is added only when
     * the listing shows that a slot may be ours.
     */
    async attempt(call) {
        const { slots, entry: own, lease, standing: line } = this.options;
        // No lease is asked for before the lock's number of slots is known to be ours.
        await slots.agree(call());
        if (lease.askedForSlot) {
            // An acquire whose answer was lost: ask again for the same slot (idempotent), never for a second one.
            const outcome = await this.options.acquire(call);
            if (outcome !== 'held-by-other')
                return outcome;
            lease.choose(undefined);
        }
        if (own.ticket !== undefined && (await own.keep(lease.store, call)) === 'gone')
            await this.options.rejoin(call);
        if (own.ticket !== undefined && (0,clock/* monotonicNow */.X)() < line.listAt) {
            return { kind: 'waiting', sighting: {}, wakeAt: Math.min(line.listAt, own.renewAt) };
        }
        // A newcomer, and a waiter that stood within N at its last look, look at slot 1 as well.
        const withLock = own.ticket === undefined || (this.slotStanding ?? 0) <= slots.count;
        let look = await slots.look(call(), { lock: withLock });
        this.options.answered();
        let standing = this.standing(look);
        if (standing === 'rejoin') {
            await this.options.rejoin(call);
            return { kind: 'waiting', sighting: {}, wakeAt: 0 };
        }
        // The listing shows that a slot may be ours: look at slot 1 too before deciding. Its last
        // state may hide at most one served waiter ahead of us, hence N, not N - 1.
        if (!look.lockSeen && standing.count <= slots.count) {
            look = await slots.look(call());
            standing = this.standing(look);
            if (standing === 'rejoin') {
                await this.options.rejoin(call);
                return { kind: 'waiting', sighting: {}, wakeAt: 0 };
            }
        }
        const { ahead, count: standingAhead } = standing;
        const ticket = own.ticket;
        this.slotStanding = standingAhead;
        line.lastAhead = ahead;
        const pick = (0,queue_slots/* slotToTake */.z4)(look.slots, standingAhead, ticket);
        if (pick) {
            lease.choose({ slot: pick.slot, store: slots.open(pick.slot) });
            const outcome = await this.options.acquire(call);
            if (outcome !== 'held-by-other' && outcome.kind === 'acquired' && ticket !== undefined) {
                // Two holders that let go at once may both have handed us their slot: the other goes on
                // to the next waiter now, beside our take (which awaits it), not after it.
                const extra = look.slots.filter((s) => s.slot !== pick.slot && s.state === 'leased' && s.handedTo === ticket);
                this.passing = Promise.all(extra.map((s) => passOn(slots.open(s.slot), this.options.leaseId, ticket, { timeoutMs: slotted_attempt_TIDY_TIMEOUT_MS })));
            }
            if (outcome !== 'held-by-other')
                return outcome;
            // A client that does not queue took it first.
            lease.choose(undefined);
        }
        const free = look.slots.filter((s) => s.state !== 'leased').length;
        // The first waiter ahead that leaves a slot free for too long is passed over, as a head would be.
        if (ticket !== undefined)
            this.options.idle.watch(free > 0 ? { state: 'free', staleHolder: undefined } : { state: 'leased', holder: undefined, infinite: false }, line);
        const shown = look.slots.find((s) => s.state === 'leased');
        const sighting = {
            lock: free > 0 || !shown
                ? { state: 'free', staleHolder: undefined }
                : { state: 'leased', holder: shown.holder, infinite: shown.infinite ?? false },
            ahead,
            slots: (0,queue_slots/* slotsHeld */.$h)(look.slots),
        };
        if (ticket === undefined) {
            if (!this.options.willWait)
                return { kind: 'waiting', sighting, wakeAt: 0 };
            await this.options.join(call);
            line.head = false;
        }
        const { pacing } = this.options;
        line.listAt =
            (0,clock/* monotonicNow */.X)() +
                (standingAhead < slots.count
                    ? slottedHeadMs(pacing)
                    : between(standingAhead < 3 * slots.count ? pacing.onDeckPollMs : pacing.queuePollMs));
        return { kind: 'waiting', sighting, wakeAt: Math.min(line.listAt, own.renewAt) };
    }
    /**
     * Where a look at the slots puts us: the live waiters ahead in the order of
     * the line, and how many of them (with a ticket just before ours whose entry
     * may be on its way) are not served yet (servedTickets), which is what
     * decides whether a free slot is ours. 'rejoin' when our entry is gone.
     */
    standing(look) {
        const { queue } = look;
        const { entry: own, lease, idle, priority } = this.options;
        this.options.notices.squatters(queue.entries, lease.store.queue);
        let ahead;
        const ticket = own.ticket;
        if (ticket !== undefined) {
            const standing = (0,queue_queue/* standingOf */.YP)(queue, ticket, idle.passedOver, { priority });
            if (!standing.mine)
                return 'rejoin';
            void own.sweep(lease.store, standing.lapsed);
            ahead = standing.ahead;
            const predecessor = own.predecessor;
            if (predecessor && ((0,queue_queue/* predecessorShown */.jg)(predecessor, queue) || (0,clock/* monotonicNow */.X)() >= predecessor.until)) {
                own.predecessorCame();
            }
        }
        else {
            // A newcomer stands behind every live waiter, except that a high-priority one passes the normal ones.
            const me = { ticket: Infinity, priority };
            ahead = (0,queue_priority/* lineOrder */.PJ)(queue.entries.filter((e) => (0,queue_queue/* isLive */.DG)(e, queue.serviceNow) && !(0,queue_queue/* isSquatter */.AB)(e) && !idle.passedOver.has(e.ticket) && (0,queue_priority/* goesBefore */.i_)(e, me)));
            void own.sweep(lease.store, queue.entries.filter((e) => !(0,queue_queue/* isLive */.DG)(e, queue.serviceNow)));
        }
        const served = (0,queue_slots/* servedTickets */.V4)(look.slots);
        // A ticket just before ours whose entry may still be on its way stands ahead of us too.
        const count = ahead.filter((e) => !served.has(e.ticket)).length + (own.predecessor ? 1 : 0);
        return { ahead, count };
    }
    /** The extra slots handed to us being passed on, for take() to await; undefined when none are. */
    passingOn() {
        return this.passing?.catch(() => undefined);
    }
    /** take() awaited the extra slots: they are passed on. */
    passedOn() {
        this.passing = undefined;
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
    async returnStrays(ticket) {
        const keep = this.options.lease.slot;
        await passOnHanded(this.options.slots, this.options.leaseId, ticket, { keep, timeoutMs: slotted_attempt_TIDY_TIMEOUT_MS });
    }
}

;// CONCATENATED MODULE: ./src/lock/wait-notices.ts
// What a waiter says once, each to its own: an entry with an infinite lease
// that is no waiter, a priority that is neither normal nor high, a
// high-priority waiter that went ahead of us, and a sweep that the credential
// may not do. The wording is wait-report.ts's; this only decides when.


class WaitNotices {
    emit;
    /** Squatters (entries with an infinite lease) already told of. */
    squattersTold = new Set();
    /** Entries already told of: a high-priority waiter that joined ahead of us, a malformed priority. */
    jumpsTold = new Set();
    malformedTold = new Set();
    /** A sweep was refused (a credential without delete): said once. */
    sweepRefusedTold = false;
    constructor(emit) {
        this.emit = emit;
    }
    /** Says once, for each, that an entry with an infinite lease is no waiter, and how to clear it. */
    squatters(entries, queue) {
        for (const entry of entries) {
            if (!(0,queue_queue/* isSquatter */.AB)(entry) || this.squattersTold.has(entry.ticket))
                continue;
            this.squattersTold.add(entry.ticket);
            this.emit({
                type: 'squatter',
                ticket: entry.ticket,
                waiter: entry.waiter,
                clearCommands: queue.clearCommands(entry.ticket),
            });
        }
    }
    /**
     * Says once per entry: a high-priority waiter that joined after us (our
     * ticket `mine`) went ahead of us, and a priority that is neither normal
     * nor high (it counts as normal).
     */
    priorities(entries, ahead, mine) {
        for (const entry of (0,queue_priority/* joinedAhead */.pk)(ahead, mine.ticket ?? Infinity))
            this.jump(entry.ticket, entry.waiter, mine);
        for (const entry of entries) {
            if (entry.malformedPriority === undefined || this.malformedTold.has(entry.ticket))
                continue;
            this.malformedTold.add(entry.ticket);
            this.emit({
                type: 'malformed-priority',
                ticket: entry.ticket,
                waiter: entry.waiter,
                value: entry.malformedPriority,
            });
        }
    }
    /** Says once that the waiter of `ticket`, which joined after us, went ahead of us: only a high-priority one can. */
    jump(ticket, waiter, mine) {
        if (mine.priority === 'high' || mine.ticket === undefined || ticket <= mine.ticket || this.jumpsTold.has(ticket))
            return;
        this.jumpsTold.add(ticket);
        this.emit({ type: 'high-priority-ahead', ticket, waiter });
    }
    /**
     * A sweep was refused (a credential that may not delete, a SAS without
     * 'd'): every sweep is refused quietly after, so it is said once, as lapsed
     * entries then pile up.
     */
    sweepRefused(error) {
        if (this.sweepRefusedTold)
            return;
        this.sweepRefusedTold = true;
        this.emit({ type: 'sweep-refused', error });
    }
}

;// CONCATENATED MODULE: ./src/lock/attempt.ts
// One attempt of a waiter: what it does each time the wait loop wakes it.
//
// Outside the queue (its first attempt): one listing of the queue. Nobody
// waiting: it tries for the lease at once, and only if that fails does it join.
// Somebody waiting: it joins behind them.
//
// In the queue, it holds an entry named by its ticket and renews the entry's
// lease every third of the lease duration (own-entry.ts). At the head (no live
// entry ahead) it looks at the lock often and takes the lease when it is free;
// further back it only lists the queue, seldom, to learn when it has moved up
// (pacing.ts). Clients that do not queue (go-azuremutex, az CLI, older
// versions) may still take a free lease: the head then just keeps looking.
//
// Entries that do not serve the lock are not waited for: one with an infinite
// lease (a squatter: this action never takes one), and a head that leaves the
// lock free for longer than idleHeadMs (idle-head-watch.ts). Skipping them is
// safe, as only the lease lets a job in; it costs at most the order of the queue.
//
// Holds (deploy/hold.ts): any look at the lock that shows a hold whose end has
// come ends it, wherever the waiter stands (ended-holds.ts), and a job of scope
// run that sees its own run's hold takes it over (own-lease.ts: takeOverRunHold).
//
// The rest has its own file: the lease asked for (own-lease.ts), latest wins
// (latest-gate.ts), what is said once (wait-notices.ts), and a lock with slots
// (slotted-attempt.ts).













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
/** How soon to look again at a lease that had no record yet: its holder writes one just after taking it. */
const RECORD_PAUSE_MS = 300;
/** How long leaving the queue and passing on a lease may take: they are best effort. */
const attempt_TIDY_TIMEOUT_MS = 2_000;
/** A look at the lock with less time left than this is not worth sending. */
const attempt_MIN_LOOK_MS = 250;
/**
 * The least that leaving the queue, and passing on a lease that may be ours,
 * get when the wait's deadline has left them less: on a network that answers
 * they take tens of milliseconds, and an entry left behind costs the next
 * jobs up to a lease duration.
 */
const LEAST_TIDY_MS = 300;
/** A waiter's attempts: each call of attempt() is one, and take() or abandon() ends them. */
class Attempt {
    options;
    priority;
    notices;
    entry;
    lease;
    latest;
    holds;
    idle;
    high;
    /** With slots: the attempt on a lock with slots, which stands in line by its own rules. */
    slotted;
    /** Where we stand in line (standing.ts), shared with the attempt of a lock with slots. */
    line = { head: false, listAt: 0, lastAhead: undefined };
    /** A second look at the lock, soon after one that found a lease without a record. */
    viewAt = Infinity;
    /** Storage has answered at least once: a network failure after that is storage trouble, not a wrong endpoint. */
    answered = false;
    /** The queue cannot be read with this credential: the waiter waits outside it. */
    outside = false;
    constructor(options) {
        this.options = options;
        this.priority = options.priority ?? 'normal';
        this.notices = new WaitNotices(options.emit);
        const { store, leaseId, leaseSeconds, who, signal, emit } = options;
        this.entry = new OwnEntry({ leaseId, leaseSeconds, who, priority: this.priority, notices: this.notices });
        this.lease = new OwnLease({ store, leaseId, leaseSeconds, signal, emit });
        this.latest = options.supersede && new LatestGate(options.supersede, store, emit);
        this.holds = new EndedHolds(who, emit);
        this.idle = new IdleHeadWatch(idleHeadMs(leaseSeconds, options.pacing), emit);
        const { priority, notices, line: standing } = this;
        this.high = new HighPriorityWatch({ priority, notices, passedOver: this.idle.passedOver, standing });
        this.slotted =
            store.slotted &&
                new SlottedAttempt({
                    slots: store.slotted,
                    leaseId,
                    willWait: options.willWait,
                    pacing: options.pacing,
                    priority: this.priority,
                    entry: this.entry,
                    lease: this.lease,
                    notices: this.notices,
                    idle: this.idle,
                    standing: this.line,
                    acquire: (call) => this.acquire(call, { decided: true }),
                    join: (call) => this.join(call),
                    rejoin: (call) => this.rejoin(call),
                    answered: () => {
                        this.answered = true;
                    },
                });
    }
    get store() {
        return this.lease.store;
    }
    /** The slot whose lease we asked for or hold: 1 (the lock blob) without slots. */
    get slot() {
        return this.lease.slot;
    }
    /** One attempt; `call` gives each request its signal and deadline. */
    async attempt(call, wantsHolder) {
        if (this.lease.ours) {
            // The lease is already ours: this only confirms it, so there is nothing to decide again.
            const outcome = await this.acquire(call, { decided: true });
            if (outcome !== 'held-by-other') {
                const tookOver = this.lease.takenOver;
                return outcome.kind === 'acquired' && tookOver ? { ...outcome, tookOver } : outcome;
            }
            this.lease.lost();
        }
        if (this.slotted)
            return this.slotted.attempt(call);
        if (this.outside)
            return this.outsideQueue(call);
        if (this.entry.ticket === undefined)
            return this.fromOutside(call);
        await this.keepEntry(call);
        let ahead;
        if ((0,clock/* monotonicNow */.X)() >= this.line.listAt)
            ahead = await this.lookAtQueue(call);
        if (this.line.head)
            return this.asHead(call, ahead);
        // Waiting for the ticket just before ours: the lock may show its waiter holding it already.
        const pending = this.entry.predecessor !== undefined && ahead?.length === 0;
        // Right behind the head, a look at the lock every quarter of the bound tells a head that does not
        // take a free lock; while it leaves the lock free, every listing looks at the lock too.
        const onDeck = ahead?.length === 1 && this.idle.dueForLook;
        // A job of scope run looks at the lock at each listing too: its run's hold is taken over at the next one.
        const runHold = this.options.takeOverRunHold === true;
        const look = ahead ? pending || wantsHolder(ahead.length) || onDeck || runHold : (0,clock/* monotonicNow */.X)() >= this.viewAt;
        let lock = look ? await this.store.view(call()) : undefined;
        if (lock) {
            const takenOver = await this.takeOverRunHold(lock, call);
            if (takenOver)
                return takenOver;
            lock = await this.endEndedHold(lock, call);
            this.high.noteHolding(lock, this.entry.ticket);
        }
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
        const predecessor = this.entry.predecessor;
        if (predecessor &&
            lock?.state === 'leased' &&
            (0,queue_queue/* predecessorShown */.jg)(predecessor, { holderTicket: lock.holder?.ticket })) {
            this.entry.predecessorCame();
            this.line.head = true;
            this.line.listAt = (0,clock/* monotonicNow */.X)() + this.options.pacing.headListMs;
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
        if (this.line.head)
            this.viewAt = Infinity;
        const lookAt = this.line.head ? (0,clock/* monotonicNow */.X)() + between(this.options.pacing.headPollMs) : this.line.listAt;
        return Math.min(lookAt, this.line.listAt, this.viewAt, this.entry.renewAt);
    }
    /** Passes over the first waiter ahead when it leaves the lock free for too long (idle-head-watch.ts). */
    watchHead(lock) {
        this.idle.watch(lock, this.line);
    }
    /** The first attempt: one listing; nobody waiting means trying for the lease at once. */
    async fromOutside(call) {
        if (this.options.takeOverRunHold) {
            // Our run's hold is taken over at once, without queueing: one look at the lock, before the listing.
            const lock = await this.store.view(call());
            this.answered = true;
            const takenOver = await this.takeOverRunHold(lock, call);
            if (takenOver)
                return takenOver;
        }
        // The key's record is read in the first listing itself: on a free lock, no request is added before the acquire.
        const latestKey = this.latest?.key(this.store);
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
        // Arriving after a newer job of our key: leave before joining, and before any acquire.
        if (this.latest)
            await this.latest.arrive(look, this.store, call);
        this.notices.squatters(look.entries, this.store.queue);
        const live = look.entries.filter((entry) => (0,queue_queue/* isLive */.DG)(entry, look.serviceNow) && !(0,queue_queue/* isSquatter */.AB)(entry));
        void this.entry.sweep(this.store, look.entries.filter((entry) => !(0,queue_queue/* isLive */.DG)(entry, look.serviceNow)));
        if (live.length === 0 && look.complete) {
            const outcome = await this.acquire(call, { decided: true });
            if (outcome !== 'held-by-other')
                return outcome;
        }
        if (!this.options.willWait) {
            // A hold whose end has come is ended; then the lock is as any free one: taken only with nobody in line.
            let lock = await this.endEndedHold(await this.store.view(call()), call);
            if (lock.state === 'free' && live.length === 0 && look.complete) {
                const outcome = await this.acquire(call, { decided: true });
                if (outcome !== 'held-by-other')
                    return outcome;
                lock = await this.store.view(call());
            }
            return {
                kind: 'waiting',
                sighting: { lock: lock.state === 'missing' ? undefined : lock, ahead: live },
                wakeAt: 0,
            };
        }
        const [seen, ahead] = await Promise.all([this.store.view(call()), this.join(call)]);
        // Ended with our entry in the queue: its lease goes to the head, which may be us.
        const lock = await this.endEndedHold(seen, call);
        this.watchHead(lock);
        // Handed to us (the hold we ended went to us as the head of the line): look again at once, wherever we stand.
        const handed = this.handedToUs(lock);
        if (lock.state === 'leased' && !lock.holder)
            this.viewAt = (0,clock/* monotonicNow */.X)() + (handed ? 0 : RECORD_PAUSE_MS);
        const sighting = { lock: lock.state === 'missing' ? undefined : lock, ahead };
        // At the head with the lock free (its holder let go meanwhile): look again at once.
        const now = (this.line.head && lock.state !== 'leased') || handed;
        return { kind: 'waiting', sighting, wakeAt: now ? 0 : this.wakeAt() };
    }
    /**
     * Asks for the lease (own-lease.ts). Superseded or stale is decided first,
     * unless `decided` (latest-gate.ts): such a waiter never asks for it.
     */
    async acquire(call, { decided = false } = {}) {
        // A cancel that came while we looked: ask for nothing more.
        if (this.options.signal?.aborted)
            throw new errors/* LockCancelledError */.pw(`Cancelled while waiting for lock ${this.store.location}.`);
        // Superseded or stale is decided from a look taken just before: such a waiter never asks for the lease.
        if (this.latest && !decided)
            await this.latest.decide(this.store, call, { outside: this.outside, ticket: this.entry.ticket });
        return this.lease.acquire(call);
    }
    /** Enters the queue (own-entry.ts), then lists it up to our entry. */
    async join(call, previousTicket) {
        if (!(await this.entry.enter(this.store, call, previousTicket)))
            return [];
        return this.lookAtQueue(call, { justJoined: true });
    }
    /** Renews our entry's lease when it is due; a lost entry means joining again, at the back. */
    async keepEntry(call) {
        if ((await this.entry.keep(this.store, call)) === 'gone')
            await this.rejoin(call);
    }
    async rejoin(call) {
        const previous = this.entry.forget();
        this.line.head = false;
        this.options.emit({ type: 'rejoined', waitedMs: this.options.waitedMs() });
        return this.join(call, previous);
    }
    /** Lists the queue up to our entry: who is ahead, whether we are the head; lapsed entries ahead are swept. */
    async lookAtQueue(call, { justJoined = false } = {}) {
        const ticket = this.entry.ticket;
        if (ticket === undefined)
            return [];
        // With a key, the whole queue: a newer job of the key may wait behind us. Without, up to our
        // entry's page: that page (100 entries) also shows the high-priority waiters that joined after
        // us and go ahead of us (priority.ts); reading on to the end made every listing slower.
        const look = await this.store.queue.look({
            ...call(),
            upTo: this.latest ? undefined : ticket,
            latestKey: this.latest?.key(this.store),
        });
        this.high.noteListing(look);
        this.latest?.checkListing(look, ticket);
        const { passedOver } = this.idle;
        const standing = (0,queue_queue/* standingOf */.YP)(look, ticket, passedOver, { priority: this.priority, holding: this.high.holding });
        // Our entry was removed (its lease had lapsed): join again. Not twice in one attempt, whatever storage says.
        if (!standing.mine && !justJoined)
            return this.rejoin(call);
        void this.entry.sweep(this.store, standing.lapsed);
        this.notices.squatters(standing.squatters, this.store.queue);
        this.notices.priorities(look.entries, standing.ahead, { ticket, priority: this.priority });
        this.line.lastAhead = standing.ahead;
        const predecessor = this.entry.predecessor;
        if (predecessor && ((0,queue_queue/* predecessorShown */.jg)(predecessor, look) || (0,clock/* monotonicNow */.X)() >= predecessor.until)) {
            this.entry.predecessorCame();
        }
        this.line.head = standing.ahead.length === 0 && this.entry.predecessor === undefined;
        const { pacing } = this.options;
        const pause = this.line.head
            ? pacing.headListMs
            : between(standing.ahead.length === 1 ? pacing.onDeckPollMs : pacing.queuePollMs);
        // Not at the head only because a ticket before ours has no entry yet: look again as often as the head.
        const pending = this.entry.predecessor !== undefined && standing.ahead.length === 0;
        const keyed = this.latest ? Math.min(pause, between(pacing.latestListMs ?? LATEST_LIST_MS)) : pause;
        this.line.listAt = (0,clock/* monotonicNow */.X)() + (pending ? between(this.options.pacing.headPollMs) : keyed);
        return standing.ahead;
    }
    /**
     * Without the queue: look at the lock, and take it when it is free, as a
     * client that does not queue would. Such a waiter gets the lock only when
     * it wins a race, and it looks less often than the head, so that it does
     * not crowd out the waiters that wait in turn.
     */
    async outsideQueue(call) {
        const seen = await this.store.view(call());
        this.answered = true;
        const takenOver = await this.takeOverRunHold(seen, call);
        if (takenOver)
            return takenOver;
        // A hold whose end has come is ended (released: the queue cannot be read to hand its lease on), then taken.
        const lock = await this.endEndedHold(seen, call);
        if (lock.state === 'missing' || lock.state === 'free') {
            const outcome = await this.acquire(call);
            if (outcome !== 'held-by-other')
                return outcome;
        }
        const sighting = { lock: lock.state === 'leased' ? lock : undefined };
        return { kind: 'waiting', sighting, wakeAt: (0,clock/* monotonicNow */.X)() + between(this.options.pacing.outsidePollMs) };
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
        return { kind: 'waiting', sighting: { ahead: this.line.lastAhead }, wakeAt: this.wakeAt() };
    }
    /** The lock's last holder handed its lease to our entry: it is already under our id. */
    handedToUs(lock) {
        const ticket = this.entry.ticket;
        const handed = lock.state === 'leased' && ticket !== undefined && lock.handedTo === ticket;
        if (handed)
            this.lease.noteHanded();
        return handed;
    }
    /**
     * At the head: look at the lock, and take it when it is free or when it was
     * handed to us; a hold whose end has come is ended first, and the lock is
     * then one of those two, decided as for any other (endEndedHold). The
     * acquire decides latest wins first (acquire).
     */
    async asHead(call, ahead) {
        const seen = await this.store.view(call());
        const takenOver = await this.takeOverRunHold(seen, call);
        if (takenOver)
            return takenOver;
        const lock = await this.endEndedHold(seen, call);
        this.high.noteHolding(lock, this.entry.ticket);
        // Handed to another waiter: the order changed (a high-priority waiter joined ahead): list again next time.
        if (lock.state === 'leased' && lock.handedTo !== undefined && !this.handedToUs(lock))
            this.line.listAt = (0,clock/* monotonicNow */.X)();
        // A free lock: a normal head with an old listing checks the line beside its acquire (before it
        // would add a round trip to every take), as a high-priority waiter may have joined ahead of it.
        const stillHead = lock.state === 'leased' ? undefined : this.high.stillHead(this.store, call, this.entry.ticket, ahead);
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
    /** Ends a hold whose end has come that `lock` shows (ended-holds.ts); the lock as it stands after. */
    endEndedHold(lock, call) {
        return this.holds.end(lock, this.store, call);
    }
    /** A job of scope run takes over the hold its own run left on the lock (own-lease.ts), at any look at it. */
    async takeOverRunHold(lock, call) {
        if (!this.options.takeOverRunHold)
            return undefined;
        return this.lease.takeOverRunHold(lock, this.options.who, this.entry.ticket !== undefined, call);
    }
    /**
     * Our run's hold is ours (takeOverRunHold): our holder record replaces the
     * hold's, the fencing token stays the run's (no new one: the run held the
     * lock all along), and we leave the queue, which must succeed as in take().
     * Returns the record as written and the run's token.
     */
    async takeOver(record, call) {
        const tookOver = this.lease.takenOver;
        const ticket = this.entry.ticket;
        const written = ticket !== undefined ? { ...record, ticket: String(ticket) } : record;
        await this.store.writeHolder(this.options.leaseId, written, call());
        await this.entry.leaveAsHolder(this.store, call);
        this.lease.taken();
        this.options.emit({ type: 'hold-taken-over', ...tookOver, waitedMs: this.options.waitedMs() });
        // Read from storage: a token that is not a positive whole number is none.
        const token = Number(tookOver.hold.fencingToken);
        return { record: written, fencingToken: Number.isSafeInteger(token) && token > 0 ? token : 0 };
    }
    /**
     * The lease is ours: write our holder record, take the next fencing token,
     * and leave the queue, all at once. Returns the record as written and the token.
     */
    async take(record, call) {
        const ticket = this.entry.ticket;
        // Our ticket goes on the record: a waiter right behind us that missed our entry learns from it that we came.
        const written = ticket !== undefined ? { ...record, ticket: String(ticket) } : record;
        const store = this.store;
        // Side by side: the record write waits for the token only to keep it on the lock blob as well.
        const token = store.nextFencingToken(call());
        // With a key, the holder record's write checks, under our lease, the sequence the lock blob keeps
        // (latest-kept.ts); the key's record is raised only once that check has passed.
        let passed;
        let failed;
        const checked = new Promise((resolve, reject) => ((passed = resolve), (failed = reject)));
        checked.catch(() => undefined);
        const holder = store.writeHolder(this.options.leaseId, written, call(), token, () => passed());
        holder.then(() => passed(), (err) => failed(err));
        const [, fencingToken] = await Promise.all([
            holder,
            token,
            this.latest?.record(store, written, call, checked),
            this.slotted?.passingOn(),
        ]);
        this.slotted?.passedOn();
        // Only now: if the record or the token failed, we stay in line for another try (waiter.ts keeps the lease).
        await this.entry.leaveAsHolder(store, call);
        this.lease.taken();
        if (this.slotted && ticket !== undefined)
            await this.slotted.returnStrays(ticket);
        return { record: written, fencingToken };
    }
    /**
     * Gives back the lease we took, when taking the lock could not be finished
     * (the record or the fencing token failed): a job never waits, or tries
     * again, while it holds the lease. Our place in the queue is kept.
     */
    async giveBack() {
        await this.lease.giveBack();
    }
    /** Every key's record the last listing read; undefined for a waiter without a key. */
    get recordsSeen() {
        return this.latest?.recordsSeen;
    }
    /** The live waiters ahead at the last listing; undefined before one. */
    get aheadCount() {
        return this.line.lastAhead?.length;
    }
    /** Leaves the queue, if we are in it. Best effort and bounded: a leftover entry lapses by itself. */
    async leave(timeoutMs = attempt_TIDY_TIMEOUT_MS) {
        await this.entry.leave(this.store, timeoutMs);
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
        const ticket = this.entry.ticket;
        const nearHead = ticket !== undefined && (this.line.head || (this.line.lastAhead?.length ?? Infinity) <= 1);
        // Leaving and the look share one tidy budget, so that a stalled network adds it to the wait once, not twice.
        const tidyUntil = until ?? (0,clock/* monotonicNow */.X)() + attempt_TIDY_TIMEOUT_MS;
        const budget = () => Math.max(LEAST_TIDY_MS, Math.round(tidyUntil - (0,clock/* monotonicNow */.X)()));
        await this.leave(budget());
        let mayHold = this.lease.mayHold;
        const left = Math.round(tidyUntil - (0,clock/* monotonicNow */.X)());
        const slots = this.options.store.slotted;
        if (slots && ticket !== undefined) {
            // Any slot may have been handed to us (the first waiter not yet served): the look is at every slot.
            const also = mayHold ? this.slot : undefined;
            await passOnHanded(slots, this.options.leaseId, ticket, { also, timeoutMs: left });
            this.lease.passedOn();
            return;
        }
        if (!mayHold && nearHead && this.store.letGo && left >= attempt_MIN_LOOK_MS) {
            const lock = await this.store.view({ timeoutMs: left }).catch(() => undefined);
            mayHold = lock?.state === 'leased' && lock.handedTo === ticket;
        }
        if (!mayHold)
            return;
        const passOnMs = until === undefined ? attempt_TIDY_TIMEOUT_MS : budget();
        await passOn(this.store, this.options.leaseId, ticket, { timeoutMs: passOnMs });
        this.lease.passedOn();
    }
}

// EXTERNAL MODULE: ./src/lock/duration.ts
var duration = __webpack_require__(6307);
// EXTERNAL MODULE: ./src/lock/holder.ts
var lock_holder = __webpack_require__(7053);
// EXTERNAL MODULE: ./src/lock/request.ts
var request = __webpack_require__(4034);
// EXTERNAL MODULE: ./src/lock/holder-seen.ts
var holder_seen = __webpack_require__(8577);
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
            : (0,holder_seen/* holderSeenKey */.z)(place.holder);
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
        warnAfterMs: options.spec.warnAfterMs,
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
    const waiter = new Attempt({
        store: lock,
        leaseId,
        leaseSeconds: options.spec.leaseDurationSeconds,
        who,
        supersede: options.supersede,
        priority: options.spec.priority,
        takeOverRunHold: options.spec.runHoldMs !== undefined,
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
                        const record = {
                            ...who,
                            acquiredAt: acquiredAt.toISOString(),
                            leaseSeconds: String(options.spec.leaseDurationSeconds),
                        };
                        // A run's hold taken over keeps the run's fencing token, and writes no key's record.
                        taken = outcome.tookOver ? await waiter.takeOver(record, call) : await waiter.take(record, call);
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
                        ...(outcome.tookOver ? { tookOver: outcome.tookOver.hold } : {}),
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
    return new errors/* LockTimeoutError */.XB(`${head}; it is held by ${(0,holder_seen/* describeHolderSeen */.NW)(holder)}${breakIt}.`);
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
/* unused harmony exports RenewerStartError, mayEnd */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _lock_clock_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(2041);
/* harmony import */ var _lock_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2960);
/* harmony import */ var _channel_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6959);
/* harmony import */ var _messages_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4632);
/* harmony import */ var _early_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9009);
/* harmony import */ var _platform_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7855);
// The steps' side of the renewer. Main starts it early, while it waits for the
// lease, and hands the lease over once it has one; post (or a release step)
// asks it to let go through its channel.
//
// Main talks to the renewer over Node's IPC pipe, which exists only between
// the two: the configuration, secrets included, never touches a command line,
// an environment variable or a file. The renewer's stdout and stderr go
// nowhere, so it cannot hold the step's output open.










class RenewerStartError extends _lock_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .UserError */ .yo {
    name = 'RenewerStartError';
}
/** A fresh channel and status file for one renewer: the address is the renewer's, the token the key of its proofs. */
function newRenewerPlaces() {
    const id = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)();
    return {
        channel: { address: (0,_platform_js__WEBPACK_IMPORTED_MODULE_8__/* .channelAddress */ .ov)(id), token: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(24).toString('base64url') },
        statusFile: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(process.env.RUNNER_TEMP || (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'azure-mutex', `renewer-${id}.json`),
    };
}
/** The worker to watch: main's parent, unless that is init or a container's pid 1. */
function workerOf(ppid) {
    return (0,_platform_js__WEBPACK_IMPORTED_MODULE_8__/* .isSignallablePid */ .sp)(ppid) ? { pid: ppid, startTime: (0,_platform_js__WEBPACK_IMPORTED_MODULE_8__/* .startTimeOf */ .P2)(ppid) } : undefined;
}
/** A renewer that main has started and not yet let go of. */
class SpawnedRenewer {
    child;
    messages = [];
    wake = () => undefined;
    ended;
    constructor(config) {
        // The one started as main's process started (early.ts), still loading its code or waiting for this config.
        this.child = (0,_early_js__WEBPACK_IMPORTED_MODULE_7__/* .takeEarlyRenewer */ .hc)() ?? (0,_early_js__WEBPACK_IMPORTED_MODULE_7__/* .spawnRenewer */ .MM)();
        this.child.on('message', (value) => {
            const message = (0,_messages_js__WEBPACK_IMPORTED_MODULE_6__/* .parseFromRenewer */ .Cd)(value);
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
        this.send({ type: 'config', config });
    }
    get pid() {
        return this.child.pid;
    }
    /**
     * The process post may end if it is stuck: main spawned it, so this pid is
     * certainly the renewer now, and its start time (where the OS tells it)
     * tells a reused pid apart later.
     */
    get identity() {
        const pid = this.child.pid;
        if (!(0,_platform_js__WEBPACK_IMPORTED_MODULE_8__/* .isSignallablePid */ .sp)(pid))
            return undefined;
        const startTime = (0,_platform_js__WEBPACK_IMPORTED_MODULE_8__/* .startTimeOf */ .P2)(pid);
        return startTime === undefined ? { pid } : { pid, startTime };
    }
    send(message) {
        if (this.child.connected)
            this.child.send(message, () => undefined);
    }
    /** The next message of the given type, or an error when the renewer ends, fails, or the time or signal runs out. */
    async expect(type, timeoutMs, signal) {
        const deadline = (0,_lock_clock_js__WEBPACK_IMPORTED_MODULE_9__/* .monotonicNow */ .X)() + timeoutMs;
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
            if ((0,_lock_clock_js__WEBPACK_IMPORTED_MODULE_9__/* .monotonicNow */ .X)() >= deadline) {
                throw new RenewerStartError(`The renewer did not confirm the lease within ${timeoutMs / 1000} s.`);
            }
            const woken = new Promise((resolve) => (this.wake = resolve));
            const onAbort = () => this.wake();
            signal?.addEventListener('abort', onAbort, { once: true });
            await Promise.race([woken, (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_3__.setTimeout)(Math.max(0, deadline - (0,_lock_clock_js__WEBPACK_IMPORTED_MODULE_9__/* .monotonicNow */ .X)()), undefined, { ref: false })]);
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
            (0,_platform_js__WEBPACK_IMPORTED_MODULE_8__/* .killProcess */ .ix)(this.child.pid);
        this.detach();
    }
}
/**
 * Whether post may end a stuck renewer: only the pid main recorded at spawn,
 * only once that very process has proven who it is on a connection that is
 * still open, and only while the pid still has the start time main recorded.
 * A pid that came over the channel is never enough by itself.
 */
function mayEnd(provenPid, expected, liveness = _platform_js__WEBPACK_IMPORTED_MODULE_8__/* .livenessOf */ .l8) {
    if (!expected || !(0,_platform_js__WEBPACK_IMPORTED_MODULE_8__/* .isSignallablePid */ .sp)(expected.pid) || provenPid !== expected.pid)
        return false;
    return liveness(expected.pid, expected.startTime) === 'alive';
}
/** How long post waits for a renewer that answered "stop" to be gone, so nothing is left for the job-end clean-up. */
const EXIT_WAIT_MS = 2_000;
/** Waits until the process is gone (only looks, never signals); false if it is still there at the limit. */
async function exited(pid, limitMs) {
    const deadline = (0,_lock_clock_js__WEBPACK_IMPORTED_MODULE_9__/* .monotonicNow */ .X)() + limitMs;
    while ((0,_platform_js__WEBPACK_IMPORTED_MODULE_8__/* .livenessOf */ .l8)(pid, undefined) !== 'gone') {
        if ((0,_lock_clock_js__WEBPACK_IMPORTED_MODULE_9__/* .monotonicNow */ .X)() >= deadline)
            return false;
        await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_3__.setTimeout)(10);
    }
    return true;
}
/**
 * Asks the renewer behind a channel to stop or release, and waits for its
 * answer. What listens must first prove it is the renewer (and the one main
 * recorded, when known); one that fails is told nothing and left alone. A
 * renewer that proved itself but does not answer in time is ended when
 * killIfStuck is set, by the recorded pid only (mayEnd).
 */
async function askToLetGo(ref, request, options = {}) {
    const conversation = await (0,_channel_js__WEBPACK_IMPORTED_MODULE_5__/* .askRenewer */ .mW)(ref, request, { expectedPid: options.expected?.pid });
    if (conversation === 'nothing listens')
        return { answer: { kind: 'gone' }, log: [] };
    try {
        const timeout = (ms) => (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_3__.setTimeout)(ms, 'timeout', { ref: false });
        const pid = await Promise.race([conversation.proven, timeout(options.helloTimeoutMs ?? 5_000)]);
        if (pid === 'impostor')
            return { answer: { kind: 'impostor' }, log: [] };
        if (pid === 'timeout' || pid === undefined)
            return { answer: { kind: 'silent' }, log: [] };
        const answer = await Promise.race([
            conversation.answer,
            timeout(options.answerTimeoutMs ?? 15_000),
        ]);
        if (answer === 'timeout') {
            // Still connected after its proof, so the process is still there; end it only by main's record of it.
            if (!options.killIfStuck || !mayEnd(pid, options.expected))
                return { answer: { kind: 'silent' }, log: [] };
            (0,_platform_js__WEBPACK_IMPORTED_MODULE_8__/* .killProcess */ .ix)(options.expected.pid);
            return { answer: { kind: 'stopped', pid: options.expected.pid }, log: [] };
        }
        // The line closed without an answer: the renewer died while it worked.
        if (answer === undefined)
            return { answer: { kind: 'gone' }, log: [] };
        if (request.op === 'stop' || request.op === 'keep')
            await exited(pid, EXIT_WAIT_MS);
        return { answer: { kind: 'answered', report: answer.report }, log: answer.log };
    }
    finally {
        conversation.close();
    }
}


/***/ }),

/***/ 8668:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jq: () => (/* binding */ longWaitText),
/* harmony export */   L1: () => (/* binding */ malformedPriorityText),
/* harmony export */   ap: () => (/* binding */ placeLine),
/* harmony export */   j7: () => (/* binding */ highPriorityAheadText),
/* harmony export */   sD: () => (/* binding */ longWaitFact)
/* harmony export */ });
/* harmony import */ var _lock_deploy_latest_seen_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4422);
/* harmony import */ var _lock_duration_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6307);
/* harmony import */ var _lock_holder_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7053);
/* harmony import */ var _lock_queue_queue_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2980);
/* harmony import */ var _lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4469);
/* harmony import */ var _lock_queue_slots_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5230);
/* harmony import */ var _lock_holder_seen_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8577);
// The words for the order of the line and for a long wait (lock/queue/priority.ts,
// lock/wait-report.ts), shared by both faces: the main step's lines and the
// job summary, and azure-mutex hold's lines. Each face names its option.
// Every value read from storage reaches a line through briefHolder or
// briefHolderSeen, or showUntrusted itself.







const whoWaits = (waiter) => waiter ? (0,_lock_holder_js__WEBPACK_IMPORTED_MODULE_2__/* .briefHolder */ .p2)(waiter) : 'a waiter that wrote no record';
/** "A high-priority waiter joined ahead of you in the queue of locks/deploy: org/hotfix run 9 (entry 12)." */
function highPriorityAheadText(event, name) {
    return `A high-priority waiter joined ahead of you in the queue of ${name}: ${whoWaits(event.waiter)} (entry ${event.ticket}).`;
}
/** A priority that is neither normal nor high: it counts as normal. */
function malformedPriorityText(event, name) {
    return (`Entry ${event.ticket} in the queue of ${name} (${whoWaits(event.waiter)}) gives the priority ` +
        `'${(0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_4__/* .showUntrusted */ .Gz)(event.value, 40)}', which is neither normal nor high: it counts as normal.`);
}
/**
 * What a long wait found, without the lock's name (the summary is per lock):
 * "waited 10m, past <the option, as the face names it> (10m); held by org/api
 * run 5 (holding since 10:02:11Z) for 25m; 3rd in line" (`pastWarnAfter` is
 * "past <the option>").
 */
function longWaitFact(event, pastWarnAfter) {
    const { place } = event;
    const holder = place.holder
        ? `held by ${(0,_lock_holder_seen_js__WEBPACK_IMPORTED_MODULE_6__/* .briefHolderSeen */ .AG)(place.holder)}` +
            (event.heldMs === undefined ? '' : ` for ${(0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(event.heldMs)}`)
        : 'free at the last look';
    const where = place.queued ? `${(0,_lock_queue_queue_js__WEBPACK_IMPORTED_MODULE_3__/* .ordinal */ .IE)(place.position)} in line` : 'waiting outside the queue';
    return `waited ${(0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(event.waitedMs)}, ${pastWarnAfter} (${(0,_lock_duration_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(event.warnAfterMs)}); ${holder}; ${where}`;
}
/**
 * The warning: "Lock locks/deploy: waited 10m, past <the option> (10m); ...;
 * 3rd in line. Still waiting."; `pastWarnAfter` is "past <the option>", the option as the face names it.
 */
function longWaitText(event, name, pastWarnAfter) {
    return `Lock ${name}: ${longWaitFact(event, pastWarnAfter)}. Still waiting.`;
}
/** How many of those ahead a place line names; the rest are counted. */
const SHOWN_AHEAD = 5;
/** "3rd in line for locks/production-deploy; ahead: org/api run 812 (holding since 10:02:11Z), org/web run 77". */
function placeLine(place, lockName) {
    const ahead = [
        ...(place.holder && !place.slots ? [(0,_lock_holder_seen_js__WEBPACK_IMPORTED_MODULE_6__/* .briefHolderSeen */ .AG)(place.holder)] : []),
        ...place.ahead.map((who) => (who ? (0,_lock_holder_js__WEBPACK_IMPORTED_MODULE_2__/* .briefHolder */ .p2)(who) : 'a waiter that wrote no record')),
    ];
    const shown = ahead.slice(0, SHOWN_AHEAD);
    if (ahead.length > shown.length)
        shown.push(`and ${ahead.length - shown.length} more`);
    // Free at the last look, with waiters ahead: say so, rather than leave the reader to guess who holds it.
    const free = place.slots
        ? `; ${(0,_lock_queue_slots_js__WEBPACK_IMPORTED_MODULE_5__/* .describeSlotsHeld */ ._H)(place.slots)}`
        : !place.holder && place.ahead.length > 0
            ? ` (free, ${place.ahead.length} ahead)`
            : '';
    const line = `${(0,_lock_queue_queue_js__WEBPACK_IMPORTED_MODULE_3__/* .ordinal */ .IE)(place.position)} in line for ${lockName}${free}`;
    const placed = shown.length > 0 ? `${line}; ahead: ${shown.join(', ')}` : `${line}; nobody ahead`;
    // Latest wins: for each key in sight, the last sequence that held, with its run (through showUntrusted).
    const lastHeld = (0,_lock_deploy_latest_seen_js__WEBPACK_IMPORTED_MODULE_0__/* .describeLastHeld */ .L)(place.lastHeld);
    return lastHeld ? `${placed}; ${lastHeld}` : placed;
}


/***/ })

};
