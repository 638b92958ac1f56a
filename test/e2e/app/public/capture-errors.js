// Runs before any module: every uncaught error and unhandled rejection on the page lands in
// window.__errors, which each e2e test asserts empty afterwards.
window.__errors = [];
window.addEventListener('error', function (event) {
  window.__errors.push(
    'error: ' + (event.error && event.error.stack ? event.error.stack : event.message),
  );
});
window.addEventListener('unhandledrejection', function (event) {
  var reason = event.reason;
  window.__errors.push(
    'unhandledrejection: ' + (reason && reason.stack ? reason.stack : String(reason)),
  );
});
