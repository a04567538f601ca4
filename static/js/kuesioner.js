// Kuesioner: jawaban yang gagal terkirim (sinyal putus) disimpan di perangkat dan dikirim
// ulang otomatis saat tersambung, agar tidak ada pilihan yang hilang.
(function () {
  const form = document.getElementById("form-kuesioner");
  if (!form) return;
  const kunci = form.dataset.kunci;
  const url = form.dataset.urlJawab;
  const peringatan = document.getElementById("peringatan-luring");
  const token = form.querySelector("[name=csrfmiddlewaretoken]").value;

  const tertunda = () => JSON.parse(localStorage.getItem(kunci) || "{}");
  const simpanTertunda = (isi) => {
    if (Object.keys(isi).length) localStorage.setItem(kunci, JSON.stringify(isi));
    else localStorage.removeItem(kunci);
    peringatan.classList.toggle("d-none", !Object.keys(isi).length);
  };

  // Pilihan yang belum terkirim tetap terlihat terpilih setelah halaman dimuat ulang.
  for (const [kode, nilai] of Object.entries(tertunda())) {
    const input = form.querySelector(`input[name="${CSS.escape(kode)}"][value="${CSS.escape(nilai)}"]`);
    if (input) input.checked = true;
  }

  document.body.addEventListener("htmx:sendError", (e) => {
    const input = e.detail.elt;
    if (!input.matches("[data-kuesioner-jawab]")) return;
    const isi = tertunda();
    isi[input.name] = input.value;
    simpanTertunda(isi);
  });

  let sedangMengirim = false;
  async function kirimUlang() {
    if (sedangMengirim) return;  // satu putaran kirim ulang sekaligus, berurutan
    sedangMengirim = true;
    try {
      await kirimSemua();
    } finally {
      sedangMengirim = false;
    }
  }

  async function kirimSemua() {
    const isi = tertunda();
    for (const [kode, nilai] of Object.entries(isi)) {
      const data = new FormData();
      data.append("indikator", kode);
      data.append(kode, nilai);
      try {
        const r = await fetch(url, { method: "POST", body: data, headers: { "X-CSRFToken": token } });
        if (!r.ok && r.status !== 422) return;
        delete isi[kode];
        simpanTertunda(isi);
      } catch (err) {
        return;  // masih luring; coba lagi saat peristiwa online berikutnya
      }
    }
  }
  window.addEventListener("online", kirimUlang);
  simpanTertunda(tertunda());
  if (navigator.onLine) kirimUlang();
})();
