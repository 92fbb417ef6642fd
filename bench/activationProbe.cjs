// Runs in a fresh Node process: loads dist/extension.js against an inert stand-in for the `vscode` module,
// calls activate(), and reports the time and whether any network connection was attempted.
/* global require, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS, run by node without tsx */
const Module = require('node:module');
const net = require('node:net');
const { performance } = require('node:perf_hooks');
const path = require('node:path');

let connections = 0;
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  connections++;
  return originalConnect.apply(this, args);
};

// Any property, call or construction on the stand-in yields the stand-in again: activate() only registers things.
// A few values are read as data at load time (e.g. vscode.env.language for date formats).
// Settings read at activation (e.g. the HTTP timeout) are unset, as in a fresh profile.
const configuration = {
  get: (_key, fallback) => fallback,
  has: () => false,
  inspect: () => undefined,
  update: async () => undefined,
};
const values = {
  language: 'en',
  appName: 'bench',
  uiKind: 1,
  version: '1.139.1',
  getConfiguration: () => configuration,
};
const read = (_target, key) =>
  key === 'then'
    ? undefined
    : key === Symbol.toPrimitive
      ? () => ''
      : key === Symbol.iterator
        ? function* () {}
        : Object.hasOwn(values, key)
          ? values[key]
          : inert;
// The bundle wraps `require('vscode')` with esbuild's __toESM, which builds on the module's prototype.
const inertPrototype = new Proxy({}, { get: read });
const inert = new Proxy(function () {}, {
  get: read,
  getPrototypeOf: () => inertPrototype,
  set: () => true,
  defineProperty: () => true,
  apply: () => inert,
  construct: () => inert,
});
const originalLoad = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? inert : originalLoad.call(this, request, ...rest);
};

const memento = () => {
  const data = new Map();
  return {
    get: (k, d) => (data.has(k) ? data.get(k) : d),
    update: async (k, v) => {
      data.set(k, v);
    },
    keys: () => [...data.keys()],
  };
};
const root = path.join(__dirname, '..');
const context = {
  subscriptions: [],
  globalState: memento(),
  workspaceState: memento(),
  secrets: {
    get: async () => undefined,
    store: async () => undefined,
    delete: async () => undefined,
    onDidChange: inert,
  },
  extension: {
    id: 'inbox-inspector-oss.altinn-inbox-inspector',
    packageJSON: require(path.join(root, 'package.json')),
    extensionUri: inert,
  },
  extensionUri: inert,
  extensionPath: root,
  globalStorageUri: inert,
  logUri: inert,
  storageUri: undefined,
  asAbsolutePath: (p) => path.join(root, p),
};

const started = performance.now();
const extension = require(path.join(root, 'dist', 'extension.js'));
const loaded = performance.now();
extension.activate(context);
const activated = performance.now();
setTimeout(() => {
  process.stdout.write(
    JSON.stringify({
      loadMs: loaded - started,
      activateMs: activated - loaded,
      totalMs: activated - started,
      connections,
      subscriptions: context.subscriptions.length,
    }),
  );
  process.exit(0);
}, 200);
