// Simpan otomatis yang jujur, untuk setiap halaman yang menyimpan isian begitu diubah
// (kuesioner HKm, penilaian kelas KTH). Satu wadah [data-simpan-otomatis] per halaman; tiap
// isian [data-isian-otomatis] dikirim htmx ke server dan statusnya ditulis di hx-target-nya:
//
// - "Menyimpan…" selama permintaan berjalan;
// - "Tersimpan HH.MM.SS" dari server bila berhasil;
// - "Tidak tersimpan: <alasan server>" bila server menolak (422). Nilai yang diketik tetap di
//   kotaknya dan ditandai salah; tidak pernah diganti diam-diam dengan nilai lama;
// - "Belum tersimpan…" bila tidak ada koneksi, server bermasalah (5xx, 503 saat pemulihan) atau
//   sesi berakhir. Nilainya disimpan di perangkat (localStorage) dan dikirim ulang otomatis saat
//   tersambung, saat halaman dibuka lagi, dan tiap 20 detik.
(function () {
  const wadah = document.querySelector("[data-simpan-otomatis]");
  if (!wadah) return;
  const kunci = "simpan-otomatis:" + wadah.dataset.kunci;
  const jalurMasuk = wadah.dataset.jalurMasuk || "/masuk/";
  const peringatan = document.getElementById("peringatan-luring");

  const antrean = () => JSON.parse(localStorage.getItem(kunci) || "{}");
  function simpanAntrean(isi) {
    if (Object.keys(isi).length) localStorage.setItem(kunci, JSON.stringify(isi));
    else localStorage.removeItem(kunci);
    if (peringatan) peringatan.classList.toggle("d-none", !Object.keys(isi).length);
  }
  function antrekan(isian) {
    const isi = antrean();
    isi[isian.name] = isian.value;
    simpanAntrean(isi);
  }
  // Jawaban server (tersimpan atau ditolak) atas nilai terbaru isian ini: antreannya selesai.
  function lepaskan(isian) {
    const isi = antrean();
    if (isian.name in isi) {
      delete isi[isian.name];
      simpanAntrean(isi);
    }
  }

  const otomatis = (el) => el && el.matches && el.matches("[data-isian-otomatis]");
  const statusUntuk = (isian) => document.querySelector(isian.getAttribute("hx-target"));
  function tulis(isian, jenis, teks) {
    const status = statusUntuk(isian);
    if (!status) return;
    const span = document.createElement("span");
    span.className = {menyimpan: "text-body-secondary", belum: "text-warning-emphasis fw-semibold"}[jenis];
    span.dataset.status = jenis;
    span.textContent = teks;
    status.replaceChildren(span);
  }
  function tandaiSalah(isian, salah) {
    const semua = isian.type === "radio" ? wadah.querySelectorAll(`input[name="${CSS.escape(isian.name)}"]`) : [isian];
    for (const el of semua) {
      el.classList.toggle("is-invalid", salah);
      if (salah) el.setAttribute("aria-invalid", "true");
      else el.removeAttribute("aria-invalid");
    }
  }
  const keLogin = (xhr) => {
    try {
      return Boolean(xhr.responseURL) && new URL(xhr.responseURL).pathname.startsWith(jalurMasuk);
    } catch (err) {
      return false;
    }
  };

  const PESAN = {
    luring: "Belum tersimpan: tidak ada koneksi. Pilihan ini disimpan di perangkat dan dikirim otomatis saat tersambung.",
    server: "Belum tersimpan: server sedang bermasalah. Pilihan ini disimpan di perangkat dan dicoba lagi otomatis.",
    sesi: "Belum tersimpan: sesi Anda berakhir atau tidak lagi diterima. Masuk lagi (misalnya di tab lain); pilihan ini disimpan di perangkat dan dikirim setelah Anda masuk.",
  };
  function tunda(isian, alasan) {
    antrekan(isian);
    tulis(isian, "belum", PESAN[alasan]);
  }

  // Token CSRF dibaca dari cookie saat mengirim: setelah masuk lagi (token diganti) kiriman
  // ulang tetap diterima, tidak memakai token lama yang tertanam di halaman.
  document.body.addEventListener("htmx:configRequest", (e) => {
    if (!otomatis(e.detail.elt)) return;
    const cocok = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (!cocok) return;
    const token = decodeURIComponent(cocok[1]);
    e.detail.headers["X-CSRFToken"] = token;
    // Isian tersembunyi formulir (bila ada) didahulukan Django daripada tajuk: samakan juga.
    if (e.detail.formData && e.detail.formData.has("csrfmiddlewaretoken")) {
      e.detail.formData.set("csrfmiddlewaretoken", token);
    }
  });
  document.body.addEventListener("htmx:beforeRequest", (e) => {
    if (otomatis(e.detail.elt)) tulis(e.detail.elt, "menyimpan", "Menyimpan…");
  });
  // Halaman masuk (sesi berakhir, pengalihan diikuti XHR) tidak boleh masuk ke kotak status.
  document.body.addEventListener("htmx:beforeSwap", (e) => {
    if (otomatis(e.detail.elt) && keLogin(e.detail.xhr)) e.detail.shouldSwap = false;
  });
  document.body.addEventListener("htmx:afterRequest", (e) => {
    const isian = e.detail.elt;
    if (!otomatis(isian)) return;
    const xhr = e.detail.xhr;
    if (!xhr || xhr.status === 0) return;  // ditangani htmx:sendError
    if (keLogin(xhr) || xhr.status === 401 || xhr.status === 403) {
      tunda(isian, "sesi");
      return selesai(isian);
    }
    if (xhr.status >= 200 && xhr.status < 300) {
      tandaiSalah(isian, false);
      lepaskan(isian);
    } else if (xhr.status === 422) {
      tandaiSalah(isian, true);  // alasan server sudah ditulis di statusnya
      lepaskan(isian);
    } else {
      tunda(isian, "server");
    }
    selesai(isian);
  });
  document.body.addEventListener("htmx:sendError", (e) => {
    if (!otomatis(e.detail.elt)) return;
    tunda(e.detail.elt, "luring");
    selesai(e.detail.elt);
  });
  document.body.addEventListener("htmx:timeout", (e) => {
    if (!otomatis(e.detail.elt)) return;
    tunda(e.detail.elt, "luring");
    selesai(e.detail.elt);
  });

  // Kirim ulang satu per satu, menunggu jawaban tiap isian sebelum yang berikutnya.
  const menunggu = new Map();
  function selesai(isian) {
    const lanjut = menunggu.get(isian);
    if (lanjut) {
      menunggu.delete(isian);
      lanjut();
    }
  }
  function isianUntuk(nama, nilai) {
    const semua = wadah.querySelectorAll(`[data-isian-otomatis][name="${CSS.escape(nama)}"]`);
    for (const el of semua) {
      if (el.type !== "radio" || el.value === nilai) return el;
    }
    return null;
  }
  function pulihkan(isian, nilai) {
    if (isian.type === "radio") isian.checked = true;
    else isian.value = nilai;
  }

  let sedangMengirim = false;
  async function kirimUlang() {
    if (sedangMengirim || !navigator.onLine) return;
    sedangMengirim = true;
    try {
      for (const [nama, nilai] of Object.entries(antrean())) {
        const isian = isianUntuk(nama, nilai);
        if (!isian) continue;
        pulihkan(isian, nilai);
        await new Promise((lanjut) => {
          menunggu.set(isian, lanjut);
          htmx.trigger(isian, "change");
          setTimeout(() => selesai(isian), 15000);
        });
        if (!navigator.onLine || nama in antrean()) break;  // masih gagal: coba lagi nanti
      }
    } finally {
      sedangMengirim = false;
    }
  }

  // Nilai yang belum terkirim tetap terlihat (dan tertanda) setelah halaman dibuka lagi.
  for (const [nama, nilai] of Object.entries(antrean())) {
    const isian = isianUntuk(nama, nilai);
    if (!isian) continue;
    pulihkan(isian, nilai);
    tulis(isian, "belum", PESAN.luring);
  }
  simpanAntrean(antrean());
  window.addEventListener("online", kirimUlang);
  setInterval(() => {
    if (Object.keys(antrean()).length) kirimUlang();
  }, 20000);
  // htmx dimuat dengan defer seperti skrip ini; kirim ulang setelah keduanya siap.
  document.addEventListener("DOMContentLoaded", () => {
    if (Object.keys(antrean()).length) kirimUlang();
  });
})();
