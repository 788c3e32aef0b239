// Clave's only script: the virtual keyboard and the key countdown. Both enhance pages that work without it.
(function () {
  'use strict';

  function setUpKeypad(keypad) {
    var field = document.getElementById(keypad.getAttribute('data-target'));
    if (!field) { return; }
    keypad.hidden = false;
    keypad.addEventListener('click', function (event) {
      var key = event.target.closest('.keypad-key');
      if (!key) { return; }
      var max = parseInt(field.getAttribute('maxlength') || '10', 10);
      var digit = key.getAttribute('data-digit');
      var action = key.getAttribute('data-action');
      var shifted = keypad.getAttribute('data-shifted') === 'true';
      if (digit !== null && field.value.length < max) {
        field.value += shifted ? digit.toUpperCase() : digit;
      } else if (action === 'shift') {
        keypad.setAttribute('data-shifted', shifted ? 'false' : 'true');
        key.setAttribute('aria-pressed', shifted ? 'false' : 'true');
        keypad.querySelectorAll('.keypad-key[data-digit]').forEach(function (k) {
          var value = k.getAttribute('data-digit');
          k.textContent = shifted ? value : value.toUpperCase();
        });
      } else if (action === 'delete') {
        field.value = field.value.slice(0, -1);
      } else if (action === 'clear') {
        field.value = '';
      }
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }

  function setUpCountdown(element) {
    var secondsLeft = parseInt(element.getAttribute('data-seconds-left'), 10);
    var value = element.querySelector('.countdown-value');
    if (isNaN(secondsLeft) || !value) { return; }
    var label = element.querySelector('.countdown-label');
    if (label && element.getAttribute('data-running-label')) {
      label.textContent = element.getAttribute('data-running-label');
    }
    var deadline = Date.now() + secondsLeft * 1000;
    function tick() {
      var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      if (left === 0) {
        value.textContent = element.getAttribute('data-expired-text');
        return;
      }
      var minutes = Math.floor(left / 60);
      var seconds = left % 60;
      value.textContent = minutes + ':' + (seconds < 10 ? '0' : '') + seconds;
      window.setTimeout(tick, 1000);
    }
    tick();
  }

  // Warns before the idle timeout of a signed-in session; "Seguir conectado" renews it, otherwise the page goes to the
  // login page with a message when the session is over. The server ends the session anyway: this is only courtesy.
  function setUpSessionTimer(panel) {
    var idle = parseInt(panel.getAttribute('data-idle-seconds'), 10) * 1000;
    var warning = parseInt(panel.getAttribute('data-warning-seconds'), 10) * 1000;
    if (isNaN(idle) || isNaN(warning)) { return; }
    var warnTimer;
    var endTimer;
    function schedule() {
      window.clearTimeout(warnTimer);
      window.clearTimeout(endTimer);
      panel.hidden = true;
      warnTimer = window.setTimeout(function () { panel.hidden = false; panel.querySelector('button').focus(); },
        Math.max(0, idle - warning));
      endTimer = window.setTimeout(function () { window.location.assign(panel.getAttribute('data-expired')); }, idle);
    }
    panel.querySelector('[data-session-keepalive]').addEventListener('click', function () {
      var csrf = document.querySelector('form.signout input[name="_csrf"]');
      var body = new URLSearchParams();
      if (csrf) { body.append('_csrf', csrf.value); }
      fetch(panel.getAttribute('data-keepalive'), { method: 'POST', body: body, credentials: 'same-origin',
        redirect: 'manual' }).then(function (response) {
        if (response.status === 204) { schedule(); } else { window.location.assign(panel.getAttribute('data-expired')); }
      });
    });
    schedule();
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('#session-timer[data-idle-seconds]').forEach(setUpSessionTimer);
    document.querySelectorAll('.keypad[data-target]').forEach(setUpKeypad);
    document.querySelectorAll('.countdown[data-seconds-left]').forEach(setUpCountdown);
  });
})();
