// Aplikasi lapangan: mendaftarkan service worker (/sw.js), menyiapkan halaman untuk kerja tanpa
// sinyal, dan mengirim ulang formulir yang tersimpan di perangkat (draf di IndexedDB, ditulis
// service worker).
//
// - Setiap formulir POST mendapat `_dimuat_pada` (waktu server saat halaman ini dirender), agar
//   server dapat menolak menimpa perubahan orang lain sesudahnya (perhutanan/luring.py).
// - Tautan [data-simpan-luring] di halaman ini diminta disalin service worker sekarang, selagi
//   ada sinyal (seluruh bagian kuesioner, KPS dampingan, tahap kerja sama).
// - Draf dikirim saat tersambung kembali, saat halaman dibuka, dan tiap 30 detik, dengan kepala
//   X-Perhutanan-Draf; server menjawab putusan JSON:
//   diterima: draf dihapus; ditolak atau bentrok (diubah orang lain): draf tetap ada, ditandai
//   dengan pesan server, lencana menunjukkannya dan halaman formulirnya menawarkan isi ulang;
//   sesi berakhir, server bermasalah atau belum ada sinyal: tetap menunggu.
//   Berkas draf diunggah bertahap (unggah-bertahap.js) dan berlanjut dari bita terakhir bila
//   sambungan putus lagi; kemajuannya tampil di lencana.
// Hanya draf milik pengguna yang sedang masuk yang dikirim.
(function () {
  const pengguna = document.querySelector('meta[name="pengguna"]')?.content || "";
  if ("serviceWorker" in navigator && pengguna) {
    navigator.serviceWorker.register("/sw.js").catch(() => {});
  }
  const dimuatPada = document.querySelector('meta[name="dimuat-pada"]')?.content || "";
  const judulHalaman = (document.querySelector("main h1")?.textContent || document.title).trim().slice(0, 120);
  if (dimuatPada) {
    for (const form of document.querySelectorAll("form")) {
      if ((form.getAttribute("method") || "").toLowerCase() !== "post" || form.querySelector("[name=_dimuat_pada]")) continue;
      for (const [nama, nilai] of [["_dimuat_pada", dimuatPada], ["_judul_halaman", judulHalaman]]) {
        const isian = document.createElement("input");
        isian.type = "hidden";
        isian.name = nama;
        isian.value = nilai;
        form.append(isian);
      }
    }
  }
  const perluSalinan = [...new Set([...document.querySelectorAll("a[data-simpan-luring]")].map((a) => a.href))];
  if (perluSalinan.length && "serviceWorker" in navigator && navigator.onLine) {
    navigator.serviceWorker.ready.then((reg) => reg.active && reg.active.postMessage({jenis: "simpan-halaman", alamat: perluSalinan})).catch(() => {});
  }
  if (!("indexedDB" in window) || !window.DrafLuring || !window.UnggahBertahap) return;
  const lencana = document.getElementById("draf-luring");
  const jalankan = (mode, kerja) => window.DrafLuring.jalankan(mode, kerja);
  const semua = () => jalankan("readonly", (s) => s.getAll());
  const simpan = (draf) => jalankan("readwrite", (s) => s.put(draf));
  const hapus = (id) => jalankan("readwrite", (s) => s.delete(id));

  // unggah-bertahap.js dimuat lebih dulu di setiap halaman (base.html).
  const tokenCsrf = () => window.UnggahBertahap.tokenCsrf();

  // Draf yang baru ditulis service worker belum bertuan: miliki pengguna sesi ini (yang
  // mengirimnya; keluar tidak pernah dijadikan draf).
  async function klaim() {
    for (const draf of await semua()) {
      if (!draf.pengguna && pengguna) {
        draf.pengguna = pengguna;
        await simpan(draf);
      }
    }
  }

  async function tampilkan() {
    if (!lencana) return;
    await klaim();
    const milik = (await semua()).filter((d) => d.pengguna === pengguna);
    const menunggu = milik.filter((d) => d.status !== "ditolak").length;
    const ditolak = milik.length - menunggu;
    const bagian = [];
    if (menunggu) bagian.push(`${menunggu} menunggu dikirim${kemajuanUnggah ? ` (${kemajuanUnggah})` : ""}`);
    if (ditolak) bagian.push(`${ditolak} ditolak server`);
    lencana.textContent = bagian.join(" · ");
    lencana.classList.toggle("d-none", !bagian.length);
    lencana.classList.toggle("text-bg-danger", ditolak > 0);
    lencana.classList.toggle("text-bg-warning", !ditolak);
    tawarkanIsiUlang(milik.filter((d) => d.status === "ditolak"));
    tampilkanDaftar(milik);
  }

  const nilaiIsian = (draf, nama) => (draf.isian.find(([n]) => n === nama) || [])[1];
  const jalur = (alamat) => {
    try {
      return new URL(alamat).pathname;
    } catch (e) {
      return "";
    }
  };

  // Halaman "Isian di perangkat ini" (/luring/draf/): setiap draf dengan keadaannya.
  function tampilkanDaftar(milik) {
    const wadah = document.querySelector("[data-daftar-draf]");
    if (!wadah) return;
    if (!milik.length) {
      const kosong = document.createElement("p");
      kosong.dataset.uji = "draf-kosong";
      kosong.textContent = "Tidak ada isian yang menunggu di perangkat ini.";
      wadah.replaceChildren(kosong);
      return;
    }
    const daftar = document.createElement("ul");
    daftar.className = "list-group";
    for (const draf of milik) {
      const butir = document.createElement("li");
      butir.className = "list-group-item";
      butir.dataset.uji = "draf";
      const judul = document.createElement("p");
      judul.className = "fw-semibold mb-1";
      judul.textContent = `${nilaiIsian(draf, "_judul_halaman") || jalur(draf.alamat)} · ${new Date(draf.dibuat).toLocaleString("id-ID")}`;
      const keadaan = document.createElement("p");
      keadaan.className = "mb-1";
      keadaan.textContent = draf.status !== "ditolak"
        ? "Menunggu dikirim."
        : draf.hasil === "bentrok"
          ? "Tidak disimpan: datanya sudah diubah orang lain."
          : "Ditolak server.";
      butir.append(judul, keadaan);
      if (draf.alasan?.length) {
        const alasan = document.createElement("ul");
        alasan.className = "small mb-1";
        for (const p of draf.alasan) {
          const li = document.createElement("li");
          li.textContent = p;
          alasan.append(li);
        }
        butir.append(alasan);
      }
      const tombol = document.createElement("div");
      tombol.className = "d-flex gap-2 flex-wrap";
      const buka = document.createElement("a");
      buka.className = "btn btn-sm btn-outline-primary";
      buka.href = draf.status === "ditolak" ? draf.asal || draf.alamat : draf.asal || "/";
      buka.textContent = draf.status === "ditolak" ? "Buka formulir untuk isi ulang" : "Buka halaman asal";
      const buang = document.createElement("button");
      buang.type = "button";
      buang.className = "btn btn-sm btn-outline-danger";
      buang.textContent = "Buang";
      buang.addEventListener("click", async () => {
        if (!window.confirm("Buang isian ini dari perangkat? Isian yang dibuang tidak dapat dikembalikan.")) return;
        await hapus(draf.id);
        tampilkan();
      });
      tombol.append(buka, buang);
      butir.append(tombol);
      daftar.append(butir);
    }
    wadah.replaceChildren(daftar);
  }

  // Halaman formulir yang drafnya ditolak: tawarkan mengisi ulang isian dari draf itu.
  function tawarkanIsiUlang(ditolak) {
    const draf = ditolak.find((d) => jalur(d.alamat) === location.pathname || jalur(d.asal) === location.pathname);
    if (!draf) return;
    const kiriman = [...document.querySelectorAll("main form")].filter((f) => (f.getAttribute("method") || "").toLowerCase() === "post");
    const form = kiriman.find((f) => jalur(f.action) === jalur(draf.alamat)) || (jalur(draf.alamat) === location.pathname && kiriman[0]);
    if (!draf || !form || document.getElementById("isi-ulang-draf")) return;
    const kotak = document.createElement("div");
    kotak.id = "isi-ulang-draf";
    kotak.className = "alert alert-danger";
    kotak.setAttribute("role", "alert");
    const teks = document.createElement("p");
    const sebab = draf.hasil === "bentrok" ? "tidak disimpan karena datanya sudah diubah orang lain" : "ditolak server";
    teks.textContent = `Isian yang Anda simpan di perangkat (${new Date(draf.dibuat).toLocaleString("id-ID")}) ${sebab}. Isi ulang formulir dari draf itu, periksa pesan di samping isian, lalu kirim lagi.`;
    const alasan = document.createElement("ul");
    alasan.className = "mb-2";
    alasan.dataset.uji = "alasan-draf";
    for (const p of draf.alasan || []) {
      const butir = document.createElement("li");
      butir.textContent = p;
      alasan.append(butir);
    }
    const isi = document.createElement("button");
    isi.type = "button";
    isi.className = "btn btn-sm btn-danger me-2";
    isi.textContent = "Isi ulang dari draf";
    isi.addEventListener("click", async () => {
      for (const [nama, nilai] of draf.isian) {
        // Isian teknis (token, waktu muat halaman, judul) tetap milik halaman yang baru.
        if (typeof nilai !== "string" || nama === "csrfmiddlewaretoken" || nama.startsWith("_")) continue;
        for (const el of form.querySelectorAll(`[name="${CSS.escape(nama)}"]`)) {
          if (el.type === "checkbox" || el.type === "radio") {
            if (el.value === nilai) el.checked = true;
          } else if (el.type !== "file") {
            el.value = nilai;
          }
        }
      }
      await hapus(draf.id);
      kotak.remove();
      tampilkan();
    });
    const buang = document.createElement("button");
    buang.type = "button";
    buang.className = "btn btn-sm btn-outline-secondary";
    buang.textContent = "Buang draf";
    buang.addEventListener("click", async () => {
      await hapus(draf.id);
      kotak.remove();
      tampilkan();
    });
    kotak.append(teks, alasan, isi, buang);
    form.before(kotak);
  }

  let sedangMengirim = false;
  let kemajuanUnggah = "";

  // Isian draf menjadi FormData; berkas diunggah bertahap dulu (id unggahannya disimpan di draf
  // sehingga kiriman berikutnya melanjutkan, bukan mengulang). null: belum ada sinyal.
  async function susunData(draf) {
    const data = new FormData();
    for (const [nama, nilai] of draf.isian) {
      if (nama === "csrfmiddlewaretoken") continue;
      if (typeof nilai === "string") {
        data.append(nama, nilai);
        continue;
      }
      const berkas = new File([nilai.berkas], nilai.namaBerkas || "berkas", {type: nilai.jenis || nilai.berkas.type || ""});
      const id = await window.UnggahBertahap.unggah(berkas, {
        id: nilai.unggahan,
        saatId: async (baru) => {
          nilai.unggahan = baru;
          await simpan(draf);
        },
        saatKemajuan: (n, total) => {
          kemajuanUnggah = `mengunggah ${Math.floor((n * 100) / total)}%`;
          tampilkan();
        },
      });
      data.append(`_unggahan:${nama}`, id);
    }
    data.append("csrfmiddlewaretoken", tokenCsrf());
    return data;
  }

  async function tolak(draf, hasil, alasan) {
    draf.status = "ditolak";
    draf.hasil = hasil;
    draf.alasan = alasan;
    await simpan(draf);
  }

  async function kirimSemua() {
    if (sedangMengirim || !pengguna || !navigator.onLine) return;
    sedangMengirim = true;
    try {
      await klaim();
      for (const draf of await semua()) {
        if (draf.pengguna !== pengguna || draf.status === "ditolak") continue;
        let data;
        try {
          data = await susunData(draf);
        } catch (galat) {
          if (galat instanceof window.UnggahBertahap.DitolakServer) {
            await tolak(draf, "ditolak", [`Berkas ditolak: ${galat.message}`]);
            continue;
          }
          break; // sambungan putus di tengah unggahan: dilanjutkan nanti dari bita terakhir
        } finally {
          kemajuanUnggah = "";
        }
        let respons;
        try {
          respons = await fetch(draf.alamat, {
            method: "POST",
            body: data,
            credentials: "same-origin",
            headers: {"X-CSRFToken": tokenCsrf(), "X-Perhutanan-Draf": "1"},
          });
        } catch (e) {
          break; // belum ada sinyal
        }
        let putusan = {};
        if ((respons.headers.get("Content-Type") || "").startsWith("application/json")) {
          try {
            putusan = await respons.json();
          } catch (e) {
            putusan = {};
          }
        }
        if (putusan.hasil === "diterima") {
          await hapus(draf.id);
        } else if (putusan.hasil === "ditolak" || putusan.hasil === "bentrok") {
          await tolak(draf, putusan.hasil, putusan.pesan || []);
        }
        // selain itu (sesi berakhir, server bermasalah, token CSRF basi): coba lagi nanti
      }
    } finally {
      sedangMengirim = false;
      tampilkan();
    }
  }

  window.addEventListener("online", kirimSemua);
  setInterval(kirimSemua, 30000);
  tampilkan().then(kirimSemua);
})();
