// Runs before any module: every uncaught error and unhandled rejection on the page lands in
// window.__errors, which each e2e test asserts empty afterwards; console.error calls land in
// window.__consoleErrors (in every engine: only some drivers report console messages).
window.__errors = [];
window.__consoleErrors = [];
// Firefox's and WebKit's Error.stack hold the frames only; Chromium's starts with the message.
function describeError(error) {
  if (!error || typeof error !== 'object') return String(error);
  const head = String(error);
  const stack = error.stack || '';
  return stack.startsWith(head) ? stack : `${head}${stack ? `\n${stack}` : ''}`;
}
window.addEventListener('error', (event) => {
  window.__errors.push(`error: ${event.error ? describeError(event.error) : event.message}`);
});
window.addEventListener('unhandledrejection', (event) => {
  window.__errors.push(`unhandledrejection: ${describeError(event.reason)}`);
});
const consoleError = console.error;
console.error = (...args) => {
  window.__consoleErrors.push(
    args.map((a) => (a instanceof Error ? describeError(a) : String(a))).join(' '),
  );
  consoleError.apply(console, args);
};
