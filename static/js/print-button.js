/* "Print the sheet" buttons (data-print): no inline onclick, so that a
   Content-Security-Policy without 'unsafe-inline' scripts can hold. */
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.addEventListener('click', function () {
    window.print();
  });
});
