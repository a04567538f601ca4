// Dialog sederhana: tombol [data-buka-dialog="id"] membukanya, [data-tutup-dialog] di dalamnya
// menutupnya, dan peristiwa htmx "mitraTerdaftar" (mitra baru sudah dipilih) menutupnya juga.
(function () {
  document.addEventListener("click", (e) => {
    const buka = e.target.closest("[data-buka-dialog]");
    if (buka) document.getElementById(buka.dataset.bukaDialog).showModal();
    const tutup = e.target.closest("[data-tutup-dialog]");
    if (tutup) tutup.closest("dialog").close();
  });
  document.body.addEventListener("mitraTerdaftar", () => {
    const dialog = document.getElementById("dialog-mitra");
    if (dialog) setTimeout(() => dialog.close(), 1200);
  });
})();
