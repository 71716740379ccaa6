// New requests appear without a refresh: on each event, the queue is fetched again with the same
// filter and search, and its (server-escaped) table replaces this one, or the note that there is none.
(function () {
  var live = document.getElementById('live');
  function sessionEnded() {
    live.textContent = 'Your session has ended, so new requests no longer appear. Log in again to see them.';
  }
  var events = new EventSource('/staff/handoffs/events');
  events.addEventListener('error', function () {
    if (events.readyState === EventSource.CLOSED) { sessionEnded(); }
  });
  events.addEventListener('handoff', function (event) {
    var request = JSON.parse(event.data);
    fetch('/staff/handoffs' + window.location.search, {credentials: 'same-origin'})
      .then(function (response) {
        if (response.redirected && response.url.indexOf('/login') >= 0) { throw new Error('session ended'); }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        var table = fresh.getElementById('queue');
        var old = document.getElementById('queue') || document.getElementById('empty');
        if (table && old) { old.replaceWith(document.importNode(table, true)); }
        live.textContent = request.emergency ? 'New request received (emergency).' : 'New request received.';
      })
      .catch(sessionEnded);
  });
})();
