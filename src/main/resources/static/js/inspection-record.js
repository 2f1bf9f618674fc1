// The field record page. Each item's form saves in place through htmx: a tap on PASS or NOT_APPLICABLE saves at
// once, FAIL opens the note and saves with it. A save the network lost stays on its item, marked unsaved with a retry
// button, and is sent again once the connection is back (the server replaces an item's result, so sending twice is
// harmless): nothing chosen or typed is dropped. Finishing asks first. Without this script the forms post the page.
(function () {
  var page = document.getElementById('record');
  if (!page) {
    return;
  }
  var FIRST_RETRY_MS = 5000;
  var LAST_RETRY_MS = 60000;
  var unsaved = new Set();
  var retryTimer = null;
  var retryDelay = FIRST_RETRY_MS;

  function formOf(element) {
    return element && element.closest ? element.closest('form.record-form') : null;
  }

  function note(form) {
    return form.querySelector('textarea[name=note]');
  }

  function foldNote(form, folded) {
    form.querySelector('.note-area').classList.toggle('d-none', folded);
    form.querySelector('.note-open').classList.toggle('d-none', !folded);
  }

  function save(form) {
    // a real submit event: htmx sends it in place, or the browser posts the page when htmx is absent
    form.requestSubmit();
  }

  // Notes stay folded until wanted: a failed item needs one, the others may have one.
  page.querySelectorAll('form.record-form').forEach(function (form) {
    var chosen = form.querySelector('input[name=outcome]:checked');
    foldNote(form, (chosen === null || chosen.value !== 'FAIL') && note(form).value.trim() === '');
  });

  page.addEventListener('change', function (event) {
    var input = event.target;
    var form = formOf(input);
    if (!form || input.name !== 'outcome') {
      return;
    }
    if (input.value === 'FAIL' && note(form).value.trim() === '') {
      foldNote(form, false);
      note(form).focus();
      return;
    }
    save(form);
  });

  page.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('.note-open, .retry') : null;
    var form = formOf(button);
    if (!form) {
      return;
    }
    if (button.classList.contains('note-open')) {
      foldNote(form, false);
      note(form).focus();
    }
    else {
      save(form);
    }
  });

  function markUnsaved(form) {
    unsaved.add(form);
    var state = form.querySelector('.item-state');
    if (state && !state.querySelector('.unsaved')) {
      state.appendChild(document.getElementById('unsaved-template').content.cloneNode(true));
    }
    scheduleRetry();
  }

  function markSaved(form) {
    unsaved.delete(form);
    if (unsaved.size === 0) {
      retryDelay = FIRST_RETRY_MS;
    }
    var state = form.querySelector('.item-state');
    var outcome = state ? state.getAttribute('data-outcome') : null;
    var card = form.closest('.record-item');
    card.classList.toggle('border-success', outcome === 'PASS' || outcome === 'NOT_APPLICABLE');
    card.classList.toggle('border-danger', outcome === 'FAIL');
  }

  function retryAll() {
    Array.from(unsaved).forEach(save);
  }

  // Backs off while the server stays out of reach; the browser's online event retries at once.
  function scheduleRetry() {
    if (retryTimer !== null || unsaved.size === 0) {
      return;
    }
    retryTimer = setTimeout(function () {
      retryTimer = null;
      if (navigator.onLine) {
        retryAll();
        retryDelay = Math.min(retryDelay * 2, LAST_RETRY_MS);
      }
      scheduleRetry();
    }, retryDelay);
  }

  window.addEventListener('online', function () {
    retryDelay = FIRST_RETRY_MS;
    retryAll();
  });

  window.addEventListener('beforeunload', function (event) {
    if (unsaved.size > 0) {
      event.preventDefault();
      event.returnValue = '';
    }
  });

  // A refusal (400) is the item's answer and is shown; anything not the item's own answer (a login page after the
  // session ended, an error page) is a save that did not happen.
  document.body.addEventListener('htmx:beforeSwap', function (event) {
    if (!formOf(event.detail.elt)) {
      return;
    }
    var ours = event.detail.xhr.getResponseHeader('X-Record-Item') !== null;
    if (ours && event.detail.xhr.status === 400) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
    else if (!ours) {
      event.detail.shouldSwap = false;
      event.detail.isError = true;
    }
  });

  document.body.addEventListener('htmx:afterRequest', function (event) {
    var form = formOf(event.detail.elt);
    if (form && event.detail.successful === true) {
      markSaved(form);
    }
  });

  ['htmx:sendError', 'htmx:responseError', 'htmx:timeout'].forEach(function (name) {
    document.body.addEventListener(name, function (event) {
      var form = formOf(event.detail.elt);
      if (form) {
        markUnsaved(form);
      }
    });
  });

  // Finishing asks first, in the dialog that says how many items there are and how many failed.
  var finish = document.getElementById('finish-form');
  if (finish) {
    finish.addEventListener('submit', function (event) {
      if (!window.bootstrap || (event.submitter && event.submitter.id === 'finish-confirmed')) {
        return;
      }
      event.preventDefault();
      window.bootstrap.Modal.getOrCreateInstance(document.getElementById('finish-confirm')).show();
    });
  }

  // Position stamps: each save carries where the phone was, when the officer allows it.
  if (navigator.geolocation) {
    navigator.geolocation.getCurrentPosition(function (position) {
      page.querySelectorAll('.geo-longitude').forEach(function (input) {
        input.value = position.coords.longitude.toFixed(6);
      });
      page.querySelectorAll('.geo-latitude').forEach(function (input) {
        input.value = position.coords.latitude.toFixed(6);
      });
    }, function () { /* refused or unavailable: the record is kept without a position */ }, { timeout: 10000 });
  }
})();
