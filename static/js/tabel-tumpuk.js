// Tabel lebar di ponsel: setiap baris tabel.tabel-tumpuk menjadi kartu, setiap sel diberi label
// kolomnya (dari <thead>) yang ditampilkan CSS di depan nilainya. Tanpa skrip tabel tetap dapat
// digeser di dalam .table-responsive.
(function () {
  "use strict";
  document.querySelectorAll("table.tabel-tumpuk").forEach(function (tabel) {
    var judul = Array.prototype.map.call(tabel.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    tabel.querySelectorAll("tbody tr").forEach(function (tr) {
      Array.prototype.forEach.call(tr.children, function (sel, i) {
        if (judul[i] && !sel.hasAttribute("colspan")) { sel.dataset.label = judul[i]; }
      });
    });
    tabel.classList.add("tabel-tumpuk-siap");
  });
})();
