// Progressive enhancement, the site's only script: reveals the copy buttons, copies a permalink
// (data-copy) or the text of an element (data-copy-from=id), and announces it to screen readers.
(function () {
  var status = document.getElementById('announce');
  if (!status || !navigator.clipboard) return;
  function announce(message) {
    status.textContent = '';
    setTimeout(function () { status.textContent = message; }, 50);
  }
  var buttons = document.querySelectorAll('button[data-copy], button[data-copy-from]');
  for (var i = 0; i < buttons.length; i++) {
    var button = buttons[i];
    button.hidden = false;
    button.addEventListener('click', function (event) {
      var b = event.currentTarget;
      var from = b.getAttribute('data-copy-from');
      var source = from && document.getElementById(from);
      var text = source ? source.textContent.replace(/\s+/g, ' ').trim() : b.getAttribute('data-copy');
      navigator.clipboard.writeText(text).then(function () {
        announce(source ? 'Citation copied' : 'Link copied');
      }, function () {
        announce('Could not copy. Select the text and copy it instead.');
      });
    });
  }
})();
