/* The roll call without a page load per tap, for a phone on a weak network: each
   Présent / Absent form is sent in the background and the person's row and the counter are
   replaced from the page the server sends back. A refusal (roll call closed meanwhile…) shows
   that page's content, its message first, as a normal submit would. Without JavaScript, or if
   the request fails, the form is sent the usual way. */
(function () {
  'use strict';
  var list = document.querySelector('.roll-call__list');
  if (!list || !window.fetch || !window.DOMParser) {
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

  list.addEventListener('submit', function (event) {
    var form = event.target;
    var button = event.submitter;
    if (!form.classList.contains('roll-call__buttons') || !button) {
      return;
    }
    event.preventDefault();
    var row = form.closest('.roll-call__person');
    var data = new FormData(form);
    data.append(button.name, button.value);
    form.setAttribute('aria-busy', 'true');
    fetch(form.action, { method: 'POST', body: data, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.text().then(function (html) {
          return { page: new DOMParser().parseFromString(html, 'text/html') };
        });
      })
      .then(function (answer) {
        var fresh = answer.page.getElementById(row.id);
        var count = answer.page.getElementById('roll-call-count');
        var main = answer.page.getElementById('content');
        if (answer.page.querySelector('.message--error') || !fresh || !count) {
          // A refusal: show the page the server sent, its message first (an alert).
          document.getElementById('content').replaceWith(main);
          document.title = answer.page.title;
          return;
        }
        row.replaceWith(fresh);
        document.getElementById('roll-call-count').replaceWith(count);
        var pressed = fresh.querySelector('button[value="' + button.value + '"]');
        if (pressed) {
          pressed.focus();
        }
      })
      .catch(function () {
        form.removeAttribute('aria-busy');
        sendTheUsualWay(form, button);
      });
  });
})();
