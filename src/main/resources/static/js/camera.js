// Camera scanning on a phone or tablet: the camera button appears only where the browser can open a
// camera. A code read from the video is put in the scan field and the scan form submitted, so it is
// recorded and shown exactly like a typed scan. Browsers with BarcodeDetector read the video
// themselves; others send one frame at a time to the server, which reads it and records nothing.
(function () {
  'use strict';
  var form = document.getElementById('scan-form');
  var field = document.getElementById('code');
  var panel = document.getElementById('camera');
  var toggle = document.getElementById('camera-toggle');
  var video = document.getElementById('camera-video');
  var state = document.getElementById('camera-state');
  var media = navigator.mediaDevices;
  if (!form || !field || !panel || !toggle || !video || !media || !media.getUserMedia || !window.fetch) { return; }
  var stream = null;
  var timer = null;
  var detector = null;
  var reading = false;
  var lastCode = null;
  var canvas = document.createElement('canvas');

  function say(words) { state.textContent = words || ''; }

  function found(code) {
    // A letter stays in view for a while: scan it once, not once per frame. To scan it again, type it.
    if (code === lastCode) { return; }
    lastCode = code;
    field.value = code;
    if (form.requestSubmit) { form.requestSubmit(); } else { form.dispatchEvent(new Event('submit', { cancelable: true })); }
  }

  function readWithDetector() {
    return detector.detect(video).then(function (codes) {
      if (codes.length > 0) { found(codes[0].rawValue); }
    });
  }

  function readOnServer() {
    var width = video.videoWidth;
    var height = video.videoHeight;
    if (!width || !height) { return Promise.resolve(); }
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d').drawImage(video, 0, 0, width, height);
    return new Promise(function (resolve) { canvas.toBlob(resolve, 'image/jpeg', 0.85); }).then(function (blob) {
      if (!blob) { return; }
      var body = new FormData();
      var token = form.querySelector('input[name="_csrf"]');
      if (token) { body.append('_csrf', token.value); }
      body.append('frame', blob, 'frame.jpg');
      return fetch(panel.getAttribute('data-decode'), {
        method: 'POST', body: body, credentials: 'same-origin', headers: { 'Accept': 'application/json' }
      }).then(function (response) {
        return response.json().then(function (answer) {
          if (response.ok && answer.codes && answer.codes.length > 0) { found(answer.codes[0]); }
          else if (!response.ok) { say(answer.detail || panel.getAttribute('data-failed')); }
        });
      });
    });
  }

  function tick() {
    if (!stream || reading) { return; }
    reading = true;
    (detector ? readWithDetector() : readOnServer()).catch(function () {
      say(panel.getAttribute('data-failed'));
    }).then(function () { reading = false; });
  }

  function stop() {
    if (timer) { window.clearInterval(timer); timer = null; }
    if (stream) { stream.getTracks().forEach(function (track) { track.stop(); }); stream = null; }
    video.hidden = true;
    lastCode = null;
    toggle.textContent = toggle.getAttribute('data-start');
    toggle.setAttribute('aria-pressed', 'false');
    say('');
  }

  function chooseReader() {
    if (!('BarcodeDetector' in window)) { return Promise.resolve(null); }
    return window.BarcodeDetector.getSupportedFormats().then(function (formats) {
      return formats.indexOf('qr_code') >= 0 ? new window.BarcodeDetector({ formats: ['qr_code'] }) : null;
    }).catch(function () { return null; });
  }

  function start() {
    media.getUserMedia({ video: { facingMode: 'environment' }, audio: false }).then(function (opened) {
      stream = opened;
      video.srcObject = opened;
      video.hidden = false;
      return video.play();
    }).then(chooseReader).then(function (chosen) {
      detector = chosen;
      toggle.textContent = toggle.getAttribute('data-stop');
      toggle.setAttribute('aria-pressed', 'true');
      say(panel.getAttribute('data-reading'));
      // The server reads a frame in some tens of milliseconds; the detector is quicker.
      timer = window.setInterval(tick, detector ? 250 : 700);
    }).catch(function () {
      stop();
      say(panel.getAttribute('data-denied'));
    });
  }

  toggle.addEventListener('click', function () { if (stream) { stop(); } else { start(); } });
  panel.hidden = false;
}());
