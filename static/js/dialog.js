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
  // Formulir di dalam dialog yang tidak terkirim (luring, galat server): katakan, isian tetap.
  const gagal = (e) => {
    const dialog = e.detail.elt.closest && e.detail.elt.closest("dialog");
    if (!dialog) return;
    let pesan = dialog.querySelector("[data-galat-dialog]");
    if (!pesan) {
      pesan = document.createElement("div");
      pesan.className = "alert alert-danger";
      pesan.setAttribute("role", "alert");
      pesan.dataset.galatDialog = "";
      dialog.prepend(pesan);
    }
    pesan.textContent = "Belum tersimpan: koneksi atau server bermasalah. Isian Anda masih di sini; coba kirim lagi.";
  };
  document.body.addEventListener("htmx:sendError", gagal);
  document.body.addEventListener("htmx:responseError", gagal);
  document.body.addEventListener("htmx:afterSwap", (e) => {
    const pesan = e.detail.target.closest("dialog")?.querySelector("[data-galat-dialog]");
    if (pesan) pesan.remove();
  });
})();
