// TickStock sign-in page (a file, not inline: the Content-Security-Policy allows only the app's own scripts).
(() => {
  'use strict';
  const error = document.getElementById('login-error');
  if (new URLSearchParams(location.search).has('error')) error.hidden = false;
  // bcrypt reads at most 72 bytes of a password: say so here instead of sending one the server refuses
  document.getElementById('login-form').addEventListener('submit', (e) => {
    if (new TextEncoder().encode(document.getElementById('password').value).length > 72) {
      e.preventDefault();
      error.textContent = 'Passwords are at most 72 bytes.';
      error.hidden = false;
    }
  });
})();
