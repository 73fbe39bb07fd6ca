/* The roll call without a page load per tap, for a phone on a weak network: each
   Présent / Absent form is sent in the background, then the person's row (state, pressed
   button) and the counter (a polite live region) are updated in place from the page the
   server sends back, so focus stays on the button just pressed. A refusal (roll call closed
   meanwhile…) shows that page's content, its message first, as a normal submit would; a page
   that is not the roll call (signed out meanwhile…) is reloaded. Without JavaScript, or if the
   request fails, the form is sent the usual way. */
(function () {
  'use strict';
  if (!document.querySelector('.roll-call__list') || !window.fetch || !window.DOMParser) {
    return;
  }

  function sendTheUsualWay(form, button) {
    var choice = document.createElement('input');
    choice.type = 'hidden';
    choice.name = button.name;
    choice.value = button.value;
    form.appendChild(choice);
    form.submit();
  }

  function updateRow(row, fresh) {
    row.className = fresh.className;
    row.querySelector('.roll-call__state').textContent =
      fresh.querySelector('.roll-call__state').textContent;
    row.querySelectorAll('.roll-call__button').forEach(function (button) {
      var twin = fresh.querySelector('.roll-call__button[value="' + button.value + '"]');
      button.setAttribute('aria-pressed', twin.getAttribute('aria-pressed'));
    });
  }

  function showRefusal(page) {
    var main = page.getElementById('content');
    if (!main) {
      window.location.reload();
      return;
    }
    document.getElementById('content').replaceWith(main);
    document.title = page.title;
    main.focus(); // the message comes first in it
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    var button = event.submitter;
    if (!form.classList.contains('roll-call__buttons') || !button) {
      return;
    }
    event.preventDefault();
    if (form.getAttribute('aria-busy') === 'true') {
      return; // a second tap while the first is on its way
    }
    var rowId = form.closest('.roll-call__person').id;
    var data = new FormData(form);
    data.append(button.name, button.value);
    form.setAttribute('aria-busy', 'true');
    fetch(form.action, { method: 'POST', body: data, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.text().then(function (html) {
          return new DOMParser().parseFromString(html, 'text/html');
        });
      })
      .then(function (page) {
        var row = document.getElementById(rowId);
        var fresh = page.getElementById(rowId);
        var count = page.getElementById('roll-call-count');
        if (!count) {
          window.location.reload(); // not the roll call: signed out meanwhile…
          return;
        }
        if (page.querySelector('.message--error') || !fresh || !row) {
          showRefusal(page);
          return;
        }
        updateRow(row, fresh);
        document.getElementById('roll-call-count').textContent = count.textContent;
        form.removeAttribute('aria-busy');
      })
      .catch(function () {
        form.removeAttribute('aria-busy');
        sendTheUsualWay(form, button);
      });
  });
})();
