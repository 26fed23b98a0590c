// Starts `vpclint lsp` for the documents vpclint analyses; the server itself
// decides which of them are templates or plans (others get no diagnostics).
"use strict";
const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function settings() {
  const c = vscode.workspace.getConfiguration("vpclint");
  return {
    select: c.get("select", []),
    ignore: c.get("ignore", []),
    parameters: c.get("parameters", {}),
  };
}

async function activate(context) {
  const command = vscode.workspace.getConfiguration("vpclint").get("path", "vpclint");
  const serverOptions = { command, args: ["lsp"], transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [
      { scheme: "file", language: "yaml" },
      { scheme: "file", language: "json" },
      { scheme: "file", language: "terraform" },
      { scheme: "file", pattern: "**/*.{template,tpl}" },
    ],
    initializationOptions: settings(),
    synchronize: {
      // Sent as workspace/didChangeConfiguration when these settings change.
      configurationSection: "vpclint",
      fileEvents: vscode.workspace.createFileSystemWatcher("**/{*.yaml,*.yml,*.json,*.template,*.tf,.vpclint.yaml}"),
    },
  };
  client = new LanguageClient("vpclint", "vpclint", serverOptions, clientOptions);
  await client.start();
  context.subscriptions.push(client);
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
