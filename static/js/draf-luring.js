// Simpanan draf formulir yang dikirim tanpa sinyal (IndexedDB "perhutanan-luring", toko
// "draf"). Satu definisi untuk service worker (/sw.js, lewat importScripts) dan halaman
// (static/js/luring.js).
self.DrafLuring = {
  buka() {
    return new Promise((ok, gagal) => {
      const r = indexedDB.open("perhutanan-luring", 1);
      r.onupgradeneeded = () => r.result.createObjectStore("draf", {keyPath: "id", autoIncrement: true});
      r.onsuccess = () => ok(r.result);
      r.onerror = () => gagal(r.error);
    });
  },
  async jalankan(mode, kerja) {
    const db = await this.buka();
    return new Promise((ok, gagal) => {
      const t = db.transaction("draf", mode);
      const hasil = kerja(t.objectStore("draf"));
      t.oncomplete = () => ok(hasil && "result" in hasil ? hasil.result : undefined);
      t.onerror = () => gagal(t.error);
    });
  },
};
