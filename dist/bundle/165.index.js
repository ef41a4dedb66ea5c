export const id = 165;
export const ids = [165];
export const modules = {

/***/ 8165:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _renewer_process_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2037);

process.exit(await (0,_renewer_process_js__WEBPACK_IMPORTED_MODULE_0__/* .runRenewer */ .E)());

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 2037:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  E: () => (/* binding */ runRenewer)
});

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/lock/clock.ts
var lock_clock = __webpack_require__(2041);
// EXTERNAL MODULE: ./src/lock/duration.ts
var duration = __webpack_require__(6307);
// EXTERNAL MODULE: ./src/lock/errors.ts
var errors = __webpack_require__(2960);
// EXTERNAL MODULE: ./src/lock/lease.ts
var lease = __webpack_require__(4277);
// EXTERNAL MODULE: ./src/lock/service-time.ts
var service_time = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/lock/lease-answers.ts
var lease_answers = __webpack_require__(8883);
;// CONCATENATED MODULE: ./src/lock/keep-lease.ts
// Keeping a held lease alive. Each renewal attempt ends in one of three
// outcomes, and only one thing ends the lease for us: Azure saying it is no
// longer ours.
//
// The rule for time, all of it on the monotonic clock (clock.ts), never the
// wall clock, which an NTP step or a resumed VM can move by minutes:
// - The lease is certainly ours until the start of the last request Azure
//   confirmed it with, plus the lease duration (leaseValidUntil).
// - Past that moment with only transient failures since, it has "lapsed": we
//   can no longer prove it is ours, but it may well be, and nobody else may
//   have taken it. We do not give it up or call it lost on that account. We
//   keep trying, because a renewal that succeeds after the lapse proves that
//   nobody leased the blob since (Azure renews an expired lease only then),
//   so exclusivity held throughout.
// - Each attempt says whether it was sent after a lapse, and what it proves;
//   whoever stops the renewals decides what to make of a lapse that no
//   renewal healed (the renewer tries once more, then reports it honestly).






/**
 * Renews at once, then every interval, until the signal aborts (returns
 * undefined) or Azure says the lease is gone (returns the loss). After a
 * failed attempt it tries again every retry pause, for as long as it takes:
 * elapsed time alone never ends the lease (see the rule above).
 */
async function keepLease(options, signal) {
    const clock = options.now ?? lock_clock/* monotonicNow */.X;
    const schedule = (0,lease/* renewalSchedule */.md)(options.leaseDurationMs);
    const intervalMs = options.intervalMs ?? schedule.intervalMs;
    const retryMs = options.retryMs ?? schedule.retryMs;
    const attemptTimeoutMs = options.attemptTimeoutMs ?? schedule.attemptTimeoutMs;
    let confirmedAt = options.confirmedAt ?? clock();
    let pause = 0;
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
        // Before the lease's certain end, the next try comes no later than that end.
        const left = validUntil - clock();
        const wait = left > 0 ? Math.min(pause, left) : pause;
        await (0,promises_.setTimeout)(wait, undefined, { signal }).catch(() => { });
        if (signal.aborted)
            break;
        const sentAt = clock();
        const lapsed = sentAt >= validUntil;
        const attempt = AbortSignal.any([signal, AbortSignal.timeout(attemptTimeoutMs)]);
        try {
            const date = await options.renew(attempt);
            const at = clock();
            confirmedAt = sentAt;
            pause = intervalMs;
            const service = (0,service_time/* serviceReading */.G)(date ?? undefined, sentAt, at);
            tell({ kind: 'renewed', sentAt, at, afterLapse: at >= validUntil, ...(service ? { service } : {}) });
        }
        catch (err) {
            if (signal.aborted)
                break;
            if ((0,lease_answers/* isLeaseGone */.A)(err)) {
                const detectedAt = clock();
                tell({ kind: 'lost', sentAt, at: detectedAt, error: err });
                return {
                    exclusiveUntil: confirmedAt,
                    detectedAt,
                    reason: `Azure says the lease is no longer ours (${(0,errors/* describeStorageErrorBrief */.rg)(err)})`,
                };
            }
            pause = retryMs;
            tell({ kind: 'unknown', sentAt, at: clock(), error: err, lapsed });
        }
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/lock/queue/handover.ts
var handover = __webpack_require__(988);
;// CONCATENATED MODULE: ./src/lock/held-lease.ts
// One handle for a lease we hold: keep it, prove it, report its loss, let it
// go. The renewer process (src/renewer/process.ts) and `azure-mutex hold`
// (src/cli/hold.ts) both hold their lease through it, so a safety rule of
// holding lands here once. It prints nothing: what happens is told through
// onEvent, and a loss also through the `lost` AbortSignal, for each face to
// word its own way.
//
// Its state, after DistributedLock's lease monitor:
//   held ──renewal──▶ renewed ◀──renewal──▶ unknown (a transient failure)
//     └──────────────────┴───────┬───────────┘
//                 lost (Azure says so, a lapse no renewal heals, not ours at let-go)
//                 let-go (handed over or released), stopped (left held, or given back)
// A transient failure is "unknown", never a loss: the lease may well still be
// ours, and a renewal that succeeds after its certain end proves nobody leased
// the blob since (keep-lease.ts). Lost is said once, whichever finds it.
//
// Every time here is a monotonic reading (clock.ts); times shown to people come
// from the service's clock (shown()), through the latest renewal's Date header.







/** How long a give-back after a loss or an abandoned hold may take. */
const GIVE_BACK_TIMEOUT_MS = 5_000;
class HeldLease {
    leaseId;
    leaseDurationMs;
    store;
    options;
    clock;
    renewing = new AbortController();
    losing = new AbortController();
    current = 'held';
    confirmed;
    reading;
    lossFound;
    kept;
    refreshing;
    stopping;
    lettingGo;
    givingBack;
    renewals = 0;
    firstSettled = () => undefined;
    /** The first renewal, or the loss that came before it: a face starts its work only on 'renewed'. */
    firstRenewal = new Promise((resolve) => (this.firstSettled = resolve));
    constructor(store, options) {
        this.store = store;
        this.options = options;
        this.leaseId = options.leaseId;
        this.leaseDurationMs = options.leaseDurationMs;
        this.confirmed = options.confirmedMono;
        this.clock = options.now ?? lock_clock/* monotonicNow */.X;
    }
    /** Aborted once the lease is known lost; its reason is the HeldLeaseLoss. */
    get lost() {
        return this.losing.signal;
    }
    get state() {
        return this.current;
    }
    get loss() {
        return this.lossFound;
    }
    /** The start of the last request Azure confirmed the lease with (monotonic). */
    get confirmedMono() {
        return this.confirmed;
    }
    /** The lease is certainly ours until here (monotonic), unless someone breaks it. */
    get guaranteedUntil() {
        return (0,lease/* leaseValidUntil */.$8)(this.confirmed, this.leaseDurationMs);
    }
    /** The latest renewal's Date header, with its monotonic readings. */
    get service() {
        return this.reading;
    }
    /** A monotonic reading as a time on the service's clock (service-time.ts). */
    shown(t, bound) {
        return (0,service_time/* serviceTimeAt */.yi)(t, this.reading, bound);
    }
    /** Whether a letting go has begun (then nothing else is asked of storage but it). */
    get lettingGoStarted() {
        return this.lettingGo !== undefined;
    }
    tell(event) {
        try {
            this.options.onEvent?.(event);
        }
        catch {
            // Telling must never stop the keeping.
        }
    }
    /** Renews at once, then on the schedule (keep-lease.ts), until stopped, let go or lost. Once. */
    keep() {
        if (this.kept || this.renewing.signal.aborted)
            return;
        const leaseMs = this.leaseDurationMs;
        let goneError;
        this.kept = keepLease({
            renew: (signal) => this.store.renew(this.leaseId, { signal }),
            leaseDurationMs: leaseMs,
            confirmedAt: this.confirmed,
            ...(this.options.intervalMs !== undefined ? { intervalMs: this.options.intervalMs } : {}),
            ...(this.options.retryMs !== undefined ? { retryMs: this.options.retryMs } : {}),
            ...(this.options.attemptTimeoutMs !== undefined ? { attemptTimeoutMs: this.options.attemptTimeoutMs } : {}),
            now: this.clock,
            onOutcome: (outcome) => {
                if (outcome.kind === 'renewed') {
                    const previous = this.confirmed;
                    this.confirmed = outcome.sentAt;
                    if (outcome.service)
                        this.reading = outcome.service;
                    if (this.current === 'held' || this.current === 'renewed' || this.current === 'unknown')
                        this.current = 'renewed';
                    const first = this.renewals++ === 0;
                    this.tell({
                        type: 'renewed',
                        sentAt: outcome.sentAt,
                        at: outcome.at,
                        ...(outcome.service ? { service: outcome.service } : {}),
                        first,
                        ...(outcome.afterLapse ? { afterLapse: { gapMs: outcome.at - previous, leaseMs } } : {}),
                    });
                    if (first)
                        this.firstSettled('renewed');
                    // The acquire wrote the record just before the first renewal; after the later ones, show waiters it is alive.
                    else
                        this.refreshRecord();
                }
                else if (outcome.kind === 'unknown') {
                    if (this.current === 'held' || this.current === 'renewed')
                        this.current = 'unknown';
                    this.tell({ type: 'renewal-failed', error: outcome.error, lapsed: outcome.lapsed });
                }
                else {
                    goneError = outcome.error;
                }
            },
        }, this.renewing.signal).then(async (loss) => {
            if (loss)
                await this.found({ ...loss, cause: 'gone', during: 'keeping', error: goneError });
        });
    }
    /**
     * Rewrites the holder record as it is, so that its Last-Modified is recent:
     * waiters believe a record only while its holder keeps it fresh. Best
     * effort: a failure costs nothing but a record that may look stale.
     */
    refreshRecord() {
        if (this.refreshing)
            return;
        this.refreshing = this.store
            .refreshHolder(this.leaseId, {
            signal: this.renewing.signal,
            timeoutMs: Math.floor(this.leaseDurationMs / 3),
        })
            .catch((err) => {
            if (!this.renewing.signal.aborted)
                this.tell({ type: 'refresh-failed', error: err });
        })
            .finally(() => (this.refreshing = undefined));
    }
    /** A loss, said once: the signal aborts, the face hears it, and whatever may be left is given back. */
    async found(loss) {
        if (this.lossFound)
            return;
        this.lossFound = loss;
        this.current = 'lost';
        this.tell({ type: 'lost', loss });
        this.losing.abort(loss);
        this.firstSettled('lost');
        // After a loss this finds nothing of ours, or frees a lapsed lease early.
        await this.releaseQuietly();
    }
    releaseQuietly() {
        this.givingBack ??= this.store
            .release(this.leaseId, { timeoutMs: GIVE_BACK_TIMEOUT_MS })
            .then(() => undefined)
            .catch(() => undefined);
        return this.givingBack;
    }
    /**
     * Stops renewing; resolves once no renewal or record refresh is in flight
     * (a loss found meanwhile is given back first). The lease is left as it is.
     */
    stop() {
        this.renewing.abort();
        this.stopping ??= (async () => {
            await this.kept;
            await this.refreshing;
        })();
        return this.stopping;
    }
    /**
     * Gives the lease back without handing it over (a hold abandoned before its
     * work began): stops renewing and releases, best effort. After it, letGo
     * asks nothing.
     */
    async giveBack() {
        await this.stop();
        if (this.current !== 'lost')
            this.current = 'stopped';
        await this.releaseQuietly();
    }
    /**
     * Stops renewing and lets go: proves the lease first when a whole lease
     * went by unconfirmed (prove: false skips that), then hands it to the head
     * of the queue, or releases it (handover.ts, which asks again for 5 s while
     * storage refuses for a moment). Once: a later call gets the same result.
     * Never throws.
     */
    letGo(options) {
        this.lettingGo ??= this.stop().then(() => this.letGoNow(options));
        return this.lettingGo;
    }
    async letGoNow(options) {
        if (this.lossFound)
            return { outcome: 'lost', loss: this.lossFound };
        if (this.givingBack || this.current === 'stopped')
            return { outcome: 'stopped' };
        if (options.prove !== false) {
            const unproven = await this.proveHeld();
            if (unproven)
                return { outcome: 'lost', loss: unproven };
        }
        this.tell({ type: 'letting-go' });
        try {
            // Handed to the head of the queue when one waits: our exclusivity ends at the change, as at a release.
            const outcome = await (0,handover/* letGo */.Ko)(this.store, this.leaseId, { timeoutMs: options.timeoutMs });
            if (outcome.outcome === 'not-held') {
                const loss = {
                    exclusiveUntil: this.confirmed,
                    detectedAt: this.clock(),
                    reason: 'at release the lease was no longer ours',
                    cause: 'not-held',
                    during: 'letting-go',
                };
                this.lossFound = loss;
                this.current = 'lost';
                this.tell({ type: 'lost', loss });
                this.losing.abort(loss);
                return { outcome: 'lost', loss };
            }
            this.current = 'let-go';
            return outcome;
        }
        catch (err) {
            this.current = 'stopped';
            return { outcome: 'failed', error: err };
        }
    }
    /**
     * Whether the lease is proven ours up to now; the loss when it is not. When
     * a whole lease duration went by with only transient failures, it may have
     * run out, and a release that finds it still there proves nothing of the
     * gap. One more renewal does: Azure renews a lapsed lease only if nobody
     * leased the blob since. If that renewal cannot say either, the lapse is a
     * loss, honestly dated: exclusivity cannot be proven past the last
     * confirmation.
     */
    async proveHeld() {
        const leaseMs = this.leaseDurationMs;
        const confirmed = this.confirmed;
        if (this.clock() < (0,lease/* leaseValidUntil */.$8)(confirmed, leaseMs))
            return undefined;
        this.tell({ type: 'proving' });
        const sentAt = this.clock();
        try {
            const date = await this.store.renew(this.leaseId, { timeoutMs: (0,lease/* renewalSchedule */.md)(leaseMs).attemptTimeoutMs });
            const at = this.clock();
            const service = (0,service_time/* serviceReading */.G)(date ?? undefined, sentAt, at);
            this.confirmed = sentAt;
            if (service)
                this.reading = service;
            this.tell({ type: 'proven', sentAt, at, ...(service ? { service } : {}), leaseMs });
            return undefined;
        }
        catch (err) {
            const gone = (0,lease_answers/* isLeaseGone */.A)(err);
            const loss = {
                exclusiveUntil: confirmed,
                detectedAt: this.clock(),
                reason: gone
                    ? `Azure says the lease is no longer ours (${(0,errors/* describeStorageErrorBrief */.rg)(err)})`
                    : `a whole lease went by unconfirmed and a last renewal could not say (${(0,errors/* describeStorageErrorBrief */.rg)(err)})`,
                cause: gone ? 'gone' : 'unproven',
                during: 'proving',
                error: err,
            };
            await this.found(loss);
            return loss;
        }
    }
}

// EXTERNAL MODULE: ./src/lock/lock-blob.ts + 6 modules
var lock_blob = __webpack_require__(8692);
// EXTERNAL MODULE: ./src/lock/spec.ts
var spec = __webpack_require__(7832);
// EXTERNAL MODULE: ./src/lock/storage.ts
var storage = __webpack_require__(4906);
// EXTERNAL MODULE: ./src/sign-in/sign-in.ts + 1 modules
var sign_in = __webpack_require__(3885);
// EXTERNAL MODULE: ./src/renewer/channel.ts + 1 modules
var channel = __webpack_require__(6959);
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
/** When the renewer looks at the queue once, ahead of letting go: after main has gone on with the job. */
const PREPARE_AFTER_MS = 1_000;
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
    held;
    lettingGo;
    /** Post made the lease a hold of the run: it is never released from here. */
    keptAsHold = false;
    /** Who asked to let go, for the log line as the handover or release is asked. */
    letGoBy;
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
    /** A monotonic reading shown on the service's clock, from the latest renewal's Date header. */
    shown(t, bound) {
        return (0,service_time/* serviceTimeAt */.yi)(t, this.report.service, bound);
    }
    answer() {
        return { report: this.report, log: this.records.recent() };
    }
    /** Opens the channel and starts watching the worker. */
    async listen() {
        this.server = await (0,channel/* serveChannel */.H_)(this.config.channel, {
            handle: (request) => this.handle(request),
            answered: (request) => {
                if (request.op === 'stop' || request.op === 'keep')
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
        if (request.op === 'keep')
            await this.keepAsHold();
        else if (request.op !== 'report')
            await this.letGo(request.by);
        return this.answer();
    }
    /** What the held lease tells, as the renewer's lifecycle and log. */
    heard(event, leaseDurationMs) {
        switch (event.type) {
            case 'renewed':
                if (event.first)
                    this.records.log('first renewal done: holding');
                this.update({
                    type: 'renewed',
                    sentAt: event.sentAt,
                    at: event.at,
                    service: event.service,
                    ...(event.afterLapse ? { afterLapse: { leaseMs: leaseDurationMs } } : {}),
                });
                if (event.afterLapse)
                    this.records.log('renewed after a lapse: nobody leased the blob meanwhile');
                return;
            case 'renewal-failed': {
                this.update({ type: 'renewal-failed' });
                const lapsed = event.lapsed
                    ? ' (a whole lease went by unconfirmed: the lease may have run out, but nobody may have taken it; ' +
                        'a renewal that succeeds proves nobody did)'
                    : '';
                this.records.log(`renewal failed, will retry${lapsed}: ${(0,errors/* describeStorageErrorBrief */.rg)(event.error)}`);
                return;
            }
            case 'refresh-failed':
                this.records.log(`refreshing the holder record failed: ${(0,errors/* describeStorageErrorBrief */.rg)(event.error)}`);
                return;
            case 'proving':
                this.records.log('a whole lease went by unconfirmed: one more renewal, to learn whether it is still ours');
                return;
            case 'proven':
                this.update({
                    type: 'renewed',
                    sentAt: event.sentAt,
                    at: event.at,
                    service: event.service,
                    afterLapse: { leaseMs: event.leaseMs },
                });
                this.records.log('renewed after a lapse: nobody leased the blob meanwhile');
                return;
            case 'lost':
                this.lost(event.loss, leaseDurationMs);
                return;
            case 'letting-go':
                // SIGTERM lets go without a word here: terminate() has said it.
                if (this.letGoBy)
                    this.records.log(`${this.letGoBy}: releasing the lease`);
                return;
        }
    }
    /** A loss the held lease found: recorded, dated on the service's clock. */
    lost(loss, leaseDurationMs) {
        // Found at the release: letGo records it (found-lost), as the release's outcome.
        if (loss.during === 'letting-go')
            return;
        if (loss.during === 'keeping') {
            const exclusiveUntil = this.shown(loss.exclusiveUntil, 'no-later');
            this.update({
                type: 'lost',
                exclusiveUntil,
                detectedAt: this.shown(loss.detectedAt, 'no-earlier'),
                reason: loss.reason,
            });
            this.records.log(`LEASE LOST; exclusive until ${exclusiveUntil.toISOString()}: ${loss.reason}`);
            return;
        }
        // The renewal that was to prove a lapse before letting go did not.
        const reason = loss.cause === 'gone'
            ? loss.reason
            : `no renewal succeeded for ${(0,duration/* formatDuration */.a3)(loss.detectedAt - loss.exclusiveUntil)}, more than the whole lease ` +
                `duration, and the last try failed too (${(0,errors/* describeStorageErrorBrief */.rg)(loss.error)}): the lease may have run out at ` +
                `${this.shown((0,lease/* leaseValidUntil */.$8)(loss.exclusiveUntil, leaseDurationMs), 'no-later').toISOString()}, and exclusivity ` +
                'cannot be proven after the last renewal';
        this.update({
            type: 'lost',
            exclusiveUntil: this.shown(loss.exclusiveUntil, 'no-later'),
            detectedAt: this.shown(loss.detectedAt, 'no-earlier'),
            reason,
        });
        this.records.log(`LEASE LOST: ${reason}`);
    }
    /** Takes the lease over and renews it once; resolves with the first outcome, so main can go. */
    async hold(lease) {
        this.update({ type: 'hold', confirmedAt: new Date(lease.confirmedAt), confirmedMono: lease.confirmedMono });
        const leaseDurationMs = this.config.lock.leaseDurationSeconds * 1000;
        this.records.log(`renewer ${process.pid} keeps lease ${lease.leaseId} on ${(0,spec/* lockLocation */.VU)(this.config.lock)} ` +
            `(lease ${this.config.lock.leaseDurationSeconds}s)`);
        const held = new HeldLease(this.lock, {
            leaseId: lease.leaseId,
            leaseDurationMs,
            confirmedMono: lease.confirmedMono,
            onEvent: (event) => this.heard(event, leaseDurationMs),
        });
        this.held = held;
        held.keep();
        const first = await held.firstRenewal;
        return first === 'renewed' ? 'holding' : `the lease was lost (${held.loss?.reason ?? 'no reason given'})`;
    }
    /**
     * One look at the queue, as letting go makes, a second into the hold. A
     * process's first listing is slow: the code that reads its answer is not
     * compiled yet, and letting go is on the path of every handoff to the next
     * job (the gap before its mark: a median of 14 ms without this, 7 with it, on
     * Azurite; docs/measurements.md). One listing a job; what it shows is not used.
     */
    prepareToLetGo() {
        const timer = setTimeout(() => {
            if (this.lettingGo || this.held?.lettingGoStarted)
                return;
            void (0,handover/* lookBeforeLettingGo */.SY)(this.lock, { timeoutMs: 5_000 }).catch(() => undefined);
        }, PREPARE_AFTER_MS);
        timer.unref();
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
        const held = this.held;
        if (this.keptAsHold || !held)
            return;
        await held.stop(); // no renewal in flight from here on
        if (this.report.phase !== 'holding')
            return;
        this.letGoBy = by;
        // Proven first when a whole lease went by unconfirmed; not proven, what may be left is given back, and the loss stands.
        const result = await held.letGo({ timeoutMs: RELEASE_TIMEOUT_MS });
        if (result.outcome === 'lost' && result.loss.during !== 'letting-go')
            return;
        if (result.outcome === 'stopped')
            return;
        const at = this.shown((0,lock_clock/* monotonicNow */.X)(), 'no-earlier');
        if (result.outcome === 'failed') {
            this.update({ type: 'release-failed', error: (0,errors/* describeStorageErrorBrief */.rg)(result.error) });
        }
        else {
            const outcome = result.outcome === 'lost' ? { outcome: 'not-held' } : result;
            this.records.log((0,handover/* describeLetGo */.dz)(outcome));
            this.update(outcome.outcome !== 'not-held' ? { type: 'released', at, by } : { type: 'found-lost', at });
        }
        this.records.log(`${this.report.phase}${this.report.error ? `: ${this.report.error}` : ''}`);
    }
    /**
     * Post turned the lease into a hold of the run (scope run): stop renewing,
     * and leave the lease as it is. Nothing releases it from here on, not even a
     * runner worker that goes away: the hold is meant to outlive the job.
     */
    async keepAsHold() {
        this.keptAsHold = true;
        await this.held?.stop();
        this.records.log('the lease is a hold of the run now: stopped renewing, and left it held');
    }
    /** SIGTERM: give the lease back now, and record it as a loss, because the job may still be running. */
    async terminate() {
        const held = this.held;
        await held?.stop();
        if (held && this.report.phase === 'holding' && !this.keptAsHold) {
            const now = this.shown((0,lock_clock/* monotonicNow */.X)(), 'no-earlier');
            this.update({
                type: 'lost',
                exclusiveUntil: now,
                detectedAt: now,
                reason: 'the renewer was ended by SIGTERM and released the lease while the job may still have been running',
            });
            this.records.log('SIGTERM: releasing the lease');
            await held.letGo({ timeoutMs: 5_000, prove: false });
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
        lock = (0,lock_blob/* openLock */.q)(signedIn.auth, config.lock, {
            retry: (0,lease/* renewalRetry */.fs)(leaseDurationMs),
            requestTimeoutMs: (0,lease/* renewalSchedule */.md)(leaseDurationMs).attemptTimeoutMs,
            // Storage's own logs, and the tests' proxy, tell the renewer's requests from the steps' by this.
            userAgent: storage/* RENEWER_USER_AGENT */.f6,
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
    // One look at the lock while main waits: the first request of a process is slow (its code paths
    // are cold), and the renewal that confirms the lease is on the path of every handoff.
    void lock.view({ timeoutMs: 5_000 }).catch(() => undefined);
    const hold = await next();
    if (hold === 'gone' || hold.type !== 'hold') {
        // Main left without a lease to hand over (it failed, timed out or was cancelled).
        renewer.finish(0);
        return renewer.exited;
    }
    // With slots, the lease is on the blob of the slot main took: renewals, handover and release go there.
    const slot = hold.lease.slot ?? 1;
    if (slot > (config.lock.slots ?? 1)) {
        renewer.finish(1);
        return renewer.exited;
    }
    lock.useSlot(slot);
    process.on('SIGTERM', () => void renewer.terminate());
    for (const signal of ['SIGINT', 'SIGHUP'])
        process.on(signal, () => undefined);
    const outcome = await Promise.race([renewer.hold(hold.lease), renewer.exited.then(() => 'exited')]);
    tellMain(outcome === 'holding' ? { type: 'holding', report: renewer.snapshot } : { type: 'failed', error: outcome });
    if (outcome === 'holding')
        renewer.prepareToLetGo();
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
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(643);
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


/***/ })

};
