export const id = 165;
export const ids = [165];
export const modules = {

/***/ 8443:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Zc: () => (/* binding */ DEFAULT_REQUEST_TIMEOUT_MS),
  AI: () => (/* binding */ isLeaseGone),
  dB: () => (/* binding */ listLocks),
  qB: () => (/* binding */ openLock)
});

// UNUSED EXPORTS: LockBlob

// EXTERNAL MODULE: ./src/lock/break-record.ts
var break_record = __webpack_require__(9916);
// EXTERNAL MODULE: ./src/lock/errors.ts
var errors = __webpack_require__(2960);
// EXTERNAL MODULE: ./src/lock/holder.ts
var lock_holder = __webpack_require__(7053);
;// CONCATENATED MODULE: ./src/lock/lock-status.ts
// What a look at a lock shows, read-only: held or free, by whom, with what
// kind of lease, and the last break. One blob's properties and one item of a
// List Blobs answer carry the same facts, so both map through statusOf.


function statusOf(name, properties) {
    const leaseState = properties.leaseState ?? 'available';
    const held = leaseState === 'leased' || leaseState === 'breaking';
    const status = { name, held, leaseState };
    if (held) {
        if (properties.leaseDuration === 'infinite' || properties.leaseDuration === 'fixed') {
            status.leaseKind = properties.leaseDuration;
        }
        const holder = (0,lock_holder/* holderFromMetadata */.ez)(properties.metadata);
        if (holder)
            status.holder = holder;
    }
    const lastBreak = (0,break_record/* breakFromMetadata */.rP)(properties.metadata);
    if (lastBreak)
        status.lastBreak = lastBreak;
    return status;
}

// EXTERNAL MODULE: ./src/lock/names.ts
var names = __webpack_require__(6139);
// EXTERNAL MODULE: ./src/lock/storage.ts
var storage = __webpack_require__(4906);
;// CONCATENATED MODULE: ./src/lock/lock-blob.ts
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
    const code = (0,errors/* storageErrorCode */.t6)(err);
    return code !== undefined && LEASE_GONE.has(code);
}
function isMissing(err) {
    const code = (0,errors/* storageErrorCode */.t6)(err);
    return (0,errors/* statusCode */.se)(err) === 404 && (code === 'BlobNotFound' || code === 'ContainerNotFound' || code === undefined);
}
/**
 * Every request gets a client-side deadline. The SDK's tryTimeoutInMs only asks
 * the service to give up; a connection whose packets are dropped would
 * otherwise be waited on for ever.
 */
const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
class LockBlob {
    container;
    blob;
    requestTimeoutMs;
    name;
    constructor(container, name, options = {}) {
        this.container = container;
        this.name = name;
        this.blob = container.getBlobClient(name);
        this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    }
    /** Runs one call under the caller's signal and a deadline; a missed deadline is a RequestTimeoutError. */
    async request(options, call) {
        const timeoutMs = options.timeoutMs ?? this.requestTimeoutMs;
        const deadline = AbortSignal.timeout(timeoutMs);
        try {
            return await call(options.signal ? AbortSignal.any([options.signal, deadline]) : deadline);
        }
        catch (err) {
            if (deadline.aborted && !options.signal?.aborted)
                throw new errors/* RequestTimeoutError */.DH(timeoutMs);
            throw err;
        }
    }
    /** A description of where the lock lives, without credentials: account/container/blob. */
    get location() {
        return `${this.container.accountName}/${this.container.containerName}/${this.name}`;
    }
    /** One HEAD request: the lease state and the holder record. */
    async view(options = {}) {
        try {
            const props = await this.request(options, (abortSignal) => this.blob.getProperties({ abortSignal }));
            const record = (0,lock_holder/* holderFromMetadata */.ez)(props.metadata);
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
    async create(options = {}) {
        try {
            return (await this.createBlob(options)) ? 'blob' : 'nothing';
        }
        catch (err) {
            if ((0,errors/* storageErrorCode */.t6)(err) !== 'ContainerNotFound')
                throw err;
        }
        const { succeeded } = await this.request(options, (abortSignal) => this.container.createIfNotExists({ abortSignal }));
        const blob = await this.createBlob(options);
        return succeeded ? 'container' : blob ? 'blob' : 'nothing';
    }
    /** True when this call created the blob, false when it existed already. */
    async createBlob(options) {
        try {
            await this.request(options, (abortSignal) => this.blob.getBlockBlobClient().upload('', 0, { abortSignal, conditions: { ifNoneMatch: '*' } }));
            return true;
        }
        catch (err) {
            // Exists already: 409 BlobAlreadyExists, or 412 LeaseIdMissing on Azure when it is leased.
            const code = (0,errors/* storageErrorCode */.t6)(err);
            if (code === 'BlobAlreadyExists' || code === 'LeaseIdMissing' || (0,errors/* statusCode */.se)(err) === 412)
                return false;
            throw err;
        }
    }
    /** Tries once to take the lease with our own id. Retrying with the same id is idempotent. */
    async acquire(leaseId, durationSeconds, options = {}) {
        try {
            await this.request(options, (abortSignal) => this.blob.getBlobLeaseClient(leaseId).acquireLease(durationSeconds, { abortSignal }));
            return 'acquired';
        }
        catch (err) {
            if ((0,errors/* storageErrorCode */.t6)(err) === 'LeaseAlreadyPresent')
                return 'held-by-other';
            if (isMissing(err))
                return 'missing';
            throw err;
        }
    }
    /**
     * Writes who holds the lock, under our lease. Only the holder keys change:
     * metadata that others put on the blob (owner=platform-team) is kept.
     */
    async writeHolder(leaseId, record, options = {}) {
        await this.request(options, (abortSignal) => this.updateHolderKeys(leaseId, (0,lock_holder/* holderToMetadata */.Jp)(record), abortSignal));
    }
    /**
     * Azure's Set Blob Metadata replaces all metadata, so changing our keys is a
     * read, a merge and a write. Both requests carry our lease id: while the
     * lease is ours, nobody else can change the metadata (a write without our id
     * is refused with 412), and if the lease is lost in between, our write is
     * refused instead of overwriting the next holder's record. The write is also
     * conditional on the ETag we read, so a second writer of our own (same
     * lease id) cannot be overwritten unseen either; that case is read again.
     * With `record` undefined the holder keys are removed, and nothing is
     * written when the blob carries none.
     */
    async updateHolderKeys(leaseId, record, abortSignal) {
        for (let attempt = 1;; attempt++) {
            const props = await this.blob.getProperties({ abortSignal, conditions: { leaseId } });
            const current = Object.entries(props.metadata ?? {});
            if (!record && !current.some(([key]) => (0,lock_holder/* isHolderKey */._L)(key)))
                return;
            const metadata = { ...Object.fromEntries(current.filter(([key]) => !(0,lock_holder/* isHolderKey */._L)(key))), ...record };
            try {
                await this.blob.setMetadata(metadata, { abortSignal, conditions: { leaseId, ifMatch: props.etag } });
                return;
            }
            catch (err) {
                if ((0,errors/* storageErrorCode */.t6)(err) !== 'ConditionNotMet' || attempt >= 3)
                    throw err;
            }
        }
    }
    /** One HEAD request: the lock's state for people (status), or 'missing'. Read-only. */
    async status(options = {}) {
        try {
            const props = await this.request(options, (abortSignal) => this.blob.getProperties({ abortSignal }));
            return statusOf(this.name, props);
        }
        catch (err) {
            if (isMissing(err))
                return 'missing';
            throw err;
        }
    }
    /**
     * Breaks whatever lease the blob has, at once (break period 0), and writes
     * the break record that `describe` makes for the holder it found. The
     * record is merged with the metadata on the blob (the holder record and
     * others' keys stay). It is written without a lease, as nobody holds one
     * after the break: if a waiter takes the lease first, Azure refuses the
     * write (412) and no record is written, which the outcome says.
     */
    async breakLease(describe, options = {}) {
        return this.request(options, async (abortSignal) => {
            let holder;
            try {
                const props = await this.blob.getProperties({ abortSignal });
                if (props.leaseState !== 'leased' && props.leaseState !== 'breaking')
                    return { outcome: 'not-held' };
                holder = (0,lock_holder/* holderFromMetadata */.ez)(props.metadata);
                await this.blob.getBlobLeaseClient().breakLease(0, { abortSignal });
            }
            catch (err) {
                if (isMissing(err))
                    return { outcome: 'missing' };
                // Released between the look and the break: there was nothing left to break.
                if ((0,errors/* storageErrorCode */.t6)(err) === 'LeaseNotPresentWithLeaseOperation')
                    return { outcome: 'not-held' };
                throw err;
            }
            const record = describe(holder);
            for (let attempt = 1;; attempt++) {
                try {
                    const props = await this.blob.getProperties({ abortSignal });
                    const kept = Object.entries(props.metadata ?? {}).filter(([key]) => !(0,break_record/* isBreakKey */.$y)(key));
                    const metadata = { ...Object.fromEntries(kept), ...(0,break_record/* breakToMetadata */.gr)(record) };
                    await this.blob.setMetadata(metadata, { abortSignal, conditions: { ifMatch: props.etag } });
                    return { outcome: 'broken', holder, record, recorded: true };
                }
                catch (err) {
                    const code = (0,errors/* storageErrorCode */.t6)(err);
                    if (code === 'ConditionNotMet' && attempt < 3)
                        continue;
                    if (code === 'LeaseIdMissing' || code === 'ConditionNotMet' || isMissing(err)) {
                        return { outcome: 'broken', holder, record, recorded: false };
                    }
                    throw err;
                }
            }
        });
    }
    /** Renews our lease; throws when it fails (see isLeaseGone for a definite loss). */
    async renew(leaseId, options = {}) {
        await this.request(options, (abortSignal) => this.blob.getBlobLeaseClient(leaseId).renewLease({ abortSignal }));
    }
    /**
     * Clears our holder record (others' metadata stays) and releases our lease.
     * 'not-held' means the lease was no longer ours (expired and taken, broken,
     * or the blob is gone): nothing of anybody else's is touched in that case.
     */
    async release(leaseId, options = {}) {
        try {
            await this.request(options, async (abortSignal) => {
                await this.updateHolderKeys(leaseId, undefined, abortSignal);
                await this.blob.getBlobLeaseClient(leaseId).releaseLease({ abortSignal });
            });
            return 'released';
        }
        catch (err) {
            if (isLeaseGone(err) || (0,errors/* statusCode */.se)(err) === 412)
                return 'not-held';
            throw err;
        }
    }
}
/** The longest a listing of a container's locks may take, every page included. */
const LIST_TIMEOUT_MS = 30_000;
/**
 * Every lock in a container, in name order, from List Blobs with metadata
 * (one request per 5,000 blobs); blobs under the reserved prefix, which are
 * the action's own, are left out. 'missing' when the container does not exist.
 */
async function listLocks(container, options = {}) {
    const timeoutMs = options.timeoutMs ?? LIST_TIMEOUT_MS;
    const deadline = AbortSignal.timeout(timeoutMs);
    const abortSignal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
    const locks = [];
    try {
        for await (const blob of container.listBlobsFlat({ includeMetadata: true, abortSignal })) {
            if (blob.name.startsWith(names/* RESERVED_PREFIX */.Uy))
                continue;
            const { leaseState, leaseDuration } = blob.properties;
            locks.push(statusOf(blob.name, { leaseState, leaseDuration, metadata: blob.metadata }));
        }
    }
    catch (err) {
        if (deadline.aborted && !options.signal?.aborted)
            throw new errors/* RequestTimeoutError */.DH(timeoutMs);
        if ((0,errors/* storageErrorCode */.t6)(err) === 'ContainerNotFound')
            return 'missing';
        throw err;
    }
    return locks;
}
/** The lock a spec names, signed with the given credential; no request is made. */
function openLock(auth, spec, options = {}) {
    const container = (0,storage/* containerClientFor */.wW)({ endpoint: spec.endpoint, auth }, spec.container, options);
    return new LockBlob(container, spec.lockName, { requestTimeoutMs: options.requestTimeoutMs });
}


/***/ }),

/***/ 8165:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _renewer_process_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9618);

process.exit(await (0,_renewer_process_js__WEBPACK_IMPORTED_MODULE_0__/* .runRenewer */ .E)());

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 9618:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  E: () => (/* binding */ runRenewer)
});

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/lock/errors.ts
var errors = __webpack_require__(2960);
// EXTERNAL MODULE: ./src/lock/duration.ts
var duration = __webpack_require__(6307);
// EXTERNAL MODULE: ./src/lock/lease.ts
var lease = __webpack_require__(4277);
// EXTERNAL MODULE: ./src/lock/lock-blob.ts + 1 modules
var lock_blob = __webpack_require__(8443);
;// CONCATENATED MODULE: ./src/lock/keep-lease.ts
// Keeping a held lease alive. Each renewal attempt ends in one of three
// outcomes, and only two things end the lease for us: Azure saying it is no
// longer ours, or a whole lease duration without a successful renewal.





/**
 * Renews at once, then every interval, until the signal aborts (returns
 * undefined) or the lease is lost (returns the loss). The lease counts as
 * valid until the start of the last successful renewal plus its duration.
 */
async function keepLease(options, signal) {
    const schedule = (0,lease/* renewalSchedule */.md)(options.leaseDurationMs);
    const intervalMs = options.intervalMs ?? schedule.intervalMs;
    const retryMs = options.retryMs ?? schedule.retryMs;
    const attemptTimeoutMs = options.attemptTimeoutMs ?? schedule.attemptTimeoutMs;
    let confirmedAt = options.confirmedAt?.getTime() ?? Date.now();
    let pause = 0;
    let lastError;
    const tell = (outcome) => {
        try {
            options.onOutcome?.(outcome);
        }
        catch {
            // Bookkeeping must never stop the renewals.
        }
    };
    while (!signal.aborted) {
        const validUntil = (0,lease/* leaseValidUntil */.$8)(confirmedAt, options.leaseDurationMs);
        await (0,promises_.setTimeout)(Math.max(0, Math.min(pause, validUntil - Date.now())), undefined, { signal }).catch(() => { });
        if (signal.aborted)
            break;
        const sentAt = Date.now();
        if (sentAt >= validUntil) {
            return {
                exclusiveUntil: new Date(confirmedAt),
                detectedAt: new Date(sentAt),
                reason: `no renewal succeeded for ${(0,duration/* formatDuration */.a)(options.leaseDurationMs)}, the whole lease duration, so the lease ` +
                    `ran out at ${new Date(validUntil).toISOString()} at the latest` +
                    (lastError ? ` (last error: ${(0,errors/* describeStorageErrorBrief */.rg)(lastError)})` : ''),
            };
        }
        const attempt = AbortSignal.any([signal, AbortSignal.timeout(Math.min(attemptTimeoutMs, validUntil - sentAt))]);
        try {
            await options.renew(attempt);
            confirmedAt = sentAt;
            lastError = undefined;
            pause = intervalMs;
            tell({ kind: 'renewed', sentAt: new Date(sentAt), at: new Date() });
        }
        catch (err) {
            if (signal.aborted)
                break;
            if ((0,lock_blob/* isLeaseGone */.AI)(err)) {
                const detectedAt = new Date();
                tell({ kind: 'lost', sentAt: new Date(sentAt), at: detectedAt, error: err });
                return {
                    exclusiveUntil: new Date(confirmedAt),
                    detectedAt,
                    reason: `Azure says the lease is no longer ours (${(0,errors/* describeStorageErrorBrief */.rg)(err)})`,
                };
            }
            lastError = err;
            pause = retryMs;
            tell({ kind: 'unknown', sentAt: new Date(sentAt), at: new Date(), error: err });
        }
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/lock/spec.ts
var spec = __webpack_require__(7832);
// EXTERNAL MODULE: ./src/lock/storage.ts
var storage = __webpack_require__(4906);
// EXTERNAL MODULE: ./src/sign-in/sign-in.ts + 1 modules
var sign_in = __webpack_require__(3885);
// EXTERNAL MODULE: ./src/renewer/channel.ts
var channel = __webpack_require__(665);
// EXTERNAL MODULE: ./src/renewer/lifecycle.ts
var lifecycle = __webpack_require__(2722);
// EXTERNAL MODULE: ./src/renewer/messages.ts
var messages = __webpack_require__(4632);
// EXTERNAL MODULE: ./src/renewer/platform.ts
var platform = __webpack_require__(7855);
// EXTERNAL MODULE: ./src/renewer/status.ts
var renewer_status = __webpack_require__(1210);
;// CONCATENATED MODULE: ./src/renewer/process.ts
// The detached renewer process. Main starts it while it waits for the lease,
// sends its configuration over the IPC pipe, and hands the lease over once it
// has one; the renewer renews it once to confirm, and main leaves.
//
// From then on it keeps the lease until one of these, and only these, ends it:
// - post asks it to stop, or a release step asks it to release (channel.ts);
// - the job's runner worker is gone (nothing else would ever stop it);
// - the lease is lost (Azure says so, or a whole lease went by unrenewed);
// - SIGTERM, which it answers by releasing and recording a loss, since the
//   job's steps may still be running.
// After a release or a loss it stays, idle, to tell post what happened, and
// exits once post has asked or the worker is gone. Its state moves only
// through advance() (lifecycle.ts); its status file and log are best effort.













/** The longest a release may take; post waits a little longer than this for the answer. */
const RELEASE_TIMEOUT_MS = 10_000;
/**
 * How often the renewer looks at its worker (one kill(pid, 0), and /proc where
 * there is one): a sixth of the lease, so 10 s for the default 60 s lease and
 * 2.5 s for a 15 s one. Each look wakes the process for about 0.6 ms of CPU, and
 * a renewal costs about 4 ms: looking every second would cost more than all the
 * renewals. A dead worker's lock is free within a sixth of the lease, well
 * before the lease itself would run out.
 */
function watchEveryMs(leaseDurationMs) {
    return Math.floor(leaseDurationMs / 6);
}
/** The IPC pipe to main, as a queue of checked messages; 'gone' once main has disconnected. */
function messagesFromMain() {
    const queue = [];
    let gone = false;
    let wake = () => undefined;
    process.on('message', (value) => {
        const message = (0,messages/* parseToRenewer */.VA)(value);
        if (message)
            queue.push(message);
        wake();
    });
    process.once('disconnect', () => {
        gone = true;
        wake();
    });
    return async () => {
        for (;;) {
            const next = queue.shift();
            if (next)
                return next;
            if (gone)
                return 'gone';
            await new Promise((resolve) => (wake = resolve));
        }
    };
}
function tellMain(message) {
    if (process.connected)
        process.send?.(message, undefined, {}, () => undefined);
}
class Renewer {
    report;
    records;
    config;
    lock;
    renewing = new AbortController();
    kept;
    lettingGo;
    leaseId = '';
    server;
    watch;
    exit = () => undefined;
    exited = new Promise((resolve) => (this.exit = resolve));
    constructor(config, lock, records, report) {
        this.config = config;
        this.lock = lock;
        this.records = records;
        this.report = report;
    }
    update(event) {
        this.report = (0,lifecycle/* advance */.np)(this.report, event);
        this.records.writeStatus(this.report);
    }
    answer() {
        return { report: this.report, log: this.records.recent() };
    }
    /** Opens the channel and starts watching the worker. */
    async listen() {
        this.server = await (0,channel/* serveChannel */.H)(this.config.channel, {
            handle: (request) => this.handle(request),
            answered: (request) => {
                if (request.op === 'stop')
                    this.finish(0);
            },
        });
        const worker = this.config.worker;
        const everyMs = watchEveryMs(this.config.lock.leaseDurationSeconds * 1000);
        if (!worker) {
            this.records.log("main's parent is pid 1 or unknown (a container job?): not watching the runner worker");
        }
        else {
            this.records.log(`watching runner worker pid ${worker.pid} every ${everyMs / 1000} s`);
        }
        // Nothing to look at: no worker, and a channel address that no clean-up can delete.
        if (!worker && !(0,platform/* isSocketFile */.gC)(this.config.channel.address))
            return;
        this.watch = setInterval(() => {
            void this.server?.keepListening();
            // 'unknown' is never 'gone': a probe that cannot tell must not end a held lease.
            if (worker && (0,platform/* livenessOf */.l8)(worker.pid, worker.startTime) === 'gone') {
                this.records.log(`the runner worker (pid ${worker.pid}) is gone`);
                void this.letGo('worker gone').then(() => this.finish(0));
            }
        }, everyMs);
    }
    async handle(request) {
        this.records.log(`${request.by} asks to ${request.op}`);
        if (request.op !== 'report')
            await this.letGo(request.by);
        return this.answer();
    }
    /** Takes the lease over and renews it once; resolves with the first outcome, so main can go. */
    hold(lease) {
        this.leaseId = lease.leaseId;
        this.update({ type: 'hold', confirmedAt: new Date(lease.confirmedAt) });
        const leaseDurationMs = this.config.lock.leaseDurationSeconds * 1000;
        this.records.log(`renewer ${process.pid} keeps lease ${lease.leaseId} on ${(0,spec/* lockLocation */.VU)(this.config.lock)} ` +
            `(lease ${this.config.lock.leaseDurationSeconds}s)`);
        let first = () => undefined;
        const firstOutcome = new Promise((resolve) => (first = resolve));
        const onOutcome = (outcome) => {
            if (outcome.kind === 'renewed') {
                if (this.report.phase === 'starting')
                    this.records.log('first renewal done: holding');
                this.update({ type: 'renewed', sentAt: outcome.sentAt, at: outcome.at });
                first('holding');
            }
            else if (outcome.kind === 'unknown') {
                this.update({ type: 'renewal-failed' });
                this.records.log(`renewal failed, will retry: ${(0,errors/* describeStorageErrorBrief */.rg)(outcome.error)}`);
            }
        };
        this.kept = keepLease({
            renew: (signal) => this.lock.renew(lease.leaseId, { signal }),
            leaseDurationMs,
            confirmedAt: new Date(lease.confirmedAt),
            onOutcome,
        }, this.renewing.signal).then(async (loss) => {
            if (!loss)
                return;
            this.update({ type: 'lost', ...loss });
            this.records.log(`LEASE LOST; exclusive until ${loss.exclusiveUntil.toISOString()}: ${loss.reason}`);
            first(`the lease was lost (${loss.reason})`);
            // Give back whatever is left: after a loss this finds nothing of ours, or frees a lapsed lease early.
            await this.lock.release(lease.leaseId, { timeoutMs: 5_000 }).catch(() => undefined);
        });
        return firstOutcome;
    }
    /**
     * Stops renewing and releases the lease, once, whoever asks first. A late
     * request gets the same outcome. Never throws.
     */
    letGo(by) {
        this.lettingGo ??= this.release(by);
        return this.lettingGo;
    }
    async release(by) {
        this.renewing.abort();
        await this.kept; // no renewal in flight from here on
        if (this.report.phase !== 'holding')
            return;
        this.records.log(`${by}: releasing the lease`);
        try {
            const outcome = await this.lock.release(this.leaseId, { timeoutMs: RELEASE_TIMEOUT_MS });
            const at = new Date();
            this.update(outcome === 'released' ? { type: 'released', at, by } : { type: 'found-lost', at });
        }
        catch (err) {
            this.update({ type: 'release-failed', error: (0,errors/* describeStorageErrorBrief */.rg)(err) });
        }
        this.records.log(`${this.report.phase}${this.report.error ? `: ${this.report.error}` : ''}`);
    }
    /** SIGTERM: give the lease back now, and record it as a loss, because the job may still be running. */
    async terminate() {
        this.renewing.abort();
        await this.kept;
        if (this.report.phase === 'holding') {
            const now = new Date();
            this.update({
                type: 'lost',
                exclusiveUntil: now,
                detectedAt: now,
                reason: 'the renewer was ended by SIGTERM and released the lease while the job may still have been running',
            });
            this.records.log('SIGTERM: releasing the lease');
            await this.lock.release(this.leaseId, { timeoutMs: 5_000 }).catch(() => undefined);
        }
        this.finish(0);
    }
    finish(code) {
        clearInterval(this.watch);
        void this.server?.close();
        this.exit(code);
    }
    get snapshot() {
        return this.report;
    }
}
async function runRenewer() {
    if (!process.send)
        return 2; // only main starts a renewer, over an IPC pipe
    let report = (0,lifecycle/* initialReport */.HX)(process.pid, new Date());
    const next = messagesFromMain();
    const first = await next();
    if (first === 'gone' || first.type !== 'config')
        return 1;
    const config = first.config;
    const records = new renewer_status/* RenewerRecords */.nr(config.statusFile);
    records.writeStatus(report);
    process.on('uncaughtException', (err) => {
        records.log(`unexpected error, exiting: ${err.stack ?? err.message}`);
        process.exit(1);
    });
    let lock;
    try {
        // No token yet: the first renewal fetches one, and keepLease retries if that fails.
        const signedIn = await (0,sign_in/* signIn */.J)(config.auth, { oidcRequest: config.oidcRequest, ambientSource: config.ambientSource });
        const leaseDurationMs = config.lock.leaseDurationSeconds * 1000;
        lock = (0,lock_blob/* openLock */.qB)(signedIn.auth, config.lock, {
            retry: (0,lease/* renewalRetry */.fs)(leaseDurationMs),
            requestTimeoutMs: (0,lease/* renewalSchedule */.md)(leaseDurationMs).attemptTimeoutMs,
            // With the job's debug logging on, its requests go to its log, which post shows.
            observe: process.env.RUNNER_DEBUG === '1' ? (request) => records.log((0,storage/* describeRequest */.Ng)(request)) : undefined,
        });
    }
    catch (err) {
        const error = `cannot sign in (${err instanceof Error ? err.message : String(err)})`;
        report = (0,lifecycle/* advance */.np)(report, { type: 'failed', error });
        records.writeStatus(report);
        tellMain({ type: 'failed', error });
        return 1;
    }
    const renewer = new Renewer(config, lock, records, report);
    try {
        await renewer.listen();
    }
    catch (err) {
        tellMain({ type: 'failed', error: `cannot open its control channel (${err.message})` });
        return 1;
    }
    tellMain({ type: 'ready' });
    const hold = await next();
    if (hold === 'gone' || hold.type !== 'hold') {
        // Main left without a lease to hand over (it failed, timed out or was cancelled).
        renewer.finish(0);
        return renewer.exited;
    }
    process.on('SIGTERM', () => void renewer.terminate());
    for (const signal of ['SIGINT', 'SIGHUP'])
        process.on(signal, () => undefined);
    const outcome = await Promise.race([renewer.hold(hold.lease), renewer.exited.then(() => 'exited')]);
    tellMain(outcome === 'holding' ? { type: 'holding', report: renewer.snapshot } : { type: 'failed', error: outcome });
    const code = await renewer.exited;
    // Let the last status write and answer drain.
    await (0,promises_.setTimeout)(10);
    return code;
}


/***/ }),

/***/ 1210:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   jQ: () => (/* binding */ readLogFile),
/* harmony export */   nr: () => (/* binding */ RenewerRecords),
/* harmony export */   zF: () => (/* binding */ readStatusFile)
/* harmony export */ });
/* unused harmony export logFileOf */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _lifecycle_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2722);
// The renewer's bookkeeping on disk: a status file with its latest report,
// and a log. Both are for when the renewer cannot answer (it died) and for
// people; the lease never depends on them. Every write is best effort: a
// vanished folder is made again, a rename that another process blocks (as
// Windows does while a file is open) is tried again, and a write that still
// fails is skipped. Nothing here throws.



const RENAME_TRIES = 5;
const RENAME_PAUSE_MS = 20;
const LOG_LINES_KEPT = 200;
function logFileOf(statusFile) {
    return statusFile.replace(/\.json$/, '') + '.log';
}
function pause(ms) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
/** Runs a write; on ENOENT makes the folder again and tries once more. Returns the error it gave up on. */
function withFolder(path, write) {
    try {
        write();
        return undefined;
    }
    catch (err) {
        if (err.code !== 'ENOENT')
            return err;
    }
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), { recursive: true, mode: 0o700 });
        write();
        return undefined;
    }
    catch (err) {
        return err;
    }
}
class RenewerRecords {
    statusFile;
    logFile;
    lines = [];
    /** Writes that failed, for the log; they never stop the renewer. */
    failedWrites = 0;
    constructor(statusFile) {
        this.statusFile = statusFile;
        this.logFile = logFileOf(statusFile);
    }
    /** Writes the report whole and renames it into place, so a reader never sees half a file. */
    writeStatus(report) {
        const tmp = `${this.statusFile}.${process.pid}.tmp`;
        const err = withFolder(this.statusFile, () => {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(tmp, JSON.stringify(report), { mode: 0o600 });
            for (let tries = 1;; tries++) {
                try {
                    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.renameSync)(tmp, this.statusFile);
                    return;
                }
                catch (renameErr) {
                    const code = renameErr.code;
                    if (tries >= RENAME_TRIES || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES'))
                        throw renameErr;
                    pause(RENAME_PAUSE_MS);
                }
            }
        });
        if (err)
            this.noteFailure('status file', err);
    }
    /** Appends a line to the log file and keeps it in memory, to be sent to post with the final report. */
    log(line) {
        const stamped = `${new Date().toISOString()} ${line}`;
        this.lines.push(stamped);
        if (this.lines.length > LOG_LINES_KEPT)
            this.lines.splice(0, this.lines.length - LOG_LINES_KEPT);
        const err = withFolder(this.logFile, () => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(this.logFile, `${stamped}\n`, { mode: 0o600 }));
        if (err)
            this.noteFailure('log file', err);
    }
    /** The latest log lines, newest last. */
    recent() {
        return [...this.lines];
    }
    noteFailure(what, err) {
        this.failedWrites += 1;
        // Say so once in a while, in memory only: writing about a failed write would fail too.
        if (this.failedWrites === 1 || this.failedWrites % 100 === 0) {
            const code = err.code ?? err.message;
            this.lines.push(`${new Date().toISOString()} could not write the ${what} (${code}); renewing goes on`);
        }
    }
}
/** The report in a status file, if the file exists and holds one. */
function readStatusFile(path) {
    try {
        return (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_2__/* .parseRenewerReport */ .Cs)(JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8')));
    }
    catch {
        return undefined;
    }
}
/** The renewer's log file, or '' when there is none. */
function readLogFile(statusFile) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(logFileOf(statusFile), 'utf8');
    }
    catch {
        return '';
    }
}


/***/ }),

/***/ 3885:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  J: () => (/* binding */ signIn)
});

// EXTERNAL MODULE: ./src/sign-in/ambient.ts
var ambient = __webpack_require__(3271);
// EXTERNAL MODULE: ./src/sign-in/entra-id.ts
var entra_id = __webpack_require__(969);
// EXTERNAL MODULE: ./src/lock/errors.ts
var errors = __webpack_require__(2960);
;// CONCATENATED MODULE: ./src/sign-in/github-oidc.ts
// Entra ID through GitHub's OIDC token: a federated credential trades the
// job's OIDC token for storage tokens. GitHub's token lives a few minutes, so
// the credential asks GitHub for a new one every time Entra ID needs an
// assertion. The request token that allows this is a secret: it reaches the
// renewer through its private pipe only, and no token is ever logged.


/** GitHub did not hand out an OIDC token. Another try may succeed, so it carries no status code. */
class OidcTokenError extends errors/* UserError */.yo {
    name = 'OidcTokenError';
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
            throw new OidcTokenError(`GitHub answered ${response.statusCode} without an OIDC token.`);
        }
        return token;
    }
    catch (err) {
        if (err instanceof OidcTokenError)
            throw err;
        const status = err.statusCode;
        throw new OidcTokenError(`GitHub did not issue an OIDC token (${status ? `HTTP ${status}` : (err.message ?? 'no answer')}).`);
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
/** A credential that fetches a fresh GitHub OIDC token whenever Entra ID needs an assertion. */
async function federatedCredential(auth, request, options = {}) {
    let subject;
    const { ClientAssertionCredential } = await (0,entra_id/* identity */.D_)();
    const credential = new ClientAssertionCredential(auth.tenantId, auth.clientId, async () => {
        const token = await fetchGitHubIdToken(request, auth.audience);
        options.onIdToken?.(token);
        subject = claimsOf(token).sub;
        return token;
    }, (0,entra_id/* authorityOptions */.Cs)(options.env ?? process.env));
    return Object.assign(credential, { lastSubject: () => subject });
}

;// CONCATENATED MODULE: ./src/sign-in/sign-in.ts
// From a sign-in method to the credential that signs storage requests: a key
// or SAS as it is, or an Entra ID token credential that fetches (and renews)
// short-lived tokens on demand. Knows nothing of the steps that ask for it.



async function signIn(method, options = {}) {
    const env = options.env ?? process.env;
    if (method.kind === 'shared-key' || method.kind === 'sas') {
        return { auth: method, description: method.kind === 'sas' ? 'a SAS token' : 'the account key' };
    }
    if (method.kind === 'federated') {
        if (!options.oidcRequest)
            throw new entra_id/* SignInError */.Jj("Signing in with GitHub's OIDC token needs a token request.");
        const credential = await federatedCredential(method, options.oidcRequest, { env, onIdToken: options.onIdToken });
        if (options.check) {
            try {
                await (0,entra_id/* firstToken */.wk)(credential, 60_000);
            }
            catch (err) {
                throw federatedFailure(err, method, credential.lastSubject());
            }
        }
        return {
            auth: { kind: 'token', credential },
            description: `Entra ID through GitHub's OIDC token (client id ${method.clientId}, tenant ${method.tenantId})`,
        };
    }
    if (options.ambientSource) {
        return {
            auth: { kind: 'token', credential: await (0,ambient/* ambientCredential */.mh)(options.ambientSource, env) },
            description: `Entra ID with ${(0,ambient/* ambientLabel */.dP)(options.ambientSource)}`,
            ambientSource: options.ambientSource,
        };
    }
    const found = await (0,ambient/* findAmbientCredential */.H8)(env);
    return {
        auth: { kind: 'token', credential: found.credential },
        description: `Entra ID with ${found.label}`,
        ambientSource: found.source,
    };
}
function federatedFailure(err, auth, subject) {
    if (err instanceof entra_id/* SignInError */.Jj)
        return err;
    if (err instanceof OidcTokenError)
        return new entra_id/* SignInError */.Jj(err.message);
    const cause = (0,entra_id/* firstLine */.TM)(err);
    const match = subject
        ? ` The GitHub token's subject was '${subject}': the app's federated credential must name exactly this subject, with audience '${auth.audience}'.`
        : '';
    return new entra_id/* SignInError */.Jj(`Entra ID did not sign in client id ${auth.clientId} in tenant ${auth.tenantId} with GitHub's OIDC token: ${cause}.${match}`);
}


/***/ })

};
