export const id = 952;
export const ids = [952];
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


/***/ })

};
