/**
 * @kpilang/language-server: the kpilang language server. `runLanguageServer` is the command
 * line (`kpilang-language-server`, `kpic lsp`); `startServer` serves one connection.
 */
export { runLanguageServer } from './main.js';
export { startServer } from './server.js';
export { SERVER_VERSION } from './version.js';
