// Position stamps for the record: each save carries where the phone was, when the officer allows it.
(function () {
  if (!navigator.geolocation) {
    return;
  }
  navigator.geolocation.getCurrentPosition(function (position) {
    document.querySelectorAll('.geo-longitude').forEach(function (input) {
      input.value = position.coords.longitude.toFixed(6);
    });
    document.querySelectorAll('.geo-latitude').forEach(function (input) {
      input.value = position.coords.latitude.toFixed(6);
    });
  }, function () { /* refused or unavailable: the record is kept without a position */ }, { timeout: 10000 });
})();
