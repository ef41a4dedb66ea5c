export const id = 562;
export const ids = [562];
export const modules = {

/***/ 4912:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Zc: () => (/* binding */ DEFAULT_REQUEST_TIMEOUT_MS),
  AI: () => (/* binding */ isLeaseGone),
  dB: () => (/* binding */ listLocks),
  qB: () => (/* binding */ openLock),
  NE: () => (/* binding */ withDeadline)
});

// UNUSED EXPORTS: LockBlob

// EXTERNAL MODULE: ./src/lock/break-record.ts
var break_record = __webpack_require__(9916);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/lock/errors.ts
var errors = __webpack_require__(2960);
// EXTERNAL MODULE: ./src/lock/untrusted-text.ts
var untrusted_text = __webpack_require__(4469);
;// CONCATENATED MODULE: ./src/lock/counter.ts
// A counter kept in a blob's metadata and bumped with an If-Match condition on
// the ETag it was read with: two bumps that race both read n, one writes n+1,
// the other is refused (412) and reads again. Every bump therefore gets its
// own number, in the order the service accepted them. The queue's tickets and
// the fencing tokens are such counters.



const VALUE_KEY = 'value';
/** A counter blob holds something this action did not write there. */
class CounterError extends errors/* LockError */.Ku {
    name = 'CounterError';
}
function isPreconditionFailure(err) {
    return (0,errors/* statusCode */.se)(err) === 412 || (0,errors/* storageErrorCode */.t6)(err) === 'ConditionNotMet';
}
function isMissing(err) {
    return (0,errors/* statusCode */.se)(err) === 404;
}
/** The longest pause after a lost race: with dozens of bumps at once, pauses must spread them out. */
const MAX_BACKOFF_MS = 500;
/**
 * Adds one to the counter and returns the new value. The first bump creates
 * the blob (If-None-Match: *) with the value 1. A lost race is tried again
 * after a random pause whose range doubles with each loss (25 ms, 50 ms, ...
 * up to 0.5 s), until the signal ends it.
 */
async function bumpCounter(blob, abortSignal) {
    for (let losses = 0;; losses++) {
        if (losses > 0) {
            const range = Math.min(MAX_BACKOFF_MS, 25 * 2 ** Math.min(losses - 1, 5));
            await (0,promises_.setTimeout)(Math.random() * range, undefined, { signal: abortSignal });
        }
        let props;
        try {
            props = await blob.getProperties({ abortSignal });
        }
        catch (err) {
            if (!isMissing(err))
                throw err;
        }
        if (!props) {
            try {
                await blob
                    .getBlockBlobClient()
                    .upload('', 0, { abortSignal, metadata: { [VALUE_KEY]: '1' }, conditions: { ifNoneMatch: '*' } });
                return { value: 1 };
            }
            catch (err) {
                // Someone else created it first (409 BlobAlreadyExists): read it and bump.
                if ((0,errors/* statusCode */.se)(err) === 409 || isPreconditionFailure(err))
                    continue;
                throw err;
            }
        }
        const text = props.metadata?.[VALUE_KEY] ?? '';
        const current = /^\d{1,16}$/.test(text) ? Number(text) : NaN;
        if (!Number.isSafeInteger(current) || current >= Number.MAX_SAFE_INTEGER) {
            throw new CounterError(`The counter blob ${blob.name} holds '${(0,untrusted_text/* showUntrusted */.G)(text, 40)}', not a count that this action wrote; ` +
                'someone else changed it.');
        }
        try {
            await blob.setMetadata({ [VALUE_KEY]: String(current + 1) }, { abortSignal, conditions: { ifMatch: props.etag } });
            return { value: current + 1, previousAt: props.lastModified, serviceNow: props.date };
        }
        catch (err) {
            if (!isPreconditionFailure(err) && !isMissing(err))
                throw err;
        }
    }
}

// EXTERNAL MODULE: ./src/lock/holder.ts
var lock_holder = __webpack_require__(7053);
// EXTERNAL MODULE: ./src/lock/queue.ts
var queue = __webpack_require__(5624);
;// CONCATENATED MODULE: ./src/lock/lock-status.ts
// What a look at a lock shows, read-only: held or free, by whom, with what
// kind of lease, and the last break. One blob's properties and one item of a
// List Blobs answer carry the same facts, so both map through statusOf.



/** The waiters of a queue listing that are alive, in ticket order. */
function waitersOf(entries, serviceNow) {
    return entries
        .filter((entry) => (0,queue/* isLive */.DG)(entry, serviceNow))
        .sort((a, b) => a.ticket - b.ticket)
        .map((entry) => entry.waiter);
}
function statusOf(name, properties) {
    const leaseState = properties.leaseState ?? 'available';
    const held = leaseState === 'leased' || leaseState === 'breaking';
    const status = { name, held, leaseState };
    if (held) {
        if (properties.leaseDuration === 'infinite' || properties.leaseDuration === 'fixed') {
            status.leaseKind = properties.leaseDuration;
        }
        const record = (0,lock_holder/* holderFromMetadata */.ez)(properties.metadata);
        const freshness = record
            ? (0,lock_holder/* freshnessOf */.T5)(record, properties.lastModified, properties.serviceNow)
            : { kind: 'unknown-age' };
        status.seen = { record, freshness, infinite: properties.leaseDuration === 'infinite' };
        if (record && freshness.kind !== 'stale')
            status.holder = record;
    }
    const lastBreak = (0,break_record/* breakFromMetadata */.rP)(properties.metadata);
    if (lastBreak)
        status.lastBreak = lastBreak;
    return status;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/lock/names.ts
var names = __webpack_require__(6139);
;// CONCATENATED MODULE: ./src/lock/reserved.ts
// Where the action keeps its own blobs beside a lock, in the lock's container:
//
//   .azure-mutex/<lock>/queue/<ticket>   one entry per waiter, in ticket order
//   .azure-mutex/<lock>/tickets          the counter that hands out tickets
//   .azure-mutex/<lock>/fencing          the counter of fencing tokens
//
// <lock> is the lock name as ONE path segment (encodeURIComponent turns '/'
// into '%2F'), so the folders of 'a/b' and 'a/b/queue' cannot overlap. Lock
// names may not start with RESERVED_SEGMENT (names.ts), so no lock is ever one
// of these blobs, and anything that lists the container skips RESERVED_PREFIX.


/** The folder of the action's own blobs: whatever lists a container leaves it out. */
const RESERVED_PREFIX = `${names/* RESERVED_SEGMENT */.LK}/`;
/** A ticket is written with this many digits, so that names sort as numbers (2^53 has 16 digits). */
const TICKET_DIGITS = 16;
/**
 * The longest encoded lock name kept readable. Azure allows 1,024 characters
 * in a blob name, and percent-encoding can make a name up to nine times longer
 * (a non-ASCII letter is three UTF-8 bytes): longer ones become a hash.
 */
const READABLE_SEGMENT_MAX = 900;
/**
 * The lock's own folder segment: the percent-encoded name, or for a very long
 * one 'sha256=<hex>', which no encoded name can equal ('=' is always encoded).
 */
function lockSegment(lockName) {
    const encoded = encodeURIComponent(lockName);
    if (encoded.length <= READABLE_SEGMENT_MAX)
        return encoded;
    return `sha256=${(0,external_node_crypto_.createHash)('sha256').update(lockName, 'utf8').digest('hex')}`;
}
function reservedNames(lockName) {
    const folder = `${RESERVED_PREFIX}${lockSegment(lockName)}/`;
    return { queuePrefix: `${folder}queue/`, tickets: `${folder}tickets`, fencing: `${folder}fencing` };
}
/** The name of a queue entry: the prefix and the zero-padded ticket. */
function entryName(queuePrefix, ticket) {
    return `${queuePrefix}${String(ticket).padStart(TICKET_DIGITS, '0')}`;
}
/** The ticket an entry's name carries, or undefined for a name that is not an entry's. */
function ticketOf(queuePrefix, name) {
    if (!name.startsWith(queuePrefix))
        return undefined;
    const digits = name.slice(queuePrefix.length);
    if (!/^\d{16}$/.test(digits))
        return undefined;
    const ticket = Number(digits);
    return Number.isSafeInteger(ticket) && ticket > 0 ? ticket : undefined;
}

;// CONCATENATED MODULE: ./src/lock/queue-blobs.ts
// The queue beside a lock, in storage: one small blob per waiter, named by its
// ticket, under the lock's reserved folder (reserved.ts). Each entry carries
// who waits (the holder record's keys) and a lease that its waiter renews:
// an entry whose waiter died loses its lease within one lease duration, and
// Azure refuses to delete an entry that is still leased, so removing a lapsed
// one can never remove a live one.





/** Entries per page of a listing: a queue is rarely longer, so one request lists it. */
const PAGE_SIZE = 100;
const queue_blobs_isMissing = (err) => (0,errors/* statusCode */.se)(err) === 404;
class QueueBlobs {
    container;
    prefix;
    tickets;
    requestTimeoutMs;
    constructor(container, lockName, requestTimeoutMs) {
        const names = reservedNames(lockName);
        this.container = container;
        this.prefix = names.queuePrefix;
        this.tickets = names.tickets;
        this.requestTimeoutMs = requestTimeoutMs;
    }
    request(options, call) {
        return withDeadline(options, this.requestTimeoutMs, call);
    }
    entry(ticket) {
        return this.container.getBlobClient(entryName(this.prefix, ticket));
    }
    async look(options) {
        const last = options.upTo === undefined ? undefined : entryName(this.prefix, options.upTo);
        const pageSize = options.limit ?? PAGE_SIZE;
        return this.request(options, async (abortSignal) => {
            const entries = [];
            let serviceNow;
            // One request per page; pages come in name order, which is ticket order.
            const pages = this.container
                .listBlobsFlat({ abortSignal, prefix: this.prefix, includeMetadata: true })
                .byPage({ maxPageSize: pageSize });
            for (;;) {
                let next;
                try {
                    next = await pages.next();
                }
                catch (err) {
                    // No container: no queue either.
                    if (queue_blobs_isMissing(err))
                        return { entries, serviceNow: serviceNow ?? new Date(), complete: true };
                    throw err;
                }
                if (next.done)
                    return { entries, serviceNow: serviceNow ?? new Date(), complete: true };
                const page = next.value;
                serviceNow ??= page.date;
                for (const item of page.segment.blobItems) {
                    const ticket = ticketOf(this.prefix, item.name);
                    if (ticket === undefined)
                        continue; // not an entry: nothing of ours, left alone
                    entries.push({
                        ticket,
                        leased: item.properties.leaseState === 'leased',
                        modifiedAt: item.properties.lastModified,
                        waiter: (0,lock_holder/* identityFromMetadata */.q9)(item.metadata),
                    });
                }
                const marker = page.continuationToken || undefined;
                const reachedLast = last !== undefined && page.segment.blobItems.some((item) => item.name >= last);
                if (!marker || reachedLast)
                    return { entries, serviceNow: serviceNow ?? new Date(), complete: !marker };
                if (options.limit !== undefined)
                    return { entries, serviceNow: serviceNow ?? new Date(), complete: false };
            }
        });
    }
    async claimTicket(options = {}) {
        const bumped = await this.request(options, (abortSignal) => bumpCounter(this.container.getBlobClient(this.tickets), abortSignal));
        return { ticket: bumped.value, previousAt: bumped.previousAt, serviceNow: bumped.serviceNow };
    }
    async enter(ticket, waiter, leaseId, leaseSeconds, options = {}) {
        const blob = this.entry(ticket);
        try {
            await this.request(options, async (abortSignal) => {
                try {
                    await blob.getBlockBlobClient().upload('', 0, {
                        abortSignal,
                        metadata: (0,lock_holder/* identityToMetadata */.L_)(waiter),
                        conditions: { ifNoneMatch: '*' },
                    });
                }
                catch (err) {
                    // The ticket is ours alone: an entry that exists is our own, from a try whose answer was lost.
                    if ((0,errors/* statusCode */.se)(err) !== 409 && (0,errors/* statusCode */.se)(err) !== 412)
                        throw err;
                }
                // Proposing our own id makes a retried acquire harmless.
                await blob.getBlobLeaseClient(leaseId).acquireLease(leaseSeconds, { abortSignal });
            });
            return 'entered';
        }
        catch (err) {
            if ((0,errors/* storageErrorCode */.t6)(err) === 'ContainerNotFound')
                return 'missing';
            // Our own earlier try would have proposed the same lease id: this entry is someone else's.
            if ((0,errors/* storageErrorCode */.t6)(err) === 'LeaseAlreadyPresent')
                return 'taken';
            throw err;
        }
    }
    async renewEntry(ticket, leaseId, options = {}) {
        try {
            await this.request(options, (abortSignal) => this.entry(ticket).getBlobLeaseClient(leaseId).renewLease({ abortSignal }));
            return 'renewed';
        }
        catch (err) {
            // Gone (404), or its lease lapsed and it was taken over (409): either way this place is lost.
            if (queue_blobs_isMissing(err) || (0,errors/* statusCode */.se)(err) === 409)
                return 'gone';
            throw err;
        }
    }
    async leave(ticket, leaseId, options = {}) {
        const blob = this.entry(ticket);
        await this.request(options, async (abortSignal) => {
            try {
                await blob.delete({ abortSignal, conditions: { leaseId } });
            }
            catch (err) {
                if (queue_blobs_isMissing(err))
                    return;
                // A credential that may list but not delete: give the lease back, so that the entry counts as left.
                if ((0,errors/* statusCode */.se)(err) === 403) {
                    await blob.getBlobLeaseClient(leaseId).releaseLease({ abortSignal });
                    throw err;
                }
                // Our lease lapsed (or was never taken): the entry is ours by its ticket, so delete it plainly.
                if ((0,errors/* statusCode */.se)(err) !== 412 && (0,errors/* statusCode */.se)(err) !== 409)
                    throw err;
                await blob.delete({ abortSignal }).catch((again) => {
                    if (!queue_blobs_isMissing(again))
                        throw again;
                });
            }
        });
    }
    async sweep(ticket, options = {}) {
        await this.request(options, async (abortSignal) => {
            try {
                await this.entry(ticket).delete({ abortSignal });
            }
            catch (err) {
                // Leased again after all (412 LeaseIdMissing), or already gone: either is fine.
                if ((0,errors/* statusCode */.se)(err) !== 412 && !queue_blobs_isMissing(err))
                    throw err;
            }
        });
    }
}

// EXTERNAL MODULE: ./src/lock/storage.ts
var storage = __webpack_require__(4906);
;// CONCATENATED MODULE: ./src/lock/lock-blob.ts
// One lock = one blob in a container, leased by whoever holds the lock. This
// module and the queue's (queue-blobs.ts) are the ones that talk to storage;
// they turn Azure's answers into the few outcomes the waiter and the renewer
// reason about.








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
function lock_blob_isMissing(err) {
    const code = (0,errors/* storageErrorCode */.t6)(err);
    return (0,errors/* statusCode */.se)(err) === 404 && (code === 'BlobNotFound' || code === 'ContainerNotFound' || code === undefined);
}
/**
 * Every request gets a client-side deadline. The SDK's tryTimeoutInMs only asks
 * the service to give up; a connection whose packets are dropped would
 * otherwise be waited on for ever.
 */
const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
/** Runs one call under the caller's signal and a deadline; a missed deadline is a RequestTimeoutError. */
async function withDeadline(options, defaultTimeoutMs, call) {
    const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
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
/** Single quotes for a shell, so that the command can be pasted as it is. */
function shellQuoted(text) {
    return /^[\w./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}
class LockBlob {
    container;
    blob;
    fencing;
    requestTimeoutMs;
    name;
    queue;
    /** What the renewer last wrote to refresh the holder record, and the ETag Azure gave it. */
    written;
    constructor(container, name, options = {}) {
        this.container = container;
        this.name = name;
        this.blob = container.getBlobClient(name);
        this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
        this.fencing = container.getBlobClient(reservedNames(name).fencing);
        this.queue = new QueueBlobs(container, name, this.requestTimeoutMs);
    }
    request(options, call) {
        return withDeadline(options, this.requestTimeoutMs, call);
    }
    /** A description of where the lock lives, without credentials: account/container/blob. */
    get location() {
        return `${this.container.accountName}/${this.container.containerName}/${this.name}`;
    }
    get shortName() {
        return `${this.container.containerName}/${this.name}`;
    }
    get breakCommand() {
        return (`az storage blob lease break --account-name ${shellQuoted(this.container.accountName)} ` +
            `--container-name ${shellQuoted(this.container.containerName)} --blob-name ${shellQuoted(this.name)}`);
    }
    /** One HEAD request: the lease state, the holder record, and how old the record is by the service's clock. */
    async view(options = {}) {
        try {
            const props = await this.request(options, (abortSignal) => this.blob.getProperties({ abortSignal }));
            const record = (0,lock_holder/* holderFromMetadata */.ez)(props.metadata);
            if (props.leaseState === 'leased' || props.leaseState === 'breaking') {
                return {
                    state: 'leased',
                    holder: record,
                    infinite: props.leaseDuration === 'infinite',
                    modifiedAt: props.lastModified,
                    serviceNow: props.date,
                };
            }
            return { state: 'free', staleHolder: record };
        }
        catch (err) {
            if (lock_blob_isMissing(err))
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
            if (lock_blob_isMissing(err))
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
    /**
     * The lock's state for people (status), or 'missing': one HEAD request, and
     * one listing of its queue. Read-only. A credential that may not list (a
     * SAS without 'l') still gets the state, without the queue.
     */
    async status(options = {}) {
        let status;
        try {
            const props = await this.request(options, (abortSignal) => this.blob.getProperties({ abortSignal }));
            status = statusOf(this.name, { ...props, serviceNow: props.date });
        }
        catch (err) {
            if (lock_blob_isMissing(err))
                return 'missing';
            throw err;
        }
        const look = await this.queue.look(options).catch((err) => {
            if ((0,errors/* statusCode */.se)(err) === 403)
                return undefined;
            throw err;
        });
        if (look)
            status.queue = waitersOf(look.entries, look.serviceNow);
        return status;
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
                if (lock_blob_isMissing(err))
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
                    if (code === 'LeaseIdMissing' || code === 'ConditionNotMet' || lock_blob_isMissing(err)) {
                        return { outcome: 'broken', holder, record, recorded: false };
                    }
                    throw err;
                }
            }
        });
    }
    /**
     * Rewrites the metadata under our lease, unchanged, so that the blob's
     * Last-Modified shows waiters that the holder record is alive. One Set
     * Metadata with our lease id: while the lease is ours nobody else can change
     * the metadata, so what we wrote last is still there, and the If-Match on
     * its ETag proves it. A 412 (our own other writer, or a lost lease) reads
     * once and writes again. A blob without our holder keys is left alone.
     */
    async refreshHolder(leaseId, options = {}) {
        await this.request(options, async (abortSignal) => {
            for (let attempt = 1;; attempt++) {
                if (!this.written) {
                    const props = await this.blob.getProperties({ abortSignal, conditions: { leaseId } });
                    const metadata = props.metadata ?? {};
                    if (!Object.keys(metadata).some(lock_holder/* isHolderKey */._L))
                        return;
                    this.written = { metadata, etag: props.etag ?? '' };
                }
                try {
                    const answer = await this.blob.setMetadata(this.written.metadata, {
                        abortSignal,
                        conditions: { leaseId, ifMatch: this.written.etag },
                    });
                    this.written = { metadata: this.written.metadata, etag: answer.etag ?? '' };
                    return;
                }
                catch (err) {
                    this.written = undefined;
                    if ((0,errors/* storageErrorCode */.t6)(err) !== 'ConditionNotMet' || attempt >= 2)
                        throw err;
                }
            }
        });
    }
    /**
     * The next fencing token for this lock. Call it while holding the lease:
     * the counter lives in its own blob (go-azuremutex rewrites the lock blob
     * and its metadata on every acquire), and the caller proves the token by
     * confirming the lease afterwards (a renewal), so no later holder can have
     * a smaller token.
     */
    async nextFencingToken(options = {}) {
        const bumped = await this.request(options, (abortSignal) => bumpCounter(this.fencing, abortSignal));
        return bumped.value;
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
    // The action's own blobs come in the same listing: the queues' entries, to be put with their locks.
    const reserved = [];
    let serviceNow = new Date();
    try {
        for await (const page of container.listBlobsFlat({ includeMetadata: true, abortSignal }).byPage()) {
            serviceNow = page.date ?? serviceNow;
            for (const blob of page.segment.blobItems) {
                const { leaseState, leaseDuration, lastModified } = blob.properties;
                if (blob.name.startsWith(RESERVED_PREFIX)) {
                    const waiter = (0,lock_holder/* identityFromMetadata */.q9)(blob.metadata);
                    reserved.push({
                        name: blob.name,
                        entry: { leased: leaseState === 'leased', modifiedAt: lastModified, waiter },
                    });
                    continue;
                }
                const facts = { leaseState, leaseDuration, metadata: blob.metadata, lastModified, serviceNow: page.date };
                locks.push(statusOf(blob.name, facts));
            }
        }
        for (const lock of locks) {
            const prefix = reservedNames(lock.name).queuePrefix;
            const entries = reserved.flatMap(({ name, entry }) => {
                const ticket = ticketOf(prefix, name);
                return ticket === undefined ? [] : [{ ...entry, ticket }];
            });
            lock.queue = waitersOf(entries, serviceNow);
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

/***/ 5624:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DG: () => (/* binding */ isLive),
/* harmony export */   IE: () => (/* binding */ ordinal),
/* harmony export */   JX: () => (/* binding */ recentPredecessor),
/* harmony export */   YP: () => (/* binding */ standingOf),
/* harmony export */   jg: () => (/* binding */ predecessorShown)
/* harmony export */ });
/* unused harmony exports JOIN_GRACE_MS, CLAIM_GRACE_MS */
// The queue's rules, apart from storage: which entries are alive, where a
// waiter stands, and when it is at the head. Order is by ticket, and tickets
// come from one counter in the service's order, so no two waiters share one.
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
function standingOf(look, ticket) {
    const before = look.entries.filter((entry) => entry.ticket < ticket);
    return {
        ahead: before.filter((entry) => isLive(entry, look.serviceNow)),
        lapsed: before.filter((entry) => !isLive(entry, look.serviceNow)),
        mine: look.entries.find((entry) => entry.ticket === ticket),
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
