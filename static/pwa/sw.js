// Service worker aplikasi lapangan Perhutanan (dilayani di /sw.js, cakupan seluruh situs).
//
// - Berkas statis: dari cache dulu (nama berkas produksi bersidik isi, jadi tidak pernah basi).
// - Halaman (GET): jaringan dulu; salinan setiap halaman yang berhasil dibuka disimpan, sehingga
//   halaman yang pernah dibuka tetap terbuka tanpa sinyal. Tanpa salinan: halaman /luring/.
// - Formulir (POST navigasi) yang gagal terkirim karena tidak ada jaringan disimpan utuh di
//   perangkat (IndexedDB, berkasnya juga) sebagai draf dan dijawab dengan halaman "tersimpan di
//   perangkat"; static/js/luring.js mengirimnya ulang saat tersambung.
//   Formulir yang membawa `_berikutnya_luring` (misalnya "Lanjut ke B3" kuesioner) langsung
//   dibawa ke halaman berikutnya itu bila salinannya ada, sehingga kerja berlanjut tanpa sinyal.
// - Halaman menandai tautan yang perlu tersedia luring dengan [data-simpan-luring]; luring.js
//   mengirim daftarnya ke sini dan salinannya diambil sekarang, selagi ada sinyal (seluruh
//   bagian kuesioner, KPS dampingan dan anggotanya, tahap kerja sama), tanpa harus dibuka satu
//   per satu.
// - Keluar (POST /akun/keluar/): salinan halaman dihapus dari perangkat.
const VERSI = "perhutanan-v2";
const STATIS = `${VERSI}-statis`;
const HALAMAN = `${VERSI}-halaman`;
const LURING = "/luring/";
const DAFTAR_DRAF = "/luring/draf/";
const TIDAK_DISIMPAN = ["/akun/", "/kerja-sama/portal/"];
// Salinan disimpan per alamat. Vary (Cookie, Accept-Language) diabaikan: salinan hanya milik
// pengguna perangkat ini dan dihapus saat keluar.
const ABAIKAN_VARY = {ignoreVary: true};
importScripts("/static/js/draf-luring.js");

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(HALAMAN)
      .then(async (cache) => {
        await cache.add(new Request(LURING, {credentials: "same-origin"}));
        // Hanya bila sesi masih berlaku; pengalihan ke halaman masuk tidak diikuti.
        const r = await fetch(DAFTAR_DRAF, {credentials: "same-origin", redirect: "manual"}).catch(() => null);
        if (r && r.ok) await cache.put(DAFTAR_DRAF, r);
      })
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((nama) => Promise.all(nama.filter((n) => !n.startsWith(VERSI)).map((n) => caches.delete(n))))
      .then(() => self.clients.claim())
  );
});

const MAKS_SIMPAN = 40;

// Simpan salinan halaman; bila server mengalihkan (misalnya kuesioner ke bagian pertamanya),
// halaman tujuannya disimpan di alamatnya sendiri dan juga di alamat asal (formulir halaman
// seperti itu menulis alamat kirimnya sendiri, jadi tetap terkirim ke tempat yang benar).
// Halaman masuk (sesi berakhir) dan halaman akun tidak pernah disimpan.
async function simpanSalinan(alamat, r) {
  if (!r.ok || r.type !== "basic" || !(r.headers.get("Content-Type") || "").startsWith("text/html")) return false;
  const akhir = new URL(r.url);
  if (akhir.origin !== self.location.origin || TIDAK_DISIMPAN.some((awal) => akhir.pathname.startsWith(awal))) return false;
  const cache = await caches.open(HALAMAN);
  if (r.redirected) {
    // Peramban menolak memakai jawaban hasil pengalihan untuk navigasi: salin isinya saja.
    const isi = await r.blob();
    const salin = () => new Response(isi, {status: r.status, statusText: r.statusText, headers: r.headers});
    await cache.put(alamat, salin());
    await cache.put(r.url, salin());
    return true;
  }
  await cache.put(r.url, r);
  return true;
}

// Navigasi yang dialihkan server (misalnya kuesioner ke bagian yang belum dijawab) datang
// sebagai "opaqueredirect" tanpa alamat tujuan yang terbaca. Bila alamat ini belum punya
// salinan, alamat itu diambil sekali lagi (mengikuti pengalihan) agar tujuannya diketahui dan
// tanpa sinyal alamat ini tetap sampai ke salinan tujuannya.
async function simpanPengalihan(alamat) {
  const url = new URL(alamat);
  if (url.pathname === "/" || TIDAK_DISIMPAN.some((awal) => url.pathname.startsWith(awal))) return;
  const cache = await caches.open(HALAMAN);
  if (await cache.match(alamat, ABAIKAN_VARY)) return;
  try {
    await simpanSalinan(alamat, await fetch(alamat, {credentials: "same-origin"}));
  } catch (e) {
    // sinyal hilang: lain kali
  }
}

// Naik setiap kali pengguna keluar: salinan yang sedang diambil untuk sesi lama berhenti.
let generasi = 0;

async function simpanHalaman(daftar) {
  const cache = await caches.open(HALAMAN);
  const milik = generasi;
  for (const alamat of daftar.slice(0, MAKS_SIMPAN)) {
    if (milik !== generasi) return;
    const url = new URL(alamat, self.location.origin);
    if (url.origin !== self.location.origin || TIDAK_DISIMPAN.some((awal) => url.pathname.startsWith(awal))) continue;
    if (await cache.match(url.href, ABAIKAN_VARY)) continue; // sudah ada; membukanya dengan sinyal memperbaruinya
    try {
      // Pengalihan berarti sesi berakhir: berhenti, tanpa mengikutinya ke halaman masuk.
      // Permintaan latar yang terus berjalan saat pengguna masuk lagi dapat membawa cookie
      // sesi lama yang baru saja diganti; jawabannya menghapus cookie sesi yang baru.
      const r = await fetch(url.href, {credentials: "same-origin", redirect: "manual"});
      if (r.type === "opaqueredirect") return;
      await simpanSalinan(url.href, r);
    } catch (e) {
      return; // sinyal hilang: lain kali
    }
  }
}

self.addEventListener("message", (event) => {
  const pesan = event.data || {};
  if (pesan.jenis === "simpan-halaman" && Array.isArray(pesan.alamat)) {
    event.waitUntil(simpanHalaman(pesan.alamat.filter((a) => typeof a === "string")));
  }
});

async function simpanDraf(request) {
  const data = await request.formData();
  const isian = [];
  for (const [nama, nilai] of data.entries()) {
    isian.push(typeof nilai === "string" ? [nama, nilai] : [nama, {berkas: nilai, namaBerkas: nilai.name, jenis: nilai.type}]);
  }
  const rujukan = request.referrer || "";
  await self.DrafLuring.jalankan("readwrite", (toko) =>
    toko.add({
      alamat: request.url,
      asal: rujukan,
      isian,
      pengguna: "",  // diisi luring.js dengan pengguna halaman berikutnya (sesi yang sama)
      dibuat: new Date().toISOString(),
      status: "menunggu",
    })
  );
  return data.get("_berikutnya_luring") || "";
}

function halamanTersimpan(asal) {
  const kembali = asal && new URL(asal).origin === self.location.origin ? asal : "/";
  const html = `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Tersimpan di perangkat · Perhutanan</title><link rel="stylesheet" href="/static/css/perhutanan.css"></head><body><main class="luring-tersimpan" id="isi"><h1>Tersimpan di perangkat</h1><p data-uji="draf-tersimpan">Tidak ada sinyal, jadi isian Anda disimpan di perangkat ini dan akan dikirim otomatis begitu tersambung. Jangan hapus data peramban sebelum terkirim.</p><p><a href="${kembali}">Kembali ke halaman sebelumnya</a></p></main></body></html>`;
  return new Response(html, {status: 200, headers: {"Content-Type": "text/html; charset=utf-8"}});
}

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;

  if (req.method === "POST") {
    if (url.pathname === "/akun/keluar/") {
      generasi += 1;
      event.respondWith(caches.delete(HALAMAN).then(() => fetch(req)));
      return;
    }
    if (req.mode !== "navigate") return;
    // Formulir berkata sandi atau token (masuk, ganti sandi, token API, pendaftaran dan undangan
    // mitra) tidak pernah disimpan di perangkat: tanpa sinyal, peramban menunjukkan gagalnya.
    if (TIDAK_DISIMPAN.some((awal) => url.pathname.startsWith(awal))) return;
    const salinan = req.clone();
    event.respondWith(
      fetch(req).catch(async () => {
        const berikutnya = await simpanDraf(salinan);
        if (berikutnya) {
          const url = new URL(berikutnya, self.location.origin);
          if (url.origin === self.location.origin && (await caches.match(url.href, ABAIKAN_VARY))) {
            return Response.redirect(url.href, 303);
          }
        }
        return halamanTersimpan(salinan.referrer);
      })
    );
    return;
  }
  if (req.method !== "GET") return;

  if (url.pathname.startsWith("/static/")) {
    event.respondWith(
      caches.match(req).then((ada) => ada || fetch(req).then((r) => {
        if (r.ok) {
          const salinan = r.clone();
          caches.open(STATIS).then((c) => c.put(req, salinan));
        }
        return r;
      }))
    );
    return;
  }
  if (req.mode === "navigate" && !url.pathname.startsWith("/api/") && !url.pathname.startsWith("/admin/")) {
    event.respondWith(
      fetch(req).then((r) => {
        if (r.type === "opaqueredirect") simpanPengalihan(req.url);
        else simpanSalinan(req.url, r.clone());
        return r;
      }).catch(async () => (await caches.match(req, ABAIKAN_VARY)) || (await caches.match(LURING, ABAIKAN_VARY)) || Response.error())
    );
  }
});
