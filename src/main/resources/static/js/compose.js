// The compose form: a live character count against the limit, photo checks before upload
// (the server checks again), and the draft kept in this browser's localStorage until sent.
(function () {
  'use strict';
  var form = document.getElementById('compose');
  if (!form) {
    return;
  }
  var text = document.getElementById('text');
  var prisoner = document.getElementById('prisoner');
  var count = document.getElementById('text-count');
  var photos = document.getElementById('photos');
  var photosCheck = document.getElementById('photos-check');
  var max = parseInt(form.dataset.maxText, 10);
  var maxPhotos = parseInt(form.dataset.maxPhotos, 10);
  var maxBytes = parseInt(form.dataset.maxPhotoBytes, 10);
  var key = 'postbrug.draft';

  function say(template, value) {
    return template.replace('{n}', value);
  }

  // Counted as the server counts: code points after line breaks are made \n.
  function length(value) {
    return Array.from(value.replace(/\r\n/g, '\n').trim()).length;
  }

  function update() {
    var n = length(text.value);
    count.textContent = say(form.dataset.count, n) + (n > max ? ' ' + say(form.dataset.tooLong, n - max) : '');
    count.classList.toggle('over', n > max);
  }

  function checkPhotos() {
    var problems = [];
    var files = photos.files || [];
    if (files.length > maxPhotos) {
      problems.push(form.dataset.tooManyPhotos);
    }
    for (var i = 0; i < files.length; i++) {
      var file = files[i];
      if (file.type !== 'image/jpeg' && file.type !== 'image/png') {
        problems.push(say(form.dataset.notAPhoto, file.name));
      } else if (file.size > maxBytes) {
        problems.push(say(form.dataset.tooLarge, file.name));
      }
    }
    photosCheck.textContent = problems.join(' ');
    if (problems.length) {
      photos.setAttribute('aria-invalid', 'true');
    } else {
      photos.removeAttribute('aria-invalid');
    }
    return problems.length === 0;
  }

  function save() {
    try {
      localStorage.setItem(key, JSON.stringify({ prisoner: prisoner.value, text: text.value }));
    } catch (e) {
      // private browsing: no draft, the form still works
    }
  }

  try {
    var draft = JSON.parse(localStorage.getItem(key) || 'null');
    if (draft && !text.value) {
      text.value = draft.text || '';
      if (draft.prisoner && !prisoner.value) {
        prisoner.value = draft.prisoner;
      }
    }
  } catch (e) {
    // a damaged draft is ignored
  }

  text.addEventListener('input', function () { update(); save(); });
  prisoner.addEventListener('change', save);
  photos.addEventListener('change', checkPhotos);
  form.addEventListener('submit', function (event) {
    var sending = !event.submitter || event.submitter.id === 'send';
    if (!checkPhotos() || length(text.value) > max) {
      event.preventDefault();
      return;
    }
    if (sending) {
      try { localStorage.removeItem(key); } catch (e) { /* nothing kept */ }
    }
  });
  update();
}());
