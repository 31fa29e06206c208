// Deployment settings of the console. Locally `wfc serve` answers the API on the same origin, so the base is ''.
// When the console is deployed as static files, set apiBaseUrl to the API Gateway stage URL.
globalThis.WFC_CONFIG = { apiBaseUrl: '' };
