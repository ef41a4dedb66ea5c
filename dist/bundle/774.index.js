export const id = 774;
export const ids = [774];
export const modules = {

/***/ 1159:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b9: () => (/* binding */ leaseBreakCommand),
/* harmony export */   x3: () => (/* binding */ deleteCommand)
/* harmony export */ });
/* unused harmony export shellQuoted */
// The az CLI commands that messages give people to paste: break a lease, delete
// a blob. One place builds them, so every message quotes names the same way.
/** Single quotes for a shell, so that the command can be pasted as it is. */
function shellQuoted(text) {
    return /^[\w./-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}
function where(place) {
    return `--account-name ${shellQuoted(place.accountName)} --container-name ${shellQuoted(place.containerName)}`;
}
/** Breaks whatever lease the blob has. */
function leaseBreakCommand(place, blobName) {
    return `az storage blob lease break ${where(place)} --blob-name ${shellQuoted(blobName)}`;
}
/** Deletes the blob (az names the blob with --name here). */
function deleteCommand(place, blobName) {
    return `az storage blob delete ${where(place)} --name ${shellQuoted(blobName)}`;
}


/***/ }),

/***/ 3087:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Je: () => (/* binding */ counterDeleteCommand),
/* harmony export */   SP: () => (/* binding */ shown),
/* harmony export */   dH: () => (/* binding */ bumpCounter),
/* harmony export */   mM: () => (/* binding */ counterValue)
/* harmony export */ });
/* unused harmony exports CounterError, counterBreakCommand, counterFailure */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8500);
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_timers_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2960);
/* harmony import */ var _az_commands_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1159);
/* harmony import */ var _untrusted_text_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4469);
/* harmony import */ var _service_time_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3024);
/* harmony import */ var _queue_slots_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5230);
// A counter kept in a blob's metadata and bumped with an If-Match condition on
// the ETag it was read with: two bumps that race both read n, one writes n+1,
// the other is refused (412 ConditionNotMet) and reads again. Every bump
// therefore gets its own number, in the order the service accepted them. The
// queue's tickets and the fencing tokens are such counters.
//
// Only that lost race (and a lost race to create the blob) is tried again.
// Any other refusal means that something other than this action has a hand on
// the counter (a stranger's lease, a value it did not write): trying again
// would only fail the same way, so it is one CounterError that names the blob
// and the command that clears it. A counter that is missing is created above
// `seed`, the highest number it is known to have handed out, so that deleting
// it never makes its numbers go backwards; the fencing counter also with the
// number of slots the lock keeps outside it (slots.ts keptSlots), so that
// deleting it never changes that number under the jobs that hold or wait.






const VALUE_KEY = 'value';
/** A counter blob that this action cannot use as it is: leased by a stranger, or holding something else. */
class CounterError extends _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LockError */ .Ku {
    name = 'CounterError';
}
/** The error codes of a write refused because the blob is leased and the request carried no (or another) lease id. */
const LEASED_CODES = new Set(['LeaseIdMissing', 'LeaseIdMismatchWithBlobOperation', 'LeaseAlreadyPresent']);
/** The If-Match we sent did not match: another bump wrote first. The one refusal that is a race. */
function isLostRace(err) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .statusCode */ .se)(err) === 412 && (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .storageErrorCode */ .t6)(err) === 'ConditionNotMet';
}
function isMissing(err) {
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .statusCode */ .se)(err) === 404;
}
/** The largest value a counter holds: one more must still be an exact integer. */
const MAX_VALUE = Number.MAX_SAFE_INTEGER - 1;
/** The value a counter blob holds, or undefined when it holds anything else. */
function counterValue(text) {
    if (text === undefined || !/^\d{1,16}$/.test(text))
        return undefined;
    const value = Number(text);
    return value <= MAX_VALUE ? value : undefined;
}
/** The az command that breaks a stranger's lease on the counter. */
function counterBreakCommand(blob) {
    return (0,_az_commands_js__WEBPACK_IMPORTED_MODULE_4__/* .leaseBreakCommand */ .b9)(blob, blob.name);
}
/** The az command that deletes the counter: the next bump creates it again above every number it handed out. */
function counterDeleteCommand(blob) {
    return (0,_az_commands_js__WEBPACK_IMPORTED_MODULE_4__/* .deleteCommand */ .x3)(blob, blob.name);
}
/** The counter blob as messages name it: container/blob. */
function shown(blob) {
    return `${blob.containerName}/${(0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_2__/* .showUntrusted */ .Gz)(blob.name)}`;
}
/**
 * Why a write to the counter failed, as the error to throw, or undefined for
 * a lost race that is tried again. Transient failures (throttling, server
 * errors, timeouts) and refused credentials (403, which the action layer
 * explains) are thrown as they are.
 */
function counterFailure(blob, err) {
    if (isLostRace(err) || isMissing(err))
        return undefined;
    const status = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .statusCode */ .se)(err);
    if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isTransient */ .dg)(err) || status === 403 || status === undefined)
        return err;
    const code = (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .storageErrorCode */ .t6)(err);
    const answer = (0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_2__/* .showUntrusted */ .Gz)([status, code].filter(Boolean).join(' '), 80);
    if (code !== undefined && LEASED_CODES.has(code)) {
        return new CounterError(`The counter blob ${shown(blob)} is leased by another client (Azure answered ${answer}); ` +
            `this action never leases it, so it cannot count. Break that lease: ${counterBreakCommand(blob)}`);
    }
    return new CounterError(`Azure refused to update the counter blob ${shown(blob)} (${answer}). ` +
        `Delete it, and the action starts it again above every number it handed out: ${counterDeleteCommand(blob)}`);
}
/** The longest pause after a lost race: with dozens of bumps at once, pauses must spread them out. */
const MAX_BACKOFF_MS = 500;
/**
 * Adds one to the counter and returns the new value. The first bump creates
 * the blob (If-None-Match: *) with the seed plus one (1 without a seed). A
 * lost race is tried again after a random pause whose range doubles with
 * each loss (25 ms, 50 ms, ... up to 0.5 s), until the signal ends it; any
 * other refusal throws at once (see counterFailure).
 */
async function bumpCounter(blob, abortSignal, options = {}) {
    for (let losses = 0;; losses++) {
        if (losses > 0) {
            const range = Math.min(MAX_BACKOFF_MS, 25 * 2 ** Math.min(losses - 1, 5));
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(Math.random() * range, undefined, { signal: abortSignal });
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
            const seeded = options.seed ? await options.seed(abortSignal) : 0;
            const seed = typeof seeded === 'number' ? { value: seeded } : seeded;
            const first = Math.max(Math.min(seed.value, MAX_VALUE - 1), 0) + 1;
            // The number the lock keeps elsewhere (the folder was deleted), else ours.
            const slots = options.slots ? (seed.slots ?? options.slots.asked) : undefined;
            try {
                await blob.getBlockBlobClient().upload('', 0, {
                    abortSignal,
                    metadata: {
                        [VALUE_KEY]: String(first),
                        ...(slots !== undefined && slots > 1 ? { [_queue_slots_js__WEBPACK_IMPORTED_MODULE_3__/* .SLOTS_KEY */ .co]: String(slots) } : {}),
                    },
                    conditions: { ifNoneMatch: '*' },
                });
            }
            catch (err) {
                // It exists after all: created by another bump first (409 BlobAlreadyExists, or 412), or leased
                // by a stranger (412 LeaseIdMissing). Read it again: the write after the read tells which.
                if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .statusCode */ .se)(err) === 409 || (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .statusCode */ .se)(err) === 412)
                    continue;
                throw err;
            }
            if (options.slots && slots !== undefined && slots !== options.slots.asked) {
                throw new _queue_slots_js__WEBPACK_IMPORTED_MODULE_3__/* .SlotsMismatchError */ .It((0,_queue_slots_js__WEBPACK_IMPORTED_MODULE_3__/* .slotsMismatchMessage */ .rB)(options.slots.location, slots, options.slots.asked, shown(blob), { gaveBack: true }), slots);
            }
            return { value: first };
        }
        const text = props.metadata?.[VALUE_KEY];
        const current = counterValue(text);
        if (current === undefined) {
            throw new CounterError(`The counter blob ${shown(blob)} holds '${(0,_untrusted_text_js__WEBPACK_IMPORTED_MODULE_2__/* .showUntrusted */ .Gz)(text ?? '', 40)}', not a count that this action wrote. ` +
                `Delete it, and the action starts it again above every number it handed out: ${counterDeleteCommand(blob)}`);
        }
        if (options.slots) {
            const stored = (0,_queue_slots_js__WEBPACK_IMPORTED_MODULE_3__/* .storedSlots */ .Dg)(props.metadata);
            if (stored === 'malformed') {
                const text = Object.entries(props.metadata ?? {}).find(([key]) => key.toLowerCase() === _queue_slots_js__WEBPACK_IMPORTED_MODULE_3__/* .SLOTS_KEY */ .co)?.[1] ?? '';
                throw new _queue_slots_js__WEBPACK_IMPORTED_MODULE_3__/* .SlotsMismatchError */ .It((0,_queue_slots_js__WEBPACK_IMPORTED_MODULE_3__/* .slotsMalformedMessage */ .sk)(options.slots.location, text, counterDeleteCommand(blob)));
            }
            if (stored !== options.slots.asked) {
                throw new _queue_slots_js__WEBPACK_IMPORTED_MODULE_3__/* .SlotsMismatchError */ .It((0,_queue_slots_js__WEBPACK_IMPORTED_MODULE_3__/* .slotsMismatchMessage */ .rB)(options.slots.location, stored, options.slots.asked, shown(blob), { gaveBack: true }), stored);
            }
        }
        try {
            // Other keys (the lock's number of slots) are kept: Set Blob Metadata replaces them all.
            const metadata = { ...props.metadata, [VALUE_KEY]: String(current + 1) };
            await blob.setMetadata(metadata, { abortSignal, conditions: { ifMatch: props.etag } });
            return { value: current + 1, previousAt: (0,_service_time_js__WEBPACK_IMPORTED_MODULE_5__/* .readTime */ .aQ)(props.lastModified), serviceNow: (0,_service_time_js__WEBPACK_IMPORTED_MODULE_5__/* .readTime */ .aQ)(props.date) };
        }
        catch (err) {
            const failure = counterFailure(blob, err);
            if (failure)
                throw failure;
        }
    }
}


/***/ }),

/***/ 8883:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ isLeaseGone),
/* harmony export */   b: () => (/* binding */ isMissing)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2960);
// What Azure's refusals on a lock blob mean, for the lease core
// (lock-blob.ts) and the operations beside it (holds, break, letting go,
// status): a lease that is definitely not ours any more, and a blob or
// container that is not there.

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
/** The blob or its container does not exist (a 404 that names either, or names nothing). */
function isMissing(err) {
    const code = (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .storageErrorCode */ .t6)(err);
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .statusCode */ .se)(err) === 404 && (code === 'BlobNotFound' || code === 'ContainerNotFound' || code === undefined);
}


/***/ }),

/***/ 8692:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  q: () => (/* binding */ openLock)
});

// UNUSED EXPORTS: LockBlob

// EXTERNAL MODULE: ./src/lock/az-commands.ts
var az_commands = __webpack_require__(1159);
// EXTERNAL MODULE: ./src/lock/counter.ts
var counter = __webpack_require__(3087);
// EXTERNAL MODULE: ./src/lock/errors.ts
var errors = __webpack_require__(2960);
// EXTERNAL MODULE: ./src/lock/holder.ts
var lock_holder = __webpack_require__(7053);
// EXTERNAL MODULE: ./src/lock/deploy/hold.ts
var deploy_hold = __webpack_require__(4166);
// EXTERNAL MODULE: ./src/lock/queue/handover.ts
var handover = __webpack_require__(988);
// EXTERNAL MODULE: ./src/lock/lease-answers.ts
var lease_answers = __webpack_require__(8883);
// EXTERNAL MODULE: ./src/lock/break-record.ts
var break_record = __webpack_require__(9916);
// EXTERNAL MODULE: ./src/lock/queue/slots-blobs.ts
var slots_blobs = __webpack_require__(4011);
// EXTERNAL MODULE: ./src/lock/queue/slots.ts
var queue_slots = __webpack_require__(5230);
// EXTERNAL MODULE: ./src/lock/service-time.ts
var service_time = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/lock/lock-blob-break.ts
// Breaking a lock's lease on purpose (the break step, azure-mutex break): at
// once, with a break record that tells the former holder's post step who broke
// it and when, by the service's clock; with slots, on every slot.








/**
 * Breaks whatever lease the blob has, at once (break period 0), and writes
 * the break record that `describe` makes for the holder it found. The
 * record is merged with the metadata on the blob (the holder record and
 * others' keys stay). It is written without a lease, as nobody holds one
 * after the break: if a waiter takes the lease first, Azure refuses the
 * write (412) and no record is written, which the outcome says.
 * `describe` is given the service's clock at the break (its answer's Date
 * header), so the record is dated on the clock the former holder's post
 * step judges it by, whatever the breaker's own clock says.
 */
async function breakLease(lock, describe, options = {}) {
    return lock.request(options, async (abortSignal) => {
        let holder;
        let brokenAt;
        try {
            const props = await lock.blob.getProperties({ abortSignal });
            if (props.leaseState !== 'leased' && props.leaseState !== 'breaking')
                return { outcome: 'not-held' };
            holder = (0,lock_holder/* holderFromMetadata */.ez)(props.metadata);
            brokenAt = (0,service_time/* readTime */.aQ)((await lock.blob.getBlobLeaseClient().breakLease(0, { abortSignal })).date);
        }
        catch (err) {
            if ((0,lease_answers/* isMissing */.b)(err))
                return { outcome: 'missing' };
            // Released between the look and the break: there was nothing left to break.
            if ((0,errors/* storageErrorCode */.t6)(err) === 'LeaseNotPresentWithLeaseOperation')
                return { outcome: 'not-held' };
            throw err;
        }
        const record = describe(holder, brokenAt);
        for (let attempt = 1;; attempt++) {
            try {
                const props = await lock.blob.getProperties({ abortSignal });
                // A hold that is broken no longer stands: its record goes, so that no later lease is taken for it.
                const kept = Object.entries(props.metadata ?? {}).filter(([key]) => !(0,break_record/* isBreakKey */.$y)(key) && !(0,deploy_hold/* isHoldKey */.Te)(key));
                const metadata = { ...Object.fromEntries(kept), ...(0,break_record/* breakToMetadata */.gr)(record) };
                await lock.blob.setMetadata(metadata, { abortSignal, conditions: { ifMatch: props.etag } });
                return { outcome: 'broken', holder, record, recorded: true };
            }
            catch (err) {
                const code = (0,errors/* storageErrorCode */.t6)(err);
                if (code === 'ConditionNotMet' && attempt < 3)
                    continue;
                if (code === 'LeaseIdMissing' || code === 'ConditionNotMet' || (0,lease_answers/* isMissing */.b)(err)) {
                    return { outcome: 'broken', holder, record, recorded: false };
                }
                throw err;
            }
        }
    });
}
/**
 * Breaks the lease on every slot of the lock (slots.ts), as breakLease does
 * on one blob: slot 1, the lock blob, then every slot blob 2..N that one
 * listing of the lock's folder shows leased (whatever number the counter
 * keeps: a slot blob leased beyond it is broken too). Each record is written
 * on its own slot's blob, where that holder's post step reads it. A
 * credential that may not list breaks slot 1 alone, and `listed` says so.
 */
async function breakEverySlot(lock, describe, options = {}) {
    const folder = await lock
        .request(options, (signal) => (0,slots_blobs/* listLockFolder */.EY)(lock.container, lock.name, queue_slots/* MAX_SLOTS */.Fn, signal))
        .catch((err) => {
        if ((0,errors/* statusCode */.se)(err) === 403)
            return undefined;
        throw err;
    });
    const leased = [...(folder?.slots.values() ?? [])].filter((s) => s.state === 'leased').map((s) => s.slot);
    const [first, ...others] = await Promise.all([
        breakLease(lock, describe, options),
        ...leased.map((slot) => breakLease(lock.atSlot(slot), describe, options)),
    ]);
    const slots = [{ slot: 1, ...first }, ...others.map((outcome, i) => ({ slot: leased[i], ...outcome }))];
    const stored = typeof folder?.stored === 'number' ? folder.stored : 1;
    return { count: Math.max(stored, ...slots.map((s) => s.slot)), slots, listed: folder !== undefined };
}

// EXTERNAL MODULE: ./src/lock/lease.ts
var lease = __webpack_require__(4277);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/lock/clock.ts
var clock = __webpack_require__(2041);
;// CONCATENATED MODULE: ./src/lock/lock-blob-let-go.ts
// Letting go of a held lease (handover.ts): to the head of the queue, else
// released, asking again for a few seconds what storage refuses for a moment.





/**
 * Lets go under our lease (handover.ts): clears our record, and when
 * `target` names the head of the queue, marks the blob with its ticket and
 * changes the lease to the head's id instead of releasing it. A change that
 * fails for any other reason than a lost lease falls back to a release.
 */
async function letGo(lock, leaseId, target, options = {}) {
    let to;
    /** A change whose answer never came (a network failure): it may have taken effect. */
    let changeUnanswered = false;
    const until = (0,clock/* monotonicNow */.X)() + LET_GO_AGAIN_WITHIN_MS;
    try {
        return await lock.request(options, async (abortSignal) => {
            const mark = target.then((found) => {
                to = found;
                return found ? (0,handover/* handedToMetadata */.L$)(found.ticket) : undefined;
            });
            await againWhileTransient(abortSignal, until, () => lock.updateHolderKeys(leaseId, mark, abortSignal));
            const lease = lock.blob.getBlobLeaseClient(leaseId);
            if (to) {
                const proposed = to.leaseId;
                try {
                    // A change asked again after one whose answer was lost succeeds too: the lease is already under that id.
                    await againWhileTransient(abortSignal, until, () => lease.changeLease(proposed, { abortSignal }), (err) => (changeUnanswered ||= (0,errors/* statusCode */.se)(err) === undefined));
                    return { outcome: 'handed-over', to };
                }
                catch (err) {
                    if ((0,lease_answers/* isLeaseGone */.A)(err) || abortSignal.aborted)
                        throw err;
                    changeUnanswered ||= (0,errors/* statusCode */.se)(err) === undefined;
                }
            }
            await againWhileTransient(abortSignal, until, () => lease.releaseLease({ abortSignal }));
            return { outcome: 'released' };
        });
    }
    catch (err) {
        if (!(0,lease_answers/* isLeaseGone */.A)(err) && (0,errors/* statusCode */.se)(err) !== 412)
            throw err;
        // Our id stopped working right after a change whose answer was lost: that change took effect.
        if (changeUnanswered && to && (0,errors/* storageErrorCode */.t6)(err) === 'LeaseIdMismatchWithLeaseOperation')
            return { outcome: 'handed-over', to };
        return { outcome: 'not-held' };
    }
}
/** The pause before letting go asks again what storage refused for a moment (the SDK's own tries came first). */
const LET_GO_PAUSE_MS = 500;
/** How long letting go keeps asking again: long enough for a blip, short enough that an outage ends post soon. */
const LET_GO_AGAIN_WITHIN_MS = 5_000;
/**
 * Runs `call` again while it fails for a passing reason (throttled, a server
 * error, a cut connection), until `until` (monotonic) or `signal` (letting
 * go's deadline). Letting go must not give up at the first refusal: a holder
 * that gives up leaves its lease to lapse, one whose change gives up releases
 * instead, and either way the lock stands free while jobs wait in line.
 */
async function againWhileTransient(signal, until, call, failed) {
    for (;;) {
        try {
            return await call();
        }
        catch (err) {
            if (!(0,errors/* isTransient */.dg)(err) || signal.aborted || (0,clock/* monotonicNow */.X)() + LET_GO_PAUSE_MS >= until)
                throw err;
            failed?.(err);
            await (0,promises_.setTimeout)(LET_GO_PAUSE_MS, undefined, { signal }).catch(() => Promise.reject(err));
        }
    }
}

;// CONCATENATED MODULE: ./src/lock/lock-blob-hold.ts
// Holds on the lock blob (deploy/hold.ts): turning our lease into one, a later
// job of a run taking one over, and lifting or ending one, which lets its
// lease go as a holder does (lock-blob-let-go.ts).








/**
 * The lease a lifted hold has while it is handed over: the shortest Azure
 * grants, so that a lifter that dies halfway keeps the queue waiting no longer.
 */
const LIFT_LEASE_SECONDS = lease/* LEASE_SECONDS */.Vb.min;
/**
 * Turns our lease into a hold (hold.ts): first the holder record (without a
 * lease duration, as nobody refreshes it) and the hold record, under our
 * lease, then the lease itself made infinite (an acquire with our own id and
 * duration -1, which Azure allows on an active lease). In that order, a step
 * that dies between the two leaves a fixed lease that lapses by itself, and
 * never an infinite lease without the record that lets the queue end it.
 * Returns the service's clock in the answer that made it infinite.
 */
async function placeHold(lock, leaseId, holder, hold, options = {}) {
    // No lease duration: nobody refreshes a hold's record, and waiters must not take it for a stale one.
    const kept = { ...holder };
    delete kept.leaseSeconds;
    return lock.request(options, async (abortSignal) => {
        await lock.updateHolderKeys(leaseId, { ...(0,lock_holder/* holderToMetadata */.Jp)(kept), ...(0,deploy_hold/* holdToMetadata */.OU)(hold) }, abortSignal);
        const answer = await lock.blob.getBlobLeaseClient(leaseId).acquireLease(-1, { abortSignal });
        return (0,service_time/* readTime */.aQ)(answer.date);
    });
}
/**
 * Takes over a run's hold (hold.ts) for a later job of the run: an acquire
 * with the hold's lease id and a fixed duration, which succeeds only while
 * that id is the lease's and turns the infinite lease into one that lapses
 * by itself; then a change of the id to our own. Only from then on is the
 * lease ours alone: the head of the queue ends an expired hold with the
 * hold's id, which no longer works, and a job that dies after the acquire
 * leaves a fixed lease that lapses. 'refused' when the id is not the lease's.
 */
async function takeOverHold(lock, holdLeaseId, leaseId, durationSeconds, options = {}) {
    try {
        await lock.request(options, async (abortSignal) => {
            const hold = lock.blob.getBlobLeaseClient(holdLeaseId);
            const answer = await hold.acquireLease(durationSeconds, { abortSignal });
            lock.granted((0,service_time/* readTime */.aQ)(answer.date));
            await hold.changeLease(leaseId, { abortSignal });
        });
        return 'taken';
    }
    catch (err) {
        if ((0,errors/* storageErrorCode */.t6)(err) === 'LeaseAlreadyPresent' || (0,lease_answers/* isLeaseGone */.A)(err) || (0,lease_answers/* isMissing */.b)(err))
            return 'refused';
        throw err;
    }
}
/**
 * Lifts a hold (lift-hold.ts) by letting go of its lease as a holder does:
 * to the head of the queue when `target` names one, else released. First an
 * acquire with the hold's lease id and a fixed duration, If-Match on the
 * ETag of the read that showed the hold: it succeeds only while that id is
 * the lease's and the blob is as read, and from then on a lifter that dies
 * leaves a lease that lapses by itself, never an infinite one without its
 * record. Then `note` (a break record) is written under that lease, If-Match
 * on the same ETag (a lease operation does not change it, a write does: of
 * two that lift or end the same hold at once, only one gets past this), and
 * letGo clears the hold and hands over. 'refused' when the hold is not as read.
 */
async function liftHold(lock, look, note, target, options = {}) {
    const hold = look.hold;
    if (!hold || !look.etag)
        return { outcome: 'refused' };
    const kept = Object.entries(look.metadata ?? {}).filter(([key]) => !(0,break_record/* isBreakKey */.$y)(key));
    try {
        await lock.request(options, async (abortSignal) => {
            await lock.blob
                .getBlobLeaseClient(hold.leaseId)
                .acquireLease(LIFT_LEASE_SECONDS, { abortSignal, conditions: { ifMatch: look.etag } });
            await lock.blob.setMetadata({ ...Object.fromEntries(kept), ...(0,break_record/* breakToMetadata */.gr)(note) }, { abortSignal, conditions: { leaseId: hold.leaseId, ifMatch: look.etag } });
        });
    }
    catch (err) {
        if ((0,lease_answers/* isLeaseGone */.A)(err) || (0,errors/* statusCode */.se)(err) === 412 || (0,errors/* statusCode */.se)(err) === 409)
            return { outcome: 'refused' };
        throw err;
    }
    return letGo(lock, hold.leaseId, target, options);
}

// EXTERNAL MODULE: ./src/lock/lock-listing.ts + 1 modules
var lock_listing = __webpack_require__(7592);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/lock/deploy/latest.ts
var latest = __webpack_require__(5244);
;// CONCATENATED MODULE: ./src/lock/deploy/latest-kept.ts
// Latest wins, kept on the lock blob as well (latest.ts): each key's highest
// sequence that held the lock, so that deleting the .azure-mutex/ folder,
// which holds the keys' records (latest-blobs.ts), does not erase the stale
// guard. It is one metadata key on the lock blob, written by the holder under
// the lock's lease in the same Set Metadata as its holder record (no request
// is added), and carried forward by every other write to the lock blob, as
// the fencing token is (holder.ts, FENCING_KEY).
//
//   azure_mutex_latest: <digest>:<sequence>,<digest>:<sequence>,...
//
// <digest> is the first 16 hex digits of the key's SHA-256 (any key fits in a
// metadata value that way, and 64 bits keep real keys apart), <sequence> the
// highest sequence of that key that held. The key raised last comes first.
// Lock blob metadata is 8 KiB in all, the holder record included, so the list
// keeps the KEPT_KEYS_MAX keys raised most recently (at most about 1.1 KB),
// and fewer when the rest of the metadata leaves less room (a long key and
// long hold or break reasons, percent-encoded); a key raised longer ago drops
// off the lock blob, and its record in the folder is then the only place
// that remembers it.
//
// The lock blob is written by anyone who may write the container while the
// lock is free, like the records: what is read here is untrusted. Entries that
// do not parse are dropped, and a sequence is compared, never shown beyond its
// digits. go-azuremutex uploads the lock blob again, without metadata, every
// time it takes a free lock: the list is then gone until each key holds again,
// and the folder's records still have it.


/** The lock blob's metadata key for the keys' highest sequences. */
const LATEST_KEPT_KEY = 'azure_mutex_latest';
/** The most keys the lock blob keeps: 32 entries of at most 34 characters, about 1.1 KB of its 8 KiB. */
const KEPT_KEYS_MAX = 32;
const DIGEST = /^[0-9a-f]{16}$/;
/** The key as the list names it: the first 16 hex digits of its SHA-256 (UTF-8). */
function keptDigest(key) {
    return (0,external_node_crypto_.createHash)('sha256').update(key, 'utf8').digest('hex').slice(0, 16);
}
/** The list as written on the blob (metadata keys are case-insensitive); undefined when there is none. */
function keptText(metadata) {
    let text;
    for (const [key, value] of Object.entries(metadata ?? {}))
        if (key.toLowerCase() === LATEST_KEPT_KEY)
            text = value;
    return text;
}
/** The entries of the list, in its order; an entry that does not parse, or a digest seen before, is dropped. */
function parseKept(text) {
    const entries = [];
    const seen = new Set();
    for (const part of (text ?? '').split(',')) {
        const [digest, digits, extra] = part.trim().split(':');
        const sequence = (0,latest/* parseSequence */.rd)(digits);
        if (extra !== undefined || digest === undefined || !DIGEST.test(digest) || sequence === undefined)
            continue;
        if (seen.has(digest))
            continue;
        seen.add(digest);
        entries.push({ digest, sequence });
    }
    return entries;
}
/** The highest sequence the lock blob keeps for `key`, or undefined when it keeps none. */
function keptSequence(metadata, key) {
    const digest = keptDigest(key);
    return parseKept(keptText(metadata)).find((entry) => entry.digest === digest)?.sequence;
}
/** Azure's limit on a blob's metadata: names and values together, 8 KiB. */
const METADATA_LIMIT = 8 * 1024;
/** The size Azure counts for metadata: every name and every value (ASCII: what encodeValue writes). */
function metadataSize(metadata) {
    return Object.entries(metadata).reduce((size, [name, value]) => size + name.length + value.length, 0);
}
/**
 * The list with `key` raised to `sequence` (never lowered: the higher of the
 * two stays) and put first; past KEPT_KEYS_MAX, the keys raised longest ago
 * are left out, and so are as many more as it takes for the list to fit in
 * `room` characters (what the rest of the blob's metadata leaves of its
 * 8 KiB; our own key always stays).
 */
function raisedKept(metadata, key, sequence, room = Infinity) {
    const digest = keptDigest(key);
    const entries = parseKept(keptText(metadata));
    const before = entries.find((entry) => entry.digest === digest)?.sequence ?? -1;
    const others = entries.filter((entry) => entry.digest !== digest);
    const kept = [{ digest, sequence: Math.max(sequence, before) }, ...others]
        .slice(0, KEPT_KEYS_MAX)
        .map((entry) => `${entry.digest}:${entry.sequence}`);
    while (kept.length > 1 && kept.join(',').length > room)
        kept.pop();
    return kept.join(',');
}

// EXTERNAL MODULE: ./src/lock/request.ts
var request = __webpack_require__(4034);
// EXTERNAL MODULE: ./src/lock/reserved.ts
var reserved = __webpack_require__(8227);
// EXTERNAL MODULE: ./src/lock/untrusted-text.ts
var untrusted_text = __webpack_require__(4469);
;// CONCATENATED MODULE: ./src/lock/deploy/latest-blobs.ts
// The per-key records of latest.ts in storage: one empty blob per supersede
// key under the lock's reserved folder (reserved.ts), whose metadata is the
// holder record of the job with the highest sequence of that key that held
// the lock. Only a holder writes it, under the lock's lease, and each write
// is conditional on the ETag read just before: a write that raced another is
// read again rather than lost. The action never leases a record: one that a
// stranger leased cannot be written, and is one LatestRecordError naming the
// blob and the command that breaks that lease, found before the job asks for
// the lock's lease (the listing and the read show the record's lease state).
//
// The lock blob keeps each key's sequence as well (latest-kept.ts): readKept
// reads it for a key that has no record here, as after the folder's deletion.







/** A key's record that this action cannot write: a stranger leased its blob. */
class LatestRecordError extends errors/* LockError */.Ku {
    name = 'LatestRecordError';
}
/** The error codes of a write refused because the blob is leased and the request carried no lease id. */
const LEASED_CODES = new Set(['LeaseIdMissing', 'LeaseIdMismatchWithBlobOperation', 'LeaseAlreadyPresent']);
/** A listing's or a read's lease state: leased, or breaking (still locked until the break ends). */
function isLeasedState(state) {
    return state === 'leased' || state === 'breaking';
}
class LatestBlobs {
    container;
    prefix;
    lockName;
    requestTimeoutMs;
    constructor(container, lockName, requestTimeoutMs) {
        this.container = container;
        this.prefix = (0,reserved/* reservedNames */.hD)(lockName).latestPrefix;
        this.lockName = lockName;
        this.requestTimeoutMs = requestTimeoutMs;
    }
    blob(key) {
        return this.container.getBlobClient((0,reserved/* latestName */.LF)(this.prefix, key));
    }
    async read(key, options = {}) {
        return (0,request/* withDeadline */.N)(options, this.requestTimeoutMs, async (abortSignal) => {
            try {
                const props = await this.blob(key).getProperties({ abortSignal });
                return {
                    record: (0,lock_holder/* holderFromMetadata */.ez)(props.metadata),
                    etag: props.etag,
                    ...(isLeasedState(props.leaseState) ? { leased: true } : {}),
                };
            }
            catch (err) {
                // No record yet (or no container): no job of this key has held the lock.
                if ((0,errors/* statusCode */.se)(err) === 404)
                    return { record: undefined, etag: undefined };
                throw err;
            }
        });
    }
    /** The key's sequence as the lock blob keeps it (latest-kept.ts); undefined when it keeps none, or is missing. */
    async readKept(key, options = {}) {
        return (0,request/* withDeadline */.N)(options, this.requestTimeoutMs, async (abortSignal) => {
            try {
                const props = await this.container.getBlobClient(this.lockName).getProperties({ abortSignal });
                return keptSequence(props.metadata, key);
            }
            catch (err) {
                if ((0,errors/* statusCode */.se)(err) === 404)
                    return undefined;
                throw err;
            }
        });
    }
    leasedError(key) {
        const blob = this.blob(key);
        return new LatestRecordError(`The record blob ${blob.containerName}/${(0,untrusted_text/* showUntrusted */.Gz)(blob.name)} of the supersede key ` +
            `"${(0,untrusted_text/* showUntrusted */.Gz)(key, 80)}" is leased by another client; this action never leases it, so it cannot keep ` +
            `the key's newest sequence. Break that lease: ${(0,az_commands/* leaseBreakCommand */.b9)(blob, blob.name)}`);
    }
    deleteCommand(key) {
        const blob = this.blob(key);
        return (0,az_commands/* deleteCommand */.x3)(blob, blob.name);
    }
    /**
     * Every key's record, for the status step: one List Blobs request per
     * 5,000 keys. Records that carry no holder record are left out.
     */
    async list(options = {}) {
        return (0,request/* withDeadline */.N)(options, this.requestTimeoutMs, async (abortSignal) => {
            const records = [];
            try {
                for await (const item of this.container.listBlobsFlat({
                    abortSignal,
                    prefix: this.prefix,
                    includeMetadata: true,
                })) {
                    const record = (0,lock_holder/* holderFromMetadata */.ez)(item.metadata);
                    if (record?.supersedeKey !== undefined)
                        records.push(record);
                }
            }
            catch (err) {
                if ((0,errors/* statusCode */.se)(err) !== 404)
                    throw err;
            }
            return records;
        });
    }
    async write(key, record, etag, options = {}) {
        return (0,request/* withDeadline */.N)(options, this.requestTimeoutMs, async (abortSignal) => {
            try {
                await this.blob(key)
                    .getBlockBlobClient()
                    .upload('', 0, {
                    abortSignal,
                    metadata: (0,lock_holder/* holderToMetadata */.Jp)(record),
                    conditions: etag === undefined ? { ifNoneMatch: '*' } : { ifMatch: etag },
                });
                return 'written';
            }
            catch (err) {
                // Leased by a stranger since the look: no write can pass until that lease is broken.
                const code = (0,errors/* storageErrorCode */.t6)(err);
                if (code !== undefined && LEASED_CODES.has(code))
                    throw this.leasedError(key);
                // 412: written since we read it; 409: created since. Read again.
                if ((0,errors/* statusCode */.se)(err) === 412 || (0,errors/* statusCode */.se)(err) === 409)
                    return 'changed';
                throw err;
            }
        });
    }
}

// EXTERNAL MODULE: ./src/lock/queue/priority.ts
var queue_priority = __webpack_require__(1831);
;// CONCATENATED MODULE: ./src/lock/queue/queue-blobs.ts
// The queue beside a lock, in storage: one small blob per waiter, named by its
// ticket, under the lock's reserved folder (reserved.ts). Each entry carries
// who waits (the holder record's keys) and a lease that its waiter renews:
// an entry whose waiter died loses its lease within one lease duration, and
// Azure refuses to delete an entry that is still leased, so removing a lapsed
// one can never remove a live one.










/** Entries per page of a listing: a queue is rarely longer, so one request lists it. */
const PAGE_SIZE = 100;
const isMissing = (err) => (0,errors/* statusCode */.se)(err) === 404;
/** A listing gives ETags bare, Get Blob Properties in quotes: conditions take the quoted form. */
function quotedEtag(etag) {
    if (etag === undefined || etag.startsWith('"'))
        return etag;
    return `"${etag}"`;
}
class QueueBlobs {
    container;
    prefix;
    /** The lock's whole folder, and the prefix of its per-key records in it. */
    folder;
    latestPrefix;
    tickets;
    lockName;
    requestTimeoutMs;
    constructor(container, lockName, requestTimeoutMs) {
        const names = (0,reserved/* reservedNames */.hD)(lockName);
        this.container = container;
        this.prefix = names.queuePrefix;
        this.latestPrefix = names.latestPrefix;
        this.folder = names.queuePrefix.slice(0, -'queue/'.length);
        this.tickets = names.tickets;
        this.lockName = lockName;
        this.requestTimeoutMs = requestTimeoutMs;
    }
    request(options, call) {
        return (0,request/* withDeadline */.N)(options, this.requestTimeoutMs, call);
    }
    entry(ticket) {
        return this.container.getBlobClient((0,reserved/* entryName */.MB)(this.prefix, ticket));
    }
    async look(options) {
        const last = options.upTo === undefined ? undefined : (0,reserved/* entryName */.MB)(this.prefix, options.upTo);
        const pageSize = options.limit ?? PAGE_SIZE;
        // With a key, the listing starts at the lock's folder: '<lock>/latest/' sorts before '<lock>/queue/',
        // so the same request reads the key's record (latest-blobs.ts) ahead of the entries, with no request of its own.
        const record = options.latestKey === undefined ? undefined : (0,reserved/* latestName */.LF)(this.latestPrefix, options.latestKey);
        const prefix = record === undefined ? this.prefix : this.folder;
        return this.request(options, async (abortSignal) => {
            const entries = [];
            let serviceNow;
            let latest;
            const records = [];
            const done = (complete) => {
                // A listing that ended, or went past the record's name, without it: no job of the key has held.
                if (record !== undefined && !latest && complete)
                    latest = { record: undefined, etag: undefined };
                return {
                    entries,
                    serviceNow: serviceNow ?? new Date(),
                    complete,
                    ...(latest ? { latest } : {}),
                    ...(record !== undefined ? { records } : {}),
                };
            };
            // One request per page; pages come in name order, which is ticket order.
            const pages = this.container
                .listBlobsFlat({ abortSignal, prefix, includeMetadata: true })
                .byPage({ maxPageSize: pageSize });
            for (;;) {
                let next;
                try {
                    next = await pages.next();
                }
                catch (err) {
                    // No container: no queue either.
                    if (isMissing(err))
                        return done(true);
                    throw err;
                }
                if (next.done)
                    return done(true);
                const page = next.value;
                serviceNow ??= (0,service_time/* readTime */.aQ)(page.date);
                for (const item of page.segment.blobItems) {
                    if (record !== undefined && item.name.startsWith(this.latestPrefix)) {
                        const seen = (0,lock_holder/* holderFromMetadata */.ez)(item.metadata);
                        if (seen?.supersedeKey !== undefined)
                            records.push(seen);
                    }
                    if (record !== undefined && !latest) {
                        if (item.name === record)
                            latest = {
                                record: (0,lock_holder/* holderFromMetadata */.ez)(item.metadata),
                                etag: quotedEtag(item.properties.etag),
                                // A stranger's lease on the record: the waiter fails before it asks for the lock's lease.
                                ...(isLeasedState(item.properties.leaseState) ? { leased: true } : {}),
                            };
                        else if (item.name > record)
                            latest = { record: undefined, etag: undefined };
                    }
                    const ticket = (0,reserved/* ticketOf */.We)(this.prefix, item.name);
                    if (ticket === undefined)
                        continue; // not an entry: nothing of ours, left alone
                    entries.push({
                        ticket,
                        leased: item.properties.leaseState === 'leased',
                        modifiedAt: (0,service_time/* entryTime */.gC)(item.properties.lastModified),
                        waiter: (0,lock_holder/* identityFromMetadata */.q9)(item.metadata),
                        infinite: item.properties.leaseDuration === 'infinite',
                        nextLeaseId: (0,handover/* publishedLeaseId */.OW)(item.metadata),
                        ...(0,queue_priority/* priorityFromMetadata */.mG)(item.metadata),
                    });
                }
                const marker = page.continuationToken || undefined;
                const reachedLast = last !== undefined && page.segment.blobItems.some((item) => item.name >= last);
                if (!marker || reachedLast)
                    return done(!marker);
                if (options.limit !== undefined)
                    return done(false);
            }
        });
    }
    /**
     * The next ticket. A tickets counter that is missing (deleted on its own,
     * or with the whole .azure-mutex/ folder) starts again above every ticket
     * still in use: the highest entry in the queue, and the ticket on the
     * holder's record. A newcomer therefore never gets a place ahead of a
     * waiter whose entry is still there.
     */
    async claimTicket(options = {}) {
        const bumped = await this.request(options, (abortSignal) => (0,counter/* bumpCounter */.dH)(this.container.getBlobClient(this.tickets), abortSignal, {
            seed: (signal) => this.highestTicket(signal),
        }));
        return { ticket: bumped.value, previousAt: bumped.previousAt, serviceNow: bumped.serviceNow };
    }
    /**
     * The highest ticket in use: one listing of the queue (names only, a page of
     * 5,000) and one look at the lock blob's holder record, side by side. Asked
     * for only when the tickets counter is missing.
     */
    async highestTicket(abortSignal) {
        const inQueue = async () => {
            let highest = 0;
            try {
                for await (const page of this.container.listBlobsFlat({ abortSignal, prefix: this.prefix }).byPage()) {
                    for (const item of page.segment.blobItems)
                        highest = Math.max(highest, (0,reserved/* ticketOf */.We)(this.prefix, item.name) ?? 0);
                }
            }
            catch (err) {
                if (!isMissing(err))
                    throw err;
            }
            return highest;
        };
        const onRecord = async () => {
            try {
                const props = await this.container.getBlobClient(this.lockName).getProperties({ abortSignal });
                return (0,counter/* counterValue */.mM)((0,lock_holder/* holderFromMetadata */.ez)(props.metadata)?.ticket) ?? 0;
            }
            catch (err) {
                if (!isMissing(err))
                    throw err;
                return 0;
            }
        };
        const [queued, held] = await Promise.all([inQueue(), onRecord()]);
        return Math.max(queued, held);
    }
    async enter(ticket, waiter, leaseId, leaseSeconds, options = {}, lockLeaseId, priority) {
        const blob = this.entry(ticket);
        try {
            await this.request(options, async (abortSignal) => {
                try {
                    await blob.getBlockBlobClient().upload('', 0, {
                        abortSignal,
                        // The lock's lease id we will hold it under goes on the entry, so that a holder can hand the lease to us.
                        // So is our priority (priority.ts): the others order the line by it.
                        metadata: {
                            ...(0,lock_holder/* identityToMetadata */.L_)(waiter),
                            ...(lockLeaseId ? (0,handover/* publishLeaseId */.ri)(lockLeaseId) : {}),
                            ...(priority ? (0,queue_priority/* priorityToMetadata */.jn)(priority) : {}),
                        },
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
            if (isMissing(err) || (0,errors/* statusCode */.se)(err) === 409)
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
                if (isMissing(err))
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
                    if (!isMissing(again))
                        throw again;
                });
            }
        });
    }
    clearCommands(ticket) {
        const name = (0,reserved/* entryName */.MB)(this.prefix, ticket);
        return `${(0,az_commands/* leaseBreakCommand */.b9)(this.container, name)} && ${(0,az_commands/* deleteCommand */.x3)(this.container, name)}`;
    }
    /**
     * Clears one entry for people (the break step): breaks its lease and deletes
     * it, but only when it is no waiter's: an infinite lease (which this action
     * never takes) or none. A fixed lease is a live waiter that renews it, and
     * is left alone: 'live'.
     */
    async clear(ticket, options = {}) {
        const blob = this.entry(ticket);
        return this.request(options, async (abortSignal) => {
            let props;
            try {
                props = await blob.getProperties({ abortSignal });
            }
            catch (err) {
                if (isMissing(err))
                    return 'missing';
                throw err;
            }
            if (props.leaseState === 'leased' && props.leaseDuration !== 'infinite')
                return 'live';
            if (props.leaseState === 'leased' || props.leaseState === 'breaking') {
                await blob.getBlobLeaseClient().breakLease(0, { abortSignal });
            }
            try {
                // Only the blob we looked at: a waiter that took the ticket since would have changed its ETag.
                await blob.delete({ abortSignal, conditions: { ifMatch: props.etag } });
            }
            catch (err) {
                if (isMissing(err))
                    return 'missing';
                throw err;
            }
            return 'cleared';
        });
    }
    async sweep(ticket, options = {}) {
        await this.request(options, async (abortSignal) => {
            try {
                await this.entry(ticket).delete({ abortSignal });
            }
            catch (err) {
                // Leased again after all (412 LeaseIdMissing), or already gone: either is fine.
                if ((0,errors/* statusCode */.se)(err) !== 412 && !isMissing(err))
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
// reason about. LockBlob here is the lease and the records on it (the holder
// record, the fencing token, the kept sequence); what else is done to the
// blob lives beside it, each in its own file, over the same blob
// (blob-access.ts): holds (lock-blob-hold.ts), breaking (lock-blob-break.ts),
// letting go (lock-blob-let-go.ts) and what people read (lock-listing.ts).
// What Azure's refusals mean is in lease-answers.ts.





















// What the faces import from here: the answers, breaking and the listing live beside the lease core.
/** Room kept for the fencing token and the number of slots, which a holder's write may add after the list. */
const KEPT_RESERVE = lock_holder/* FENCING_KEY */.vn.length + 16 + queue_slots/* SLOTS_KEY */.co.length + 3;
/** Sets a metadata key whatever case it was read in (keys are case-insensitive); undefined removes it. */
function setKey(metadata, key, value) {
    for (const name of Object.keys(metadata))
        if (name.toLowerCase() === key)
            delete metadata[name];
    if (value !== undefined)
        metadata[key] = value;
}
class LockBlob {
    container;
    /** The blob this store leases: the lock blob, or with slots the blob of the slot it is on (slots.ts). */
    blob;
    fencing;
    /** The lock's number of slots, as this job asks for it; 1 without slots. */
    slotCount;
    /** The slot this store's lease is on: 1 is the lock blob. */
    slotNumber;
    /** With more than one slot: the look at every slot and the agreement on their number (slots-blobs.ts). */
    slotted;
    requestTimeoutMs;
    name;
    queue;
    latest;
    /** The service's clock in the answer of the last acquire that was granted. */
    grantedAt;
    /** What the renewer last wrote to refresh the holder record, and the ETag Azure gave it. */
    written;
    constructor(container, name, options = {}) {
        this.container = container;
        this.name = name;
        this.slotCount = options.slots ?? 1;
        this.slotNumber = options.slot ?? 1;
        this.blob = container.getBlobClient((0,reserved/* slotBlobName */.dA)(name, this.slotNumber));
        this.requestTimeoutMs = options.requestTimeoutMs ?? request/* DEFAULT_REQUEST_TIMEOUT_MS */.Z;
        this.fencing = container.getBlobClient((0,reserved/* reservedNames */.hD)(name).fencing);
        this.queue = new QueueBlobs(container, name, this.requestTimeoutMs);
        this.latest = new LatestBlobs(container, name, this.requestTimeoutMs);
        this.slotted =
            this.slotCount > 1
                ? new slots_blobs/* SlotsBlobs */.Aw(container, name, {
                    count: this.slotCount,
                    requestTimeoutMs: this.requestTimeoutMs,
                    location: this.location,
                    viewLock: (opts) => (this.slotNumber === 1 ? this : this.atSlot(1)).view(opts),
                    open: (slot) => this.atSlot(slot),
                    kept: (signal) => this.keptOutsideCounter(signal),
                })
                : undefined;
    }
    /** The same lock, on another slot's blob: what the waiter leases once it has picked a slot. */
    atSlot(slot) {
        return new LockBlob(this.container, this.name, {
            requestTimeoutMs: this.requestTimeoutMs,
            slots: this.slotCount,
            slot,
        });
    }
    /** The slot this store's lease is on: 1 (the lock blob) without slots. */
    get slot() {
        return this.slotNumber;
    }
    /** Moves this store to another slot's blob: the renewer learns which one main took only once it holds it. */
    useSlot(slot) {
        if (slot === this.slotNumber)
            return;
        this.slotNumber = slot;
        this.blob = this.container.getBlobClient((0,reserved/* slotBlobName */.dA)(this.name, slot));
        this.written = undefined;
    }
    request(options, call) {
        return (0,request/* withDeadline */.N)(options, this.requestTimeoutMs, call);
    }
    /** A description of where the lock lives, without credentials: account/container/blob. */
    get location() {
        return `${this.container.accountName}/${this.container.containerName}/${this.name}`;
    }
    get shortName() {
        return `${this.container.containerName}/${this.name}`;
    }
    get breakCommand() {
        return (0,az_commands/* leaseBreakCommand */.b9)(this.container, this.blob.name);
    }
    /** One HEAD request: the lease state, the holder record, and how old the record is by the service's clock. */
    async view(options = {}) {
        try {
            const props = await this.request(options, (abortSignal) => this.blob.getProperties({ abortSignal }));
            const record = (0,lock_holder/* holderFromMetadata */.ez)(props.metadata);
            if (props.leaseState === 'leased' || props.leaseState === 'breaking') {
                const infinite = props.leaseDuration === 'infinite';
                const hold = (0,deploy_hold/* standingHold */.Uh)({ state: 'leased', infinite }, (0,deploy_hold/* holdFromMetadata */.hO)(props.metadata));
                return {
                    state: 'leased',
                    holder: record,
                    infinite,
                    modifiedAt: (0,service_time/* readTime */.aQ)(props.lastModified),
                    serviceNow: (0,service_time/* readTime */.aQ)(props.date),
                    ...(hold ? { hold, etag: props.etag, metadata: props.metadata ?? {} } : {}),
                    // Only while no new record is written: the head's record replaces the mark.
                    handedTo: record ? undefined : (0,handover/* handedToTicket */.eS)(props.metadata),
                };
            }
            return { state: 'free', staleHolder: record };
        }
        catch (err) {
            if ((0,lease_answers/* isMissing */.b)(err))
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
            const answer = await this.request(options, (abortSignal) => this.blob.getBlobLeaseClient(leaseId).acquireLease(durationSeconds, { abortSignal }));
            // When the lease began by the service's clock: one clock for every job that uses the lock.
            this.grantedAt = (0,service_time/* readTime */.aQ)(answer.date);
            return 'acquired';
        }
        catch (err) {
            if ((0,errors/* storageErrorCode */.t6)(err) === 'LeaseAlreadyPresent')
                return 'held-by-other';
            if ((0,lease_answers/* isMissing */.b)(err))
                return 'missing';
            throw err;
        }
    }
    /**
     * Writes who holds the lock, under our lease. Only the holder keys change:
     * metadata that others put on the blob (owner=platform-team) is kept.
     */
    async writeHolder(leaseId, record, options = {}, fencingToken, checked) {
        const sequence = record.supersedeKey === undefined ? undefined : (0,latest/* parseSequence */.rd)(record.sequence);
        const supersede = sequence === undefined ? undefined : { key: record.supersedeKey, sequence };
        await this.request(options, (abortSignal) => this.updateHolderKeys(leaseId, (0,lock_holder/* holderToMetadata */.Jp)(record), abortSignal, { fencingToken, supersede, checked }));
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
     *
     * With `fencingToken`, the fencing token this client is taking (see
     * nextFencingToken) goes on the blob too, in the same write: no request is
     * added. It waits for the token after the read, so the two run side by side.
     * Once the token came (the counter agreed with our number of slots), the
     * number goes on the blob beside it (SLOTS_KEY, 1 included): the lock
     * blob and the slot blobs keep it where deleting .azure-mutex/ does not reach
     * it, and a counter created again takes it from there (keptOutsideCounter).
     *
     * With `supersede` (a holder with a supersede key), the sequence the lock
     * blob keeps for the key (latest-kept.ts) is checked in the same read, under
     * our lease, and raised to ours in the same write: a higher one throws the
     * stale LockSupersededError before anything is written; `checked` is called
     * once the check has passed.
     */
    async updateHolderKeys(leaseId, wanted, abortSignal, { fencingToken, supersede, checked, } = {}) {
        for (let attempt = 1;; attempt++) {
            const props = await this.blob.getProperties({ abortSignal, conditions: { leaseId } });
            if (supersede) {
                const kept = keptSequence(props.metadata, supersede.key);
                if (kept !== undefined && kept > supersede.sequence)
                    throw (0,latest/* staleByKept */.Pc)(this.location, kept, supersede.sequence);
                checked?.();
            }
            // A record still being worked out (the handover mark waits for a look at the queue) is awaited after the read.
            const record = await wanted;
            const current = Object.entries(props.metadata ?? {});
            // A hold record goes with the holder record: a new holder's record, or none, means no hold stands.
            const ours = (key) => (0,lock_holder/* isHolderKey */._L)(key) || (0,deploy_hold/* isHoldKey */.Te)(key);
            if (!record && !current.some(([key]) => ours(key)))
                return;
            const metadata = { ...Object.fromEntries(current.filter(([key]) => !ours(key))), ...record };
            if (supersede) {
                // What the rest leaves of the 8 KiB, the token and the number of slots (written below) counted in.
                setKey(metadata, LATEST_KEPT_KEY, undefined);
                const room = METADATA_LIMIT - metadataSize(metadata) - LATEST_KEPT_KEY.length - KEPT_RESERVE;
                setKey(metadata, LATEST_KEPT_KEY, raisedKept(props.metadata, supersede.key, supersede.sequence, room));
            }
            const token = await fencingToken?.catch(() => undefined);
            if (token !== undefined) {
                // Never lower: a counter that someone else started again at 1 must not take the record down with it.
                const recorded = (0,counter/* counterValue */.mM)(metadata[lock_holder/* FENCING_KEY */.vn]) ?? 0;
                metadata[lock_holder/* FENCING_KEY */.vn] = String(Math.max(token, recorded));
                setKey(metadata, queue_slots/* SLOTS_KEY */.co, String(this.slotCount));
            }
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
     * What the operations beside the lease core (status, break, holds, letting
     * go) work with: this store's blob as it is now, its container and its
     * requests under the store's deadline (blob-access.ts).
     */
    get access() {
        // The blob is read at each use, as the methods did: useSlot may move this store to another slot's blob.
        // eslint-disable-next-line @typescript-eslint/no-this-alias
        const store = this;
        return {
            container: this.container,
            get blob() {
                return store.blob;
            },
            name: this.name,
            location: this.location,
            latest: this.latest,
            request: (options, call) => this.request(options, call),
            updateHolderKeys: (leaseId, wanted, abortSignal) => this.updateHolderKeys(leaseId, wanted, abortSignal),
            atSlot: (slot) => this.atSlot(slot).access,
            granted: (at) => (this.grantedAt = at),
        };
    }
    /** The lock's state for people, or 'missing' (lock-listing.ts readLockStatus). */
    status(options = {}) {
        return (0,lock_listing/* readLockStatus */.m)(this.access, options);
    }
    /** Breaks whatever lease the blob has, at once, and writes the break record (lock-blob-break.ts). */
    breakLease(describe, options = {}) {
        return breakLease(this.access, describe, options);
    }
    /** Breaks the lease on every slot of the lock (lock-blob-break.ts). */
    breakEverySlot(describe, options = {}) {
        return breakEverySlot(this.access, describe, options);
    }
    /**
     * Turns our lease into a hold (lock-blob-hold.ts). Returns the service's
     * clock in the answer that made it infinite.
     */
    placeHold(leaseId, holder, hold, options = {}) {
        return placeHold(this.access, leaseId, holder, hold, options);
    }
    /** Takes over a run's hold under our own lease id (lock-blob-hold.ts); 'refused' when its id is not the lease's. */
    takeOverHold(holdLeaseId, leaseId, durationSeconds, options = {}) {
        return takeOverHold(this.access, holdLeaseId, leaseId, durationSeconds, options);
    }
    /**
     * Ends an expired hold (see hold.ts) as a lift does (liftHold): its lease
     * goes to `target`, the head of the queue, or is released, so the lock is
     * never free while jobs wait in line. Conditional throughout on the lease id
     * the hold record names and on the ETag of the read that showed the hold:
     * Azure refuses when the blob changed since that read, or when the id is
     * not the lease's (a forged record on somebody else's lease), and nothing
     * is changed then. Of several that end the same hold at once, one does.
     */
    endHold(look, note, target, options = {}) {
        return liftHold(this.access, look, note, target, options);
    }
    /** Lifts a hold by letting go of its lease as a holder does (lock-blob-hold.ts); 'refused' when it is not as read. */
    liftHold(look, note, target, options = {}) {
        return liftHold(this.access, look, note, target, options);
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
     *
     * The token is also kept on the lock blob (FENCING_KEY): give this call's
     * promise to writeHolder, which runs beside it under the same lease. A counter
     * that is missing (deleted, with or without the whole .azure-mutex/
     * folder) is created above that recorded token, so tokens never go
     * backwards; that costs one more request, only then.
     */
    nextFencingToken(options = {}) {
        return this.request(options, (abortSignal) => (0,counter/* bumpCounter */.dH)(this.fencing, abortSignal, {
            seed: (signal) => this.keptOutsideCounter(signal),
            // The counter keeps the lock's number of slots: a job that asks for another one gives its lease back.
            slots: { asked: this.slotCount, location: this.location },
        })).then((bumped) => bumped.value);
    }
    /**
     * What the fencing counter keeps that is also kept where deleting the
     * .azure-mutex/ folder does not reach it, for a counter created again: the
     * last token recorded on the lock blob and on the slot blobs (FENCING_KEY),
     * and the lock's number of slots (keptSlots). One HEAD of the lock blob and
     * one listing of the slot blobs, side by side, asked for only when the
     * counter is missing; a credential that may not list reads the lock blob only.
     */
    async keptOutsideCounter(abortSignal) {
        const onLock = async () => {
            try {
                return (await this.container.getBlobClient(this.name).getProperties({ abortSignal })).metadata ?? {};
            }
            catch (err) {
                if ((0,lease_answers/* isMissing */.b)(err))
                    return undefined;
                throw err;
            }
        };
        const onSlots = async () => {
            const prefix = (0,reserved/* reservedNames */.hD)(this.name).slotsPrefix;
            const seen = [];
            try {
                for await (const page of this.container
                    .listBlobsFlat({ abortSignal, prefix, includeMetadata: true })
                    .byPage()) {
                    for (const item of page.segment.blobItems) {
                        const slot = (0,reserved/* slotOf */.SW)(prefix, item.name, queue_slots/* MAX_SLOTS */.Fn);
                        if (slot === undefined)
                            continue;
                        const { leaseState } = item.properties;
                        seen.push({ slot, leased: leaseState === 'leased' || leaseState === 'breaking', metadata: item.metadata });
                    }
                }
            }
            catch (err) {
                if (!(0,lease_answers/* isMissing */.b)(err) && (0,errors/* statusCode */.se)(err) !== 403)
                    throw err;
            }
            return seen;
        };
        const [lock, slots] = await Promise.all([onLock(), onSlots()]);
        const token = Math.max((0,counter/* counterValue */.mM)(lock?.[lock_holder/* FENCING_KEY */.vn]) ?? 0, ...slots.map((s) => (0,counter/* counterValue */.mM)(s.metadata?.[lock_holder/* FENCING_KEY */.vn]) ?? 0));
        const count = (0,queue_slots/* keptSlots */.Qg)(lock, slots);
        return { value: token, ...(count !== undefined ? { slots: count } : {}) };
    }
    /**
     * Renews our lease; throws when it fails (see isLeaseGone for a definite
     * loss). Returns the answer's Date header: the service's clock, which
     * displayed times are told by (service-time.ts).
     */
    async renew(leaseId, options = {}) {
        const answer = await this.request(options, (abortSignal) => this.blob.getBlobLeaseClient(leaseId).renewLease({ abortSignal }));
        return (0,service_time/* readTime */.aQ)(answer.date);
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
            if ((0,lease_answers/* isLeaseGone */.A)(err) || (0,errors/* statusCode */.se)(err) === 412)
                return 'not-held';
            throw err;
        }
    }
    /**
     * What letting go looks at (handover.ts): the queue alone without slots;
     * with slots, one look at the queue and every slot (slots-blobs.ts), so
     * that the lease goes to the first waiter not yet handed or holding a slot.
     */
    async handoverLook(options = {}) {
        if (!this.slotted)
            return this.queue.look(options);
        const { queue, slots } = await this.slotted.look(options);
        return { ...queue, served: (0,queue_slots/* servedTickets */.V4)(slots) };
    }
    /**
     * Lets go under our lease (lock-blob-let-go.ts): hands the lease to
     * `target`, the head of the queue, else releases it.
     */
    letGo(leaseId, target, options = {}) {
        return letGo(this.access, leaseId, target, options);
    }
}
/** The lock a spec names, signed with the given credential; no request is made. */
function openLock(auth, spec, options = {}) {
    const container = (0,storage/* containerClientFor */.wW)({ endpoint: spec.endpoint, auth }, spec.container, options);
    return new LockBlob(container, spec.lockName, {
        requestTimeoutMs: options.requestTimeoutMs,
        slots: spec.slots,
        slot: spec.slot,
    });
}


/***/ }),

/***/ 7592:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  d: () => (/* binding */ listLocks),
  m: () => (/* binding */ readLockStatus)
});

// EXTERNAL MODULE: ./src/lock/errors.ts
var errors = __webpack_require__(2960);
// EXTERNAL MODULE: ./src/lock/holder.ts
var holder = __webpack_require__(7053);
// EXTERNAL MODULE: ./src/lock/lease-answers.ts
var lease_answers = __webpack_require__(8883);
// EXTERNAL MODULE: ./src/lock/break-record.ts
var break_record = __webpack_require__(9916);
// EXTERNAL MODULE: ./src/lock/deploy/hold.ts
var deploy_hold = __webpack_require__(4166);
// EXTERNAL MODULE: ./src/lock/queue/priority.ts
var priority = __webpack_require__(1831);
// EXTERNAL MODULE: ./src/lock/queue/queue.ts
var queue = __webpack_require__(2980);
;// CONCATENATED MODULE: ./src/lock/lock-status.ts
// What a look at a lock shows, read-only: held or free, by whom, with what
// kind of lease, and the last break. One blob's properties and one item of a
// List Blobs answer carry the same facts, so both map through statusOf.
//
// A hold whose end has come (deploy/hold.ts) still has its lease until the next
// job that comes for the lock ends it, at once. Status only reads, so it ends
// nothing: it shows such a lock as free, with the hold that ended.





/** The tickets of a queue listing's squatters (entries with an infinite lease), in order. */
function squattersOf(entries) {
    return entries
        .filter(queue/* isSquatter */.AB)
        .map((entry) => entry.ticket)
        .sort((a, b) => a - b);
}
/** The waiters of a queue listing that are alive, in the order of the line (priority.ts); squatters are no waiters. */
function waitersOf(entries, serviceNow) {
    return waitingEntries(entries, serviceNow).map((entry) => entry.waiter);
}
/** The priority of each waiter that waitersOf lists, in the same order. */
function prioritiesOf(entries, serviceNow) {
    return waitingEntries(entries, serviceNow).map(priority/* priorityOf */.a2);
}
function waitingEntries(entries, serviceNow) {
    return (0,priority/* lineOrder */.PJ)(entries.filter((entry) => (0,queue/* isLive */.DG)(entry, serviceNow) && !(0,queue/* isSquatter */.AB)(entry)));
}
function statusOf(name, properties) {
    const leaseState = properties.leaseState ?? 'available';
    const leased = leaseState === 'leased' || leaseState === 'breaking';
    const infinite = properties.leaseDuration === 'infinite';
    const ended = leased
        ? (0,deploy_hold/* endedHold */.oy)({ state: 'leased', infinite }, (0,deploy_hold/* holdFromMetadata */.hO)(properties.metadata), properties.serviceNow)
        : undefined;
    const held = leased && !ended;
    const status = { name, held, leaseState, ...(ended ? { endedHold: ended } : {}) };
    if (held) {
        if (properties.leaseDuration === 'infinite' || properties.leaseDuration === 'fixed') {
            status.leaseKind = properties.leaseDuration;
        }
        const record = (0,holder/* holderFromMetadata */.ez)(properties.metadata);
        const freshness = record
            ? (0,holder/* freshnessOf */.T5)(record, properties.lastModified, properties.serviceNow)
            : { kind: 'unknown-age' };
        const hold = (0,deploy_hold/* standingHold */.Uh)({ state: 'leased', infinite }, (0,deploy_hold/* holdFromMetadata */.hO)(properties.metadata));
        status.seen = { record, freshness, infinite, ...(hold ? { hold } : {}) };
        if (record && freshness.kind !== 'stale')
            status.holder = record;
    }
    const lastBreak = (0,break_record/* breakFromMetadata */.rP)(properties.metadata);
    if (lastBreak)
        status.lastBreak = lastBreak;
    return status;
}

// EXTERNAL MODULE: ./src/lock/queue/slots-blobs.ts
var slots_blobs = __webpack_require__(4011);
// EXTERNAL MODULE: ./src/lock/queue/slots.ts
var queue_slots = __webpack_require__(5230);
// EXTERNAL MODULE: ./src/lock/request.ts
var request = __webpack_require__(4034);
// EXTERNAL MODULE: ./src/lock/reserved.ts
var lock_reserved = __webpack_require__(8227);
// EXTERNAL MODULE: ./src/lock/service-time.ts
var service_time = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/lock/lock-listing.ts
// What people read of locks (status, azure-mutex look): one lock's state with
// its queue, its slots and its keys' records; and every lock in a container,
// from one listing. Read-only.










/**
 * The lock's state for people (status), or 'missing': one HEAD request, and
 * one listing of its queue. Read-only. A credential that may not list (a
 * SAS without 'l') still gets the state, without the queue.
 */
async function readLockStatus(lock, options = {}) {
    let status;
    try {
        const props = await lock.request(options, (abortSignal) => lock.blob.getProperties({ abortSignal }));
        status = statusOf(lock.name, {
            ...props,
            lastModified: (0,service_time/* readTime */.aQ)(props.lastModified),
            serviceNow: (0,service_time/* readTime */.aQ)(props.date),
        });
    }
    catch (err) {
        if ((0,lease_answers/* isMissing */.b)(err))
            return 'missing';
        throw err;
    }
    const refused = (err) => {
        if ((0,errors/* statusCode */.se)(err) === 403)
            return undefined;
        throw err;
    };
    // One listing of the lock's folder shows the queue, and with slots the slot blobs and their number.
    const [folder, latest] = await Promise.all([
        lock.request(options, (signal) => (0,slots_blobs/* listLockFolder */.EY)(lock.container, lock.name, queue_slots/* MAX_SLOTS */.Fn, signal)).catch(refused),
        lock.latest.list(options).catch(refused),
    ]);
    if (latest && latest.length > 0)
        status.latest = latest;
    if (folder) {
        const look = folder.queue;
        status.queue = waitersOf(look.entries, look.serviceNow);
        const priorities = prioritiesOf(look.entries, look.serviceNow);
        if (priorities.includes('high'))
            status.priorities = priorities;
        const squatters = squattersOf(look.entries);
        if (squatters.length > 0)
            status.squatters = squatters;
        const count = typeof folder.stored === 'number' ? folder.stored : 1;
        if (count > 1) {
            const slots = [{ slot: 1, state: status.held ? 'leased' : 'free', holder: status.holder }];
            for (let slot = 2; slot <= count; slot++)
                slots.push(folder.slots.get(slot) ?? { slot, state: 'missing' });
            status.slots = (0,queue_slots/* slotsHeld */.$h)(slots);
        }
    }
    return status;
}
/** The longest a listing of a container's locks may take, every page included. */
const LIST_TIMEOUT_MS = 30_000;
/**
 * Every lock in a container, in name order, from List Blobs with metadata
 * (one request per 5,000 blobs); blobs under the reserved prefix, which are
 * the action's own, are left out. 'missing' when the container does not exist.
 */
async function listLocks(container, options = {}) {
    return (0,request/* withDeadline */.N)(options, LIST_TIMEOUT_MS, async (abortSignal) => {
        const locks = [];
        // The action's own blobs come in the same listing: the queues' entries, to be put with their locks.
        const reserved = [];
        // The action's own blobs by name: the slot blobs 2..N, and the fencing counters that keep each lock's number of slots.
        const own = new Map();
        const latestRecords = [];
        let serviceNow = new Date();
        try {
            for await (const page of container.listBlobsFlat({ includeMetadata: true, abortSignal }).byPage()) {
                serviceNow = (0,service_time/* readTime */.aQ)(page.date) ?? serviceNow;
                for (const blob of page.segment.blobItems) {
                    const { leaseState, leaseDuration } = blob.properties;
                    const lastModified = (0,service_time/* readTime */.aQ)(blob.properties.lastModified);
                    if (blob.name.startsWith(lock_reserved/* RESERVED_PREFIX */.Uy)) {
                        own.set(blob.name, blob);
                        // A key's record of the highest sequence that held (latest.ts): put with its lock below.
                        const latest = (0,holder/* holderFromMetadata */.ez)(blob.metadata);
                        if (latest?.supersedeKey !== undefined)
                            latestRecords.push({ name: blob.name, record: latest });
                        const waiter = (0,holder/* identityFromMetadata */.q9)(blob.metadata);
                        reserved.push({
                            name: blob.name,
                            entry: {
                                leased: leaseState === 'leased',
                                modifiedAt: (0,service_time/* entryTime */.gC)(lastModified),
                                waiter,
                                infinite: leaseDuration === 'infinite',
                                ...(0,priority/* priorityFromMetadata */.mG)(blob.metadata),
                            },
                        });
                        continue;
                    }
                    const facts = {
                        leaseState,
                        leaseDuration,
                        metadata: blob.metadata,
                        lastModified,
                        serviceNow: (0,service_time/* readTime */.aQ)(page.date),
                    };
                    locks.push(statusOf(blob.name, facts));
                }
            }
        }
        catch (err) {
            if ((0,errors/* storageErrorCode */.t6)(err) === 'ContainerNotFound')
                return 'missing';
            throw err;
        }
        for (const lock of locks) {
            const prefix = (0,lock_reserved/* reservedNames */.hD)(lock.name).queuePrefix;
            const entries = reserved.flatMap(({ name, entry }) => {
                const ticket = (0,lock_reserved/* ticketOf */.We)(prefix, name);
                return ticket === undefined ? [] : [{ ...entry, ticket }];
            });
            lock.queue = waitersOf(entries, serviceNow);
            const priorities = prioritiesOf(entries, serviceNow);
            if (priorities.includes('high'))
                lock.priorities = priorities;
            const squatters = squattersOf(entries);
            if (squatters.length > 0)
                lock.squatters = squatters;
            const { latestPrefix } = (0,lock_reserved/* reservedNames */.hD)(lock.name);
            const latest = latestRecords.filter(({ name }) => name.startsWith(latestPrefix)).map(({ record }) => record);
            if (latest.length > 0)
                lock.latest = latest;
            // With slots, "2 of 3 slots held", as the status of one lock says: the number is the counter's.
            const { fencing, slotsPrefix } = (0,lock_reserved/* reservedNames */.hD)(lock.name);
            const count = own.has(fencing) ? (0,queue_slots/* storedSlots */.Dg)(own.get(fencing).metadata) : 1;
            if (typeof count === 'number' && count > 1) {
                const slots = [{ slot: 1, state: lock.held ? 'leased' : 'free', holder: lock.holder }];
                for (let slot = 2; slot <= count; slot++) {
                    const blob = own.get(`${slotsPrefix}${slot}`);
                    slots.push(blob ? (0,slots_blobs/* slotViewOf */.tE)(slot, blob) : { slot, state: 'missing' });
                }
                lock.slots = (0,queue_slots/* slotsHeld */.$h)(slots);
            }
        }
        return locks;
    });
}


/***/ }),

/***/ 988:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GF: () => (/* binding */ headToHandTo),
/* harmony export */   Ko: () => (/* binding */ letGo),
/* harmony export */   L$: () => (/* binding */ handedToMetadata),
/* harmony export */   OW: () => (/* binding */ publishedLeaseId),
/* harmony export */   SY: () => (/* binding */ lookBeforeLettingGo),
/* harmony export */   dz: () => (/* binding */ describeLetGo),
/* harmony export */   eS: () => (/* binding */ handedToTicket),
/* harmony export */   ri: () => (/* binding */ publishLeaseId)
/* harmony export */ });
/* unused harmony export handoverTarget */
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2041);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2960);
/* harmony import */ var _priority_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1831);
/* harmony import */ var _queue_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2980);
/* harmony import */ var _metadata_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5866);
// Handing the lease straight to the head of the queue, instead of freeing it.
//
// Every waiter publishes, in its queue entry, the lease id it will hold the
// lock under. When a holder lets go and a live head has published an id, the
// holder marks the lock blob with the head's ticket and changes its lease to
// that id (Azure's Change Lease: the lease stays active and keeps its
// remaining time; our old id stops working at once). The lock is never free
// between two queued holders, so a client that does not queue cannot slip in.
// The head sees the mark at its next look, and its acquire with the same id
// (which Azure answers by renewing a lease already under that id) takes the
// lock as it does today. Nobody waiting, or nobody who published an id: the
// lease is released as before.
//
// Safety rests on the lease alone, as before: after the change only the head's
// id works, so the old holder cannot renew or write any more, and a head that
// died meanwhile leaves a lease that nobody renews, which lapses within one
// lease duration, exactly like a dead holder's.





/** Azure takes only a GUID as a proposed lease id. */
const LEASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TICKET = /^\d{1,16}$/;
/** Reads one metadata key whatever its case: Azure keeps keys case-insensitively. */
function metadataValue(metadata, key) {
    if (!metadata)
        return undefined;
    for (const [name, value] of Object.entries(metadata))
        if (name.toLowerCase() === key)
            return value;
    return undefined;
}
/** The entry metadata that publishes our lease id. */
function publishLeaseId(leaseId) {
    return { [_metadata_js__WEBPACK_IMPORTED_MODULE_3__/* .NEXT_LEASE_KEY */ .ly]: leaseId };
}
/**
 * The lease id an entry publishes, or undefined. The entry is untrusted: only
 * a GUID is taken, and it is never shown, only proposed to Azure.
 */
function publishedLeaseId(metadata) {
    const value = metadataValue(metadata, _metadata_js__WEBPACK_IMPORTED_MODULE_3__/* .NEXT_LEASE_KEY */ .ly)?.trim();
    return value && LEASE_ID.test(value) ? value.toLowerCase() : undefined;
}
/** The mark the holder leaves on the lock blob as it hands the lease over. */
function handedToMetadata(ticket) {
    return { [_metadata_js__WEBPACK_IMPORTED_MODULE_3__/* .HANDED_TO_KEY */ .RB]: String(ticket) };
}
/** The ticket the lock blob says its lease was handed to, or undefined. */
function handedToTicket(metadata) {
    const value = metadataValue(metadata, _metadata_js__WEBPACK_IMPORTED_MODULE_3__/* .HANDED_TO_KEY */ .RB)?.trim();
    return value && TICKET.test(value) ? Number(value) : undefined;
}
/**
 * The head of the queue, if the lease can be handed to it: the first live
 * entry in the order of the line (priority.ts: a high-priority waiter before
 * the normal ones) that is not a squatter, leased (its waiter renews it), and
 * publishing a lease id. Only the head: an entry further back is never handed
 * the lease, even when the head published nothing (an older version of this
 * action), as that would serve the queue out of order; the lease is released
 * instead. With slots, waiters already served (handed or holding another
 * slot) are passed by: the head is the first waiter still without a slot.
 *
 * `ownLeaseId` is the lease id of whoever lets go. An entry that publishes it
 * is the holder's own, still in the queue (taking the lock deletes it, see
 * attempt.ts, but an older version of this action took the lock even when
 * that delete failed): it is passed by too. Handed to it, the lease would stay
 * under the id of a holder that stops renewing, and lie idle until it lapsed.
 */
function handoverTarget(look, ownLeaseId) {
    const served = look.served;
    const own = ownLeaseId?.toLowerCase();
    const head = (0,_priority_js__WEBPACK_IMPORTED_MODULE_1__/* .lineOrder */ .PJ)(look.entries).find((entry) => (0,_queue_js__WEBPACK_IMPORTED_MODULE_2__/* .isLive */ .DG)(entry, look.serviceNow) &&
        !(0,_queue_js__WEBPACK_IMPORTED_MODULE_2__/* .isSquatter */ .AB)(entry) &&
        !served?.has(entry.ticket) &&
        (own === undefined || entry.nextLeaseId !== own));
    if (!head || !head.leased || !head.nextLeaseId)
        return undefined;
    return { ticket: head.ticket, leaseId: head.nextLeaseId, waiter: head.waiter };
}
/** The longest the look before letting go may take, a second try included. */
const LOOK_BUDGET_MS = 5_000;
/** A second look is tried only with this much of the budget left: less would be cut before it is answered. */
const SECOND_LOOK_MIN_MS = 500;
/**
 * Lets go of the lock: hands the lease to the head of the queue when one has
 * published its id, else releases it. The look at the queue runs beside the
 * first request of the release (the read of the holder record), so a holder
 * with nobody waiting pays no extra round trip. A queue that cannot be read
 * (a credential that may not list, a slow listing) means releasing as before.
 */
async function letGo(store, leaseId, options = {}) {
    // The look ends with the letting go: a release that fails leaves no listing running behind it.
    const looking = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, looking.signal]) : looking.signal;
    const target = headToHandTo(store, { signal, timeoutMs: options.timeoutMs }, leaseId);
    try {
        return await store.letGo(leaseId, target, options);
    }
    finally {
        looking.abort();
    }
}
/**
 * Who the lease goes to when the holder of `ownLeaseId` lets go
 * (handoverTarget), or undefined for a release. The look is tried once more
 * when storage failed it for a passing reason (every try the SDK made
 * answered 503, say), within the same budget: a failed look means a release,
 * and a released lock is free for a client that does not queue while jobs
 * wait in line. Anything else (a credential that may not list) would fail the
 * same way again: released at once.
 */
async function headToHandTo(store, options, ownLeaseId) {
    const timeoutMs = Math.min(options.timeoutMs ?? LOOK_BUDGET_MS, LOOK_BUDGET_MS);
    const until = (0,_clock_js__WEBPACK_IMPORTED_MODULE_4__/* .monotonicNow */ .X)() + timeoutMs;
    const look = (ms) => lookBeforeLettingGo(store, { signal: options.signal, timeoutMs: ms });
    try {
        return handoverTarget(await look(timeoutMs).catch((err) => {
            const left = Math.floor(until - (0,_clock_js__WEBPACK_IMPORTED_MODULE_4__/* .monotonicNow */ .X)());
            if (!(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isTransient */ .dg)(err) || options.signal?.aborted || left < SECOND_LOOK_MIN_MS)
                throw err;
            return look(left);
        }), ownLeaseId);
    }
    catch {
        return undefined;
    }
}
/**
 * What letting go looks at: the whole queue (one request up to 100 entries: a
 * high-priority waiter far back is the head), and with slots the slots too.
 */
function lookBeforeLettingGo(store, look) {
    return store.handoverLook ? store.handoverLook(look) : store.queue.look(look);
}
/** One line for the logs: to whom the lease went. */
function describeLetGo(outcome) {
    if (outcome.outcome === 'handed-over')
        return `handed the lease to the head of the queue (ticket ${outcome.to.ticket})`;
    if (outcome.outcome === 'released')
        return 'released the lease';
    return 'the lease was no longer ours';
}


/***/ }),

/***/ 4011:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Aw: () => (/* binding */ SlotsBlobs),
/* harmony export */   EY: () => (/* binding */ listLockFolder),
/* harmony export */   tE: () => (/* binding */ slotViewOf)
/* harmony export */ });
/* harmony import */ var _counter_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3087);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2960);
/* harmony import */ var _handover_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(988);
/* harmony import */ var _holder_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7053);
/* harmony import */ var _priority_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1831);
/* harmony import */ var _request_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4034);
/* harmony import */ var _reserved_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8227);
/* harmony import */ var _service_time_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3024);
/* harmony import */ var _slots_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5230);
// The slots of a lock in storage (slots.ts): one look at all of them and at
// the queue, and the agreement on their number, kept on the fencing counter.
//
// One look is two requests whatever N is: one listing of the lock's folder
// (.azure-mutex/<lock>/, metadata included), which holds the queue's entries
// and the slot blobs 2..N, and one HEAD of the lock blob, which is slot 1.
//
// The HEAD cannot go into the listing. The lock blob is named by the lock name
// at the top of the container (so that go-azuremutex and the az CLI lease the
// same blob), and the folder is under .azure-mutex/, which no lock name may
// start with: the only prefix that covers both is the container's whole
// listing, every lock and every queue in it, which grows with the container
// (5,000 blobs a page) instead of with the lock. A listing takes one prefix, and
// no filter by name. So the two requests go side by side, costing one round
// trip; and a waiter that cannot take a slot at this look (more waiters ahead
// than slots) lists alone, and sees slot 1 as its last look showed it.









const isMissing = (err) => (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .statusCode */ .se)(err) === 404;
function viewOfLock(slot, view) {
    if (view.state === 'leased') {
        return {
            slot,
            state: 'leased',
            holder: view.holder,
            infinite: view.infinite,
            ...(view.handedTo !== undefined ? { handedTo: view.handedTo } : {}),
        };
    }
    return { slot, state: view.state };
}
class SlotsBlobs {
    container;
    options;
    lockName;
    fencing;
    agreed;
    /** Slot 1 as the last look at the lock blob showed it. */
    lastLock;
    constructor(container, lockName, options) {
        const names = (0,_reserved_js__WEBPACK_IMPORTED_MODULE_6__/* .reservedNames */ .hD)(lockName);
        this.container = container;
        this.options = options;
        this.lockName = lockName;
        this.fencing = container.getBlobClient(names.fencing);
    }
    get count() {
        return this.options.count;
    }
    open(slot) {
        return this.options.open(slot);
    }
    agree(options) {
        // Once per job: the number cannot change under a job without the lock being drained first.
        this.agreed ??= (0,_request_js__WEBPACK_IMPORTED_MODULE_5__/* .withDeadline */ .N)(options, this.options.requestTimeoutMs, (signal) => this.check(signal));
        this.agreed.catch(() => (this.agreed = undefined));
        return this.agreed;
    }
    /**
     * Reads the number the counter keeps and compares it with ours. A missing
     * counter is created with the number the lock keeps outside it (the holders'
     * slot blobs, the lock blob), else ours, and, as its value, the highest token
     * recorded on the slots (so the next bump hands out one more, as counter.ts
     * would); a lost race to create it reads again. A number kept outside that
     * is not ours is refused as the counter's would be.
     */
    async check(abortSignal) {
        const asked = this.options.count;
        for (let tries = 0; tries < 5; tries++) {
            let metadata;
            try {
                metadata = (await this.fencing.getProperties({ abortSignal })).metadata ?? {};
            }
            catch (err) {
                if (!isMissing(err))
                    throw err;
            }
            if (metadata === undefined) {
                const seed = await this.options.kept(abortSignal);
                const kept = seed.slots ?? asked;
                try {
                    await this.fencing.getBlockBlobClient().upload('', 0, {
                        abortSignal,
                        metadata: { value: String(seed.value), ...(kept > 1 ? { [_slots_js__WEBPACK_IMPORTED_MODULE_7__/* .SLOTS_KEY */ .co]: String(kept) } : {}) },
                        conditions: { ifNoneMatch: '*' },
                    });
                }
                catch (err) {
                    // Created by another job first (409, or 412), or the container is missing: the waiter creates it.
                    if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .statusCode */ .se)(err) === 409 || (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .statusCode */ .se)(err) === 412)
                        continue;
                    if (isMissing(err))
                        return;
                    throw err;
                }
                if (kept !== asked) {
                    throw new _slots_js__WEBPACK_IMPORTED_MODULE_7__/* .SlotsMismatchError */ .It((0,_slots_js__WEBPACK_IMPORTED_MODULE_7__/* .slotsMismatchMessage */ .rB)(this.options.location, kept, asked, (0,_counter_js__WEBPACK_IMPORTED_MODULE_0__/* .shown */ .SP)(this.fencing)));
                }
                return;
            }
            const stored = (0,_slots_js__WEBPACK_IMPORTED_MODULE_7__/* .storedSlots */ .Dg)(metadata);
            if (stored === 'malformed') {
                const text = Object.entries(metadata).find(([key]) => key.toLowerCase() === _slots_js__WEBPACK_IMPORTED_MODULE_7__/* .SLOTS_KEY */ .co)?.[1] ?? '';
                const command = (0,_counter_js__WEBPACK_IMPORTED_MODULE_0__/* .counterDeleteCommand */ .Je)(this.fencing);
                throw new _slots_js__WEBPACK_IMPORTED_MODULE_7__/* .SlotsMismatchError */ .It((0,_slots_js__WEBPACK_IMPORTED_MODULE_7__/* .slotsMalformedMessage */ .sk)(this.options.location, text, command));
            }
            if (stored !== asked) {
                throw new _slots_js__WEBPACK_IMPORTED_MODULE_7__/* .SlotsMismatchError */ .It((0,_slots_js__WEBPACK_IMPORTED_MODULE_7__/* .slotsMismatchMessage */ .rB)(this.options.location, stored, asked, (0,_counter_js__WEBPACK_IMPORTED_MODULE_0__/* .shown */ .SP)(this.fencing)));
            }
            return;
        }
    }
    async look(options, { lock: withLock = true } = {}) {
        const [listed, lock] = await Promise.all([
            (0,_request_js__WEBPACK_IMPORTED_MODULE_5__/* .withDeadline */ .N)(options, this.options.requestTimeoutMs, (signal) => listLockFolder(this.container, this.lockName, this.count, signal)),
            withLock ? this.options.viewLock(options) : undefined,
        ]);
        if (lock)
            this.lastLock = viewOfLock(1, lock);
        // Never seen: taken as held by nobody known, so that nobody decides to take it without looking.
        const slots = [this.lastLock ?? { slot: 1, state: 'leased' }];
        for (let slot = 2; slot <= this.count; slot++)
            slots.push(listed.slots.get(slot) ?? { slot, state: 'missing' });
        return { queue: listed.queue, slots, lockSeen: lock !== undefined };
    }
}
/** A slot blob 2..N as a listing shows it: its lease, and the holder record or the handover mark on it. */
function slotViewOf(slot, item) {
    const { leaseState, leaseDuration } = item.properties;
    if (leaseState !== 'leased' && leaseState !== 'breaking')
        return { slot, state: 'free' };
    const holder = (0,_holder_js__WEBPACK_IMPORTED_MODULE_3__/* .holderFromMetadata */ .ez)(item.metadata);
    return {
        slot,
        state: 'leased',
        holder,
        infinite: leaseDuration === 'infinite',
        ...(holder ? {} : { handedTo: (0,_handover_js__WEBPACK_IMPORTED_MODULE_2__/* .handedToTicket */ .eS)(item.metadata) }),
    };
}
/** One listing of the lock's folder (more pages only for a queue of thousands): the entries and the slots. */
async function listLockFolder(container, lockName, maxSlot, abortSignal) {
    const names = (0,_reserved_js__WEBPACK_IMPORTED_MODULE_6__/* .reservedNames */ .hD)(lockName);
    const entries = [];
    const slots = new Map();
    let stored;
    let serviceNow;
    try {
        for await (const page of container
            .listBlobsFlat({ abortSignal, prefix: names.folder, includeMetadata: true })
            .byPage()) {
            serviceNow ??= (0,_service_time_js__WEBPACK_IMPORTED_MODULE_8__/* .readTime */ .aQ)(page.date);
            for (const item of page.segment.blobItems) {
                const { leaseState, leaseDuration, lastModified } = item.properties;
                if (item.name === names.fencing)
                    stored = (0,_slots_js__WEBPACK_IMPORTED_MODULE_7__/* .storedSlots */ .Dg)(item.metadata);
                const ticket = (0,_reserved_js__WEBPACK_IMPORTED_MODULE_6__/* .ticketOf */ .We)(names.queuePrefix, item.name);
                if (ticket !== undefined) {
                    entries.push({
                        ticket,
                        leased: leaseState === 'leased',
                        modifiedAt: (0,_service_time_js__WEBPACK_IMPORTED_MODULE_8__/* .entryTime */ .gC)(lastModified),
                        waiter: (0,_holder_js__WEBPACK_IMPORTED_MODULE_3__/* .identityFromMetadata */ .q9)(item.metadata),
                        infinite: leaseDuration === 'infinite',
                        nextLeaseId: (0,_handover_js__WEBPACK_IMPORTED_MODULE_2__/* .publishedLeaseId */ .OW)(item.metadata),
                        // Read as the queue's own listing reads it: who goes first decides who is handed a slot.
                        ...(0,_priority_js__WEBPACK_IMPORTED_MODULE_4__/* .priorityFromMetadata */ .mG)(item.metadata),
                    });
                    continue;
                }
                const slot = (0,_reserved_js__WEBPACK_IMPORTED_MODULE_6__/* .slotOf */ .SW)(names.slotsPrefix, item.name, maxSlot);
                if (slot === undefined)
                    continue;
                slots.set(slot, slotViewOf(slot, item));
            }
        }
    }
    catch (err) {
        if (!isMissing(err))
            throw err;
    }
    entries.sort((a, b) => a.ticket - b.ticket);
    return { queue: { entries, serviceNow: serviceNow ?? new Date(), complete: true }, slots, stored };
}


/***/ }),

/***/ 4034:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ withDeadline),
/* harmony export */   Z: () => (/* binding */ DEFAULT_REQUEST_TIMEOUT_MS)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2960);
// One request to storage, bounded on the client side. The lock blob and the
// queue (lock-blob.ts, queue-blobs.ts) both send their requests through here.

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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .RequestTimeoutError */ .DH(timeoutMs);
        throw err;
    }
}


/***/ }),

/***/ 8227:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LF: () => (/* binding */ latestName),
/* harmony export */   MB: () => (/* binding */ entryName),
/* harmony export */   SW: () => (/* binding */ slotOf),
/* harmony export */   Uy: () => (/* binding */ RESERVED_PREFIX),
/* harmony export */   We: () => (/* binding */ ticketOf),
/* harmony export */   dA: () => (/* binding */ slotBlobName),
/* harmony export */   hD: () => (/* binding */ reservedNames)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6139);
// Where the action keeps its own blobs beside a lock, in the lock's container:
//
//   .azure-mutex/<lock>/queue/<ticket>   one entry per waiter, in ticket order
//   .azure-mutex/<lock>/tickets          the counter that hands out tickets
//   .azure-mutex/<lock>/fencing          the counter of fencing tokens
//   .azure-mutex/<lock>/latest/<sha256>  per supersede key, the job with the
//                                        highest sequence that held the lock
//                                        (the sequence is on the lock blob too)
//   .azure-mutex/<lock>/slots/<k>        with slots: N > 1, the lease blobs of
//                                        slots 2..N (slot 1 is the lock blob)
//
// <lock> is the lock name as ONE path segment (encodeURIComponent turns '/'
// into '%2F'), so the folders of 'a/b' and 'a/b/queue' cannot overlap. Lock
// names may not start with RESERVED_SEGMENT (names.ts), so no lock is ever one
// of these blobs, and anything that lists the container skips RESERVED_PREFIX.
//
// Any of them may be deleted, the whole folder included, and the lock stays
// safe: what its safety depends on is kept on the lock blob as well, as
// metadata that every write to the lock blob carries forward. A missing
// counter starts again above the numbers still in use (counter.ts): the
// tickets above the highest entry, the fencing tokens above the last one
// (FENCING_KEY in holder.ts), and the fencing counter with the lock's number
// of slots (SLOTS_KEY on the lock blob and the leased slot blobs, slots.ts).
// Each key's highest sequence is on the lock blob too (latest-kept.ts), for
// the 32 keys that held most recently. Deleting the folder loses the queue's
// order (waiters join again at the back), the runs that held each key (the
// lock blob keeps the sequence alone), the guard of keys beyond those 32, and
// the slot blobs nobody holds. A lock blob whose metadata is gone too (
// go-azuremutex uploads it again when it takes a free lock) loses the rest:
// docs/queue-and-fencing.md, "Deleting .azure-mutex/", says what then.


/** The folder of the action's own blobs: whatever lists a container leaves it out. */
const RESERVED_PREFIX = `${_names_js__WEBPACK_IMPORTED_MODULE_1__/* .RESERVED_SEGMENT */ .LK}/`;
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
    return `sha256=${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(lockName, 'utf8').digest('hex')}`;
}
function reservedNames(lockName) {
    const folder = `${RESERVED_PREFIX}${lockSegment(lockName)}/`;
    return {
        queuePrefix: `${folder}queue/`,
        tickets: `${folder}tickets`,
        fencing: `${folder}fencing`,
        latestPrefix: `${folder}latest/`,
        folder,
        slotsPrefix: `${folder}slots/`,
    };
}
/** The blob that slot `slot` leases: the lock blob itself for slot 1, a reserved blob for the others. */
function slotBlobName(lockName, slot) {
    return slot <= 1 ? lockName : `${reservedNames(lockName).slotsPrefix}${slot}`;
}
/** The slot a reserved blob's name is, or undefined for a name that is not a slot's (2..max). */
function slotOf(slotsPrefix, name, max) {
    if (!name.startsWith(slotsPrefix))
        return undefined;
    const digits = name.slice(slotsPrefix.length);
    if (!/^[1-9]\d{0,2}$/.test(digits))
        return undefined;
    const slot = Number(digits);
    return slot >= 2 && slot <= max ? slot : undefined;
}
/** The record of one supersede key: named by the key's SHA-256, so that any key makes a valid blob name. */
function latestName(latestPrefix, key) {
    return `${latestPrefix}${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(key, 'utf8').digest('hex')}`;
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
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2041);
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
            const started = (0,_clock_js__WEBPACK_IMPORTED_MODULE_2__/* .monotonicNow */ .X)();
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
                    durationMs: Math.round((0,_clock_js__WEBPACK_IMPORTED_MODULE_2__/* .monotonicNow */ .X)() - started),
                });
                return response;
            }
            catch (err) {
                const failure = err;
                tell({
                    ...seen,
                    error: typeof failure.code === 'string' ? failure.code : String(failure.name ?? 'error'),
                    durationMs: Math.round((0,_clock_js__WEBPACK_IMPORTED_MODULE_2__/* .monotonicNow */ .X)() - started),
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
