// Unggahan berkas yang menunjukkan kemajuannya dan berlanjut setelah sambungan putus.
//
// Setiap formulir POST berisi berkas: saat dikirim dengan sinyal, berkasnya diunggah dulu dalam
// potongan 256 KB ke /unggah/ (perhutanan/unggahan.py) dengan bilah kemajuan di samping
// kotaknya ("Mengunggah 45% · 450 KB dari 1 MB"). Bila sambungan putus, unggahan menunggu dan
// berlanjut dari bita terakhir yang diterima server, bukan dari awal. Setelah lengkap,
// formulirnya dikirim dengan rujukan `_unggahan:<kolom>` di tempat berkasnya; pemeriksaan isi
// berkas di server tetap sama. Tanpa sinyal sejak awal, formulir utuh (berkas juga) menjadi
// draf di perangkat (sw.js) dan luring.js mengunggahnya dengan cara yang sama saat tersambung.
(function () {
  "use strict";

  // Token CSRF sesi ini (body hx-headers); dipakai juga luring.js.
  function tokenCsrf() {
    try {
      return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"] || "";
    } catch (e) {
      return "";
    }
  }

  // Galat dari server (berkas ditolak): tidak dicoba lagi. Galat lain: sambungan, dicoba lagi.
  class DitolakServer extends Error {}

  async function bacaJson(r) {
    try {
      return await r.json();
    } catch (e) {
      return {};
    }
  }

  function ukuranTeks(bita) {
    if (bita >= 1024 * 1024) return `${(bita / 1024 / 1024).toLocaleString("id-ID", {maximumFractionDigits: 1})} MB`;
    return `${Math.max(1, Math.round(bita / 1024)).toLocaleString("id-ID")} KB`;
  }

  // Unggah `berkas`; lanjutkan unggahan `opsi.id` bila ada. Mengembalikan id unggahan lengkap.
  async function unggah(berkas, opsi = {}) {
    const kepala = {"X-CSRFToken": tokenCsrf()};
    let id = opsi.id || "";
    let diterima = 0;
    let potongan = 256 * 1024;
    if (id) {
      const r = await fetch(`/unggah/${id}/`, {credentials: "same-origin"});
      if (r.ok) diterima = (await bacaJson(r)).diterima || 0;
      else if (r.status === 404) id = "";
      else throw new Error(`status ${r.status}`);
    }
    if (!id) {
      const r = await fetch("/unggah/", {
        method: "POST",
        credentials: "same-origin",
        headers: {...kepala, "Content-Type": "application/json"},
        body: JSON.stringify({nama: berkas.name || "berkas", ukuran: berkas.size, jenis: berkas.type || ""}),
      });
      const isi = await bacaJson(r);
      if (r.status === 400) throw new DitolakServer(isi.galat || "Berkas ditolak.");
      if (!r.ok || !isi.id) throw new Error(`status ${r.status}`);
      id = isi.id;
      potongan = isi.potongan || potongan;
      if (opsi.saatId) await opsi.saatId(id);
    }
    if (opsi.saatKemajuan) opsi.saatKemajuan(diterima, berkas.size);
    while (diterima < berkas.size) {
      const r = await fetch(`/unggah/${id}/?mulai=${diterima}`, {
        method: "PUT",
        credentials: "same-origin",
        headers: kepala,
        body: berkas.slice(diterima, diterima + potongan),
      });
      const isi = await bacaJson(r);
      if (r.status === 409 && Number.isInteger(isi.diterima)) {
        diterima = isi.diterima; // server sudah punya lebih (atau kurang): ikuti server
        continue;
      }
      if (r.status === 400) throw new DitolakServer(isi.galat || "Berkas ditolak.");
      if (!r.ok) throw new Error(`status ${r.status}`);
      diterima = isi.diterima;
      if (opsi.saatKemajuan) opsi.saatKemajuan(diterima, berkas.size);
    }
    return id;
  }

  const jeda = (ms) => new Promise((ok) => setTimeout(ok, ms));
  function tungguSinyal() {
    return new Promise((ok) => {
      const selesai = () => {
        window.removeEventListener("online", selesai);
        ok();
      };
      window.addEventListener("online", selesai);
      setTimeout(selesai, 5000);
    });
  }

  window.UnggahBertahap = {unggah, DitolakServer, ukuranTeks, tokenCsrf};

  function wadahKemajuan(isian) {
    let wadah = isian.parentElement.querySelector(":scope > .unggah-kemajuan");
    if (!wadah) {
      wadah = document.createElement("div");
      wadah.className = "unggah-kemajuan small mt-1";
      const batang = document.createElement("progress");
      batang.className = "kemajuan";
      batang.setAttribute("aria-label", `Kemajuan unggah ${isian.labels?.[0]?.textContent?.trim() || "berkas"}`);
      const teks = document.createElement("span");
      teks.className = "ms-2";
      teks.setAttribute("role", "status");
      teks.setAttribute("aria-live", "polite");
      wadah.append(batang, teks);
      isian.after(wadah);
    }
    return {batang: wadah.querySelector("progress"), teks: wadah.querySelector("[role=status]")};
  }

  async function unggahIsian(form, isian) {
    const berkas = isian.files[0];
    const {batang, teks} = wadahKemajuan(isian);
    batang.max = berkas.size;
    let id = "";
    for (;;) {
      try {
        id = await unggah(berkas, {
          id,
          saatId: (baru) => {
            id = baru;
          },
          saatKemajuan: (n, total) => {
            batang.value = n;
            teks.textContent = `Mengunggah ${Math.floor((n * 100) / total)}% · ${ukuranTeks(n)} dari ${ukuranTeks(total)}`;
          },
        });
        break;
      } catch (galat) {
        if (galat instanceof DitolakServer) {
          teks.textContent = `Tidak terunggah: ${galat.message}`;
          teks.classList.add("text-danger");
          throw galat;
        }
        teks.textContent = `Sambungan terputus pada ${ukuranTeks(batang.value || 0)} dari ${ukuranTeks(berkas.size)}; unggahan berlanjut otomatis begitu tersambung.`;
        await tungguSinyal();
        await jeda(200);
      }
    }
    teks.textContent = `Terunggah ${ukuranTeks(berkas.size)}; menyimpan formulir…`;
    const rujukan = document.createElement("input");
    rujukan.type = "hidden";
    rujukan.name = `_unggahan:${isian.name}`;
    rujukan.value = id;
    form.append(rujukan);
    isian.disabled = true; // berkasnya tidak dikirim dua kali
  }

  document.addEventListener("submit", async (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || (form.getAttribute("method") || "").toLowerCase() !== "post") return;
    if (form.dataset.unggahSiap === "1" || event.defaultPrevented) return;
    const isian = [...form.querySelectorAll("input[type=file]")].filter((i) => !i.disabled && i.name && i.files.length === 1);
    // Tanpa sinyal: formulir utuh menjadi draf di perangkat (sw.js), tidak diunggah di sini.
    if (!isian.length || !navigator.onLine || !window.fetch) return;
    event.preventDefault();
    const tombol = event.submitter;
    if (tombol) tombol.disabled = true;
    try {
      for (const i of isian) await unggahIsian(form, i);
    } catch (galat) {
      if (tombol) tombol.disabled = false;
      return;
    }
    form.dataset.unggahSiap = "1";
    if (tombol) tombol.disabled = false;
    form.requestSubmit(tombol && tombol.form === form ? tombol : undefined);
  });
})();
