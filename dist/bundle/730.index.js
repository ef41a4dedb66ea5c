export const id = 730;
export const ids = [730];
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

/***/ 9280:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ failStep)
/* harmony export */ });
/* unused harmony export messageFor */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
/* harmony import */ var _lock_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2960);
/* harmony import */ var _sign_in_ambient_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3271);
/* harmony import */ var _sign_in_entra_id_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(969);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(915);
/* harmony import */ var _phases_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6864);
// One place that turns any failure into the single error line a user sees.






/** The message for a failure: ours as written, storage errors in plain words, anything else marked unexpected. */
function messageFor(err, endpoint, context = {}) {
    if (err instanceof _sign_in_ambient_js__WEBPACK_IMPORTED_MODULE_2__/* .NoAmbientCredentialError */ .pl) {
        return (`${err.message} Or sign in with GitHub's OIDC token: ` +
            `set '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.ClientId}' and '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.TenantId}' and 'permissions: id-token: write'.`);
    }
    if (err instanceof _lock_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo)
        return err.message;
    // Before the status check: an identity error carries Entra's HTTP status, not storage's.
    if ((0,_sign_in_entra_id_js__WEBPACK_IMPORTED_MODULE_3__/* .isIdentityError */ .Lo)(err))
        return (0,_sign_in_entra_id_js__WEBPACK_IMPORTED_MODULE_3__/* .describeIdentityError */ ._q)(err);
    if ((0,_lock_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .statusCode */ .se)(err) !== undefined || (0,_lock_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .storageErrorCode */ .t6)(err) !== undefined) {
        return (0,_lock_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeStorageError */ .rb)(err, endpoint ?? 'the blob endpoint', context);
    }
    return `Unexpected error: ${err instanceof Error ? err.message : String(err)}`;
}
/** Fails the step with one line, outside any log group; the stack goes to the debug log only. */
function failStep(err, endpoint, context = {}) {
    (0,_phases_js__WEBPACK_IMPORTED_MODULE_5__/* .endPhase */ .z)();
    if (err instanceof Error && err.stack)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(err.stack);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(messageFor(err, endpoint, context));
}


/***/ }),

/***/ 2094:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fj: () => (/* binding */ publishHeld),
/* harmony export */   Mw: () => (/* binding */ heldLocks),
/* harmony export */   O: () => (/* binding */ withdrawHeld),
/* harmony export */   V5: () => (/* binding */ pickHeld)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
/* harmony import */ var _lock_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2960);
/* harmony import */ var _lock_spec_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7832);
/* harmony import */ var _lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4469);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(915);
/* harmony import */ var _shape_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5895);
// The locks this job holds, published for the job's later steps. A release
// step is an action of its own: it cannot read main's state, and it has no
// credentials. Main therefore exports, through $GITHUB_ENV, where each lock's
// renewer listens and the token it obeys; a second lock step adds its lock to
// the list, and a release step takes its lock off. The token is masked: the
// runner shows exported variables in later steps' logs.






const heldLockFields = {
    lockName: _shape_js__WEBPACK_IMPORTED_MODULE_5__/* .nonEmptyText */ .al,
    /** account/container/name, as the logs name the lock. */
    location: _shape_js__WEBPACK_IMPORTED_MODULE_5__/* .nonEmptyText */ .al,
    acquiredAt: _shape_js__WEBPACK_IMPORTED_MODULE_5__/* .time */ .kB,
    channel: (0,_shape_js__WEBPACK_IMPORTED_MODULE_5__/* .shape */ .cW)({ address: _shape_js__WEBPACK_IMPORTED_MODULE_5__/* .nonEmptyText */ .al, token: _shape_js__WEBPACK_IMPORTED_MODULE_5__/* .nonEmptyText */ .al }),
};
/** More locks than any job holds: a list longer than this was not written by main. */
const MAX_HELD = 100;
const heldLocksShape = (0,_shape_js__WEBPACK_IMPORTED_MODULE_5__/* .listOf */ .c3)((0,_shape_js__WEBPACK_IMPORTED_MODULE_5__/* .shape */ .cW)(heldLockFields), MAX_HELD);
/** The locks the earlier steps published; [] when none. Throws MalformedError when the variable holds something else. */
function heldLocks(env = process.env) {
    const value = env[_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Exported */ .KJ.HeldLocks];
    if (!value)
        return [];
    const held = (0,_shape_js__WEBPACK_IMPORTED_MODULE_5__/* .parseJson */ .qF)(value, heldLocksShape);
    if (!held)
        throw new _lock_spec_js__WEBPACK_IMPORTED_MODULE_2__/* .MalformedError */ .G4(`${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Exported */ .KJ.HeldLocks} is not the list that the main step writes`);
    return held;
}
function publish(held) {
    // Without the file, core.exportVariable would fall back to the set-env command, which runners refuse.
    if (!process.env.GITHUB_ENV) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`GITHUB_ENV is not set: release steps cannot find this job's locks (${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Exported */ .KJ.HeldLocks}).`);
        return;
    }
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .exportVariable */ .dN(_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Exported */ .KJ.HeldLocks, JSON.stringify(held));
}
/** Adds a lock this job now holds (in place of an older entry for the same lock). */
function publishHeld(lock) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(lock.channel.token);
    let held;
    try {
        held = heldLocks();
    }
    catch {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Exported */ .KJ.HeldLocks} held something else: starting the list again`);
        held = [];
    }
    const entry = {
        lockName: lock.lockName,
        location: lock.location,
        acquiredAt: lock.acquiredAt.toISOString(),
        channel: { address: lock.channel.address, token: lock.channel.token },
    };
    publish([...held.filter((other) => other.location !== lock.location), entry]);
}
/** Takes a released lock off the list. */
function withdrawHeld(location) {
    publish(heldLocks().filter((other) => other.location !== location));
}
/**
 * The held lock a release step means: the one named, or the only one. One
 * clear error otherwise, listing what the job holds.
 */
function pickHeld(held, lockName) {
    // Earlier steps of the job wrote these; shown like any text the action did not write itself.
    const list = (locks) => locks.map((lock) => (0,_lock_untrusted_text_js__WEBPACK_IMPORTED_MODULE_3__/* .showUntrusted */ .G)(lock.location)).join(', ');
    if (held.length === 0) {
        throw new _lock_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo('This job holds no lock to release: the main action (uses: org/azure-mutex-action@v1) must take it earlier ' +
            "in the same job. (It took none, it did not get the lock with 'fail-on-timeout: false', or a release step " +
            'released it already.)');
    }
    if (lockName === undefined) {
        if (held.length === 1)
            return held[0];
        throw new _lock_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`This job holds ${held.length} locks (${list(held)}): name the one to release in '${_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Inputs */ .G0.LockName}'.`);
    }
    const named = held.filter((lock) => lock.lockName === lockName);
    if (named.length === 1)
        return named[0];
    if (named.length === 0) {
        throw new _lock_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`This job holds no lock named '${lockName}'; it holds ${list(held)}.`);
    }
    throw new _lock_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .UserError */ .yo(`This job holds ${named.length} locks named '${lockName}', in different containers or accounts (${list(named)}): ` +
        'a release step cannot tell them apart; let their post steps release them.');
}


/***/ }),

/***/ 2398:
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
// EXTERNAL MODULE: ./src/lock/errors.ts
var errors = __webpack_require__(2960);
// EXTERNAL MODULE: ./src/lock/lock-blob.ts + 4 modules
var lock_blob = __webpack_require__(4912);
// EXTERNAL MODULE: ./src/lock/spec.ts
var lock_spec = __webpack_require__(7832);
// EXTERNAL MODULE: ./src/lock/storage.ts
var storage = __webpack_require__(4906);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/lock/queue.ts
var queue = __webpack_require__(5624);
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
};
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
/** How long leaving the queue, sweeping and giving back a lease may take: they are best effort. */
const TIDY_TIMEOUT_MS = 2_000;
const between = ([min, max]) => min + Math.random() * (max - min);
class Waiter {
    options;
    entry;
    head = false;
    listAt = 0;
    /** A second look at the lock, soon after one that found a lease without a record. */
    viewAt = Infinity;
    /** The lease was asked for: whatever ends the wait without success gives it back. */
    acquireTried = false;
    /** The lease is ours, but taking it was not finished (a request failed after the grant). */
    acquired = false;
    /** Storage has answered at least once: a network failure after that is storage trouble, not a wrong endpoint. */
    answered = false;
    /** The queue cannot be read with this credential: the waiter waits outside it. */
    outside = false;
    constructor(options) {
        this.options = options;
    }
    get store() {
        return this.options.store;
    }
    /** One attempt; `call` gives each request its signal and deadline. */
    async attempt(call, wantsHolder) {
        if (this.acquired) {
            const outcome = await this.acquire(call);
            if (outcome !== 'held-by-other')
                return outcome;
        }
        if (this.outside)
            return this.outsideQueue(call);
        if (!this.entry)
            return this.fromOutside(call);
        await this.keepEntry(call);
        let ahead;
        if (Date.now() >= this.listAt)
            ahead = await this.lookAtQueue(call);
        if (this.head)
            return this.asHead(call, ahead);
        // Waiting for the ticket just before ours: the lock may show its waiter holding it already.
        const pending = this.entry?.predecessor !== undefined && ahead?.length === 0;
        const look = ahead ? pending || wantsHolder(ahead.length) : Date.now() >= this.viewAt;
        const lock = look ? await this.store.view(call()) : undefined;
        // A lease without a record is also the moment between a new holder's lease and its record:
        // look once more shortly, rather than at the next listing, so that the line names the holder.
        this.viewAt = ahead && lock?.state === 'leased' && !lock.holder ? Date.now() + RECORD_PAUSE_MS : Infinity;
        const predecessor = this.entry?.predecessor;
        if (predecessor &&
            lock?.state === 'leased' &&
            (0,queue/* predecessorShown */.jg)(predecessor, { holderTicket: lock.holder?.ticket })) {
            this.entry.predecessor = undefined;
            this.head = true;
            this.listAt = Date.now() + this.options.pacing.headListMs;
        }
        const sighting = { lock: lock?.state === 'missing' ? undefined : lock, ahead };
        return { kind: 'waiting', sighting, wakeAt: this.wakeAt() };
    }
    /** When the next attempt is due: the next look (at the lock for the head, at the queue for the others) or renewal. */
    wakeAt() {
        const lookAt = this.head ? Date.now() + between(this.options.pacing.headPollMs) : this.listAt;
        return Math.min(lookAt, this.listAt, this.viewAt, this.entry?.renewAt ?? Infinity);
    }
    /** The first attempt: one listing; nobody waiting means trying for the lease at once. */
    async fromOutside(call) {
        let look;
        try {
            look = await this.store.queue.look({ ...call(), limit: FIRST_LOOK_LIMIT });
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
        const live = look.entries.filter((entry) => (0,queue/* isLive */.DG)(entry, look.serviceNow));
        void this.sweep(look.entries.filter((entry) => !(0,queue/* isLive */.DG)(entry, look.serviceNow)));
        if (live.length === 0 && look.complete) {
            const outcome = await this.acquire(call);
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
        if (lock.state === 'leased' && !lock.holder)
            this.viewAt = Date.now() + RECORD_PAUSE_MS;
        const sighting = { lock: lock.state === 'missing' ? undefined : lock, ahead };
        // At the head with the lock free (its holder let go meanwhile): look again at once.
        return { kind: 'waiting', sighting, wakeAt: this.head && lock.state !== 'leased' ? 0 : this.wakeAt() };
    }
    /**
     * Asks for the lease with our id (idempotent: it also re-confirms a lease
     * taken on an earlier try). A missing blob is created, and the attempt ends
     * to try again at once.
     */
    async acquire(call) {
        // A cancel that came while we looked: ask for nothing more.
        if (this.options.signal?.aborted)
            throw new errors/* LockCancelledError */.pw(`Cancelled while waiting for lock ${this.store.location}.`);
        this.acquireTried = true;
        const sentAt = new Date();
        const outcome = await this.store.acquire(this.options.leaseId, this.options.leaseSeconds, call());
        this.acquired = outcome === 'acquired';
        if (outcome === 'acquired')
            return { kind: 'acquired', sentAt };
        // A definite no: no lease of ours exists (an earlier try whose answer was lost included).
        this.acquireTried = false;
        if (outcome === 'held-by-other')
            return outcome;
        const created = await this.store.create(call());
        if (created !== 'nothing')
            this.options.emit({ type: 'created', what: created });
        return { kind: 'waiting', sighting: {}, wakeAt: 0, tried: false };
    }
    /** Takes a ticket, writes our entry and leases it, then lists the queue up to it. */
    async join(call, previousTicket) {
        const leaseId = (0,external_node_crypto_.randomUUID)();
        let claim;
        let entered;
        let tries = 0;
        do {
            claim = await this.store.queue.claimTicket(call());
            entered = await this.store.queue.enter(claim.ticket, this.options.who, leaseId, this.options.leaseSeconds, call());
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
            renewAt: Date.now() + (this.options.leaseSeconds * 1000) / 3,
            // Our own earlier ticket (when joining again) is not waited for.
            predecessor: claim.ticket - 1 === previousTicket ? undefined : (0,queue/* recentPredecessor */.JX)(claim, Date.now()),
        };
        return this.lookAtQueue(call, { justJoined: true });
    }
    /** Renews our entry's lease when it is due; a lost entry means joining again, at the back. */
    async keepEntry(call) {
        const entry = this.entry;
        if (!entry || Date.now() < entry.renewAt)
            return;
        let renewed;
        try {
            renewed = await this.store.queue.renewEntry(entry.ticket, entry.leaseId, call());
        }
        catch (err) {
            if (!(0,errors/* isTransient */.dg)(err))
                throw err;
            entry.renewAt = Date.now() + 1_000; // two more chances at least before the lease lapses
            return;
        }
        if (renewed === 'renewed') {
            entry.renewAt = Date.now() + (this.options.leaseSeconds * 1000) / 3;
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
        const look = await this.store.queue.look({ ...call(), upTo: entry.ticket });
        const standing = (0,queue/* standingOf */.YP)(look, entry.ticket);
        // Our entry was removed (its lease had lapsed): join again. Not twice in one attempt, whatever storage says.
        if (!standing.mine && !justJoined)
            return this.rejoin(call);
        void this.sweep(standing.lapsed);
        const predecessor = entry.predecessor;
        if (predecessor && ((0,queue/* predecessorShown */.jg)(predecessor, look) || Date.now() >= predecessor.until)) {
            entry.predecessor = undefined;
        }
        this.head = standing.ahead.length === 0 && entry.predecessor === undefined;
        const { pacing } = this.options;
        const pause = this.head
            ? pacing.headListMs
            : between(standing.ahead.length === 1 ? pacing.onDeckPollMs : pacing.queuePollMs);
        // Not at the head only because a ticket before ours has no entry yet: look again as often as the head.
        const pending = entry.predecessor !== undefined && standing.ahead.length === 0;
        this.listAt = Date.now() + (pending ? between(this.options.pacing.headPollMs) : pause);
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
        return { kind: 'waiting', sighting, wakeAt: Date.now() + between(this.options.pacing.outsidePollMs) };
    }
    /** At the head: look at the lock, and take it when it is free. */
    async asHead(call, ahead) {
        const lock = await this.store.view(call());
        if (lock.state === 'missing' || lock.state === 'free') {
            const outcome = await this.acquire(call);
            // 'held-by-other': lost a race to a client that does not queue; it holds the lease now.
            if (outcome !== 'held-by-other')
                return outcome;
        }
        const sighting = { lock: lock.state === 'leased' ? lock : undefined, ahead };
        return { kind: 'waiting', sighting, wakeAt: this.wakeAt() };
    }
    /**
     * The lease is ours: write our holder record, take the next fencing token,
     * and leave the queue, all at once. Returns the record as written and the token.
     */
    async take(record, call) {
        // Our ticket goes on the record: a waiter right behind us that missed our entry learns from it that we came.
        const written = this.entry ? { ...record, ticket: String(this.entry.ticket) } : record;
        const [, fencingToken] = await Promise.all([
            this.store.writeHolder(this.options.leaseId, written, call()),
            this.store.nextFencingToken(call()),
            this.leave(),
        ]);
        this.acquired = false;
        return { record: written, fencingToken };
    }
    /** Leaves the queue, if we are in it. Best effort and bounded: a leftover entry lapses by itself. */
    async leave() {
        const entry = this.entry;
        if (!entry)
            return;
        this.entry = undefined;
        await this.store.queue.leave(entry.ticket, entry.leaseId, { timeoutMs: TIDY_TIMEOUT_MS }).catch(() => undefined);
    }
    /** The wait ends without success: leave the queue, and give back a lease we may hold. */
    async abandon() {
        const giveBack = this.acquireTried
            ? this.store.release(this.options.leaseId, { timeoutMs: TIDY_TIMEOUT_MS }).catch(() => undefined)
            : undefined;
        await Promise.all([this.leave(), giveBack]);
    }
    /** Removes entries whose waiters are gone. Not awaited by the attempt: it is housekeeping. */
    async sweep(lapsed) {
        await Promise.all(lapsed.map((entry) => this.store.queue.sweep(entry.ticket, { timeoutMs: TIDY_TIMEOUT_MS }).catch(() => undefined)));
    }
}

// EXTERNAL MODULE: ./src/lock/holder.ts
var lock_holder = __webpack_require__(7053);
;// CONCATENATED MODULE: ./src/lock/wait-report.ts
// The waiter's reporting: what each attempt saw goes in, and out come the few
// events worth a line in the log: when waiting starts, when the waiter's place
// in line or the holder changes, every so often while nothing changes, and
// once for a lease that never ends by itself. No storage, no wording: the
// action layer words the events.

class WaitReport {
    options;
    /** The holder as last believed for the lines; undefined while the lock is free or not yet seen. */
    seen;
    /** The holder at the last look, believed or not yet. */
    latest;
    heldAtLastLook = false;
    ahead = [];
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
    constructor(options) {
        this.options = options;
    }
    /** The holder at the last look that saw the lock leased, for the timeout message. */
    get holder() {
        return this.latest;
    }
    /** The place in line of the first line; undefined when no line was due (the lock was taken at once). */
    get arrivalPosition() {
        return this.firstPosition;
    }
    /** Whether a look at the lock would make a line now: the first one, a new place in line, or one that is due. */
    wantsHolder(aheadCount, now) {
        return !this.started || aheadCount !== this.reportedAhead || now - this.lastLineAt >= this.options.progressEveryMs;
    }
    place() {
        return {
            position: 1 + this.ahead.length + (this.heldAtLastLook ? 1 : 0),
            holder: this.heldAtLastLook ? this.seen : undefined,
            ahead: this.ahead.map((entry) => entry.waiter),
            queued: this.queued,
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
            };
            // A lease without a record is also what a handoff looks like for a few ms.
            settled = record !== undefined || this.unknownOnce;
            this.unknownOnce = record === undefined;
            if (settled) {
                this.seen = this.latest;
                this.heldAtLastLook = true;
                if (lock.infinite && this.options.noTimeLimit && !this.infiniteTold) {
                    this.infiniteTold = true;
                    events.push({ type: 'infinite-lease', holder: this.seen, breakCommand: this.options.breakCommand });
                }
            }
        }
        if (sighting.ahead) {
            this.ahead = sighting.ahead;
            this.queued = true;
        }
        // Lines wait for a settled look at the lock, so that they name the holder rightly.
        if (!settled || (!this.started && !lock))
            return events;
        const place = this.place();
        const holderKeyNow = (0,lock_holder/* holderSeenKey */.z)(place.holder);
        let type;
        if (!this.started)
            type = 'waiting';
        else if (this.ahead.length !== this.reportedAhead)
            type = 'moved';
        else if (lock && place.holder && holderKeyNow !== this.reportedHolder)
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








/** A request may outlive the wait's deadline by this much, so `timeout` holds within a few seconds. */
const DEADLINE_GRACE_MS = 2_000;
/**
 * Waits until the lease is ours, in turn, then writes our holder record and
 * takes a fencing token. Throws LockTimeoutError when the time runs out,
 * LockCancelledError on cancel, and the storage error when one is not
 * transient (bad credentials, for instance).
 */
async function waitForLease(options) {
    const { lock, signal } = options;
    const started = Date.now();
    const deadline = options.timeoutMs === undefined ? Infinity : started + options.timeoutMs;
    const progressEveryMs = options.progressEveryMs ?? 30_000;
    const graceMs = options.cancelGraceMs ?? 1_000;
    const leaseId = options.leaseId ?? (0,external_node_crypto_.randomUUID)();
    const emit = (event) => options.onEvent?.(event);
    const waitedMs = () => Date.now() - started;
    const report = new WaitReport({
        progressEveryMs,
        noTimeLimit: options.timeoutMs === undefined,
        breakCommand: lock.breakCommand,
    });
    // Requests get a short grace after a cancel: an acquire that is in flight is
    // better finished and released than abandoned half way.
    const requests = new AbortController();
    // Every request ends by its own deadline, and by the wait's deadline plus a little grace.
    // Whole seconds, so that a message about a missed deadline reads "no answer within 7 s".
    const call = () => ({
        signal: requests.signal,
        timeoutMs: Math.max(1_000, Math.min(lock_blob/* DEFAULT_REQUEST_TIMEOUT_MS */.Zc, Math.ceil((deadline - Date.now() + DEADLINE_GRACE_MS) / 1_000) * 1_000)),
    });
    const onCancel = () => void (0,promises_.setTimeout)(graceMs, undefined, { ref: false }).then(() => requests.abort());
    signal?.addEventListener('abort', onCancel, { once: true });
    const waiter = new Waiter({
        store: lock,
        leaseId,
        leaseSeconds: options.leaseDurationSeconds,
        who: options.holder,
        willWait: deadline > started,
        pacing: options.pacing ?? DEFAULT_PACING,
        emit,
        waitedMs,
        signal,
    });
    let tried = false; // the lock was tried for, or seen held: a timeout of 0 still tries once
    let contacted = false;
    let lastTroubleReport = -Infinity;
    try {
        for (;;) {
            if (signal?.aborted)
                throw new errors/* LockCancelledError */.pw(`Cancelled while waiting for lock ${lock.location}.`);
            if (Date.now() >= deadline && tried)
                throw timedOut(lock, started, report);
            let wakeAt = Date.now();
            try {
                const outcome = await waiter.attempt(call, (aheadCount) => report.wantsHolder(aheadCount, Date.now()));
                contacted = true;
                tried ||= outcome.kind === 'acquired' || outcome.tried !== false;
                if (outcome.kind === 'acquired') {
                    if (signal?.aborted)
                        throw new errors/* LockCancelledError */.pw(`Cancelled while taking lock ${lock.location}.`);
                    const acquiredAt = new Date();
                    const { record: holder, fencingToken } = await waiter.take({
                        ...options.holder,
                        acquiredAt: acquiredAt.toISOString(),
                        leaseSeconds: String(options.leaseDurationSeconds),
                    }, call);
                    if (signal?.aborted)
                        throw new errors/* LockCancelledError */.pw(`Cancelled while taking lock ${lock.location}.`);
                    return {
                        leaseId,
                        confirmedAt: outcome.sentAt,
                        acquiredAt,
                        waitedMs: acquiredAt.getTime() - started,
                        holder,
                        fencingToken,
                        arrivalPosition: report.arrivalPosition ?? 1,
                    };
                }
                for (const event of report.see(outcome.sighting, waitedMs(), Date.now()))
                    emit(event);
                wakeAt = outcome.wakeAt;
            }
            catch (err) {
                if (err instanceof errors/* LockCancelledError */.pw)
                    throw err;
                if (signal?.aborted)
                    continue;
                contacted ||= waiter.answered;
                // Until the service has answered once, a network failure is about the
                // setup (a wrong or unreachable endpoint) and the SDK has retried it.
                // Throttling and server errors are answers: they are waited out.
                if (!(0,errors/* isTransient */.dg)(err) || (!contacted && (0,errors/* statusCode */.se)(err) === undefined))
                    throw err;
                if (Date.now() - lastTroubleReport >= progressEveryMs) {
                    emit({ type: 'storage-trouble', error: err, waitedMs: waitedMs() });
                    lastTroubleReport = Date.now();
                }
                wakeAt = Date.now() + 500 + Math.random() * 500;
            }
            const pause = Math.min(wakeAt, deadline) - Date.now();
            if (pause > 0)
                await (0,promises_.setTimeout)(pause, undefined, { signal }).catch(() => { });
        }
    }
    catch (err) {
        // Whatever ends the wait without success: out of the queue, and a lease we may have taken goes back.
        await waiter.abandon();
        throw err;
    }
    finally {
        signal?.removeEventListener('abort', onCancel);
    }
}
function timedOut(lock, started, report) {
    const holder = report.holder;
    const breakIt = holder?.infinite ? `; break its lease with: ${lock.breakCommand}` : '';
    return new errors/* LockTimeoutError */.XB(`Timed out after ${(0,duration/* formatDuration */.a)(Date.now() - started)} waiting for lock ${lock.location}; ` +
        `it is held by ${(0,lock_holder/* describeHolderSeen */.NW)(holder)}${breakIt}.`);
}

// EXTERNAL MODULE: ./src/renewer/control.ts
var control = __webpack_require__(9779);
// EXTERNAL MODULE: ./src/sign-in/methods.ts
var methods = __webpack_require__(7349);
// EXTERNAL MODULE: ./src/sign-in/sign-in.ts + 1 modules
var sign_in = __webpack_require__(3885);
// EXTERNAL MODULE: ./src/action/constants.ts
var constants = __webpack_require__(915);
// EXTERNAL MODULE: ./src/action/context.ts
var context = __webpack_require__(645);
// EXTERNAL MODULE: ./src/action/failure.ts
var failure = __webpack_require__(9280);
// EXTERNAL MODULE: ./src/action/held-locks.ts
var held_locks = __webpack_require__(2094);
// EXTERNAL MODULE: ./src/action/inputs.ts
var inputs = __webpack_require__(1729);
// EXTERNAL MODULE: ./src/action/phases.ts
var phases = __webpack_require__(6864);
// EXTERNAL MODULE: ./src/action/request-log.ts
var request_log = __webpack_require__(3304);
// EXTERNAL MODULE: ./src/action/state.ts
var state = __webpack_require__(3175);
;// CONCATENATED MODULE: ./src/action/wait-lines.ts
// The main step's lines while it waits, and what it says of its turn once the
// lock is its own: the wording of the waiter's events (lock/wait-report.ts).
// Every value read from storage reaches a line through describeHolderSeen,
// briefHolderSeen or briefHolder, which show it through showUntrusted.







/** Waiters named in a line; the rest are counted. */
const SHOWN_AHEAD = 5;
/** "3rd in line for locks/production-deploy; ahead: org/api run 812 (holding since 10:02:11Z), org/web run 77". */
function placeLine(place, lockName) {
    const ahead = [
        ...(place.holder ? [(0,lock_holder/* briefHolderSeen */.AG)(place.holder)] : []),
        ...place.ahead.map((who) => (who ? (0,lock_holder/* briefHolder */.p2)(who) : 'a waiter that wrote no record')),
    ];
    const shown = ahead.slice(0, SHOWN_AHEAD);
    if (ahead.length > shown.length)
        shown.push(`and ${ahead.length - shown.length} more`);
    const line = `${(0,queue/* ordinal */.IE)(place.position)} in line for ${lockName}`;
    return shown.length > 0 ? `${line}; ahead: ${shown.join(', ')}` : `${line}; nobody ahead`;
}
/** The lines an event makes; none for an event that needs no line. */
function linesFor(event, spec) {
    const name = `${spec.container}/${spec.lockName}`;
    const info = (text) => ({ level: 'info', text });
    switch (event.type) {
        case 'waiting':
            return [
                ...(event.place.queued ? [info(placeLine(event.place, name))] : []),
                ...(event.place.holder
                    ? [info(`The lock is held by ${(0,lock_holder/* describeHolderSeen */.NW)(event.place.holder)}. Waiting.`)]
                    : []),
            ];
        case 'moved':
            if (!event.place.queued)
                return [];
            return [info(`${placeLine(event.place, name)} (waited ${(0,duration/* formatDuration */.a)(event.waitedMs)})`)];
        case 'holder-changed':
            return [
                info(`The lock is now held by ${(0,lock_holder/* describeHolderSeen */.NW)(event.place.holder)} (waited ${(0,duration/* formatDuration */.a)(event.waitedMs)}).`),
            ];
        case 'still-waiting': {
            const where = event.place.queued
                ? placeLine(event.place, name)
                : `held by ${(0,lock_holder/* describeHolderSeen */.NW)(event.place.holder)}`;
            return [info(`Still waiting after ${(0,duration/* formatDuration */.a)(event.waitedMs)}; ${where}`)];
        }
        case 'infinite-lease':
            return [
                {
                    level: 'warning',
                    text: `Lock ${name} is held by ${(0,lock_holder/* describeHolderSeen */.NW)(event.holder)}. With no '${constants/* Inputs */.G0.Timeout}' this step ` +
                        `may wait for as long as the job may run: set '${constants/* Inputs */.G0.Timeout}' (for example 30m) to bound the wait, ` +
                        `or break the lease: ${event.breakCommand}`,
                },
            ];
        case 'rejoined':
            return [
                {
                    level: 'warning',
                    text: `This job's entry in the queue of ${name} lapsed (it could not be renewed in time), ` +
                        `so it joined the queue again, at the back (waited ${(0,duration/* formatDuration */.a)(event.waitedMs)}).`,
                },
            ];
        case 'outside-queue':
            return [
                {
                    level: 'warning',
                    text: `The credential may not list the blobs of container ${spec.container} ` +
                        `(${(0,errors/* describeStorageErrorBrief */.rg)(event.error)}), so this job cannot wait in the queue of ${name}: ` +
                        'it gets the lock only by winning a race when the lock is free, like a client that does not queue. ' +
                        "To wait in turn, let it also list and delete blobs (a SAS with the permissions 'rwcdl').",
                },
            ];
        case 'created':
            return [info(event.what === 'container' ? 'Created the container and the lock blob.' : 'Created the lock blob.')];
        case 'storage-trouble':
            return [
                {
                    level: 'warning',
                    text: `Storage is failing while waiting (${(0,errors/* describeStorageErrorBrief */.rg)(event.error)}); retrying.`,
                },
            ];
    }
}
/** The main step's handler of the waiter's events. */
function waitEventLogger(spec) {
    return (event) => {
        for (const line of linesFor(event, spec)) {
            if (line.level === 'warning')
                core/* warning */.$e(line.text);
            else
                core/* info */.pq(line.text);
        }
    };
}
/** Once the lease is confirmed: the fencing token as an output, and the turn in state for the job summary. */
function reportTurn(acquired) {
    core/* setOutput */.uH(constants/* Outputs */.tY.FencingToken, String(acquired.fencingToken));
    state/* saveTurn */.dR({ fencingToken: acquired.fencingToken, arrivalPosition: acquired.arrivalPosition });
    core/* info */.pq(`Fencing token ${acquired.fencingToken} (${(0,queue/* ordinal */.IE)(acquired.arrivalPosition)} in line on arrival): ` +
        'pass it to what this job changes, so that it can refuse writes from an earlier holder.');
}

// EXTERNAL MODULE: ./src/action/wait-record.ts
var wait_record = __webpack_require__(479);
;// CONCATENATED MODULE: ./src/action/main-step.ts
// The main step: wait for the lease, hand it to the detached renewer, and
// leave in state everything post needs to give it back.





















/** How long the renewer may take to start and confirm the lease, once main has it. */
const RENEWER_CONFIRM_MS = 20_000;
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
        for (const secret of (0,storage/* secretsOf */.Fj)(settings.auth))
            core/* setSecret */.Pq(secret);
        await holdLock(settings, cancel.signal);
        core/* setOutput */.uH(constants/* Outputs */.tY.Acquired, 'true');
    }
    catch (err) {
        core/* setOutput */.uH(constants/* Outputs */.tY.Acquired, 'false');
        if (err instanceof errors/* LockTimeoutError */.XB && settings?.failOnTimeout === false)
            return goOnWithoutLock(err);
        (0,failure/* failStep */.v)(err, settings?.lock.endpoint, {
            tokenAuth: settings !== undefined && (0,methods/* usesEntra */.x)(settings.auth),
            container: settings?.lock.container,
        });
    }
    finally {
        (0,phases/* endPhase */.z)();
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
    }
}
/** Try-lock: with 'fail-on-timeout: false', a timeout ends the step successfully, holding nothing. */
function goOnWithoutLock(err) {
    (0,phases/* endPhase */.z)();
    core/* notice */.lm(`${err.message} Going on without it ('fail-on-timeout' is false): the output 'acquired' is 'false'.`);
}
async function holdLock(settings, cancel) {
    const spec = settings.lock;
    (0,phases/* startPhase */.C)('Sign in');
    let oidcRequest;
    if (settings.auth.kind === 'federated') {
        oidcRequest = (0,context/* oidcRequestFromEnv */.g)();
        // The renewer gets this over its private pipe; mask it in case anything ever echoes it.
        core/* setSecret */.Pq(oidcRequest.token);
    }
    const signedIn = await (0,sign_in/* signIn */.J)(settings.auth, {
        oidcRequest,
        onIdToken: (token) => core/* setSecret */.Pq(token),
        check: true,
    });
    core/* info */.pq((0,methods/* usesEntra */.x)(settings.auth)
        ? `Signed in to ${signedIn.description}.`
        : `Requests are signed with ${signedIn.description}.`);
    const lock = (0,lock_blob/* openLock */.qB)(signedIn.auth, spec, { retry: storage/* STEP_RETRY */.QA, observe: (0,request_log/* requestLog */.M)() });
    state/* saveLock */.RB(spec);
    state/* saveAmbientSource */.ZE(signedIn.ambientSource);
    // The renewer starts now, while we wait: once the lease is ours, handing it
    // over costs one renewal, not a process start.
    const places = (0,control/* newRenewerPlaces */.nV)();
    state/* saveRenewer */.Kb(places);
    const renewer = new control/* SpawnedRenewer */.F8({
        lock: spec,
        auth: settings.auth,
        oidcRequest,
        ambientSource: signedIn.ambientSource,
        channel: places.channel,
        statusFile: places.statusFile,
        worker: (0,control/* workerOf */.IY)(process.ppid),
    });
    let handedOver = false;
    try {
        const limit = settings.timeoutMs === undefined ? 'no time limit' : `at most ${(0,duration/* formatDuration */.a)(settings.timeoutMs)}`;
        (0,phases/* startPhase */.C)(`Wait for lock ${(0,lock_spec/* lockLocation */.VU)(spec)}`);
        core/* info */.pq(`Taking lock ${(0,lock_spec/* lockLocation */.VU)(spec)} (lease ${spec.leaseDurationSeconds}s, wait ${limit}).`);
        const leaseId = (0,external_node_crypto_.randomUUID)();
        state/* saveProposedLeaseId */.fR(leaseId);
        const watch = new wait_record/* WaitWatch */.Nx(state/* saveWait */.Rq);
        const waiting = waitForLease({
            lock,
            leaseId,
            leaseDurationSeconds: spec.leaseDurationSeconds,
            holder: (0,context/* holderFromEnvironment */.Q)(),
            timeoutMs: settings.timeoutMs,
            signal: cancel,
            onEvent: watch.and(waitEventLogger(spec)),
        });
        const acquired = await watch.settle(waiting);
        state/* saveLease */.Ae(acquired);
        (0,phases/* endPhase */.z)();
        try {
            await renewer.hold({ leaseId, confirmedAt: acquired.confirmedAt.toISOString() }, { timeoutMs: RENEWER_CONFIRM_MS, signal: cancel });
            handedOver = true;
            if (cancel.aborted)
                throw new errors/* LockCancelledError */.pw('Cancelled just after taking the lock.');
        }
        catch (err) {
            // Without a renewer the lease would lapse mid-job: give it back now and fail.
            renewer.kill();
            handedOver = false;
            await lock.release(leaseId).catch(() => undefined);
            state/* clearLease */.ER();
            throw err instanceof errors/* LockCancelledError */.pw
                ? new errors/* LockCancelledError */.pw('Cancelled just after taking the lock; it was released.')
                : err;
        }
        (0,held_locks/* publishHeld */.Fj)({
            lockName: spec.lockName,
            location: (0,lock_spec/* lockLocation */.VU)(spec),
            acquiredAt: acquired.acquiredAt,
            channel: places.channel,
        });
        core/* setOutput */.uH(constants/* Outputs */.tY.LeaseId, leaseId);
        core/* setOutput */.uH(constants/* Outputs */.tY.AcquiredAt, acquired.holder.acquiredAt);
        core/* setOutput */.uH(constants/* Outputs */.tY.WaitedSeconds, (acquired.waitedMs / 1000).toFixed(1));
        reportTurn(acquired);
        core/* info */.pq(`Holding lock ${(0,lock_spec/* lockLocation */.VU)(spec)} since ${acquired.holder.acquiredAt} after waiting ${(0,duration/* formatDuration */.a)(acquired.waitedMs)}. ` +
            `Renewer pid ${renewer.pid} renews the ${spec.leaseDurationSeconds}s lease every ${(0,duration/* formatDuration */.a)((spec.leaseDurationSeconds * 1000) / 3)}.`);
    }
    finally {
        if (handedOver)
            renewer.detach();
        else
            renewer.dismiss();
    }
}


/***/ }),

/***/ 6864:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ startPhase),
/* harmony export */   z: () => (/* binding */ endPhase)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
// The phases of a step as log groups: each phase's lines fold under one
// title. Only one group is open at a time, and failStep closes it first, so
// that the error line of a failed step is never folded away.

let open = false;
/** Ends the phase that is open, if any, and opens a group for the next. */
function startPhase(title) {
    endPhase();
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .startGroup */ .Oh(title);
    open = true;
}
/** Ends the phase that is open, if any. */
function endPhase() {
    if (!open)
        return;
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .endGroup */ .N4();
    open = false;
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
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1659);
/* harmony import */ var _lock_spec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7832);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(915);
/* harmony import */ var _shape_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5895);
/* harmony import */ var _wait_record_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(479);
// The only module that reads or writes step state. Post relies on nothing else
// from main: inputs are evaluated again for post, but not reliably, and secrets
// never go into state. What is read back is checked, not trusted.





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
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.Lock, JSON.stringify(spec));
}
/** The lock main worked on; undefined when main saved none. Throws MalformedError when state holds something else. */
function lock() {
    const value = readJson(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.Lock);
    return value === undefined ? undefined : (0,_lock_spec_js__WEBPACK_IMPORTED_MODULE_1__/* .parseLockSpec */ .aY)(value);
}
function saveAmbientSource(source) {
    if (source)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.AmbientSource, source);
}
function ambientSource() {
    const source = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.AmbientSource);
    const known = ['environment', 'workload-identity', 'managed-identity', 'azure-cli'];
    return known.includes(source) ? source : undefined;
}
function saveProposedLeaseId(leaseId) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.ProposedLeaseId, leaseId);
}
function proposedLeaseId() {
    return _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.ProposedLeaseId) || undefined;
}
function saveLease(lease) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.Lease, JSON.stringify({
        leaseId: lease.leaseId,
        confirmedAt: lease.confirmedAt.toISOString(),
        acquiredAt: lease.acquiredAt.toISOString(),
    }));
}
/** Main gave the lease back itself: post has nothing to release. */
function clearLease() {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.Lease, '');
}
function lease() {
    const value = readJson(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.Lease);
    if (!value || !isText(value.leaseId) || !isTime(value.confirmedAt) || !isTime(value.acquiredAt))
        return undefined;
    return { leaseId: value.leaseId, confirmedAt: new Date(value.confirmedAt), acquiredAt: new Date(value.acquiredAt) };
}
function saveRenewer(places) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.RenewerChannel, JSON.stringify(places.channel));
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.StatusFile, places.statusFile);
}
function renewer() {
    const channel = readJson(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.RenewerChannel);
    const statusFile = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.StatusFile);
    if (!channel || !isText(channel.address) || !isText(channel.token) || !statusFile)
        return undefined;
    return { channel: { address: channel.address, token: channel.token }, statusFile };
}
/** What main saw while it waited; saved when the wait ends, however it ends. */
function saveWait(record) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.Wait, JSON.stringify(record));
}
function wait() {
    return (0,_shape_js__WEBPACK_IMPORTED_MODULE_3__/* .parseJson */ .qF)(_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getState */ .Gu(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.Wait), _wait_record_js__WEBPACK_IMPORTED_MODULE_4__/* .waitRecordShape */ .GJ);
}
function saveTurn(turn) {
    _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.Turn, JSON.stringify({ fencingToken: turn.fencingToken, arrivalPosition: turn.arrivalPosition }));
}
/** The turn main saved; undefined when there is none or state holds something else. */
function turn() {
    const value = readJson(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .State */ .Uw.Turn);
    const isCount = (n) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 1;
    if (!value || !isCount(value.fencingToken) || !isCount(value.arrivalPosition))
        return undefined;
    return { fencingToken: value.fencingToken, arrivalPosition: value.arrivalPosition };
}


/***/ }),

/***/ 479:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GJ: () => (/* binding */ waitRecordShape),
/* harmony export */   Nx: () => (/* binding */ WaitWatch)
/* harmony export */ });
/* unused harmony exports MAX_HOLDERS_KEPT, holderShape */
/* harmony import */ var _lock_holder_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7053);
/* harmony import */ var _lock_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2960);
/* harmony import */ var _shape_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5895);
// What main saw while it waited for the lock, kept in step state for post,
// which writes the job summary from it. The record is declared as a shape
// (shape.ts): reading it back checks every field, and a new fact is one line.



/** The most holders a record keeps; a summary has no room for more, and state has a size limit. */
const MAX_HOLDERS_KEPT = 20;
const holderShape = (0,_shape_js__WEBPACK_IMPORTED_MODULE_2__/* .shape */ .cW)({
    repository: _shape_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq,
    workflow: _shape_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq,
    job: _shape_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq,
    runId: _shape_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq,
    runAttempt: _shape_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq,
    actor: _shape_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq,
    runUrl: _shape_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq,
    acquiredAt: _shape_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq,
    leaseSeconds: (0,_shape_js__WEBPACK_IMPORTED_MODULE_2__/* .optional */ .lq)(_shape_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq),
    ticket: (0,_shape_js__WEBPACK_IMPORTED_MODULE_2__/* .optional */ .lq)(_shape_js__WEBPACK_IMPORTED_MODULE_2__/* .text */ .Qq),
});
const waitRecordFields = {
    /** When main started waiting, and when the wait ended (the lease taken, or given up). */
    startedAt: _shape_js__WEBPACK_IMPORTED_MODULE_2__/* .time */ .kB,
    endedAt: _shape_js__WEBPACK_IMPORTED_MODULE_2__/* .time */ .kB,
    outcome: (0,_shape_js__WEBPACK_IMPORTED_MODULE_2__/* .oneOf */ .yL)('acquired', 'timed-out', 'cancelled', 'failed'),
    /** Every holder seen while waiting, in the order seen, at most MAX_HOLDERS_KEPT of them. */
    holders: (0,_shape_js__WEBPACK_IMPORTED_MODULE_2__/* .listOf */ .c3)(holderShape, MAX_HOLDERS_KEPT),
    /** Holders seen beyond those kept. */
    holdersLeftOut: _shape_js__WEBPACK_IMPORTED_MODULE_2__/* .count */ .U9,
    /** A lease without a believable holder record was seen: a client such as az CLI or go-azuremutex, or a stale record. */
    unknownHolderSeen: _shape_js__WEBPACK_IMPORTED_MODULE_2__/* .yesNo */ .Lm,
};
const waitRecordShape = (0,_shape_js__WEBPACK_IMPORTED_MODULE_2__/* .shape */ .cW)(waitRecordFields);
function outcomeOf(err) {
    if (err instanceof _lock_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LockTimeoutError */ .XB)
        return 'timed-out';
    if (err instanceof _lock_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LockCancelledError */ .pw)
        return 'cancelled';
    return 'failed';
}
/** Watches a wait's events and, when the wait settles, hands the record to `save`. */
class WaitWatch {
    startedAt = new Date();
    holders = [];
    seen = new Set();
    holdersLeftOut = 0;
    unknownHolderSeen = false;
    save;
    constructor(save) {
        this.save = save;
    }
    /** Notes one event. */
    see(event) {
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
        const record = seen.freshness.kind === 'stale' ? undefined : seen.record;
        if (!record) {
            this.unknownHolderSeen = true;
            return;
        }
        const key = (0,_lock_holder_js__WEBPACK_IMPORTED_MODULE_0__/* .holderKey */ .I4)(record);
        if (this.seen.has(key))
            return;
        this.seen.add(key);
        if (this.holders.length < MAX_HOLDERS_KEPT)
            this.holders.push(record);
        else
            this.holdersLeftOut += 1;
    }
    /** An event handler that notes each event, then passes it on. */
    and(next) {
        return (event) => {
            this.see(event);
            next(event);
        };
    }
    /** The record as it stands, with the wait ended now in the given way. */
    record(outcome, endedAt = new Date()) {
        return {
            startedAt: this.startedAt.toISOString(),
            endedAt: endedAt.toISOString(),
            outcome,
            holders: [...this.holders],
            holdersLeftOut: this.holdersLeftOut,
            unknownHolderSeen: this.unknownHolderSeen,
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


/***/ }),

/***/ 1730:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _action_main_step_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2398);

await (0,_action_main_step_js__WEBPACK_IMPORTED_MODULE_0__/* .runMain */ .V)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ usesEntra)
/* harmony export */ });
// The ways to sign in to the lock's storage account, as plain data: it is read
// from the inputs, and the renewer gets it as JSON. Entra ID credentials are
// built from it later, in whichever process needs them.
/** True when requests are signed with Entra ID tokens rather than a key or SAS. */
function usesEntra(method) {
    return method.kind === 'federated' || method.kind === 'ambient';
}


/***/ })

};
