export const id = 165;
export const ids = [165];
export const modules = {

/***/ 4050:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  E: () => (/* binding */ runRenewer)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:stream/consumers"
var consumers_ = __webpack_require__(8321);
// EXTERNAL MODULE: ./src/lock/errors.ts
var errors = __webpack_require__(2960);
// EXTERNAL MODULE: ./src/lock/lock-blob.ts
var lock_blob = __webpack_require__(5246);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./src/lock/duration.ts
var duration = __webpack_require__(6307);
;// CONCATENATED MODULE: ./src/lock/renewer.ts
// The renewer: keeps a held lease alive. Each attempt ends in one of three
// outcomes, and only two things end the lease for us: Azure saying it is no
// longer ours, or a whole lease duration without a successful renewal.




/**
 * The renewal schedule for a lease of the given length. A renewal every third
 * of the lease leaves two more chances before it lapses; each SDK try may take
 * a quarter of the lease (so a slow but working network still renews), and one
 * attempt, SDK retries included, at most half of it.
 */
function renewalTimings(leaseDurationMs) {
    const intervalMs = Math.floor(leaseDurationMs / 3);
    return {
        intervalMs,
        retryMs: Math.min(2_000, intervalMs),
        attemptTimeoutMs: Math.floor(leaseDurationMs / 2),
        tryTimeoutMs: Math.min(10_000, Math.floor(leaseDurationMs / 4)),
    };
}
/** SDK retry settings for renewal requests: they fit in one attempt of the schedule above. */
function renewerRetry(leaseDurationMs) {
    return {
        maxTries: 3,
        tryTimeoutInMs: renewalTimings(leaseDurationMs).tryTimeoutMs,
        retryDelayInMs: 300,
        maxRetryDelayInMs: 1_000,
    };
}
/**
 * Renews until the signal aborts (returns undefined) or the lease is lost
 * (returns when and why). A lease counts as valid until the start of the last
 * successful renewal plus the lease duration: Azure renewed it no earlier than
 * the moment we sent the request.
 */
async function keepLease(options, signal) {
    const defaults = renewalTimings(options.leaseDurationMs);
    const intervalMs = options.intervalMs ?? defaults.intervalMs;
    const retryMs = options.retryMs ?? defaults.retryMs;
    const attemptTimeoutMs = options.attemptTimeoutMs ?? defaults.attemptTimeoutMs;
    let validUntil = (options.heldSince?.getTime() ?? Date.now()) + options.leaseDurationMs;
    let pause = 0;
    let lastError;
    while (!signal.aborted) {
        await (0,promises_.setTimeout)(Math.max(0, Math.min(pause, validUntil - Date.now())), undefined, { signal }).catch(() => { });
        if (signal.aborted)
            break;
        const sentAt = Date.now();
        if (sentAt >= validUntil) {
            return {
                at: new Date(validUntil),
                reason: `no successful renewal for ${(0,duration/* formatDuration */.a)(options.leaseDurationMs)}, the whole lease duration` +
                    (lastError ? ` (last error: ${(0,errors/* describeStorageErrorBrief */.rg)(lastError)})` : ''),
            };
        }
        const attempt = AbortSignal.any([signal, AbortSignal.timeout(Math.min(attemptTimeoutMs, validUntil - sentAt))]);
        try {
            await options.renew(attempt);
            validUntil = sentAt + options.leaseDurationMs;
            lastError = undefined;
            pause = intervalMs;
            options.onOutcome?.({ kind: 'renewed', at: new Date() });
        }
        catch (err) {
            if (signal.aborted)
                break;
            if ((0,lock_blob/* isLeaseGone */.A)(err)) {
                options.onOutcome?.({ kind: 'lost', at: new Date(), error: err });
                return { at: new Date(), reason: `Azure says the lease is no longer ours (${(0,errors/* describeStorageErrorBrief */.rg)(err)})` };
            }
            lastError = err;
            pause = retryMs;
            options.onOutcome?.({ kind: 'unknown', at: new Date(), error: err });
        }
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/lock/storage.ts
var storage = __webpack_require__(4906);
// EXTERNAL MODULE: ./src/action/entra.ts
var entra = __webpack_require__(7786);
// EXTERNAL MODULE: ./src/action/processes.ts
var processes = __webpack_require__(7451);
// EXTERNAL MODULE: ./src/action/renewer-control.ts
var renewer_control = __webpack_require__(9984);
// EXTERNAL MODULE: ./src/action/renewer-status.ts
var renewer_status = __webpack_require__(3095);
;// CONCATENATED MODULE: ./src/action/renewer-process.ts
// The detached renewer process. It reads its configuration from stdin, keeps
// the lease alive, and ends in one of three ways, each written to its status
// file: asked to stop (it releases the lease), the job's worker is gone (it
// releases the lease: nothing else would ever stop it), or the lease is lost
// (it records when and why for post to report).










const WORKER_CHECK_MS = 1_000;
async function runRenewer(statusFile) {
    if (!statusFile)
        return 2;
    const logFile = (0,renewer_control/* logFileOf */.Qw)(statusFile);
    const log = (line) => {
        try {
            (0,external_node_fs_.appendFileSync)(logFile, `${new Date().toISOString()} ${line}\n`);
        }
        catch {
            // A full or vanished temp folder must not stop the renewals.
        }
    };
    const status = {
        pid: process.pid,
        state: 'starting',
        startedAt: new Date().toISOString(),
        renewals: 0,
        failures: 0,
        longestGapMs: 0,
    };
    const save = () => (0,renewer_status/* writeStatus */.K)(statusFile, status);
    save();
    let config;
    try {
        config = JSON.parse(await (0,consumers_.text)(process.stdin));
    }
    catch (err) {
        status.state = 'failed';
        status.reason = `unreadable configuration on stdin (${err.message})`;
        save();
        return 1;
    }
    const stop = new AbortController();
    let stopReason = 'asked to stop';
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
        process.on(signal, () => {
            stopReason = `asked to stop (${signal})`;
            stop.abort();
        });
    }
    const workerWatch = watchWorker(config.worker, log, (reason) => {
        stopReason = reason;
        stop.abort();
    });
    const leaseDurationMs = config.leaseDurationSeconds * 1000;
    let lock;
    try {
        // No token yet: the first renewal fetches one, and keepLease retries if that fails.
        const { target } = await (0,entra/* signIn */.Jv)(config.target, {
            oidcRequest: config.oidcRequest,
            ambientSource: config.ambientSource,
        });
        lock = new lock_blob/* LockBlob */.$((0,storage/* containerClientFor */.wW)(target, config.container, { retry: renewerRetry(leaseDurationMs) }), config.lockName);
    }
    catch (err) {
        clearInterval(workerWatch);
        status.state = 'failed';
        status.reason = `cannot sign in (${err instanceof Error ? err.message : String(err)})`;
        save();
        return 1;
    }
    log(`renewer ${process.pid} keeps lease ${config.leaseId} on ${lock.location} (lease ${config.leaseDurationSeconds}s)`);
    let lastRenewal = Date.parse(config.heldSince);
    const onOutcome = (outcome) => {
        if (outcome.kind === 'renewed') {
            const now = outcome.at.getTime();
            status.longestGapMs = Math.max(status.longestGapMs, now - lastRenewal);
            lastRenewal = now;
            status.renewals += 1;
            status.lastRenewedAt = outcome.at.toISOString();
            if (status.state === 'starting')
                log('first renewal done: renewing');
            status.state = 'renewing';
        }
        else {
            status.failures += 1;
            log(`renewal failed (${outcome.kind}): ${(0,errors/* describeStorageErrorBrief */.rg)(outcome.error)}`);
        }
        save();
    };
    const loss = await keepLease({
        renew: (signal) => lock.renew(config.leaseId, signal),
        leaseDurationMs,
        heldSince: new Date(config.heldSince),
        onOutcome,
    }, stop.signal);
    clearInterval(workerWatch);
    if (loss) {
        status.state = 'lost';
        status.lostAt = loss.at.toISOString();
        status.reason = loss.reason;
        save();
        log(`LEASE LOST at ${status.lostAt}: ${loss.reason}`);
        // Give back whatever is left of it; after a loss this finds nothing of ours, or frees an expired lease early.
        await lock.release(config.leaseId, AbortSignal.timeout(5_000)).catch(() => undefined);
        return 0;
    }
    log(`${stopReason}: releasing the lease`);
    try {
        const outcome = await lock.release(config.leaseId, AbortSignal.timeout(10_000));
        if (outcome === 'not-held') {
            // Lost at some moment since the last renewal: lostAt stays unset, post says so.
            status.state = 'lost';
            status.reason = 'at release, Azure said the lease was no longer ours';
        }
        else {
            status.state = 'released';
            status.releasedAt = new Date().toISOString();
            status.reason = stopReason;
        }
    }
    catch (err) {
        // The lease stays ours until it expires; post tries again.
        status.reason = `release failed: ${(0,errors/* describeStorageErrorBrief */.rg)(err)}`;
    }
    save();
    log(`${status.state}: ${status.reason}`);
    return 0;
}
/** Polls the worker's pid; when it is gone (or reused), calls onGone once. */
function watchWorker(worker, log, onGone) {
    if (!worker) {
        log("debug: main's parent is pid 1 or unknown (a container job?): not watching the runner worker");
        return undefined;
    }
    log(`watching runner worker pid ${worker.pid}`);
    const timer = setInterval(() => {
        const gone = !(0,processes/* isRunning */.W_)(worker.pid) || (worker.startTime !== undefined && (0,processes/* startTimeOf */.P2)(worker.pid) !== worker.startTime);
        if (gone) {
            clearInterval(timer);
            onGone(`the runner worker (pid ${worker.pid}) is gone`);
        }
    }, WORKER_CHECK_MS);
    return timer;
}


/***/ }),

/***/ 8165:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _action_renewer_process_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4050);

process.exit(await (0,_action_renewer_process_js__WEBPACK_IMPORTED_MODULE_0__/* .runRenewer */ .E)(process.argv[2]));

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ })

};
