// Aplikasi lapangan: mendaftarkan service worker (/sw.js) dan mengirim ulang formulir yang
// tersimpan di perangkat selagi tidak ada sinyal (draf di IndexedDB, ditulis service worker).
//
// Draf dikirim saat tersambung kembali, saat halaman dibuka, dan tiap 30 detik. Hasilnya:
// - diterima (server mengalihkan ke halaman berikutnya): draf dihapus;
// - ditolak (server menampilkan formulirnya lagi dengan pesan): draf ditandai "ditolak" dan
//   tetap ada; lencana menunjukkannya dan halaman formulir itu menawarkan isi ulang isiannya;
// - sesi berakhir, server bermasalah atau belum ada sinyal: tetap menunggu.
// Hanya draf milik pengguna yang sedang masuk yang dikirim.
(function () {
  const pengguna = document.querySelector('meta[name="pengguna"]')?.content || "";
  if ("serviceWorker" in navigator && pengguna) {
    navigator.serviceWorker.register("/sw.js").catch(() => {});
  }
  if (!("indexedDB" in window) || !window.DrafLuring) return;
  const lencana = document.getElementById("draf-luring");
  const jalankan = (mode, kerja) => window.DrafLuring.jalankan(mode, kerja);
  const semua = () => jalankan("readonly", (s) => s.getAll());
  const simpan = (draf) => jalankan("readwrite", (s) => s.put(draf));
  const hapus = (id) => jalankan("readwrite", (s) => s.delete(id));

  function tokenCsrf() {
    try {
      return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"] || "";
    } catch (e) {
      return "";
    }
  }

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
    if (menunggu) bagian.push(`${menunggu} menunggu dikirim`);
    if (ditolak) bagian.push(`${ditolak} ditolak server`);
    lencana.textContent = bagian.join(" · ");
    lencana.classList.toggle("d-none", !bagian.length);
    lencana.classList.toggle("text-bg-danger", ditolak > 0);
    lencana.classList.toggle("text-bg-warning", !ditolak);
    tawarkanIsiUlang(milik.filter((d) => d.status === "ditolak"));
  }

  // Halaman formulir yang drafnya ditolak: tawarkan mengisi ulang isian dari draf itu.
  function tawarkanIsiUlang(ditolak) {
    const draf = ditolak.find((d) => new URL(d.alamat).pathname === location.pathname);
    const form = document.querySelector("main form[method='post']");
    if (!draf || !form || document.getElementById("isi-ulang-draf")) return;
    const kotak = document.createElement("div");
    kotak.id = "isi-ulang-draf";
    kotak.className = "alert alert-danger";
    kotak.setAttribute("role", "alert");
    const teks = document.createElement("p");
    teks.textContent = `Isian yang Anda simpan di perangkat (${new Date(draf.dibuat).toLocaleString("id-ID")}) ditolak server. Isi ulang formulir dari draf itu, periksa pesan di samping isian, lalu kirim lagi.`;
    const isi = document.createElement("button");
    isi.type = "button";
    isi.className = "btn btn-sm btn-danger me-2";
    isi.textContent = "Isi ulang dari draf";
    isi.addEventListener("click", async () => {
      for (const [nama, nilai] of draf.isian) {
        if (typeof nilai !== "string" || nama === "csrfmiddlewaretoken") continue;
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
    kotak.append(teks, isi, buang);
    form.before(kotak);
  }

  let sedangMengirim = false;
  async function kirimSemua() {
    if (sedangMengirim || !pengguna || !navigator.onLine) return;
    sedangMengirim = true;
    try {
      await klaim();
      for (const draf of await semua()) {
        if (draf.pengguna !== pengguna || draf.status === "ditolak") continue;
        const data = new FormData();
        for (const [nama, nilai] of draf.isian) {
          if (nama === "csrfmiddlewaretoken") continue;
          if (typeof nilai === "string") data.append(nama, nilai);
          else data.append(nama, nilai.berkas, nilai.namaBerkas);
        }
        data.append("csrfmiddlewaretoken", tokenCsrf());
        let respons;
        try {
          respons = await fetch(draf.alamat, {method: "POST", body: data, credentials: "same-origin", headers: {"X-CSRFToken": tokenCsrf()}});
        } catch (e) {
          break; // belum ada sinyal
        }
        const tujuan = new URL(respons.url);
        if (tujuan.pathname.startsWith("/akun/masuk/") || respons.status >= 500 || respons.status === 403) {
          continue; // sesi berakhir atau server bermasalah: coba lagi nanti
        }
        if (respons.redirected) {
          await hapus(draf.id);
        } else {
          draf.status = "ditolak";
          await simpan(draf);
        }
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
