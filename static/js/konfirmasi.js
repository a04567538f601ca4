// Langkah konfirmasi untuk keputusan yang tidak dapat dibatalkan dengan satu ketukan:
// tombol atau formulir bertanda data-konfirmasi="pertanyaan" meminta persetujuan dulu.
(function () {
  document.addEventListener("submit", (e) => {
    const pertanyaan =
      (e.submitter && e.submitter.dataset.konfirmasi) || e.target.dataset.konfirmasi;
    if (pertanyaan && !window.confirm(pertanyaan)) e.preventDefault();
  });
})();
