// Kemajuan formulir panjang: "12 dari 17 syarat dicentang" di bilah yang menempel di bawah layar
// bersama tombol simpan. Satuan (data-kemajuan-unit, mis. fieldset) dihitung terisi bila salah
// satu isiannya (data-kemajuan-isian) dicentang atau tidak kosong; dihitung ulang setiap ketikan.
(function () {
  "use strict";
  function terisi(unit, pemilih) {
    return Array.prototype.some.call(unit.querySelectorAll(pemilih), function (i) {
      if (i.type === "checkbox" || i.type === "radio") { return i.checked; }
      if (i.type === "hidden" || i.type === "file") { return false; }
      return i.value.trim() !== "";
    });
  }
  document.querySelectorAll("[data-kemajuan]").forEach(function (el) {
    var wadah = document.getElementById(el.dataset.kemajuan);
    if (!wadah) { return; }
    var teks = el.querySelector("[data-kemajuan-teks]");
    var batang = el.querySelector("progress");
    function hitung() {
      var satuan = wadah.querySelectorAll(el.dataset.kemajuanUnit);
      var n = Array.prototype.filter.call(satuan, function (u) {
        return terisi(u, el.dataset.kemajuanIsian || "input, textarea, select");
      }).length;
      teks.textContent = n + " dari " + satuan.length + " " + el.dataset.kemajuanLabel;
      batang.max = satuan.length;
      batang.value = n;
    }
    wadah.addEventListener("input", hitung);
    wadah.addEventListener("change", hitung);
    hitung();
  });
})();
