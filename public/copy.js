// @ts-check
// Progressive enhancement on every page with a copy button: reveals the copy buttons, copies a permalink
// (data-copy) or the text of an element (data-copy-from=id), and announces it to screen readers.
// A citation gets "(Accessed <today>)" at the moment of copying, so the page itself stays the same every build.
(() => {
  const status = document.getElementById('announce');
  if (!status || !navigator.clipboard) return;
  /** @param {string} message */
  function announce(message) {
    if (!status) return;
    status.textContent = '';
    setTimeout(() => {
      status.textContent = message;
    }, 50);
  }
  for (const button of document.querySelectorAll('button[data-copy], button[data-copy-from]')) {
    if (!(button instanceof HTMLButtonElement)) continue;
    button.hidden = false;
    button.addEventListener('click', () => {
      const from = button.getAttribute('data-copy-from');
      const source = from && document.getElementById(from);
      const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
      const text = source ? `${(source.textContent ?? '').replace(/\s+/g, ' ').trim()} (Accessed ${today})` : (button.getAttribute('data-copy') ?? '');
      navigator.clipboard.writeText(text).then(
        () => announce(source ? 'Citation copied' : 'Link copied'),
        () => announce('Could not copy. Select the text and copy it instead.'),
      );
    });
  }
})();
