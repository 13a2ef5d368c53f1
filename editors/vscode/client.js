// A minimal client of the Language Server Protocol over a child process's standard input and
// output, in plain Node.js with no dependencies (so that the extension needs no download to be
// built or installed). Used by extension.js inside VS Code, and by check.js outside it.
"use strict";

const { spawn } = require("child_process");

class Client {
  /** Starts `command args…` as the language server. */
  constructor(command, args, options = {}) {
    this.process = spawn(command, args, { stdio: ["pipe", "pipe", "inherit"], ...options });
    this.nextId = 1;
    this.waiting = new Map();
    this.handlers = new Map();
    this.buffer = Buffer.alloc(0);
    this.process.stdout.on("data", (chunk) => this.receive(chunk));
    this.exited = new Promise((resolve) => this.process.on("exit", (code) => resolve(code)));
    this.process.on("error", (err) => {
      for (const { reject } of this.waiting.values()) reject(err);
      this.waiting.clear();
    });
  }

  /** Calls `handler(params)` for each notification `method` from the server. */
  onNotification(method, handler) {
    this.handlers.set(method, handler);
  }

  /** Sends a request; resolves with its result, rejects with its error. */
  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.send({ jsonrpc: "2.0", id, method, params });
    });
  }

  /** Sends a notification. */
  notify(method, params) {
    this.send({ jsonrpc: "2.0", method, params });
  }

  send(message) {
    const body = Buffer.from(JSON.stringify(message), "utf8");
    this.process.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.process.stdin.write(body);
  }

  receive(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf("\r\n\r\n");
      if (end < 0) return;
      const header = this.buffer.subarray(0, end).toString("ascii");
      const match = /Content-Length: *(\d+)/i.exec(header);
      const length = match ? Number(match[1]) : 0;
      if (this.buffer.length < end + 4 + length) return;
      const body = this.buffer.subarray(end + 4, end + 4 + length).toString("utf8");
      this.buffer = this.buffer.subarray(end + 4 + length);
      let message;
      try {
        message = JSON.parse(body);
      } catch (err) {
        continue;
      }
      this.dispatch(message);
    }
  }

  dispatch(message) {
    if (message.id !== undefined && message.method === undefined) {
      const waiting = this.waiting.get(message.id);
      if (!waiting) return;
      this.waiting.delete(message.id);
      if (message.error) waiting.reject(new Error(`${message.error.code}: ${message.error.message}`));
      else waiting.resolve(message.result);
    } else if (message.method !== undefined && message.id === undefined) {
      const handler = this.handlers.get(message.method);
      if (handler) handler(message.params);
    } else if (message.method !== undefined) {
      // A request from the server (none is expected): say it is not known.
      this.send({ jsonrpc: "2.0", id: message.id, error: { code: -32601, message: "not supported" } });
    }
  }

  /** The initialize handshake. */
  async initialize(rootUri, capabilities) {
    const result = await this.request("initialize", { processId: process.pid, rootUri, capabilities });
    this.notify("initialized", {});
    return result;
  }

  /** Shutdown and exit, as the protocol asks; resolves with the server's exit code. */
  async stop() {
    await this.request("shutdown", null);
    this.notify("exit", null);
    this.process.stdin.end();
    return this.exited;
  }
}

/** The `file:` URI of an absolute path. */
function fileUri(path) {
  const slashed = path.replace(/\\/g, "/");
  const withRoot = slashed.startsWith("/") ? slashed : `/${slashed}`;
  return "file://" + withRoot.split("/").map(encodeURIComponent).join("/").replace(/%3A/g, ":");
}

module.exports = { Client, fileUri };
