// Ringkasan galat formulir: difokuskan saat halaman terbuka (pembaca layar langsung membacanya),
// dan setiap tautannya membawa ke bidang yang salah: bagian yang terlipat dibuka, bidang digulir
// ke tengah layar lalu difokuskan, sehingga papan ketik ponsel langsung terbuka di sana.
(function () {
  "use strict";
  var ringkasan = document.querySelector("[data-ringkasan-galat]");
  if (!ringkasan) { return; }
  ringkasan.focus();
  ringkasan.addEventListener("click", function (e) {
    var tautan = e.target.closest("a[data-ke-bidang]");
    if (!tautan) { return; }
    var bidang = document.getElementById(tautan.dataset.keBidang);
    if (!bidang) { return; }
    e.preventDefault();
    for (var induk = bidang.parentElement; induk; induk = induk.parentElement) {
      if (induk.tagName === "DETAILS") { induk.open = true; }
    }
    // Bidang (dengan labelnya) di tengah layar; untuk kelompok (fieldset), judulnya di atas.
    var label = document.querySelector("label[for='" + bidang.id + "']");
    if (bidang.tagName === "FIELDSET") {
      (bidang.querySelector("legend") || bidang).scrollIntoView({ block: "start", behavior: "instant" });
    } else {
      (label || bidang).scrollIntoView({ block: "center", behavior: "instant" });
    }
    // Tujuan berupa kelompok (fieldset indikator): fokus ke isian pertamanya.
    var isian = bidang.matches("input, select, textarea, button, [tabindex]") ? bidang
      : bidang.querySelector("input:not([type=hidden]):not([disabled]), select, textarea");
    (isian || bidang).focus({ preventScroll: true });
    history.replaceState(null, "", "#" + bidang.id);
  });
})();
