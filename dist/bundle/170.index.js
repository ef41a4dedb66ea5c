export const id = 170;
export const ids = [170,952];
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

/***/ 479:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GJ: () => (/* binding */ waitRecordShape),
/* harmony export */   Nx: () => (/* binding */ WaitWatch),
/* harmony export */   _m: () => (/* binding */ fitWaitRecord),
/* harmony export */   hd: () => (/* binding */ PAST_WARN_AFTER),
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
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(915);
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









/** The long-wait line's words for the option it passed: the action's input (wait-lines.ts says it too). */
const PAST_WARN_AFTER = `past '${_constants_js__WEBPACK_IMPORTED_MODULE_7__/* .Inputs */ .G0.WarnAfter}'`;
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
            this.longWait = (0,_settings_wait_words_js__WEBPACK_IMPORTED_MODULE_6__/* .longWaitFact */ .sD)(event, PAST_WARN_AFTER);
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
