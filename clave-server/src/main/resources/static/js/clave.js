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
      if (digit !== null && field.value.length < max) {
        field.value += digit;
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

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.keypad[data-target]').forEach(setUpKeypad);
    document.querySelectorAll('.countdown[data-seconds-left]').forEach(setUpCountdown);
  });
})();
